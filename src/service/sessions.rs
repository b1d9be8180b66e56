//! Browser sessions: server-side records referenced by a random cookie value, of which the store
//! keeps only the SHA-256 digest. A session ends after an idle period or an absolute lifetime,
//! on logout, or when the account is disabled. Login always starts a NEW session (the old one is
//! deleted), so a session id planted before login is worthless (session fixation, RFC 6819
//! §4.4.1.x / OWASP).

use chrono::{DateTime, Duration, Utc};

use super::{ServiceError, Services};
use crate::crypto;
use crate::domain::{Session, User};

/// Idle and absolute lifetimes of a browser session.
#[derive(Debug, Clone, Copy)]
pub struct SessionPolicy {
    pub idle: Duration,
    pub absolute: Duration,
}

/// Activity is recorded at most this often, to spare the store a write per request.
const TOUCH_EVERY: i64 = 60;

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
    user_agent: Option<String>,
) -> Result<StartedSession, ServiceError> {
    let amr = crate::domain::amr_of_login(false);
    start_session_with(svc, user, previous, user_agent, amr).await
}

/// [`start_session`] recording how the person signed in (`amr`, carried into id_tokens).
pub async fn start_session_with(
    svc: &Services,
    user: &User,
    previous: Option<&str>,
    user_agent: Option<String>,
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
        user_agent: user_agent.map(|ua| ua.chars().take(256).collect()),
        amr,
    };
    svc.stores.sessions.insert_session(&session).await?;
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
    if (now - session.last_seen_at).num_seconds() >= TOUCH_EVERY {
        let expires = idle_deadline(&svc.session_policy, now, session.absolute_expires_at);
        svc.stores.sessions.touch_session(&id, now, expires).await?;
        session.last_seen_at = now;
        session.expires_at = expires;
    }
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
    svc.stores
        .sessions
        .delete_session(&crypto::digest(cookie_value))
        .await?;
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
