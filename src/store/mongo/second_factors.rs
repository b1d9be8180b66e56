//! Second factors in `second_factors`: `_id` is the user id; the document holds the sealed TOTP
//! secret, `confirmed_at` (null while enrolling), `last_step` and the digests of unused
//! recovery codes. Whether a code counts is decided by one conditional `update_one`: `$set` of
//! `last_step` only where it is lower, `$pull` of a recovery code only where it is present, so
//! of concurrent requests with one code exactly one matches.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use mongodb::bson::{self, doc, Document};
use serde::{Deserialize, Serialize};

use super::ops::stored;
use super::{from_bson_dt, to_bson_dt, MongoResultExt, MongoStore, SECOND_FACTORS};
use crate::domain::SecondFactor;
use crate::store::{SecondFactorStore, StoreError, StoreResult};

#[derive(Debug, Serialize, Deserialize)]
struct SecondFactorDoc {
    #[serde(rename = "_id")]
    user_id: String,
    secret: String,
    confirmed_at: Option<bson::DateTime>,
    last_step: i64,
    #[serde(default)]
    recovery_codes: Vec<String>,
    created_at: bson::DateTime,
}

impl SecondFactorDoc {
    fn from_domain(f: &SecondFactor) -> Self {
        Self {
            user_id: f.user_id.clone(),
            secret: f.secret.clone(),
            confirmed_at: f.confirmed_at.map(to_bson_dt),
            last_step: f.last_step,
            recovery_codes: f.recovery_codes.clone(),
            created_at: to_bson_dt(f.created_at),
        }
    }

    fn into_domain(self) -> StoreResult<SecondFactor> {
        Ok(SecondFactor {
            user_id: self.user_id,
            secret: self.secret,
            confirmed_at: self.confirmed_at.map(from_bson_dt).transpose()?,
            last_step: self.last_step,
            recovery_codes: self.recovery_codes,
            created_at: from_bson_dt(self.created_at)?,
        })
    }
}

stored!(SecondFactorDoc => SecondFactor, SECOND_FACTORS, "user_id");

/// The confirmed factor of `user_id`, with `extra` conditions.
fn active(user_id: &str, extra: Document) -> Document {
    let mut filter = doc! { "_id": user_id, "confirmed_at": { "$ne": null } };
    filter.extend(extra);
    filter
}

impl MongoStore {
    /// Applies `update` to the one document `filter` matches; whether it changed one.
    async fn update_factor(&self, filter: Document, update: Document) -> StoreResult<bool> {
        let coll = self.docs::<SecondFactorDoc>();
        let r = coll.update_one(filter, update).await.or_store()?;
        Ok(r.modified_count == 1)
    }
}

#[async_trait]
impl SecondFactorStore for MongoStore {
    async fn get_second_factor(&self, user_id: &str) -> StoreResult<Option<SecondFactor>> {
        match self
            .get_doc::<SecondFactorDoc>(doc! { "_id": user_id })
            .await
        {
            Ok(f) => Ok(Some(f)),
            Err(StoreError::NotFound) => Ok(None),
            Err(e) => Err(e),
        }
    }

    async fn put_enrolment(&self, factor: &SecondFactor) -> StoreResult<bool> {
        // Upserting over an unconfirmed document only: with a confirmed one the filter does
        // not match, the upsert's insert collides on `_id`, and nothing changes.
        let filter = doc! { "_id": &factor.user_id, "confirmed_at": null };
        let update = doc! { "$set": {
            "secret": &factor.secret,
            "last_step": 0_i64,
            "recovery_codes": [],
            "created_at": to_bson_dt(factor.created_at),
        } };
        let coll = self.docs::<SecondFactorDoc>();
        match coll
            .update_one(filter, update)
            .upsert(true)
            .await
            .or_conflict("user_id")
        {
            Ok(_) => Ok(true),
            Err(StoreError::Conflict(_)) => Ok(false),
            Err(e) => Err(e),
        }
    }

    async fn confirm_enrolment(
        &self,
        user_id: &str,
        secret: &str,
        step: i64,
        recovery_codes: &[String],
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let filter = doc! { "_id": user_id, "secret": secret, "confirmed_at": null };
        let update = doc! { "$set": {
            "confirmed_at": to_bson_dt(now),
            "last_step": step,
            "recovery_codes": recovery_codes,
        } };
        self.update_factor(filter, update).await
    }

    async fn use_totp_step(&self, user_id: &str, step: i64) -> StoreResult<bool> {
        let filter = active(user_id, doc! { "last_step": { "$lt": step } });
        self.update_factor(filter, doc! { "$set": { "last_step": step } })
            .await
    }

    async fn take_recovery_code(&self, user_id: &str, digest: &str) -> StoreResult<bool> {
        let filter = active(user_id, doc! { "recovery_codes": digest });
        let update = doc! { "$pull": { "recovery_codes": digest } };
        self.update_factor(filter, update).await
    }

    async fn replace_recovery_codes(&self, user_id: &str, digests: &[String]) -> StoreResult<bool> {
        let coll = self.docs::<SecondFactorDoc>();
        let update = doc! { "$set": { "recovery_codes": digests } };
        let r = coll
            .update_one(active(user_id, Document::new()), update)
            .await
            .or_store()?;
        Ok(r.matched_count == 1)
    }

    async fn delete_second_factor(&self, user_id: &str) -> StoreResult<bool> {
        Ok(self
            .delete_docs::<SecondFactorDoc>(doc! { "_id": user_id })
            .await?
            == 1)
    }
}
