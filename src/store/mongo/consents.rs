//! Remembered consents in `consents`: one document per (user, app) under a unique index, written
//! with an upserting replace so "put" inserts or replaces atomically. The `_id` is a
//! server-generated ObjectId the domain never sees.

use async_trait::async_trait;
use mongodb::bson::{self, doc, Document};
use serde::{Deserialize, Serialize};

use super::{collect, find_one, from_bson_dt, to_bson_dt, MongoResultExt, MongoStore, CONSENTS};
use crate::domain::Consent;
use crate::store::{ConsentStore, StoreError, StoreResult};

/// `_id` (an ObjectId) is left to the server and ignored when reading.
#[derive(Debug, Serialize, Deserialize)]
struct ConsentDoc {
    user_id: String,
    client_id: String,
    scopes: Vec<String>,
    created_at: bson::DateTime,
    updated_at: bson::DateTime,
    /// The resources (RFC 8707); absent in documents stored before they were recorded.
    #[serde(default)]
    resources: Vec<String>,
}

impl ConsentDoc {
    fn from_domain(c: &Consent) -> Self {
        Self {
            user_id: c.user_id.clone(),
            client_id: c.client_id.clone(),
            scopes: c.scopes.clone(),
            created_at: to_bson_dt(c.created_at),
            updated_at: to_bson_dt(c.updated_at),
            resources: c.resources.clone(),
        }
    }

    fn into_domain(self) -> StoreResult<Consent> {
        Ok(Consent {
            user_id: self.user_id,
            client_id: self.client_id,
            scopes: self.scopes,
            created_at: from_bson_dt(self.created_at)?,
            updated_at: from_bson_dt(self.updated_at)?,
            resources: self.resources,
        })
    }
}

fn key(user_id: &str, client_id: &str) -> Document {
    doc! { "user_id": user_id, "client_id": client_id }
}

impl MongoStore {
    fn consents(&self) -> mongodb::Collection<ConsentDoc> {
        self.coll(CONSENTS)
    }

    async fn upsert_consent(&self, consent: &Consent) -> StoreResult<()> {
        self.consents()
            .replace_one(
                key(&consent.user_id, &consent.client_id),
                ConsentDoc::from_domain(consent),
            )
            .upsert(true)
            .await
            .or_conflict("consent")?;
        Ok(())
    }
}

#[async_trait]
impl ConsentStore for MongoStore {
    async fn get_consent(&self, user_id: &str, client_id: &str) -> StoreResult<Consent> {
        find_one(
            &self.consents(),
            key(user_id, client_id),
            ConsentDoc::into_domain,
        )
        .await
    }

    async fn put_consent(&self, consent: &Consent) -> StoreResult<()> {
        // Two concurrent upserts of a new pair can both try to insert; the loser sees the unique
        // index and succeeds on retry by replacing the winner's document.
        match self.upsert_consent(consent).await {
            Err(StoreError::Conflict(_)) => self.upsert_consent(consent).await,
            other => other,
        }
    }

    async fn delete_consent(&self, user_id: &str, client_id: &str) -> StoreResult<()> {
        self.consents()
            .delete_one(key(user_id, client_id))
            .await
            .or_store()?;
        Ok(())
    }

    async fn delete_consents_for_client(&self, client_id: &str) -> StoreResult<()> {
        self.consents()
            .delete_many(doc! { "client_id": client_id })
            .await
            .or_store()?;
        Ok(())
    }

    async fn delete_consents_for_user(&self, user_id: &str) -> StoreResult<()> {
        self.consents()
            .delete_many(doc! { "user_id": user_id })
            .await
            .or_store()?;
        Ok(())
    }

    /// Ordered by when consent was first given, then client id.
    async fn list_consents_for_user(&self, user_id: &str) -> StoreResult<Vec<Consent>> {
        let cursor = self
            .consents()
            .find(doc! { "user_id": user_id })
            .sort(doc! { "created_at": 1, "client_id": 1 })
            .await
            .or_store()?;
        collect(cursor, ConsentDoc::into_domain).await
    }
}
