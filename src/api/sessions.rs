//! The person's own browser sessions (`/api/v1/me/sessions`): list them, end one, end every one
//! but the calling session. Only the person's own browser session may call these (with
//! `X-CSRF-Token` on unsafe methods): a bearer token is refused whatever its scopes, since an
//! app must never see or end where its user is signed in. A session is named by its public id,
//! never by its cookie value or the digest the store keeps.

use chrono::{DateTime, Utc};
use poem_openapi::param::Path;
use poem_openapi::payload::Json;
use poem_openapi::{Object, OpenApi};

use super::caller::Caller;
use super::response::{api_response, WwwAuthenticate};
use super::ApiTags;
use crate::domain::{Device, Session};
use crate::service::sessions;

#[derive(Default)]
pub struct SessionsApi;

/// One browser session of the caller.
#[derive(Debug, Object)]
pub struct SessionInfo {
    /// The session's public id: pass it to `endMySession`. It grants nothing.
    pub id: String,
    /// The browser family, from the User-Agent at sign-in (`Other` when not recognised).
    pub browser: String,
    /// The operating system family, from the same header.
    pub os: String,
    /// The client's address at sign-in, when known.
    #[oai(skip_serializing_if_is_none)]
    pub ip: Option<String>,
    /// When the person signed in.
    pub signed_in_at: DateTime<Utc>,
    /// When the session was last used (recorded at most every five minutes).
    pub last_seen_at: DateTime<Utc>,
    /// Whether this is the session making the call.
    pub current: bool,
}

impl SessionInfo {
    fn of(s: Session, current: Option<&str>) -> Self {
        let device = Device::of(s.user_agent.as_deref());
        Self {
            current: current == Some(s.id.as_str()),
            id: s.public_id,
            browser: device.browser.to_owned(),
            os: device.os.to_owned(),
            ip: s.ip,
            signed_in_at: s.created_at,
            last_seen_at: s.last_seen_at,
        }
    }
}

/// The caller's active sessions, most recently started first.
#[derive(Debug, Object)]
pub struct SessionList {
    pub items: Vec<SessionInfo>,
}

/// How many sessions ended.
#[derive(Debug, Object)]
pub struct EndedSessions {
    pub ended: u64,
}

api_response! {
    ListSessionsResponse {
        /// The caller's active sessions.
        200 Ok(Json<SessionList>),
    }
    ListSessionsError as ListSessions {
        /// No valid session (RFC 6750 `invalid_token`).
        401 Unauthorized(WwwAuthenticate),
        /// Called with an access token instead of the browser session.
        403 Forbidden(WwwAuthenticate),
        ..store
    }
}

api_response! {
    EndSessionResponse {
        /// Ended: the session is refused from its very next request.
        204 Ended,
    }
    EndSessionError as EndSession {
        /// No valid session (RFC 6750 `invalid_token`).
        401 Unauthorized(WwwAuthenticate),
        /// Called with an access token instead of the browser session, or without
        /// `X-CSRF-Token`.
        403 Forbidden(WwwAuthenticate),
        /// The caller has no session with this id (another person's is never touched).
        404 NotFound,
        ..store
    }
}

api_response! {
    EndOthersResponse {
        /// Every other session of the caller ended; the calling one stays.
        200 Ok(Json<EndedSessions>),
    }
    EndOthersError as EndOthers {
        /// No valid session (RFC 6750 `invalid_token`).
        401 Unauthorized(WwwAuthenticate),
        /// Called with an access token instead of the browser session, or without
        /// `X-CSRF-Token`.
        403 Forbidden(WwwAuthenticate),
        ..store
    }
}

#[OpenApi(tag = "ApiTags::Account")]
impl SessionsApi {
    /// List my sessions
    ///
    /// The caller's active browser sessions: device (browser and system families), address,
    /// signed-in and last-seen times, and which one is making the call. Only the person's own
    /// browser session may call it; an access token gets 403 whatever its scopes.
    #[oai(
        path = "/api/v1/me/sessions",
        method = "get",
        operation_id = "listMySessions"
    )]
    async fn list(&self, c: Caller<'_>) -> ListSessions {
        let p = c.session().await?;
        let all = sessions::list_for_user(&c, &p.user.id).await?;
        let items = all
            .into_iter()
            .map(|s| SessionInfo::of(s, p.session_id()))
            .collect();
        Ok(ListSessionsResponse::Ok(Json(SessionList { items })))
    }

    /// End one of my sessions
    ///
    /// Signs out the caller's session with this id (the calling one too: that is a logout); it
    /// is refused from its very next request, on every node. An id that is not one of the
    /// caller's sessions answers 404 and ends nothing. Browser session only (with
    /// `X-CSRF-Token`).
    #[oai(
        path = "/api/v1/me/sessions/:id",
        method = "delete",
        operation_id = "endMySession"
    )]
    async fn end(
        &self,
        c: Caller<'_>,
        /// The session's public id (`SessionInfo.id`).
        id: Path<String>,
    ) -> EndSession {
        let p = c.session().await?;
        sessions::end_for_user(&c, &p.user.id, &id).await?;
        Ok(EndSessionResponse::Ended)
    }

    /// End my other sessions
    ///
    /// Signs out every session of the caller but the calling one ("sign out everywhere
    /// else"). Browser session only (with `X-CSRF-Token`).
    #[oai(
        path = "/api/v1/me/sessions/end-others",
        method = "post",
        operation_id = "endMyOtherSessions"
    )]
    async fn end_others(&self, c: Caller<'_>) -> EndOthers {
        let p = c.session().await?;
        let current = p.session_id().unwrap_or_default();
        let ended = sessions::end_others(&c, &p.user.id, current).await?;
        Ok(EndOthersResponse::Ok(Json(EndedSessions { ended })))
    }
}
