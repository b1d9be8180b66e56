//! Two-step verification of a person's account (TOTP, RFC 6238, and single-use recovery
//! codes): enrolment from the account page (a new secret, confirmed by a first code), the
//! recovery codes (shown once, stored as digests, regenerable), turning it off, and checking
//! a code — throttled like passwords, each TOTP step accepted once (`SecondFactorStore`'s
//! atomic writes). The second step of a login is in [`login`].
//!
//! TOTP secrets are sealed at rest (AES-256-GCM under a key derived from the key-encryption
//! key, like signing keys and queued mail). Changing the second factor needs the browser
//! session (never a bearer token) and, to turn it off or draw new recovery codes, the password
//! or a current code. Turning it on ends the person's other sessions; every change, and the use
//! of a recovery code, is told to the person by email (`security_mail`). Must not import poem.

pub mod admin_reset;
pub mod login;

use std::net::IpAddr;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::{Rng, RngCore};

use super::audit::{Entry, Kind};
use super::security_mail::{self, SecurityEvent};
use super::throttle::{Account, Check, ThrottleError};
use super::{ServiceError, Services};
use crate::crypto;
use crate::crypto::keys::KeyEncryption;
use crate::domain::{
    self, normalize_recovery_code, normalize_totp_code, totp_matching_step, ClientInfo,
    DomainError, SecondFactor, User, RECOVERY_ALPHABET, RECOVERY_CODE_COUNT, RECOVERY_CODE_LEN,
    TOTP_SECRET_BYTES,
};

/// The keys of two-step verification: TOTP secrets at rest, and half-finished logins.
#[derive(Clone)]
pub struct Keys {
    pub secrets: KeyEncryption,
    pub pending: KeyEncryption,
    /// The challenges of passkey ceremonies (`service::passkeys::ceremony`).
    pub passkeys: KeyEncryption,
}

impl Keys {
    /// Both keys, derived from the key-encryption key under their own salts.
    pub fn new(kek: &str) -> Self {
        Self {
            secrets: KeyEncryption::for_second_factors(kek),
            pending: KeyEncryption::for_pending_logins(kek),
            passkeys: KeyEncryption::for_passkey_challenges(kek),
        }
    }
}

/// What an authenticator app needs to add the account: the secret as text and the
/// `otpauth://` URI the QR code carries.
#[derive(Clone)]
pub struct Enrolment {
    pub secret_base32: String,
    pub uri: String,
}

impl std::fmt::Debug for Enrolment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Enrolment { .. }")
    }
}

/// Where a person's two-step verification stands.
#[derive(Debug)]
pub enum Status {
    Off,
    /// Set up but not confirmed by a first code yet.
    Enrolling(Enrolment),
    On {
        recovery_codes_left: usize,
    },
}

/// Which kind of code passed a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    Totp,
    Recovery,
}

/// The person's second factor, confirmed or not.
async fn factor_of(svc: &Services, user_id: &str) -> Result<Option<SecondFactor>, ServiceError> {
    Ok(svc.stores.second_factors.get_second_factor(user_id).await?)
}

/// Whether `user` is an administrator who must turn on two-step verification before acting
/// (`accounts.require_second_factor_for_admins`): until then their session only reaches the
/// enrolment page and nothing of theirs acts as an administrator.
pub async fn admin_must_enrol(svc: &Services, user: &User) -> Result<bool, ServiceError> {
    if !svc.accounts.require_second_factor_for_admins || !user.is_admin {
        return Ok(false);
    }
    Ok(!is_on(svc, &user.id).await?)
}

/// Whether logins of `user_id` need the second step.
pub async fn is_on(svc: &Services, user_id: &str) -> Result<bool, ServiceError> {
    Ok(factor_of(svc, user_id)
        .await?
        .is_some_and(|f| f.is_active()))
}

pub async fn status(svc: &Services, user: &User) -> Result<Status, ServiceError> {
    Ok(match factor_of(svc, &user.id).await? {
        None => Status::Off,
        Some(f) if f.is_active() => Status::On {
            recovery_codes_left: f.recovery_codes.len(),
        },
        Some(f) => Status::Enrolling(enrolment(svc, user, &open_secret(svc, &f)?)),
    })
}

fn enrolment(svc: &Services, user: &User, secret: &[u8]) -> Enrolment {
    let issuer = url::Url::parse(&svc.public_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "auth-center".to_owned());
    Enrolment {
        secret_base32: domain::base32(secret),
        uri: domain::otpauth_uri(&issuer, user.username.as_str(), secret),
    }
}

fn open_secret(svc: &Services, factor: &SecondFactor) -> Result<Vec<u8>, ServiceError> {
    let text = svc
        .two_factor
        .secrets
        .open_sealed(&factor.secret)
        .map_err(ServiceError::Internal)?;
    URL_SAFE_NO_PAD
        .decode(text)
        .map_err(|e| ServiceError::Internal(e.into()))
}

/// Starts (or restarts) an enrolment with a new secret. Refused while one is on.
pub async fn begin(svc: &Services, user: &User) -> Result<Enrolment, ServiceError> {
    let mut secret = [0u8; TOTP_SECRET_BYTES];
    rand::rngs::OsRng.fill_bytes(&mut secret);
    let sealed = svc
        .two_factor
        .secrets
        .seal(&URL_SAFE_NO_PAD.encode(secret))
        .map_err(ServiceError::Internal)?;
    let factor = SecondFactor {
        user_id: user.id.clone(),
        secret: sealed,
        confirmed_at: None,
        last_step: 0,
        recovery_codes: Vec::new(),
        created_at: svc.now(),
    };
    if !svc.stores.second_factors.put_enrolment(&factor).await? {
        return Err(ServiceError::Refused(
            "two-step verification is already on".into(),
        ));
    }
    tracing::info!(user_id = %user.id, "two-step verification enrolment started");
    Ok(enrolment(svc, user, &secret))
}

/// Confirms the enrolment with a first code from the app; returns the recovery codes, which
/// are shown this once. Every other session of the person ends (`current`, a digest, stays):
/// from now on a session needs the second factor, and one started without it may be a
/// stranger's.
pub async fn confirm(
    svc: &Services,
    user: &User,
    code: &str,
    current: Option<&str>,
    client: &ClientInfo,
) -> Result<Vec<String>, ServiceError> {
    let wrong = || invalid("code", "wrong", "is not the code your app shows");
    let factor = match factor_of(svc, &user.id).await? {
        Some(f) if !f.is_active() => f,
        Some(_) => return Err(ServiceError::Refused("already confirmed".into())),
        None => return Err(ServiceError::NotFound),
    };
    if normalize_totp_code(code).is_none() {
        return Err(wrong());
    }
    let secret = open_secret(svc, &factor)?;
    let Some(step) = totp_matching_step(&secret, code, svc.now()) else {
        return Err(wrong());
    };
    let (shown, digests) = new_recovery_codes(&user.id);
    let store = &svc.stores.second_factors;
    if !store
        .confirm_enrolment(&user.id, &factor.secret, step, &digests, svc.now())
        .await?
    {
        // Another request confirmed or restarted the enrolment meanwhile.
        return Err(wrong());
    }
    let ended = svc
        .stores
        .sessions
        .delete_sessions_for_user(&user.id, current)
        .await?;
    tracing::info!(user_id = %user.id, sessions_ended = ended, "two-step verification turned on");
    svc.audit
        .record(Entry::user(Kind::SecondFactorEnabled, &user.id));
    security_mail::notify(svc, user, SecurityEvent::SecondFactorOn, client).await;
    Ok(shown)
}

/// Draws new recovery codes (the old ones stop working) after the password or a current code.
pub async fn regenerate_recovery_codes(
    svc: &Services,
    user: &User,
    proof: &str,
    client: &ClientInfo,
) -> Result<Vec<String>, ServiceError> {
    check_proof(svc, user, proof, client.ip).await?;
    let (shown, digests) = new_recovery_codes(&user.id);
    let store = &svc.stores.second_factors;
    if !store.replace_recovery_codes(&user.id, &digests).await? {
        return Err(ServiceError::NotFound);
    }
    tracing::info!(user_id = %user.id, "recovery codes regenerated");
    svc.audit
        .record(Entry::user(Kind::RecoveryCodesRegenerated, &user.id));
    let event = SecurityEvent::RecoveryCodesRegenerated;
    security_mail::notify(svc, user, event, client).await;
    Ok(shown)
}

/// Turns two-step verification off after the password or a current code.
pub async fn disable(
    svc: &Services,
    user: &User,
    proof: &str,
    client: &ClientInfo,
) -> Result<(), ServiceError> {
    if !is_on(svc, &user.id).await? {
        // An enrolment never confirmed is simply dropped.
        svc.stores
            .second_factors
            .delete_second_factor(&user.id)
            .await?;
        return Ok(());
    }
    check_proof(svc, user, proof, client.ip).await?;
    svc.stores
        .second_factors
        .delete_second_factor(&user.id)
        .await?;
    tracing::info!(user_id = %user.id, "two-step verification turned off");
    svc.audit
        .record(Entry::user(Kind::SecondFactorDisabled, &user.id));
    security_mail::notify(svc, user, SecurityEvent::SecondFactorOff, client).await;
    Ok(())
}

/// The password or a current code (of the app; not a recovery code, which is for a lost app).
/// Something that looks like a code and is not one is then tried as a password, since a
/// password may be six digits. Registering a passkey asks for the same proof.
pub(crate) async fn check_proof(
    svc: &Services,
    user: &User,
    proof: &str,
    client_ip: Option<IpAddr>,
) -> Result<(), ServiceError> {
    if proof.trim().is_empty() {
        return Err(invalid("proof", "required", "is required"));
    }
    if normalize_totp_code(proof).is_some() {
        match check_code(svc, &user.id, proof, client_ip).await {
            Ok(Some(CodeKind::Totp)) => return Ok(()),
            Ok(_) => {}
            Err(ThrottleError::Throttled(_)) => return Err(throttled("proof")),
            Err(ThrottleError::Service(e)) => return Err(e),
        }
    }
    super::profile::check_password(svc, user, proof, client_ip)
        .await
        .map_err(|e| match e {
            ServiceError::Invalid(errs) => ServiceError::Invalid(
                errs.into_iter()
                    .map(|d| DomainError {
                        field: "proof",
                        ..d
                    })
                    .collect(),
            ),
            other => other,
        })
}

/// Checks a TOTP or recovery code of `user_id`'s confirmed factor, through the throttle
/// (reserve first; its own account budget, the address's shared with passwords). `Ok(None)`:
/// wrong, replayed, or no factor on.
pub async fn check_code(
    svc: &Services,
    user_id: &str,
    code: &str,
    client_ip: Option<IpAddr>,
) -> Result<Option<CodeKind>, ThrottleError> {
    let now = svc.now();
    let throttle = &svc.login_throttle;
    let attempt = throttle
        .reserve(
            &svc.stores,
            Check::SecondFactor,
            Account::User(user_id),
            client_ip,
            now,
        )
        .await
        .inspect_err(|e| {
            if matches!(e, ThrottleError::Throttled(_)) {
                let entry = Entry::user(Kind::ThrottleRefused, user_id).reason("throttled");
                svc.audit.record(entry.detail("check", "second_factor"));
            }
        })?;
    let passed = match factor_of(svc, user_id).await? {
        Some(f) if f.is_active() => code_matches(svc, &f, code).await?,
        _ => None,
    };
    if passed.is_some() {
        attempt.succeeded(&svc.stores).await?;
    } else {
        attempt.failed();
        throttle.remember_failure(None, client_ip, now);
    }
    Ok(passed)
}

async fn code_matches(
    svc: &Services,
    factor: &SecondFactor,
    code: &str,
) -> Result<Option<CodeKind>, ServiceError> {
    let store = &svc.stores.second_factors;
    if normalize_totp_code(code).is_some() {
        let secret = open_secret(svc, factor)?;
        let Some(step) = totp_matching_step(&secret, code, svc.now()) else {
            return Ok(None);
        };
        let fresh = store.use_totp_step(&factor.user_id, step).await?;
        return Ok(fresh.then_some(CodeKind::Totp));
    }
    let Some(code) = normalize_recovery_code(code) else {
        return Ok(None);
    };
    let digest = recovery_digest(&factor.user_id, &code);
    let taken = store.take_recovery_code(&factor.user_id, &digest).await?;
    if taken {
        tracing::info!(user_id = %factor.user_id, "recovery code used");
    }
    Ok(taken.then_some(CodeKind::Recovery))
}

/// Recovery codes as shown (grouped) and their digests. The digest is salted with the user id,
/// so one code's digest says nothing about another account's.
fn new_recovery_codes(user_id: &str) -> (Vec<String>, Vec<String>) {
    let mut rng = rand::rngs::OsRng;
    (0..RECOVERY_CODE_COUNT)
        .map(|_| {
            let raw: String = (0..RECOVERY_CODE_LEN)
                .map(|_| RECOVERY_ALPHABET[rng.gen_range(0..RECOVERY_ALPHABET.len())] as char)
                .collect();
            (
                domain::format_recovery_code(&raw),
                recovery_digest(user_id, &raw),
            )
        })
        .unzip()
}

fn recovery_digest(user_id: &str, normalized: &str) -> String {
    crypto::digest(&format!("{user_id}:{normalized}"))
}

fn invalid(field: &'static str, code: &'static str, message: &str) -> ServiceError {
    DomainError::new(field, message).with_code(code).into()
}

fn throttled(field: &'static str) -> ServiceError {
    invalid(
        field,
        "throttled",
        "too many failed attempts; try again later",
    )
}
