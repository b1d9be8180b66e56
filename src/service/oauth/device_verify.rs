//! The person's side of the device authorization grant (RFC 8628 §3.3): a logged-in user types
//! the user code shown by the device, sees which app asks for what, and allows or denies it.
//! The user code has only ~34 bits of entropy, so entries go through the credential throttle
//! (`service::throttle`, RFC 8628 §5.1): reserved first per account and per client IP, wrong
//! ones counted (`accounts.login_max_failures` per account, `..._per_ip` per address, in their
//! own counters), refused past the limit until the window ends.

use std::net::IpAddr;

use crate::crypto;
use crate::domain::{
    format_user_code, normalize_user_code, Client, DeviceApproval, DeviceCode, DeviceDecision,
    ResourceServer, ScopeSet, Session, User,
};
use crate::service::throttle::{Account, Check, ThrottleError};
use crate::service::{access, ServiceError, Services};
use crate::store::StoreError;

/// A pending device request the user may answer.
#[derive(Debug, Clone)]
pub struct PendingDevice {
    pub client: Client,
    /// The requested scopes this user can be given.
    pub scopes: ScopeSet,
    /// The user code as shown: `XXXX-XXXX`.
    pub user_code: String,
    /// The resource servers the device asked for (RFC 8707); empty: this server's own API.
    pub resources: Vec<ResourceServer>,
    record: DeviceCode,
}

/// Why a user code is not accepted.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    /// Unknown, malformed, expired or already answered.
    #[error("the user code is not valid")]
    InvalidCode,
    /// Too many wrong codes; retry after this many seconds.
    #[error("too many wrong user codes")]
    Throttled(i64),
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<StoreError> for VerifyError {
    fn from(e: StoreError) -> Self {
        Self::Service(e.into())
    }
}

impl From<ThrottleError> for VerifyError {
    fn from(e: ThrottleError) -> Self {
        match e {
            ThrottleError::Throttled(secs) => Self::Throttled(secs),
            ThrottleError::Service(e) => Self::Service(e),
        }
    }
}

/// Looks up the pending request of a typed user code, counting wrong ones.
pub async fn find_pending(
    svc: &Services,
    user: &User,
    ip: Option<IpAddr>,
    typed: &str,
) -> Result<PendingDevice, VerifyError> {
    let attempt = svc
        .login_throttle
        .reserve(
            &svc.stores,
            Check::DeviceCode,
            Account::User(&user.id),
            ip,
            svc.now(),
        )
        .await?;
    let Some(code) = normalize_user_code(typed) else {
        attempt.failed();
        return Err(VerifyError::InvalidCode);
    };
    let digest = crypto::digest(&code);
    let record = match svc
        .stores
        .device_codes
        .find_device_code_by_user_code(&digest)
        .await
    {
        Ok(r) if r.awaits_user(svc.now()) => r,
        Ok(_) | Err(StoreError::NotFound) => {
            attempt.failed();
            return Err(VerifyError::InvalidCode);
        }
        Err(e) => return Err(e.into()),
    };
    attempt.succeeded(&svc.stores).await?;
    let client = match crate::service::clients::active_client(svc, &record.client_id).await {
        Ok(c) => c,
        Err(StoreError::NotFound) => return Err(VerifyError::InvalidCode),
        Err(e) => return Err(e.into()),
    };
    // A resource server deleted since the device asked: the request cannot be granted.
    let Ok(resources) = super::resources::resolve(svc, &record.resources).await else {
        return Err(VerifyError::InvalidCode);
    };
    Ok(PendingDevice {
        scopes: access::grantable(user, &record.scopes),
        resources,
        user_code: format_user_code(&code),
        client,
        record,
    })
}

/// The user's answer: allow approves the request for this user and session, deny refuses it.
/// Returns the request that was answered.
pub async fn answer(
    svc: &Services,
    session: &(Session, User),
    ip: Option<IpAddr>,
    typed: &str,
    allow: bool,
) -> Result<PendingDevice, VerifyError> {
    let (session, user) = session;
    let pending = find_pending(svc, user, ip, typed).await?;
    let decision = if allow {
        DeviceDecision::Approve(DeviceApproval {
            user_id: user.id.clone(),
            scopes: pending.scopes.to_vec(),
            auth_time: session.auth_time,
            session_id: Some(session.id.clone()),
        })
    } else {
        DeviceDecision::Deny
    };
    let decided = svc
        .stores
        .device_codes
        .decide_device_code(&pending.record.user_code_digest, &decision, svc.now())
        .await?;
    if !decided {
        return Err(VerifyError::InvalidCode);
    }
    tracing::info!(user_id = %user.id, client_id = %pending.client.client_id, allow,
        "device authorization answered");
    Ok(pending)
}
