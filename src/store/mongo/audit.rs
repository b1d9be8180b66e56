//! The audit log in the `audit_events` collection, `_id` the event id. A batch is one unordered
//! `insert_many` (a batch written twice is not duplicated: duplicate ids are skipped); a
//! listing is one `find` sorted `(time, _id)` descending. The TTL index on `expires_at`
//! collects events past their retention; the indexes on `subject`, `app` and `type` (each
//! followed by the time) serve the filters.

use std::collections::BTreeMap;

use async_trait::async_trait;
use mongodb::bson::{self, doc, Document};
use serde::{Deserialize, Serialize};

use super::{collect, from_bson_dt, to_bson_dt, MongoResultExt, MongoStore, AUDIT_EVENTS};
use crate::domain::{AuditEvent, AuditEventType, AuditQuery};
use crate::store::{AuditStore, StoreError, StoreResult};

#[derive(Debug, Serialize, Deserialize)]
struct AuditDoc {
    #[serde(rename = "_id")]
    id: String,
    time: bson::DateTime,
    #[serde(rename = "type")]
    kind: String,
    reason: Option<String>,
    actor: String,
    subject: Option<String>,
    app: Option<String>,
    ip: Option<String>,
    user_agent: Option<String>,
    request_id: Option<String>,
    details: BTreeMap<String, String>,
    expires_at: bson::DateTime,
}

impl AuditDoc {
    fn from_domain(e: &AuditEvent) -> Self {
        Self {
            id: e.id.clone(),
            time: to_bson_dt(e.time),
            kind: e.kind.as_str().to_owned(),
            reason: e.reason.clone(),
            actor: e.actor.clone(),
            subject: e.subject.clone(),
            app: e.app.clone(),
            ip: e.ip.clone(),
            user_agent: e.user_agent.clone(),
            request_id: e.request_id.clone(),
            details: e.details.clone(),
            expires_at: to_bson_dt(e.expires_at),
        }
    }

    fn into_domain(self) -> StoreResult<AuditEvent> {
        let kind = AuditEventType::parse(&self.kind)
            .ok_or_else(|| super::corrupt("audit event", &self.id, &self.kind))?;
        Ok(AuditEvent {
            time: from_bson_dt(self.time)?,
            kind,
            reason: self.reason,
            actor: self.actor,
            subject: self.subject,
            app: self.app,
            ip: self.ip,
            user_agent: self.user_agent,
            request_id: self.request_id,
            details: self.details,
            expires_at: from_bson_dt(self.expires_at)?,
            id: self.id,
        })
    }
}

/// The filter of a listing; absent filters are left out.
fn filter_of(q: &AuditQuery) -> Document {
    let mut filter = doc! { "expires_at": { "$gt": to_bson_dt(q.now) } };
    if let Some(user) = &q.user {
        filter.insert("subject", user.as_str());
    }
    if let Some(app) = &q.app {
        filter.insert("app", app.as_str());
    }
    if let Some(kind) = &q.kind {
        filter.insert(
            "type",
            doc! { "$gte": kind.as_str(), "$lt": kind.upper_bound() },
        );
    }
    let mut time = Document::new();
    if let Some(since) = q.since {
        time.insert("$gte", to_bson_dt(since));
    }
    if let Some(until) = q.until {
        time.insert("$lt", to_bson_dt(until));
    }
    if !time.is_empty() {
        filter.insert("time", time);
    }
    if let Some(after) = &q.after {
        let at = to_bson_dt(after.time);
        filter.insert(
            "$or",
            vec![
                doc! { "time": { "$lt": at } },
                doc! { "time": at, "_id": { "$lt": after.id.as_str() } },
            ],
        );
    }
    filter
}

#[async_trait]
impl AuditStore for MongoStore {
    async fn insert_audit_events(&self, events: &[AuditEvent]) -> StoreResult<()> {
        if events.is_empty() {
            return Ok(());
        }
        let docs: Vec<AuditDoc> = events.iter().map(AuditDoc::from_domain).collect();
        match self
            .coll::<AuditDoc>(AUDIT_EVENTS)
            .insert_many(docs)
            .ordered(false)
            .await
            .or_conflict("id")
        {
            // Unordered: every other event of the batch was inserted.
            Ok(_) | Err(StoreError::Conflict(_)) => Ok(()),
            Err(e) => Err(e),
        }
    }

    async fn list_audit_events(&self, q: &AuditQuery) -> StoreResult<Vec<AuditEvent>> {
        let cursor = self
            .coll::<AuditDoc>(AUDIT_EVENTS)
            .find(filter_of(q))
            .sort(doc! { "time": -1, "_id": -1 })
            .limit(i64::from(q.limit.max(1)))
            .await
            .or_store()?;
        let mut events = collect(cursor, AuditDoc::into_domain).await?;
        events.truncate(q.limit as usize);
        Ok(events)
    }
}
