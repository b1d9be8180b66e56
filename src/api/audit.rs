//! The audit log for administrators: `GET /api/v1/admin/audit-events`, newest first, filtered
//! by the person concerned, the app, the type (a dotted name or a prefix such as `login.`) and
//! a time range, paged with an opaque cursor. Needs the `admin` scope, which only
//! administrators hold.
//!
//! Handlers authorize, call one `service::audit` function and map the result. Must not import
//! a concrete store backend.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use poem_openapi::param::Query;
use poem_openapi::payload::Json;
use poem_openapi::{Object, OpenApi};

use super::caller::Caller;
use super::response::{api_response, WwwAuthenticate};
use super::ApiTags;
use crate::domain::AuditEvent;
use crate::service::audit::{self, AuditFilter, AuditPage};

#[derive(Default)]
pub struct AuditApi;

/// One recorded event. Never carries a secret, password, token, code or digest.
#[derive(Debug, Object)]
pub struct AuditEventObject {
    pub id: String,
    pub time: DateTime<Utc>,
    /// What happened, a dotted name: `login.succeeded`, `login.failed`, `logout`,
    /// `throttle.refused`, `password.changed`, `password.reset`, `email.changed`,
    /// `second_factor.enabled`, `second_factor.disabled`, `recovery_code.used`,
    /// `consent.granted`, `consent.revoked`, `token.revoked`, `grant.revoked`,
    /// `refresh.reuse_detected`, `app.created`, `app.changed`, `app.deleted`,
    /// `app.secret_rotated`, `admin.*`, `key.rotated`, `session.ended`, `account.registered`,
    /// `email.verified`, `recovery_codes.regenerated`.
    #[oai(rename = "type")]
    pub kind: String,
    /// Why it ended so (`bad_password`, `unknown_user`, `throttled`, `second_factor_failed`,
    /// `disabled`, `unverified`, `code_replayed`).
    #[oai(skip_serializing_if_is_none)]
    pub reason: Option<String>,
    /// A user id, an app's client id, `anonymous` (an unknown account) or `system`.
    pub actor: String,
    /// The person the event is about.
    #[oai(skip_serializing_if_is_none)]
    pub subject: Option<String>,
    /// The app (client id) involved.
    #[oai(skip_serializing_if_is_none)]
    pub app: Option<String>,
    #[oai(skip_serializing_if_is_none)]
    pub ip: Option<String>,
    #[oai(skip_serializing_if_is_none)]
    pub user_agent: Option<String>,
    /// The `x-request-id` of the request that caused it.
    #[oai(skip_serializing_if_is_none)]
    pub request_id: Option<String>,
    /// Small facts of the kind (a scope list, a key id, a count).
    pub details: BTreeMap<String, String>,
}

impl From<AuditEvent> for AuditEventObject {
    fn from(e: AuditEvent) -> Self {
        Self {
            id: e.id,
            time: e.time,
            kind: e.kind.as_str().to_owned(),
            reason: e.reason,
            actor: e.actor,
            subject: e.subject,
            app: e.app,
            ip: e.ip,
            user_agent: e.user_agent,
            request_id: e.request_id,
            details: e.details,
        }
    }
}

/// One page of events, newest first.
#[derive(Debug, Object)]
pub struct AuditEventList {
    pub items: Vec<AuditEventObject>,
    /// Pass as `next` to get the following (older) page; absent on the last page.
    #[oai(skip_serializing_if_is_none)]
    pub next: Option<String>,
}

impl From<AuditPage> for AuditEventList {
    fn from(p: AuditPage) -> Self {
        Self {
            items: p.events.into_iter().map(Into::into).collect(),
            next: p.next,
        }
    }
}

api_response! {
    ListAuditEventsResponse {
        /// One page of events, newest first.
        200 Ok(Json<AuditEventList>),
    }
    ListAuditEventsError as ListAuditEvents {
        /// `type`, `next` or `limit` is invalid (see `fields`).
        422 Invalid,
        ..admin
    }
}

#[OpenApi(tag = "ApiTags::Admin")]
impl AuditApi {
    /// List audit events
    ///
    /// Returns security-relevant events (sign-ins, account and app changes, revocations,
    /// administration, key rotation), newest first, `limit` (1–100, default 50) at a time.
    /// Filters: `user` (the person concerned), `app` (a client id), `type` (a dotted name or
    /// a prefix ending in `.`, such as `login.`), `since` (inclusive) and `until` (exclusive).
    /// Pass the `next` of a page to get the following one. Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/audit-events",
        method = "get",
        operation_id = "listAuditEvents"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn list(
        &self,
        c: Caller<'_>,
        user: Query<Option<String>>,
        app: Query<Option<String>>,
        #[oai(name = "type")] kind: Query<Option<String>>,
        since: Query<Option<DateTime<Utc>>>,
        until: Query<Option<DateTime<Utc>>>,
        next: Query<Option<String>>,
        #[oai(validator(minimum(value = "1"), maximum(value = "100")))] limit: Query<Option<u32>>,
    ) -> ListAuditEvents {
        c.admin().await?;
        let filter = AuditFilter {
            user: user.0,
            app: app.0,
            kind: kind.0,
            since: since.0,
            until: until.0,
            cursor: next.0,
            limit: limit.0,
        };
        let page = audit::list_events(&c, filter).await?;
        Ok(ListAuditEventsResponse::Ok(Json(page.into())))
    }
}
