//! Dynamic client registration in MongoDB: the `initial_access_tokens` collection (`_id` the
//! token's digest, collected by the TTL index on `expires_at`) and `client_registrations`
//! (`_id` the client id). A use of an initial access token is one `find_one_and_update` that
//! only matches while a use is left and the token is live; a change of registration access
//! token is one `update_one` that only matches the digest it replaces. Tokens minted before
//! they had an `id` get one at start-up ([`MongoStore::backfill_initial_token_ids`]).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use mongodb::bson::{self, doc};
use mongodb::options::ReturnDocument;
use serde::{Deserialize, Serialize};

use super::ops::stored;
use super::{
    find_page, from_bson_dt, to_bson_dt, MongoResultExt, MongoStore, CLIENT_REGISTRATIONS,
    INITIAL_ACCESS_TOKENS,
};
use crate::domain::{ClientRegistration, InitialAccessToken, Page, Paged, RegisteredMetadata};
use crate::store::{RegistrationStore, StoreError, StoreResult};

#[derive(Debug, Serialize, Deserialize)]
struct InitialTokenDoc {
    #[serde(rename = "_id")]
    digest: String,
    /// Absent only on a token minted before ids, until the start-up backfill.
    #[serde(default)]
    id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    label: Option<String>,
    max_uses: i64,
    uses_left: i64,
    created_by: String,
    created_at: bson::DateTime,
    expires_at: bson::DateTime,
}

impl InitialTokenDoc {
    fn from_domain(t: &InitialAccessToken) -> Self {
        Self {
            digest: t.digest.clone(),
            id: Some(t.id.clone()),
            label: t.label.clone(),
            max_uses: i64::from(t.max_uses),
            uses_left: i64::from(t.uses_left),
            created_by: t.created_by.clone(),
            created_at: to_bson_dt(t.created_at),
            expires_at: to_bson_dt(t.expires_at),
        }
    }

    fn into_domain(self) -> StoreResult<InitialAccessToken> {
        let count = |n: i64| {
            u32::try_from(n).map_err(|e| super::corrupt("initial access token", &self.digest, e))
        };
        Ok(InitialAccessToken {
            max_uses: count(self.max_uses)?,
            uses_left: count(self.uses_left)?,
            created_at: from_bson_dt(self.created_at)?,
            expires_at: from_bson_dt(self.expires_at)?,
            created_by: self.created_by,
            id: self.id.unwrap_or_default(),
            label: self.label,
            digest: self.digest,
        })
    }
}

stored!(InitialTokenDoc => InitialAccessToken, INITIAL_ACCESS_TOKENS, "initial_access_token");

#[derive(Debug, Serialize, Deserialize)]
struct RegistrationDoc {
    #[serde(rename = "_id")]
    client_id: String,
    token_digest: String,
    metadata: RegisteredMetadata,
    created_at: bson::DateTime,
    updated_at: bson::DateTime,
}

impl RegistrationDoc {
    fn from_domain(r: &ClientRegistration) -> Self {
        Self {
            client_id: r.client_id.clone(),
            token_digest: r.token_digest.clone(),
            metadata: r.metadata.clone(),
            created_at: to_bson_dt(r.created_at),
            updated_at: to_bson_dt(r.updated_at),
        }
    }

    fn into_domain(self) -> StoreResult<ClientRegistration> {
        Ok(ClientRegistration {
            client_id: self.client_id,
            token_digest: self.token_digest,
            metadata: self.metadata,
            created_at: from_bson_dt(self.created_at)?,
            updated_at: from_bson_dt(self.updated_at)?,
        })
    }
}

stored!(RegistrationDoc => ClientRegistration, CLIENT_REGISTRATIONS, "client_id");

#[async_trait]
impl RegistrationStore for MongoStore {
    async fn insert_initial_token(&self, token: &InitialAccessToken) -> StoreResult<()> {
        self.insert_doc::<InitialTokenDoc>(token).await
    }

    async fn get_initial_token(&self, digest: &str) -> StoreResult<Option<InitialAccessToken>> {
        match self
            .get_doc::<InitialTokenDoc>(doc! { "_id": digest })
            .await
        {
            Ok(t) => Ok(Some(t)),
            Err(StoreError::NotFound) => Ok(None),
            Err(e) => Err(e),
        }
    }

    async fn use_initial_token(
        &self,
        digest: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<InitialAccessToken>> {
        let filter = doc! {
            "_id": digest,
            "uses_left": { "$gt": 0 },
            "expires_at": { "$gt": to_bson_dt(now) },
        };
        self.docs::<InitialTokenDoc>()
            .find_one_and_update(filter, doc! { "$inc": { "uses_left": -1 } })
            .return_document(ReturnDocument::After)
            .await
            .or_store()?
            .map(InitialTokenDoc::into_domain)
            .transpose()
    }

    async fn list_initial_tokens(
        &self,
        now: DateTime<Utc>,
        page: Page,
    ) -> StoreResult<Paged<InitialAccessToken>> {
        let filter = doc! { "expires_at": { "$gt": to_bson_dt(now) } };
        let sort = doc! { "created_at": -1, "id": -1 };
        let coll = self.docs::<InitialTokenDoc>();
        find_page(&coll, filter, sort, page, InitialTokenDoc::into_domain).await
    }

    async fn revoke_initial_token(&self, id: &str) -> StoreResult<bool> {
        let deleted = self
            .delete_docs::<InitialTokenDoc>(doc! { "id": id })
            .await?;
        Ok(deleted > 0)
    }

    async fn insert_registration(&self, registration: &ClientRegistration) -> StoreResult<()> {
        self.insert_doc::<RegistrationDoc>(registration).await
    }

    async fn get_registration(&self, client_id: &str) -> StoreResult<ClientRegistration> {
        self.get_doc::<RegistrationDoc>(doc! { "_id": client_id })
            .await
    }

    async fn replace_registration(
        &self,
        old_digest: &str,
        new: &ClientRegistration,
    ) -> StoreResult<bool> {
        let filter = doc! { "_id": &new.client_id, "token_digest": old_digest };
        let metadata =
            bson::serialize_to_bson(&new.metadata).map_err(|e| StoreError::Internal(e.into()))?;
        let set = doc! {
            "token_digest": &new.token_digest,
            "metadata": metadata,
            "updated_at": to_bson_dt(new.updated_at),
        };
        match self
            .update_doc::<RegistrationDoc>(filter, doc! { "$set": set })
            .await
        {
            Ok(()) => Ok(true),
            Err(StoreError::NotFound) => Ok(false),
            Err(e) => Err(e),
        }
    }

    async fn delete_registration(&self, client_id: &str) -> StoreResult<()> {
        self.delete_docs::<RegistrationDoc>(doc! { "_id": client_id })
            .await
            .map(drop)
    }
}

impl MongoStore {
    /// Gives every initial access token minted before tokens had an `id` a random one, each by
    /// one conditional update (several nodes starting at once give each token one id).
    pub(super) async fn backfill_initial_token_ids(&self) -> StoreResult<()> {
        use futures_util::TryStreamExt;

        let coll = self.db.collection::<bson::Document>(INITIAL_ACCESS_TOKENS);
        let missing = doc! { "id": { "$exists": false } };
        let ids: Vec<bson::Document> = coll
            .find(missing.clone())
            .projection(doc! { "_id": 1 })
            .await
            .or_store()?
            .try_collect()
            .await
            .or_store()?;
        for d in ids {
            let Some(digest) = d.get("_id").cloned() else {
                continue;
            };
            let mut filter = missing.clone();
            filter.insert("_id", digest);
            let id = uuid::Uuid::new_v4().simple().to_string();
            coll.update_one(filter, doc! { "$set": { "id": id } })
                .await
                .or_store()?;
        }
        Ok(())
    }
}
