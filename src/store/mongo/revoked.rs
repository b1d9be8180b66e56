//! The deny-list of revoked access tokens in `revoked_tokens`: `_id` is the `jti`, `expires_at`
//! the token's own expiry, on which the TTL index collects the entry. Entries are only ever
//! inserted (a duplicate means the token was already revoked), so the change feed announces
//! each one to the other nodes as an insert carrying its expiry (`changes.rs`).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use mongodb::bson::{self, doc};
use serde::{Deserialize, Serialize};

use super::{collect, from_bson_dt, to_bson_dt, MongoResultExt, MongoStore, REVOKED_TOKENS};
use crate::store::revoked::RevokedTokenStore;
use crate::store::{StoreError, StoreResult};

#[derive(Serialize, Deserialize)]
struct RevokedDoc {
    #[serde(rename = "_id")]
    jti: String,
    expires_at: bson::DateTime,
}

impl RevokedDoc {
    fn into_entry(self) -> StoreResult<(String, DateTime<Utc>)> {
        Ok((self.jti, from_bson_dt(self.expires_at)?))
    }
}

impl MongoStore {
    fn revoked(&self) -> mongodb::Collection<RevokedDoc> {
        self.coll(REVOKED_TOKENS)
    }
}

#[async_trait]
impl RevokedTokenStore for MongoStore {
    async fn insert_revoked(&self, jti: &str, expires_at: DateTime<Utc>) -> StoreResult<()> {
        let entry = RevokedDoc {
            jti: jti.to_owned(),
            expires_at: to_bson_dt(expires_at),
        };
        match self.revoked().insert_one(entry).await.or_conflict("jti") {
            Ok(_) | Err(StoreError::Conflict(_)) => Ok(()),
            Err(e) => Err(e),
        }
    }

    async fn is_revoked(&self, jti: &str) -> StoreResult<bool> {
        let found = self
            .revoked()
            .find_one(doc! { "_id": jti })
            .await
            .or_store()?;
        Ok(found.is_some())
    }

    async fn list_revoked(&self) -> StoreResult<Vec<(String, DateTime<Utc>)>> {
        let cursor = self.revoked().find(doc! {}).await.or_store()?;
        collect(cursor, RevokedDoc::into_entry).await
    }
}
