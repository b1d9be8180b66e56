//! Device authorization requests (RFC 8628) in the `device_codes` collection: `_id` is the
//! digest of the device code, a unique index covers the digest of the user code, and a TTL
//! index on `purge_at` collects them once expired for the purge grace. Every state change is
//! ONE conditional update: a poll is a `find_one_and_update` with an update pipeline that grows
//! the interval when the previous poll was too recent (exactly `DeviceCode::after_poll`);
//! approving, denying and consuming only match the status they leave, so exactly one caller
//! changes it.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use mongodb::bson::{self, doc};
use mongodb::options::ReturnDocument;
use serde::{Deserialize, Serialize};

use super::ops::stored;
use super::{
    corrupt, from_bson_dt, from_bson_opt, to_bson_dt, to_bson_opt, MongoResultExt, MongoStore,
    DEVICE_CODES,
};
use crate::domain::{
    token_purge_at, DeviceApproval, DeviceCode, DeviceDecision, DeviceStatus, SLOW_DOWN_STEP_SECS,
};
use crate::store::{DeviceCodeStore, StoreResult};

#[derive(Debug, Serialize, Deserialize)]
struct ApprovalDoc {
    user_id: String,
    scopes: Vec<String>,
    auth_time: bson::DateTime,
    session_id: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct DeviceCodeDoc {
    #[serde(rename = "_id")]
    digest: String,
    user_code_digest: String,
    client_id: String,
    scopes: Vec<String>,
    created_at: bson::DateTime,
    expires_at: bson::DateTime,
    /// `expires_at` + the purge grace: the TTL index collects on this.
    purge_at: bson::DateTime,
    interval_secs: i64,
    last_polled_at: Option<bson::DateTime>,
    status: String,
    approval: Option<ApprovalDoc>,
    /// The resources (RFC 8707); absent in documents stored before they were recorded.
    #[serde(default)]
    resources: Vec<String>,
}

impl DeviceCodeDoc {
    fn from_domain(c: &DeviceCode) -> Self {
        Self {
            digest: c.digest.clone(),
            user_code_digest: c.user_code_digest.clone(),
            client_id: c.client_id.clone(),
            scopes: c.scopes.clone(),
            created_at: to_bson_dt(c.created_at),
            expires_at: to_bson_dt(c.expires_at),
            purge_at: to_bson_dt(token_purge_at(c.expires_at)),
            interval_secs: c.interval_secs,
            last_polled_at: to_bson_opt(c.last_polled_at),
            status: DeviceStatus::Pending.as_str().to_owned(),
            approval: None,
            resources: c.resources.clone(),
        }
    }

    fn into_domain(self) -> StoreResult<DeviceCode> {
        let approval = self
            .approval
            .map(|a| {
                Ok::<_, crate::store::StoreError>(DeviceApproval {
                    user_id: a.user_id,
                    scopes: a.scopes,
                    auth_time: from_bson_dt(a.auth_time)?,
                    session_id: a.session_id,
                })
            })
            .transpose()?;
        let status = match (self.status.as_str(), approval) {
            ("pending", _) => DeviceStatus::Pending,
            ("approved", Some(a)) => DeviceStatus::Approved(a),
            ("denied", _) => DeviceStatus::Denied,
            ("consumed", _) => DeviceStatus::Consumed,
            (other, _) => return Err(corrupt("device code", "?", format!("status {other}"))),
        };
        Ok(DeviceCode {
            digest: self.digest,
            user_code_digest: self.user_code_digest,
            client_id: self.client_id,
            scopes: self.scopes,
            created_at: from_bson_dt(self.created_at)?,
            expires_at: from_bson_dt(self.expires_at)?,
            interval_secs: self.interval_secs,
            last_polled_at: from_bson_opt(self.last_polled_at)?,
            status,
            resources: self.resources,
        })
    }
}

stored!(DeviceCodeDoc => DeviceCode, DEVICE_CODES, "device_code");

#[async_trait]
impl DeviceCodeStore for MongoStore {
    async fn insert_device_code(&self, code: &DeviceCode) -> StoreResult<()> {
        self.insert_doc::<DeviceCodeDoc>(code).await
    }

    async fn find_device_code_by_user_code(
        &self,
        user_code_digest: &str,
    ) -> StoreResult<DeviceCode> {
        self.get_doc::<DeviceCodeDoc>(doc! { "user_code_digest": user_code_digest })
            .await
    }

    async fn record_device_poll(
        &self,
        digest: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<DeviceCode>> {
        let now = to_bson_dt(now);
        // Inside one `$set` stage every expression sees the document before the stage.
        let too_fast = doc! { "$and": [
            { "$ne": [{ "$ifNull": ["$last_polled_at", null] }, null] },
            { "$lt": [
                { "$subtract": [now, "$last_polled_at"] },
                { "$multiply": ["$interval_secs", 1000_i64] },
            ] },
        ] };
        let pipeline = vec![doc! { "$set": {
            "interval_secs": { "$cond": [
                too_fast,
                { "$add": ["$interval_secs", SLOW_DOWN_STEP_SECS] },
                "$interval_secs",
            ] },
            "last_polled_at": now,
        } }];
        self.docs::<DeviceCodeDoc>()
            .find_one_and_update(doc! { "_id": digest }, pipeline)
            .return_document(ReturnDocument::Before)
            .await
            .or_store()?
            .map(DeviceCodeDoc::into_domain)
            .transpose()
    }

    async fn decide_device_code(
        &self,
        user_code_digest: &str,
        decision: &DeviceDecision,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let filter = doc! {
            "user_code_digest": user_code_digest,
            "status": "pending",
            "expires_at": { "$gt": to_bson_dt(now) },
        };
        let update = match decision {
            DeviceDecision::Approve(a) => doc! { "$set": {
                "status": "approved",
                "approval": {
                    "user_id": &a.user_id,
                    "scopes": &a.scopes,
                    "auth_time": to_bson_dt(a.auth_time),
                    "session_id": a.session_id.as_deref(),
                },
            } },
            DeviceDecision::Deny => doc! { "$set": { "status": "denied" } },
        };
        let r = self
            .docs::<DeviceCodeDoc>()
            .update_one(filter, update)
            .await
            .or_store()?;
        Ok(r.modified_count == 1)
    }

    async fn take_approved_device_code(&self, digest: &str) -> StoreResult<Option<DeviceCode>> {
        self.docs::<DeviceCodeDoc>()
            .find_one_and_update(
                doc! { "_id": digest, "status": "approved" },
                doc! { "$set": { "status": "consumed" } },
            )
            .return_document(ReturnDocument::Before)
            .await
            .or_store()?
            .map(DeviceCodeDoc::into_domain)
            .transpose()
    }
}
