//! Browser sessions in `sessions`: `_id` is the SHA-256 digest of the cookie value. A TTL index
//! on `expires_at` (the earlier of the idle and absolute deadlines, moved by `touch_session`)
//! removes dead sessions; whether a session is active is still decided by the domain.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use mongodb::bson::{self, doc};
use serde::{Deserialize, Serialize};

use super::ops::stored;
use super::{from_bson_dt, to_bson_dt, MongoStore, SESSIONS};
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
}
