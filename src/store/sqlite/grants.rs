//! Grants and their token families in SQLite: the `grants`, `refresh_tokens` and
//! `access_tokens` tables and [`GrantStore`]. Revoking a grant revokes its refresh and access
//! tokens in the same transaction (RFC 6749 §10.4, RFC 7009 §2.1). Refresh rotation is one
//! savepoint that took the write lock first: a conditional UPDATE marks the old token used, and
//! only the caller whose UPDATE changed the row stores the new token, so a replayed refresh
//! token is detected (OAuth 2.0 Security BCP §4.14) and nothing is stored for it.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use super::grant_records::{
    access_from_row, grant_from_row, insert_grant, insert_refresh, refresh_from_row, INSERT_ACCESS,
};
use super::{execute, execute_one, ms, query_all, query_one, query_opt};
use super::{to_json, SqliteStore};
use crate::domain::{AccessTokenRecord, Grant, RefreshToken};
use crate::store::{GrantStore, RefreshRotation, StoreResult};

const MARK_USED: &str = "UPDATE refresh_tokens SET used = 1 \
     WHERE digest = ?1 AND used = 0 AND revoked = 0 RETURNING *";

/// Which grants a revocation covers. `?1` is the id, client id or user id.
#[derive(Clone, Copy)]
enum Family {
    Grant,
    Client,
    User,
}

impl Family {
    /// Selects the grants.
    fn grants(self) -> &'static str {
        match self {
            Self::Grant => "id = ?1",
            Self::Client => "client_id = ?1",
            Self::User => "user_id = ?1",
        }
    }

    /// Selects their tokens. For a client or a user this also takes tokens that carry its id
    /// without a grant (client credentials): revocation may over-reach, never under-reach.
    fn tokens(self) -> &'static str {
        match self {
            Self::Grant => "grant_id = ?1",
            Self::Client => {
                "(client_id = ?1 OR grant_id IN (SELECT id FROM grants WHERE client_id = ?1))"
            }
            Self::User => {
                "(user_id = ?1 OR grant_id IN (SELECT id FROM grants WHERE user_id = ?1))"
            }
        }
    }
}

#[async_trait]
impl GrantStore for SqliteStore {
    async fn insert_grant(&self, grant: &Grant) -> StoreResult<()> {
        let g = grant.clone();
        self.call(move |c| insert_grant(c, &g)).await
    }

    /// One call: both rows share a commit (and a failure of the second undoes the first).
    async fn insert_grant_with_refresh(
        &self,
        grant: &Grant,
        token: &RefreshToken,
    ) -> StoreResult<()> {
        let (g, t) = (grant.clone(), token.clone());
        self.call(move |c| {
            insert_grant(c, &g)?;
            insert_refresh(c, &t)
        })
        .await
    }

    async fn get_grant(&self, id: &str) -> StoreResult<Grant> {
        let id = id.to_owned();
        self.call_read(move |c| {
            query_one(
                c,
                "SELECT * FROM grants WHERE id = ?1",
                [id],
                grant_from_row,
            )
        })
        .await
    }

    async fn list_active_grants_for_user(
        &self,
        user_id: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<Grant>> {
        let user_id = user_id.to_owned();
        self.call_read(move |c| {
            let sql = "SELECT * FROM grants WHERE user_id = ?1 AND revoked_at IS NULL \
                       AND expires_at > ?2 ORDER BY created_at DESC, id DESC";
            query_all(c, sql, params![user_id, ms(now)], grant_from_row)
        })
        .await
    }

    async fn touch_grant(&self, id: &str, now: DateTime<Utc>) -> StoreResult<()> {
        let id = id.to_owned();
        self.call(move |c| {
            let sql = "UPDATE grants SET last_used_at = ?2 WHERE id = ?1";
            execute_one(c, sql, params![id, ms(now)])
        })
        .await
    }

    async fn revoke_grant(&self, id: &str, now: DateTime<Utc>) -> StoreResult<()> {
        let id = id.to_owned();
        self.call_immediate(move |c| {
            let tx = c.savepoint()?;
            query_one(&tx, "SELECT 1 FROM grants WHERE id = ?1", [&id], |_| Ok(()))?;
            revoke(&tx, Family::Grant, &id, now)?;
            Ok(tx.commit()?)
        })
        .await
    }

    async fn revoke_grants_for_client(
        &self,
        client_id: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<u64> {
        let client_id = client_id.to_owned();
        self.call_immediate(move |c| {
            let tx = c.savepoint()?;
            let n = revoke(&tx, Family::Client, &client_id, now)?;
            tx.commit()?;
            Ok(n)
        })
        .await
    }

    async fn revoke_grants_for_user(&self, user_id: &str, now: DateTime<Utc>) -> StoreResult<u64> {
        let user_id = user_id.to_owned();
        self.call_immediate(move |c| {
            let tx = c.savepoint()?;
            let n = revoke(&tx, Family::User, &user_id, now)?;
            tx.commit()?;
            Ok(n)
        })
        .await
    }

    async fn insert_refresh(&self, token: &RefreshToken) -> StoreResult<()> {
        let t = token.clone();
        self.call(move |c| insert_refresh(c, &t)).await
    }

    async fn get_refresh(&self, digest: &str) -> StoreResult<RefreshToken> {
        let digest = digest.to_owned();
        self.call_read(move |c| {
            let sql = "SELECT * FROM refresh_tokens WHERE digest = ?1";
            query_one(c, sql, [digest], refresh_from_row)
        })
        .await
    }

    async fn rotate_refresh(
        &self,
        old_digest: &str,
        new: &RefreshToken,
    ) -> StoreResult<RefreshRotation> {
        let (old_digest, new) = (old_digest.to_owned(), new.clone());
        self.call_immediate(move |c| {
            let tx = c.savepoint()?;
            let Some(old) = query_opt(&tx, MARK_USED, [&old_digest], refresh_from_row)? else {
                // Nothing changed: dropping `tx` rolls back, so nothing is stored.
                let sql = "SELECT * FROM refresh_tokens WHERE digest = ?1";
                return Ok(
                    match query_opt(&tx, sql, [&old_digest], refresh_from_row)? {
                        Some(old) => RefreshRotation::Reused(old),
                        None => RefreshRotation::NotFound,
                    },
                );
            };
            // A failure here (e.g. the new digest exists) rolls the old token back to unused.
            insert_refresh(&tx, &new)?;
            tx.commit()?;
            // RETURNING shows the row after the update; report it as it was before.
            Ok(RefreshRotation::Rotated(RefreshToken {
                used: false,
                ..old
            }))
        })
        .await
    }

    async fn revoke_refresh(&self, digest: &str) -> StoreResult<bool> {
        let digest = digest.to_owned();
        self.call(move |c| {
            let sql = "UPDATE refresh_tokens SET revoked = 1 WHERE digest = ?1";
            Ok(execute(c, sql, [digest])? > 0)
        })
        .await
    }

    async fn insert_access(&self, token: &AccessTokenRecord) -> StoreResult<()> {
        let t = token.clone();
        self.call(move |c| {
            let p = params![
                t.jti,
                t.grant_id,
                t.client_id,
                t.user_id,
                to_json(&t.scopes)?,
                ms(t.issued_at),
                ms(t.expires_at),
                t.revoked,
            ];
            execute(c, INSERT_ACCESS, p).map(drop)
        })
        .await
    }

    async fn get_access(&self, jti: &str) -> StoreResult<AccessTokenRecord> {
        let jti = jti.to_owned();
        self.call_read(move |c| {
            let sql = "SELECT * FROM access_tokens WHERE jti = ?1";
            query_one(c, sql, [jti], access_from_row)
        })
        .await
    }

    async fn revoke_access(&self, jti: &str) -> StoreResult<bool> {
        let jti = jti.to_owned();
        self.call(move |c| {
            let sql = "UPDATE access_tokens SET revoked = 1 WHERE jti = ?1";
            Ok(execute(c, sql, [jti])? > 0)
        })
        .await
    }
}

/// Revokes a family of grants and all their tokens; the caller holds the transaction. Returns
/// how many grants were newly revoked: an already revoked grant keeps its first `revoked_at`
/// and is not counted, but its tokens are revoked again in case one slipped in since.
fn revoke(c: &Connection, family: Family, key: &str, now: DateTime<Utc>) -> StoreResult<u64> {
    let grants = format!(
        "UPDATE grants SET revoked_at = ?2 WHERE {} AND revoked_at IS NULL",
        family.grants()
    );
    let n = execute(c, &grants, params![key, ms(now)])?;
    for table in ["refresh_tokens", "access_tokens"] {
        let sql = format!(
            "UPDATE {table} SET revoked = 1 WHERE revoked = 0 AND {}",
            family.tokens()
        );
        execute(c, &sql, [key])?;
    }
    Ok(n)
}
