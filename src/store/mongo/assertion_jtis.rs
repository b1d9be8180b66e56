//! Client assertion ids in the `assertion_jtis` collection, `_id` the key. Recording is one
//! upserting `update_one` whose filter matches only an expired document: with a live one the
//! upsert's insert collides on `_id`, so of N concurrent uses on any node exactly one wins. The
//! TTL index on `expires_at` collects the rest.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use mongodb::bson::{doc, Document};

use super::{to_bson_dt, MongoResultExt, MongoStore, ASSERTION_JTIS};
use crate::store::{AssertionJtiStore, StoreError, StoreResult};

#[async_trait]
impl AssertionJtiStore for MongoStore {
    async fn record_assertion_jti(
        &self,
        key: &str,
        expires_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let filter = doc! { "_id": key, "expires_at": { "$lte": to_bson_dt(now) } };
        let update = doc! { "$set": { "expires_at": to_bson_dt(expires_at) } };
        match self
            .db
            .collection::<Document>(ASSERTION_JTIS)
            .update_one(filter, update)
            .upsert(true)
            .await
            .or_conflict("jti")
        {
            Ok(_) => Ok(true),
            Err(StoreError::Conflict(_)) => Ok(false),
            Err(e) => Err(e),
        }
    }
}
