//! Browser sessions in `sessions`: `_id` is the SHA-256 digest of the cookie value. A TTL index
//! on `expires_at` (the earlier of the idle and absolute deadlines, moved by `touch_session`)
//! removes dead sessions; whether a session is active is still decided by the domain.
//! `known_devices` holds the devices each person signed in from (`_id` is the user id and the
//! digest of the device cookie), refreshed at each sign-in and collected by a TTL index.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use mongodb::bson::{self, doc};
use serde::{Deserialize, Serialize};

use super::ops::stored;
use super::{collect, from_bson_dt, to_bson_dt, MongoResultExt, MongoStore};
use super::{duplicate_key_message, KNOWN_DEVICES, SESSIONS};
use crate::domain::Session;
use crate::store::{SessionStore, StoreResult};

#[derive(Debug, Serialize, Deserialize)]
struct SessionDoc {
    #[serde(rename = "_id")]
    id: String,
    user_id: String,
    auth_time: bson::DateTime,
    created_at: bson::DateTime,
    last_seen_at: bson::DateTime,
    expires_at: bson::DateTime,
    absolute_expires_at: bson::DateTime,
    user_agent: Option<String>,
    /// Absent on sessions from before it was recorded: password sign-ins.
    #[serde(default)]
    amr: Option<Vec<String>>,
    /// Absent on sessions from before it was recorded: they are listed, and end with
    /// "sign out everywhere else", but cannot be named one by one.
    #[serde(default)]
    public_id: String,
    #[serde(default)]
    ip: Option<String>,
}

impl SessionDoc {
    fn from_domain(s: &Session) -> Self {
        Self {
            id: s.id.clone(),
            user_id: s.user_id.clone(),
            auth_time: to_bson_dt(s.auth_time),
            created_at: to_bson_dt(s.created_at),
            last_seen_at: to_bson_dt(s.last_seen_at),
            expires_at: to_bson_dt(s.expires_at),
            absolute_expires_at: to_bson_dt(s.absolute_expires_at),
            user_agent: s.user_agent.clone(),
            amr: Some(s.amr.clone()),
            public_id: s.public_id.clone(),
            ip: s.ip.clone(),
        }
    }

    fn into_domain(self) -> StoreResult<Session> {
        Ok(Session {
            id: self.id,
            user_id: self.user_id,
            auth_time: from_bson_dt(self.auth_time)?,
            created_at: from_bson_dt(self.created_at)?,
            last_seen_at: from_bson_dt(self.last_seen_at)?,
            expires_at: from_bson_dt(self.expires_at)?,
            absolute_expires_at: from_bson_dt(self.absolute_expires_at)?,
            user_agent: self.user_agent,
            amr: self
                .amr
                .unwrap_or_else(|| crate::domain::amr_of_login(false)),
            public_id: self.public_id,
            ip: self.ip,
        })
    }
}

stored!(SessionDoc => Session, SESSIONS, "id");

#[async_trait]
impl SessionStore for MongoStore {
    async fn insert_session(&self, session: &Session) -> StoreResult<()> {
        self.insert_doc::<SessionDoc>(session).await
    }

    async fn get_session(&self, id: &str) -> StoreResult<Session> {
        self.get_doc::<SessionDoc>(doc! { "_id": id }).await
    }

    async fn touch_session(
        &self,
        id: &str,
        last_seen_at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<()> {
        let set = doc! {
            "last_seen_at": to_bson_dt(last_seen_at),
            "expires_at": to_bson_dt(expires_at),
        };
        self.set_by_id::<SessionDoc>(id, set).await
    }

    async fn delete_session(&self, id: &str) -> StoreResult<()> {
        self.delete_docs::<SessionDoc>(doc! { "_id": id }).await?;
        Ok(())
    }

    async fn delete_sessions_for_user(
        &self,
        user_id: &str,
        keep: Option<&str>,
    ) -> StoreResult<u64> {
        let mut filter = doc! { "user_id": user_id };
        if let Some(keep) = keep {
            filter.insert("_id", doc! { "$ne": keep });
        }
        self.delete_docs::<SessionDoc>(filter).await
    }

    async fn list_sessions_for_user(&self, user_id: &str) -> StoreResult<Vec<Session>> {
        let cursor = self
            .docs::<SessionDoc>()
            .find(doc! { "user_id": user_id })
            .sort(doc! { "created_at": -1 })
            .await
            .or_store()?;
        collect(cursor, SessionDoc::into_domain).await
    }

    async fn delete_user_session(&self, user_id: &str, public_id: &str) -> StoreResult<bool> {
        if public_id.is_empty() {
            return Ok(false);
        }
        let filter = doc! { "user_id": user_id, "public_id": public_id };
        Ok(self.delete_docs::<SessionDoc>(filter).await? > 0)
    }

    async fn remember_device(
        &self,
        user_id: &str,
        digest: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let update = doc! {
            "$set": { "last_seen_at": to_bson_dt(now), "expires_at": to_bson_dt(expires_at) },
            "$setOnInsert": { "user_id": user_id },
        };
        let id = format!("{user_id}/{digest}");
        let result = self
            .coll::<bson::Document>(KNOWN_DEVICES)
            .update_one(doc! { "_id": id }, update)
            .upsert(true)
            .await;
        match result {
            Ok(r) => Ok(r.upserted_id.is_some()),
            // A concurrent sign-in from the same device inserted it first: it is known.
            Err(e) if duplicate_key_message(&e).is_some() => Ok(false),
            Err(e) => Err(e).or_store(),
        }
    }

    async fn count_devices(&self, user_id: &str) -> StoreResult<u64> {
        self.coll::<bson::Document>(KNOWN_DEVICES)
            .count_documents(doc! { "user_id": user_id })
            .await
            .or_store()
    }

    async fn forget_devices(&self, user_id: &str) -> StoreResult<u64> {
        let result = self
            .coll::<bson::Document>(KNOWN_DEVICES)
            .delete_many(doc! { "user_id": user_id })
            .await
            .or_store()?;
        Ok(result.deleted_count)
    }
}
