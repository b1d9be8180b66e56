//! Browser sessions in SQLite: the `sessions` table, keyed by the SHA-256 digest of the cookie
//! value, and [`SessionStore`]. Whether a session is still active is the domain's decision
//! (`Session::is_active`); the sweeper removes rows past `expires_at`. `known_devices` holds
//! the digests of the device cookies each person signed in from.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{params, Row};

use super::{count, execute, execute_one, ms, query_all, query_one, time, SqliteStore};
use crate::domain::Session;
use crate::store::{SessionStore, StoreResult};

const INSERT: &str = "INSERT INTO sessions (id, user_id, auth_time, created_at, last_seen_at, \
     expires_at, absolute_expires_at, user_agent, amr, public_id, ip) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";

const INSERT_DEVICE: &str = "INSERT INTO known_devices (user_id, digest, last_seen_at, \
     expires_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (user_id, digest) DO NOTHING";

const TOUCH_DEVICE: &str =
    "UPDATE known_devices SET last_seen_at = ?3, expires_at = ?4 WHERE user_id = ?1 AND digest = ?2";

#[async_trait]
impl SessionStore for SqliteStore {
    async fn insert_session(&self, session: &Session) -> StoreResult<()> {
        let s = session.clone();
        self.call(move |c| {
            let p = params![
                s.id,
                s.user_id,
                ms(s.auth_time),
                ms(s.created_at),
                ms(s.last_seen_at),
                ms(s.expires_at),
                ms(s.absolute_expires_at),
                s.user_agent,
                s.amr.join(" "),
                s.public_id,
                s.ip,
            ];
            execute(c, INSERT, p).map(drop)
        })
        .await
    }

    async fn get_session(&self, id: &str) -> StoreResult<Session> {
        let id = id.to_owned();
        self.call_read(move |c| {
            query_one(
                c,
                "SELECT * FROM sessions WHERE id = ?1",
                [id],
                session_from_row,
            )
        })
        .await
    }

    async fn touch_session(
        &self,
        id: &str,
        last_seen_at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<()> {
        let id = id.to_owned();
        self.call(move |c| {
            let sql = "UPDATE sessions SET last_seen_at = ?2, expires_at = ?3 WHERE id = ?1";
            execute_one(c, sql, params![id, ms(last_seen_at), ms(expires_at)])
        })
        .await
    }

    async fn delete_session(&self, id: &str) -> StoreResult<()> {
        let id = id.to_owned();
        self.call(move |c| execute(c, "DELETE FROM sessions WHERE id = ?1", [id]).map(drop))
            .await
    }

    async fn delete_sessions_for_user(
        &self,
        user_id: &str,
        keep: Option<&str>,
    ) -> StoreResult<u64> {
        let (user_id, keep) = (user_id.to_owned(), keep.map(str::to_owned));
        self.call(move |c| {
            // `IS NOT` is NULL-safe: with no session to keep, every session matches.
            let sql = "DELETE FROM sessions WHERE user_id = ?1 AND id IS NOT ?2";
            execute(c, sql, params![user_id, keep])
        })
        .await
    }

    async fn list_sessions_for_user(&self, user_id: &str) -> StoreResult<Vec<Session>> {
        let user_id = user_id.to_owned();
        self.call_read(move |c| {
            let sql = "SELECT * FROM sessions WHERE user_id = ?1 ORDER BY created_at DESC";
            query_all(c, sql, [user_id], session_from_row)
        })
        .await
    }

    async fn delete_user_session(&self, user_id: &str, public_id: &str) -> StoreResult<bool> {
        let (user_id, public_id) = (user_id.to_owned(), public_id.to_owned());
        self.call(move |c| {
            let sql = "DELETE FROM sessions WHERE user_id = ?1 AND public_id = ?2 AND ?2 != ''";
            Ok(execute(c, sql, [user_id, public_id])? > 0)
        })
        .await
    }

    async fn remember_device(
        &self,
        user_id: &str,
        digest: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let (user_id, digest) = (user_id.to_owned(), digest.to_owned());
        self.call(move |c| {
            // The insert alone decides whether the device is new (one statement); a known
            // one only has its times moved.
            let p = params![user_id, digest, ms(now), ms(expires_at)];
            if execute(c, INSERT_DEVICE, p)? == 1 {
                return Ok(true);
            }
            let p = params![user_id, digest, ms(now), ms(expires_at)];
            execute(c, TOUCH_DEVICE, p)?;
            Ok(false)
        })
        .await
    }

    async fn count_devices(&self, user_id: &str) -> StoreResult<u64> {
        let user_id = user_id.to_owned();
        self.call_read(move |c| {
            let sql = "SELECT count(*) FROM known_devices WHERE user_id = ?1";
            count(c, sql, [user_id])
        })
        .await
    }

    async fn forget_devices(&self, user_id: &str) -> StoreResult<u64> {
        let user_id = user_id.to_owned();
        self.call(move |c| {
            let sql = "DELETE FROM known_devices WHERE user_id = ?1";
            execute(c, sql, [user_id])
        })
        .await
    }
}

fn session_from_row(r: &Row<'_>) -> StoreResult<Session> {
    Ok(Session {
        id: r.get("id")?,
        user_id: r.get("user_id")?,
        auth_time: time(r, "auth_time")?,
        created_at: time(r, "created_at")?,
        last_seen_at: time(r, "last_seen_at")?,
        expires_at: time(r, "expires_at")?,
        absolute_expires_at: time(r, "absolute_expires_at")?,
        user_agent: r.get("user_agent")?,
        amr: r
            .get::<_, String>("amr")?
            .split_whitespace()
            .map(str::to_owned)
            .collect(),
        public_id: r.get("public_id")?,
        ip: r.get("ip")?,
    })
}
