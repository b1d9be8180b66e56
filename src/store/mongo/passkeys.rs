//! Passkeys in `passkeys`: `_id` is the credential id (base64url), indexed by `user_id`. A use
//! is one conditional `update_one` whose filter checks the counter.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use mongodb::bson::{self, doc};
use serde::{Deserialize, Serialize};

use super::ops::stored;
use super::{collect, from_bson_dt, to_bson_dt, MongoResultExt, MongoStore, PASSKEYS};
use crate::domain::Passkey;
use crate::store::{PasskeyStore, StoreError, StoreResult};

#[derive(Debug, Serialize, Deserialize)]
struct PasskeyDoc {
    #[serde(rename = "_id")]
    credential_id: String,
    user_id: String,
    public_key: String,
    counter: i64,
    name: String,
    backup_eligible: bool,
    created_at: bson::DateTime,
    last_used_at: Option<bson::DateTime>,
}

impl PasskeyDoc {
    fn from_domain(p: &Passkey) -> Self {
        Self {
            credential_id: p.credential_id.clone(),
            user_id: p.user_id.clone(),
            public_key: p.public_key.clone(),
            counter: p.counter,
            name: p.name.clone(),
            backup_eligible: p.backup_eligible,
            created_at: to_bson_dt(p.created_at),
            last_used_at: p.last_used_at.map(to_bson_dt),
        }
    }

    fn into_domain(self) -> StoreResult<Passkey> {
        Ok(Passkey {
            credential_id: self.credential_id,
            user_id: self.user_id,
            public_key: self.public_key,
            counter: self.counter,
            name: self.name,
            backup_eligible: self.backup_eligible,
            created_at: from_bson_dt(self.created_at)?,
            last_used_at: self.last_used_at.map(from_bson_dt).transpose()?,
        })
    }
}

stored!(PasskeyDoc => Passkey, PASSKEYS, "credential_id");

#[async_trait]
impl PasskeyStore for MongoStore {
    async fn insert_passkey(&self, passkey: &Passkey) -> StoreResult<()> {
        self.insert_doc::<PasskeyDoc>(passkey).await
    }

    async fn find_passkey(&self, credential_id: &str) -> StoreResult<Option<Passkey>> {
        match self
            .get_doc::<PasskeyDoc>(doc! { "_id": credential_id })
            .await
        {
            Ok(p) => Ok(Some(p)),
            Err(StoreError::NotFound) => Ok(None),
            Err(e) => Err(e),
        }
    }

    async fn list_passkeys(&self, user_id: &str) -> StoreResult<Vec<Passkey>> {
        let cursor = self
            .docs::<PasskeyDoc>()
            .find(doc! { "user_id": user_id })
            .sort(doc! { "created_at": 1, "_id": 1 })
            .await
            .or_store()?;
        collect(cursor, PasskeyDoc::into_domain).await
    }

    async fn record_passkey_use(
        &self,
        credential_id: &str,
        counter: i64,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let advances = if counter == 0 {
            doc! { "counter": 0_i64 }
        } else {
            doc! { "counter": { "$lt": counter } }
        };
        let mut filter = doc! { "_id": credential_id };
        filter.extend(advances);
        let update = doc! { "$set": { "counter": counter, "last_used_at": to_bson_dt(now) } };
        let r = self
            .docs::<PasskeyDoc>()
            .update_one(filter, update)
            .await
            .or_store()?;
        Ok(r.matched_count == 1)
    }

    async fn rename_passkey(
        &self,
        user_id: &str,
        credential_id: &str,
        name: &str,
    ) -> StoreResult<bool> {
        let filter = doc! { "_id": credential_id, "user_id": user_id };
        let r = self
            .docs::<PasskeyDoc>()
            .update_one(filter, doc! { "$set": { "name": name } })
            .await
            .or_store()?;
        Ok(r.matched_count == 1)
    }

    async fn delete_passkey(&self, user_id: &str, credential_id: &str) -> StoreResult<bool> {
        let filter = doc! { "_id": credential_id, "user_id": user_id };
        Ok(self.delete_docs::<PasskeyDoc>(filter).await? == 1)
    }

    async fn delete_passkeys_for_user(&self, user_id: &str) -> StoreResult<u64> {
        self.delete_docs::<PasskeyDoc>(doc! { "user_id": user_id })
            .await
    }
}
