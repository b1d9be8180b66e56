//! One-time email tokens (verify email, reset password, change email) in SQLite: the
//! `email_tokens` table, keyed by the SHA-256 digest of the token, and [`EmailTokenStore`].
//! Consumption is a single `DELETE ... RETURNING`: of N concurrent callers exactly one gets the
//! row back. Expiry is the caller's decision.

use async_trait::async_trait;
use rusqlite::{params, Row};

use super::{execute, ms, query_opt, time, SqliteStore};
use crate::domain::{EmailToken, EmailTokenPurpose};
use crate::store::{EmailTokenStore, StoreResult};

const INSERT: &str = "INSERT INTO email_tokens (digest, user_id, purpose, email, created_at, \
     expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
const CONSUME: &str = "DELETE FROM email_tokens WHERE digest = ?1 AND purpose = ?2 RETURNING *";

#[async_trait]
impl EmailTokenStore for SqliteStore {
    async fn insert_email_token(&self, token: &EmailToken) -> StoreResult<()> {
        let t = token.clone();
        self.call(move |c| {
            let p = params![
                t.digest,
                t.user_id,
                t.purpose.as_str(),
                t.email,
                ms(t.created_at),
                ms(t.expires_at),
            ];
            execute(c, INSERT, p).map(drop)
        })
        .await
    }

    async fn consume_email_token(
        &self,
        digest: &str,
        purpose: EmailTokenPurpose,
    ) -> StoreResult<Option<EmailToken>> {
        let digest = digest.to_owned();
        self.call(move |c| {
            query_opt(
                c,
                CONSUME,
                [digest.as_str(), purpose.as_str()],
                token_from_row,
            )
        })
        .await
    }

    async fn delete_email_tokens_for_user(
        &self,
        user_id: &str,
        purpose: EmailTokenPurpose,
    ) -> StoreResult<()> {
        let user_id = user_id.to_owned();
        self.call(move |c| {
            let sql = "DELETE FROM email_tokens WHERE user_id = ?1 AND purpose = ?2";
            execute(c, sql, [user_id.as_str(), purpose.as_str()]).map(drop)
        })
        .await
    }

    async fn delete_all_email_tokens_for_user(&self, user_id: &str) -> StoreResult<u64> {
        let user_id = user_id.to_owned();
        self.call(move |c| {
            let sql = "DELETE FROM email_tokens WHERE user_id = ?1";
            execute(c, sql, [user_id.as_str()])
        })
        .await
    }
}

fn token_from_row(r: &Row<'_>) -> StoreResult<EmailToken> {
    let purpose: String = r.get("purpose")?;
    Ok(EmailToken {
        digest: r.get("digest")?,
        user_id: r.get("user_id")?,
        purpose: EmailTokenPurpose::parse(&purpose).map_err(|e| super::corrupt("purpose", e))?,
        email: r.get("email")?,
        created_at: time(r, "created_at")?,
        expires_at: time(r, "expires_at")?,
    })
}
