//! The second step of a login: after the password, a person with two-step verification on is
//! given a pending login instead of a session — sealed (AES-256-GCM under its own derived
//! key), naming the account, valid for [`PENDING_LOGIN_SECS`], and bound to the browser that
//! typed the password (the digest of its CSRF token). Only a code that passes [`check_code`]
//! turns it into the user the session is started for; nothing is stored until then.

use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::{check_code, CodeKind};
use crate::crypto;
use crate::domain::{ClientInfo, User};
use crate::service::audit::{Entry, Kind};
use crate::service::security_mail::{self, SecurityEvent};
use crate::service::throttle::ThrottleError;
use crate::service::{ServiceError, Services};

/// How long a person has to type the code after the password.
pub const PENDING_LOGIN_SECS: i64 = 300;

/// What the sealed pending login carries.
#[derive(Serialize, Deserialize)]
struct Pending {
    /// The account whose password passed.
    user: String,
    /// Unix milliseconds after which the pending login is refused.
    expires: i64,
    /// Digest of the browser's CSRF token.
    browser: String,
}

/// Why a second step was refused.
#[derive(Debug, thiserror::Error)]
pub enum SecondStepError {
    /// The pending login is unreadable, expired, from another browser, or its account is
    /// gone, disabled or without a second factor now: the login starts over.
    #[error("the login has expired; start again")]
    Expired,
    #[error("the code is not correct")]
    WrongCode,
    #[error("too many failed attempts; retry in {0} seconds")]
    Throttled(i64),
    #[error(transparent)]
    Service(#[from] ServiceError),
}

/// A second step that passed: whom to sign in, and with which kind of code.
#[derive(Debug)]
pub struct Passed {
    pub user: User,
    pub kind: CodeKind,
}

/// A pending login for `user`, whose password just passed in the browser holding `browser`
/// (its CSRF token).
pub fn pending_login(svc: &Services, user: &User, browser: &str) -> Result<String, ServiceError> {
    let pending = Pending {
        user: user.id.clone(),
        expires: (svc.now() + Duration::seconds(PENDING_LOGIN_SECS)).timestamp_millis(),
        browser: crypto::digest(browser),
    };
    let json = serde_json::to_string(&pending).map_err(|e| ServiceError::Internal(e.into()))?;
    let key = &svc.two_factor.pending;
    key.seal(&json).map_err(ServiceError::Internal)
}

/// Finishes the login of `token` with `code` (TOTP or recovery code) from `browser`.
pub async fn second_step(
    svc: &Services,
    token: &str,
    browser: &str,
    code: &str,
    client: &ClientInfo,
) -> Result<Passed, SecondStepError> {
    let pending = open(svc, token, browser).ok_or(SecondStepError::Expired)?;
    let user = match svc.stores.users.get_user(&pending.user).await {
        Ok(u) if !u.disabled => u,
        Ok(_) | Err(crate::store::StoreError::NotFound) => return Err(SecondStepError::Expired),
        Err(e) => return Err(ServiceError::from(e).into()),
    };
    if !super::is_on(svc, &user.id).await? {
        return Err(SecondStepError::Expired);
    }
    match check_code(svc, &user.id, code, client.ip).await {
        Ok(Some(kind)) => {
            if kind == CodeKind::Recovery {
                svc.audit
                    .record(Entry::user(Kind::RecoveryCodeUsed, &user.id));
                let event = SecurityEvent::RecoveryCodeUsed;
                security_mail::notify(svc, &user, event, client).await;
            }
            Ok(Passed { user, kind })
        }
        Ok(None) => {
            let entry = Entry::user(Kind::LoginFailed, &user.id);
            svc.audit.record(entry.reason("second_factor_failed"));
            Err(SecondStepError::WrongCode)
        }
        Err(ThrottleError::Throttled(secs)) => Err(SecondStepError::Throttled(secs)),
        Err(ThrottleError::Service(e)) => Err(e.into()),
    }
}

/// The account of the pending login `token` when it opens, is live and belongs to `browser`
/// (a passkey may finish it instead of a code: `service::passkeys::sign_in::second_step`).
pub fn pending_user(svc: &Services, token: &str, browser: &str) -> Option<String> {
    open(svc, token, browser).map(|p| p.user)
}

/// The pending login of `token` if it opens, is live and belongs to `browser`.
fn open(svc: &Services, token: &str, browser: &str) -> Option<Pending> {
    if token.is_empty() || token.len() > 1024 {
        return None;
    }
    let json = svc.two_factor.pending.open_sealed(token).ok()?;
    let pending: Pending = serde_json::from_str(&json).ok()?;
    let live = svc.now().timestamp_millis() < pending.expires;
    let same_browser = crypto::constant_time_eq(
        pending.browser.as_bytes(),
        crypto::digest(browser).as_bytes(),
    );
    (live && same_browser).then_some(pending)
}
