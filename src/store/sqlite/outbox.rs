//! The mail outbox in SQLite: the `outbox` table and [`OutboxStore`]. A claim is ONE
//! `UPDATE ... RETURNING` whose subquery picks the due message, so of concurrent claimers (in
//! this process or another on the same file, which SQLite serialises) exactly one gets it.
//! Acknowledging and releasing match the claim, so a sender whose lease ended cannot undo the
//! claim that took over. Expired messages are deleted by the sweeper (`admin.rs`).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{params, Row};

use super::{count, execute, ms, query_opt, time, SqliteStore};
use crate::store::{OutboxMessage, OutboxStore, StoreResult};

const INSERT: &str = "INSERT INTO outbox (id, kind, user_id, recipient, subject, text_body, \
     html_body, created_at, expires_at, due_at, attempts) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";

/// `?1` the claim, `?2` now, `?3` the lease end, `?4` the id or NULL for any due message.
const CLAIM: &str = "UPDATE outbox SET due_at = ?3, claim = ?1, attempts = attempts + 1 \
     WHERE id = (SELECT id FROM outbox WHERE due_at <= ?2 AND expires_at > ?2 \
     AND (?4 IS NULL OR id = ?4) ORDER BY due_at, id LIMIT 1) RETURNING *";

#[async_trait]
impl OutboxStore for SqliteStore {
    async fn enqueue_mail(&self, message: &OutboxMessage) -> StoreResult<()> {
        let m = message.clone();
        self.call(move |c| {
            let p = params![
                m.id,
                m.kind,
                m.user_id,
                m.to,
                m.subject,
                m.text,
                m.html,
                ms(m.created_at),
                ms(m.expires_at),
                ms(m.due_at),
                m.attempts,
            ];
            execute(c, INSERT, p).map(drop)
        })
        .await
    }

    async fn claim_mail(
        &self,
        id: Option<&str>,
        claim: &str,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
    ) -> StoreResult<Option<OutboxMessage>> {
        let (id, claim) = (id.map(str::to_owned), claim.to_owned());
        self.call(move |c| {
            let p = params![claim, ms(now), ms(lease_until), id];
            query_opt(c, CLAIM, p, from_row)
        })
        .await
    }

    async fn ack_mail(&self, id: &str, claim: &str) -> StoreResult<bool> {
        let (id, claim) = (id.to_owned(), claim.to_owned());
        self.call(move |c| {
            let sql = "DELETE FROM outbox WHERE id = ?1 AND claim = ?2";
            Ok(execute(c, sql, [id.as_str(), claim.as_str()])? > 0)
        })
        .await
    }

    async fn release_mail(
        &self,
        id: &str,
        claim: &str,
        retry_at: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let (id, claim) = (id.to_owned(), claim.to_owned());
        self.call(move |c| {
            let sql = "UPDATE outbox SET due_at = ?3, claim = NULL WHERE id = ?1 AND claim = ?2";
            Ok(execute(c, sql, params![id, claim, ms(retry_at)])? > 0)
        })
        .await
    }

    async fn count_mail(&self) -> StoreResult<u64> {
        self.call_read(|c| count(c, "SELECT COUNT(*) FROM outbox", []))
            .await
    }
}

fn from_row(r: &Row<'_>) -> StoreResult<OutboxMessage> {
    Ok(OutboxMessage {
        id: r.get("id")?,
        kind: r.get("kind")?,
        user_id: r.get("user_id")?,
        to: r.get("recipient")?,
        subject: r.get("subject")?,
        text: r.get("text_body")?,
        html: r.get("html_body")?,
        created_at: time(r, "created_at")?,
        expires_at: time(r, "expires_at")?,
        due_at: time(r, "due_at")?,
        attempts: r.get("attempts")?,
    })
}
