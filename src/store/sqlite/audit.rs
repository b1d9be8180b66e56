//! The audit log in SQLite: the `audit_events` table. A batch is inserted in one transaction
//! (`INSERT OR IGNORE`, so a batch written twice is not duplicated); a listing is one SELECT
//! whose absent filters are NULL parameters, newest first by `(time, id)`. The sweeper deletes
//! rows past `expires_at`.

use async_trait::async_trait;
use rusqlite::{params, Row};

use super::{json, ms, query_all, time, to_json, SqliteStore};
use crate::domain::{AuditEvent, AuditEventType, AuditQuery};
use crate::store::{AuditStore, StoreResult};

const INSERT: &str = "INSERT OR IGNORE INTO audit_events (id, time, type, reason, actor, \
     subject, app, ip, user_agent, request_id, details, expires_at) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

const LIST: &str = "SELECT * FROM audit_events WHERE expires_at > ?1 \
     AND (?2 IS NULL OR subject = ?2) AND (?3 IS NULL OR app = ?3) \
     AND (?4 IS NULL OR (type >= ?4 AND type < ?5)) \
     AND (?6 IS NULL OR time >= ?6) AND (?7 IS NULL OR time < ?7) \
     AND (?8 IS NULL OR time < ?8 OR (time = ?8 AND id < ?9)) \
     ORDER BY time DESC, id DESC LIMIT ?10";

#[async_trait]
impl AuditStore for SqliteStore {
    async fn insert_audit_events(&self, events: &[AuditEvent]) -> StoreResult<()> {
        let rows = events
            .iter()
            .map(|e| Ok((e.clone(), to_json(&e.details)?)))
            .collect::<StoreResult<Vec<_>>>()?;
        self.call(move |c| {
            let tx = c.savepoint()?;
            {
                let mut stmt = tx.prepare_cached(INSERT)?;
                for (e, details) in &rows {
                    stmt.execute(params![
                        e.id,
                        ms(e.time),
                        e.kind.as_str(),
                        e.reason,
                        e.actor,
                        e.subject,
                        e.app,
                        e.ip,
                        e.user_agent,
                        e.request_id,
                        details,
                        ms(e.expires_at),
                    ])?;
                }
            }
            tx.commit()?;
            Ok(())
        })
        .await
    }

    async fn list_audit_events(&self, q: &AuditQuery) -> StoreResult<Vec<AuditEvent>> {
        let q = q.clone();
        self.call_read(move |c| {
            let kind = q.kind.as_ref().map(|k| k.as_str().to_owned());
            let kind_end = q.kind.as_ref().map(|k| k.upper_bound());
            let (after_time, after_id) = match &q.after {
                Some(a) => (Some(ms(a.time)), Some(a.id.clone())),
                None => (None, None),
            };
            let (now, since, until) = (ms(q.now), q.since.map(ms), q.until.map(ms));
            let limit = i64::from(q.limit);
            let p = params![
                now, q.user, q.app, kind, kind_end, since, until, after_time, after_id, limit,
            ];
            query_all(c, LIST, p, from_row)
        })
        .await
    }
}

fn from_row(r: &Row<'_>) -> StoreResult<AuditEvent> {
    let kind: String = r.get("type")?;
    Ok(AuditEvent {
        id: r.get("id")?,
        time: time(r, "time")?,
        kind: AuditEventType::parse(&kind).ok_or_else(|| super::corrupt("audit type", &kind))?,
        reason: r.get("reason")?,
        actor: r.get("actor")?,
        subject: r.get("subject")?,
        app: r.get("app")?,
        ip: r.get("ip")?,
        user_agent: r.get("user_agent")?,
        request_id: r.get("request_id")?,
        details: json(r, "details")?,
        expires_at: time(r, "expires_at")?,
    })
}
