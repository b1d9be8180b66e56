//! Signing in with a passkey (WebAuthn §7.2), no username asked: the login page's challenge
//! (bound to its browser, single use, short-lived), the credential found by its id, the
//! user handle matched, the signature verified against the stored key, and the signature
//! counter advanced in one atomic write (a counter that does not advance is refused and logged:
//! the credential may have been cloned). Checks are throttled with the password's budget of
//! the account and of the address.
//!
//! The session's `amr` (RFC 8176): `hwk` for a device-bound passkey, `swk` for a synced one
//! (backup eligible); with user verification also `user` and `mfa` — something held and
//! something known or been, so `acr` is `urn:auth-center:acr:mfa` as after a password and a
//! code. A passkey without user verification is one factor: for a person with two-step
//! verification on it is refused (the password and code remain).

use std::net::IpAddr;

use super::ceremony::{self, Purpose};
use super::parse_credential;
use crate::domain::webauthn::{self, counter_advances, from_b64url, Expected};
use crate::domain::{User, AMR_MFA};
use crate::service::audit::{Entry, Kind};
use crate::service::throttle::{Account, Check, ThrottleError};
use crate::service::{two_factor, ServiceError, Services};

/// RFC 8176 methods of a passkey sign-in.
pub const AMR_HWK: &str = "hwk";
pub const AMR_SWK: &str = "swk";
pub const AMR_USER: &str = "user";

/// Why a passkey sign-in was refused.
#[derive(Debug, thiserror::Error)]
pub enum PasskeySignInError {
    /// The page's challenge is unreadable, expired, from another browser or used: reload.
    #[error("the sign-in expired; try again")]
    Expired,
    /// Unknown credential, bad signature, wrong origin or RP, counter not advancing.
    #[error("the passkey was not accepted")]
    Refused,
    /// A passkey without user verification for a person with two-step verification on.
    #[error("the passkey did not verify you")]
    NotVerified,
    #[error("the account is disabled")]
    Disabled,
    #[error("the email address is not verified")]
    Unverified,
    #[error("too many failed attempts; retry in {0} seconds")]
    Throttled(i64),
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<ThrottleError> for PasskeySignInError {
    fn from(e: ThrottleError) -> Self {
        match e {
            ThrottleError::Throttled(secs) => Self::Throttled(secs),
            ThrottleError::Service(e) => Self::Service(e),
        }
    }
}

/// A passkey sign-in that passed: whom, and how (`amr`).
#[derive(Debug)]
pub struct SignedIn {
    pub user: User,
    pub amr: Vec<String>,
}

/// Signs in with the credential JSON of `navigator.credentials.get` answering `token`'s
/// challenge, from the browser holding `browser`.
pub async fn sign_in(
    svc: &Services,
    token: &str,
    browser: &str,
    credential: &str,
    client_ip: Option<IpAddr>,
) -> Result<SignedIn, PasskeySignInError> {
    let Some(challenge) = ceremony::redeem(svc, token, Purpose::SignIn, None, browser).await?
    else {
        return Err(PasskeySignInError::Expired);
    };
    let (passkey, data) = checked_use(svc, &challenge, credential, None, client_ip).await?;
    let user = admitted(svc, &passkey.user_id).await?;
    if !data.user_verified() && two_factor::is_on(svc, &user.id).await? {
        return Err(PasskeySignInError::NotVerified);
    }
    let synced = passkey.backup_eligible || data.backup_eligible();
    let amr = amr_of_passkey(synced, data.user_verified());
    Ok(SignedIn { user, amr })
}

/// Finishes the pending login `pending` (the password passed in the browser holding
/// `browser`) with one of that person's passkeys instead of a code: `amr` is `pwd`, the key's
/// method, `user` when verified, and `mfa`.
pub async fn second_step(
    svc: &Services,
    pending: &str,
    token: &str,
    browser: &str,
    credential: &str,
    client_ip: Option<IpAddr>,
) -> Result<SignedIn, PasskeySignInError> {
    let user_id = two_factor::login::pending_user(svc, pending, browser)
        .ok_or(PasskeySignInError::Expired)?;
    let redeemed = ceremony::redeem(svc, token, Purpose::SignIn, Some(&user_id), browser);
    let Some(challenge) = redeemed.await? else {
        return Err(PasskeySignInError::Expired);
    };
    let used = checked_use(svc, &challenge, credential, Some(&user_id), client_ip);
    let (passkey, data) = used.await?;
    let user = admitted(svc, &passkey.user_id).await?;
    let synced = passkey.backup_eligible || data.backup_eligible();
    let mut amr = vec![crate::domain::AMR_PASSWORD.to_owned()];
    amr.extend(amr_of_passkey(synced, data.user_verified()));
    if !amr.iter().any(|m| m == AMR_MFA) {
        amr.push(AMR_MFA.to_owned());
    }
    Ok(SignedIn { user, amr })
}

/// A use of the posted credential for `challenge` — of `only_user`'s passkeys when given —
/// verified, throttled and its counter advanced.
async fn checked_use(
    svc: &Services,
    challenge: &str,
    credential: &str,
    only_user: Option<&str>,
    client_ip: Option<IpAddr>,
) -> Result<(crate::domain::Passkey, webauthn::AuthenticatorData), PasskeySignInError> {
    let credential = parse_credential(credential).ok_or(PasskeySignInError::Refused)?;
    let stored = svc.stores.passkeys.find_passkey(&credential.raw_id).await;
    let stored = stored
        .map_err(ServiceError::from)?
        .filter(|p| only_user.is_none_or(|u| u == p.user_id));
    let account = match &stored {
        Some(p) => Account::User(&p.user_id),
        None => Account::UnknownLogin(&credential.raw_id),
    };
    let now = svc.now();
    let attempt = svc
        .login_throttle
        .reserve(&svc.stores, Check::Password, account, client_ip, now)
        .await?;
    let verified = stored.and_then(|p| {
        let data = verify(svc, &p, &credential, challenge).ok()?;
        Some((p, data))
    });
    let Some((passkey, data)) = verified else {
        attempt.failed();
        svc.login_throttle.remember_failure(None, client_ip, now);
        tracing::info!(ip = ?client_ip, "passkey sign-in failed");
        return Err(PasskeySignInError::Refused);
    };
    let counter = i64::from(data.counter);
    let store = &svc.stores.passkeys;
    if !counter_advances(
        u32::try_from(passkey.counter).unwrap_or(u32::MAX),
        data.counter,
    ) || !store
        .record_passkey_use(&passkey.credential_id, counter, now)
        .await
        .map_err(ServiceError::from)?
    {
        attempt.failed();
        tracing::warn!(
            user_id = %passkey.user_id, stored = passkey.counter, received = counter,
            "passkey signature counter did not advance: refused (the credential may be cloned)"
        );
        let entry = Entry::user(Kind::LoginFailed, &passkey.user_id);
        svc.audit.record(entry.reason("passkey_counter"));
        return Err(PasskeySignInError::Refused);
    }
    attempt.succeeded(&svc.stores).await?;
    Ok((passkey, data))
}

/// The assertion's authenticator data, when it verifies against `passkey` (§7.2 steps 5-21).
fn verify(
    svc: &Services,
    passkey: &crate::domain::Passkey,
    credential: &super::CredentialJson,
    challenge: &str,
) -> Result<webauthn::AuthenticatorData, ServiceError> {
    let refused = || ServiceError::Refused("passkey".into());
    let r = &credential.response;
    if let Some(handle) = r.user_handle.as_deref().filter(|h| !h.is_empty()) {
        if from_b64url(handle).as_deref() != Some(passkey.user_id.as_bytes()) {
            return Err(refused());
        }
    }
    let client_data = from_b64url(&r.client_data_json).ok_or_else(refused)?;
    let auth_data = r
        .authenticator_data
        .as_deref()
        .and_then(from_b64url)
        .ok_or_else(refused)?;
    let signature = r
        .signature
        .as_deref()
        .and_then(from_b64url)
        .ok_or_else(refused)?;
    let key = from_b64url(&passkey.public_key).ok_or_else(refused)?;
    let (rp_id, origin) = ceremony::relying_party(svc)?;
    let expected = Expected {
        challenge,
        origin: &origin,
        rp_id: &rp_id,
    };
    webauthn::verify_assertion(&client_data, &auth_data, &signature, &key, &expected).map_err(|e| {
        tracing::info!(user_id = %passkey.user_id, reason = %e, "passkey assertion refused");
        refused()
    })
}

/// The account of a verified passkey, when it may sign in (as after a password).
async fn admitted(svc: &Services, user_id: &str) -> Result<User, PasskeySignInError> {
    let user = svc
        .stores
        .users
        .get_user(user_id)
        .await
        .map_err(ServiceError::from)?;
    if user.disabled {
        svc.audit
            .record(Entry::user(Kind::LoginFailed, &user.id).reason("disabled"));
        return Err(PasskeySignInError::Disabled);
    }
    if svc.accounts.require_email_verification && !user.email_verified {
        svc.audit
            .record(Entry::user(Kind::LoginFailed, &user.id).reason("unverified"));
        return Err(PasskeySignInError::Unverified);
    }
    Ok(user)
}

/// RFC 8176 `amr` of a passkey sign-in.
pub fn amr_of_passkey(synced: bool, user_verified: bool) -> Vec<String> {
    let key = if synced { AMR_SWK } else { AMR_HWK };
    let mut amr = vec![key.to_owned()];
    if user_verified {
        amr.push(AMR_USER.to_owned());
        amr.push(AMR_MFA.to_owned());
    }
    amr
}
