//! Initial access tokens (RFC 7591 §3): administrators mint them (the admin API, the
//! `registration-token create` command), each good for a number of registrations until it
//! expires. Only the digest is stored; the token is shown once. A registration first checks
//! the token without using it (so a refused request leaves it whole), then counts its use with
//! one atomic store method: of concurrent registrations on a token with one use left, one
//! succeeds.
//!
//! Must not import poem or a store backend.

use chrono::{DateTime, Duration, Utc};

use super::RegistrationError;
use crate::crypto;
use crate::domain::{DomainError, InitialAccessToken};
use crate::service::{ServiceError, Services, Validation};

/// Most registrations one token may allow.
pub const MAX_USES: u32 = 10_000;
/// Longest lifetime of a token.
pub const MAX_LIFETIME_SECS: i64 = 365 * 86_400;

/// A minted token, shown this once.
pub struct MintedToken {
    pub token: String,
    pub record: InitialAccessToken,
}

/// Mints a token good for `uses` registrations for `lifetime_secs`; `by` is who asked.
pub async fn mint(
    svc: &Services,
    uses: u32,
    lifetime_secs: i64,
    by: &str,
) -> Result<MintedToken, ServiceError> {
    let mut v = Validation::default();
    if !(1..=MAX_USES).contains(&uses) {
        let msg = format!("must be between 1 and {MAX_USES}");
        v.push(DomainError::new("uses", msg).with_code("range"));
    }
    if !(60..=MAX_LIFETIME_SECS).contains(&lifetime_secs) {
        let msg = format!("must be between 60 and {MAX_LIFETIME_SECS} seconds");
        v.push(DomainError::new("expires_in", msg).with_code("range"));
    }
    v.finish()?;
    let now = svc.now();
    let token = crypto::random_token();
    let record = InitialAccessToken {
        digest: crypto::digest(&token),
        max_uses: uses,
        uses_left: uses,
        created_by: by.to_owned(),
        created_at: now,
        expires_at: now + Duration::seconds(lifetime_secs),
    };
    svc.stores
        .registrations
        .insert_initial_token(&record)
        .await?;
    tracing::info!(uses, expires_at = %record.expires_at, by = %by, "initial access token minted");
    Ok(MintedToken { token, record })
}

fn refused() -> RegistrationError {
    RegistrationError::InvalidToken(
        "an initial access token that is valid, unexpired and not used up is required".into(),
    )
}

/// The digest of `bearer` when it is a token that may register a client now (not used).
pub(super) async fn check(
    svc: &Services,
    bearer: Option<&str>,
    now: DateTime<Utc>,
) -> Result<String, RegistrationError> {
    let digest = crypto::digest(bearer.ok_or_else(refused)?);
    match svc.stores.registrations.get_initial_token(&digest).await? {
        Some(t) if t.is_usable(now) => Ok(digest),
        _ => Err(refused()),
    }
}

/// Counts one use of the token, or refuses when another request took its last use.
pub(super) async fn take(
    svc: &Services,
    digest: &str,
    now: DateTime<Utc>,
) -> Result<(), RegistrationError> {
    match svc
        .stores
        .registrations
        .use_initial_token(digest, now)
        .await?
    {
        Some(_) => Ok(()),
        None => Err(refused()),
    }
}
