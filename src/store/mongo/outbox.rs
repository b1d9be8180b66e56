//! The mail outbox in the `outbox` collection: `_id` is the message id. A claim is ONE
//! `find_one_and_update` on a due, unexpired message (the earliest `due_at` first) that moves
//! `due_at` to the lease end and records the claim, so of any number of nodes polling the same
//! database exactly one gets a message; acknowledging and releasing match the claim. A TTL index
//! on `expires_at` collects the messages whose links expired before they could be delivered.
//! Bodies hold live links: nothing here logs them.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use mongodb::bson::{self, doc, Bson, Document};
use mongodb::options::{IndexOptions, ReturnDocument};
use mongodb::IndexModel;
use serde::{Deserialize, Serialize};

use super::{from_bson_dt, to_bson_dt, MongoResultExt, MongoStore};
use crate::store::{OutboxMessage, OutboxStore, StoreResult};

const OUTBOX: &str = "outbox";

#[derive(Debug, Serialize, Deserialize)]
struct OutboxDoc {
    #[serde(rename = "_id")]
    id: String,
    kind: String,
    user_id: String,
    to: String,
    subject: String,
    text: String,
    html: String,
    created_at: bson::DateTime,
    expires_at: bson::DateTime,
    due_at: bson::DateTime,
    attempts: i64,
    claim: Option<String>,
}

impl OutboxDoc {
    fn from_domain(m: &OutboxMessage) -> Self {
        Self {
            id: m.id.clone(),
            kind: m.kind.clone(),
            user_id: m.user_id.clone(),
            to: m.to.clone(),
            subject: m.subject.clone(),
            text: m.text.clone(),
            html: m.html.clone(),
            created_at: to_bson_dt(m.created_at),
            expires_at: to_bson_dt(m.expires_at),
            due_at: to_bson_dt(m.due_at),
            attempts: i64::from(m.attempts),
            claim: None,
        }
    }

    fn into_domain(self) -> StoreResult<OutboxMessage> {
        Ok(OutboxMessage {
            attempts: u32::try_from(self.attempts)
                .map_err(|e| super::corrupt("outbox", &self.id, e))?,
            id: self.id,
            kind: self.kind,
            user_id: self.user_id,
            to: self.to,
            subject: self.subject,
            text: self.text,
            html: self.html,
            created_at: from_bson_dt(self.created_at)?,
            expires_at: from_bson_dt(self.expires_at)?,
            due_at: from_bson_dt(self.due_at)?,
        })
    }
}

impl MongoStore {
    fn outbox(&self) -> mongodb::Collection<OutboxDoc> {
        self.coll(OUTBOX)
    }

    /// The claim query's index and the TTL index; idempotent (start-up).
    pub(super) async fn create_outbox_indexes(&self) -> StoreResult<()> {
        let ttl = IndexOptions::builder()
            .name("expires_at_ttl".to_string())
            .expire_after(std::time::Duration::ZERO)
            .build();
        let due = IndexOptions::builder().name("due_at".to_string()).build();
        let models = [
            IndexModel::builder()
                .keys(doc! { "expires_at": 1 })
                .options(ttl)
                .build(),
            IndexModel::builder()
                .keys(doc! { "due_at": 1 })
                .options(due)
                .build(),
        ];
        self.db
            .collection::<Document>(OUTBOX)
            .create_indexes(models)
            .await
            .or_store()?;
        Ok(())
    }
}

#[async_trait]
impl OutboxStore for MongoStore {
    async fn enqueue_mail(&self, message: &OutboxMessage) -> StoreResult<()> {
        self.outbox()
            .insert_one(OutboxDoc::from_domain(message))
            .await
            .or_conflict("id")?;
        Ok(())
    }

    async fn claim_mail(
        &self,
        id: Option<&str>,
        claim: &str,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
    ) -> StoreResult<Option<OutboxMessage>> {
        let now = to_bson_dt(now);
        let mut filter = doc! { "due_at": { "$lte": now }, "expires_at": { "$gt": now } };
        if let Some(id) = id {
            filter.insert("_id", id);
        }
        let update = doc! {
            "$set": { "due_at": to_bson_dt(lease_until), "claim": claim },
            "$inc": { "attempts": 1_i64 },
        };
        self.outbox()
            .find_one_and_update(filter, update)
            .sort(doc! { "due_at": 1, "_id": 1 })
            .return_document(ReturnDocument::After)
            .await
            .or_store()?
            .map(OutboxDoc::into_domain)
            .transpose()
    }

    async fn ack_mail(&self, id: &str, claim: &str) -> StoreResult<bool> {
        let deleted = self
            .outbox()
            .delete_one(doc! { "_id": id, "claim": claim })
            .await
            .or_store()?;
        Ok(deleted.deleted_count > 0)
    }

    async fn release_mail(
        &self,
        id: &str,
        claim: &str,
        retry_at: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let update = doc! { "$set": { "due_at": to_bson_dt(retry_at), "claim": Bson::Null } };
        let updated = self
            .outbox()
            .update_one(doc! { "_id": id, "claim": claim }, update)
            .await
            .or_store()?;
        Ok(updated.matched_count > 0)
    }

    async fn count_mail(&self) -> StoreResult<u64> {
        self.outbox().count_documents(doc! {}).await.or_store()
    }
}
