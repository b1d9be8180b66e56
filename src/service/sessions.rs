//! Browser sessions: server-side records referenced by a random cookie value, of which the store
//! keeps only the SHA-256 digest. A session ends after an idle period or an absolute lifetime,
//! on logout, or when the account is disabled. Login always starts a NEW session (the old one is
//! deleted), so a session id planted before login is worthless (session fixation, RFC 6819
//! §4.4.1.x / OWASP).
//!
//! A person sees their active sessions (device, address, signed-in and last-seen times, each
//! named by its random `public_id`, never by its cookie or digest) and ends any one of them or
//! all but the current one. Sessions are read from the store on every request (no cache), so
//! an ended session is refused at its very next request, on every node.

use chrono::{DateTime, Duration, Utc};

use super::audit::{Entry, Kind};
use super::{ServiceError, Services};
use crate::crypto;
use crate::domain::{ClientInfo, Session, User};

/// Idle and absolute lifetimes of a browser session.
#[derive(Debug, Clone, Copy)]
pub struct SessionPolicy {
    pub idle: Duration,
    pub absolute: Duration,
}

/// Activity (last seen, the idle deadline) is recorded at most this often per session, to
/// spare the store a write per request; a quarter of the idle timeout when that is shorter, so
/// that a session in use never reaches its idle deadline.
const TOUCH_EVERY: i64 = 300;

/// A session started by login: the record and the raw cookie value (given to the browser only).
pub struct StartedSession {
    pub session: Session,
    pub cookie_value: String,
}

/// Starts a session for a user who just proved who they are with a password, ending
/// `previous` if any.
pub async fn start_session(
    svc: &Services,
    user: &User,
    previous: Option<&str>,
    client: &ClientInfo,
) -> Result<StartedSession, ServiceError> {
    let amr = crate::domain::amr_of_login(false);
    start_session_with(svc, user, previous, client, amr).await
}

/// [`start_session`] recording how the person signed in (`amr`, carried into id_tokens).
pub async fn start_session_with(
    svc: &Services,
    user: &User,
    previous: Option<&str>,
    client: &ClientInfo,
    amr: Vec<String>,
) -> Result<StartedSession, ServiceError> {
    if let Some(raw) = previous {
        svc.stores
            .sessions
            .delete_session(&crypto::digest(raw))
            .await?;
    }
    let now = svc.now();
    let policy = svc.session_policy;
    let cookie_value = crypto::random_token();
    let absolute = now + policy.absolute;
    let session = Session {
        id: crypto::digest(&cookie_value),
        user_id: user.id.clone(),
        auth_time: now,
        created_at: now,
        last_seen_at: now,
        expires_at: (now + policy.idle).min(absolute),
        absolute_expires_at: absolute,
        user_agent: ClientInfo::new(None, client.user_agent.as_deref()).user_agent,
        amr,
        public_id: uuid::Uuid::new_v4().simple().to_string(),
        ip: client.ip.map(|ip| ip.to_string()),
    };
    svc.stores.sessions.insert_session(&session).await?;
    let entry = Entry::user(Kind::LoginSucceeded, &user.id).detail("amr", session.amr.join(" "));
    svc.audit.record(entry);
    Ok(StartedSession {
        session,
        cookie_value,
    })
}

/// The live session and its user for a cookie value, recording activity; `None` when the
/// session is unknown, expired, or its account is gone or disabled.
pub async fn resolve_session(
    svc: &Services,
    cookie_value: &str,
) -> Result<Option<(Session, User)>, ServiceError> {
    if cookie_value.is_empty() || cookie_value.len() > 128 {
        return Ok(None);
    }
    let id = crypto::digest(cookie_value);
    let mut session = match svc.stores.sessions.get_session(&id).await {
        Ok(s) => s,
        Err(crate::store::StoreError::NotFound) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let now = svc.now();
    if !session.is_active(now) {
        return Ok(None);
    }
    let user = match svc.stores.users.get_user(&session.user_id).await {
        Ok(u) if !u.disabled => u,
        Ok(_) | Err(crate::store::StoreError::NotFound) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let every = TOUCH_EVERY.min(svc.session_policy.idle.num_seconds() / 4);
    if (now - session.last_seen_at).num_seconds() >= every {
        let expires = idle_deadline(&svc.session_policy, now, session.absolute_expires_at);
        svc.stores.sessions.touch_session(&id, now, expires).await?;
        session.last_seen_at = now;
        session.expires_at = expires;
    }
    super::audit::context::identify(&user.id);
    Ok(Some((session, user)))
}

fn idle_deadline(
    policy: &SessionPolicy,
    now: DateTime<Utc>,
    absolute: DateTime<Utc>,
) -> DateTime<Utc> {
    (now + policy.idle).min(absolute)
}

/// Ends the session of a cookie value (logout). Unknown values are ignored.
pub async fn end_session(svc: &Services, cookie_value: &str) -> Result<(), ServiceError> {
    let id = crypto::digest(cookie_value);
    // Whose it was, for the audit log: a logout of an unknown session records nothing.
    let user_id = match svc.stores.sessions.get_session(&id).await {
        Ok(s) => Some(s.user_id),
        Err(crate::store::StoreError::NotFound) => None,
        Err(e) => return Err(e.into()),
    };
    svc.stores.sessions.delete_session(&id).await?;
    if let Some(user_id) = user_id {
        svc.audit.record(Entry::user(Kind::Logout, &user_id));
    }
    Ok(())
}

/// Account recovery's one rule (a password reset or change, a disable): every browser session
/// ends but `keep_session` (the one making a password change), every OAuth grant is revoked and
/// every emailed link is deleted, so whoever held the account keeps nothing.
pub async fn end_account_access(
    svc: &Services,
    user_id: &str,
    keep_session: Option<&str>,
    why: &'static str,
) -> Result<(), ServiceError> {
    let s = &svc.stores;
    let ended = s
        .sessions
        .delete_sessions_for_user(user_id, keep_session)
        .await?;
    let revoked = s.grants.revoke_grants_for_user(user_id, svc.now()).await?;
    let links = super::email::delete_all_links(svc, user_id).await?;
    tracing::info!(
        user_id,
        sessions_ended = ended,
        grants_revoked = revoked,
        email_links_deleted = links,
        why,
        "account access ended"
    );
    Ok(())
}

/// The person's active sessions, most recently started first.
pub async fn list_for_user(svc: &Services, user_id: &str) -> Result<Vec<Session>, ServiceError> {
    let now = svc.now();
    let mut all = svc.stores.sessions.list_sessions_for_user(user_id).await?;
    all.retain(|s| s.is_active(now));
    Ok(all)
}

/// Ends the person's session named `public_id` (their current one too, which is then a
/// logout). `NotFound` when they have none by that name: another person's is never touched.
pub async fn end_for_user(
    svc: &Services,
    user_id: &str,
    public_id: &str,
) -> Result<(), ServiceError> {
    if public_id.is_empty() || public_id.len() > 64 {
        return Err(ServiceError::NotFound);
    }
    let store = &svc.stores.sessions;
    if !store.delete_user_session(user_id, public_id).await? {
        return Err(ServiceError::NotFound);
    }
    tracing::info!(user_id, "session ended by its person");
    svc.audit
        .record(Entry::user(Kind::SessionEnded, user_id).detail("sessions", 1));
    Ok(())
}

/// Ends every session of the person but `current` (a digest); returns how many ended.
pub async fn end_others(svc: &Services, user_id: &str, current: &str) -> Result<u64, ServiceError> {
    let store = &svc.stores.sessions;
    let ended = store
        .delete_sessions_for_user(user_id, Some(current))
        .await?;
    tracing::info!(
        user_id,
        sessions_ended = ended,
        "other sessions ended by their person"
    );
    svc.audit
        .record(Entry::user(Kind::SessionEnded, user_id).detail("sessions", ended));
    Ok(ended)
}
