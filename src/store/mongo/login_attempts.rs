//! Fixed-window counters (failed logins, wrong device codes, emails sent) in `login_attempts`:
//! `_id` is the counter key. Counting is ONE
//! `find_one_and_update` with an upsert and an update pipeline, so concurrent failures (from
//! any process) never lose a count, and a counter whose window ended restarts atomically. A TTL
//! index on `expires_at` removes ended windows. A release is one conditional `$inc: -1`.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use mongodb::bson::{self, doc};
use mongodb::options::ReturnDocument;
use serde::{Deserialize, Serialize};

use super::{from_bson_dt, to_bson_dt, MongoResultExt, MongoStore, LOGIN_ATTEMPTS};
use crate::domain::LoginAttempts;
use crate::store::{LoginAttemptStore, StoreError, StoreResult};

#[derive(Debug, Serialize, Deserialize)]
struct LoginAttemptsDoc {
    #[serde(rename = "_id")]
    key: String,
    count: i64,
    window_start: bson::DateTime,
    expires_at: bson::DateTime,
}

impl LoginAttemptsDoc {
    fn into_domain(self) -> StoreResult<LoginAttempts> {
        Ok(LoginAttempts {
            count: u32::try_from(self.count)
                .map_err(|e| StoreError::Internal(anyhow::anyhow!("login_attempts count: {e}")))?,
            key: self.key,
            window_start: from_bson_dt(self.window_start)?,
            expires_at: from_bson_dt(self.expires_at)?,
        })
    }
}

impl MongoStore {
    fn login_attempts(&self) -> mongodb::Collection<LoginAttemptsDoc> {
        self.coll(LOGIN_ATTEMPTS)
    }
}

#[async_trait]
impl LoginAttemptStore for MongoStore {
    async fn record_login_failure(
        &self,
        key: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<LoginAttempts> {
        let (now, expires_at) = (to_bson_dt(now), to_bson_dt(expires_at));
        let restart = doc! { "$or": [
            { "$eq": [{ "$type": "$expires_at" }, "missing"] },
            { "$lte": ["$expires_at", now] },
        ] };
        let pipeline = vec![
            doc! { "$set": { "restart": restart } },
            doc! { "$set": {
                "count": { "$cond": ["$restart", 1_i64, { "$add": ["$count", 1_i64] }] },
                "window_start": { "$cond": ["$restart", now, "$window_start"] },
                "expires_at": { "$cond": ["$restart", expires_at, "$expires_at"] },
            } },
            doc! { "$unset": "restart" },
        ];
        self.login_attempts()
            .find_one_and_update(doc! { "_id": key }, pipeline)
            .upsert(true)
            .return_document(ReturnDocument::After)
            .await
            .or_store()?
            .ok_or_else(|| StoreError::Internal(anyhow::anyhow!("upsert returned no document")))?
            .into_domain()
    }

    async fn get_login_attempts(&self, key: &str) -> StoreResult<Option<LoginAttempts>> {
        self.login_attempts()
            .find_one(doc! { "_id": key })
            .await
            .or_store()?
            .map(LoginAttemptsDoc::into_domain)
            .transpose()
    }

    async fn release_login_attempt(
        &self,
        key: &str,
        window_start: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let filter = doc! {
            "_id": key,
            "window_start": to_bson_dt(window_start),
            "count": { "$gt": 0_i64 },
        };
        let r = self
            .login_attempts()
            .update_one(filter, doc! { "$inc": { "count": -1_i64 } })
            .await
            .or_store()?;
        Ok(r.modified_count == 1)
    }

    async fn clear_login_attempts(&self, key: &str) -> StoreResult<()> {
        self.login_attempts()
            .delete_one(doc! { "_id": key })
            .await
            .or_store()?;
        Ok(())
    }
}
