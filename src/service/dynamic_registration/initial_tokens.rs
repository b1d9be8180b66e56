//! Initial access tokens (RFC 7591 §3): administrators mint them (the admin API, the
//! `registration-token create` command), each good for a number of registrations until it
//! expires, list them and revoke them by id. Only the digest is stored; the token is shown
//! once, and a listing never shows it (nor its digest). A registration first checks
//! the token without using it (so a refused request leaves it whole), then counts its use with
//! one atomic store method: of concurrent registrations on a token with one use left, one
//! succeeds.
//!
//! Must not import poem or a store backend.

use chrono::{DateTime, Duration, Utc};

use super::RegistrationError;
use crate::crypto;
use crate::domain::{DomainError, InitialAccessToken, MAX_TOKEN_LABEL_LEN};
use crate::service::admin::{Listed, PageRequest};
use crate::service::audit::{Entry, Kind};
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

/// What a new token allows.
#[derive(Debug, Clone, Default)]
pub struct NewToken {
    pub uses: u32,
    pub lifetime_secs: i64,
    /// To recognise it in the listing; blank is none.
    pub label: Option<String>,
}

/// Mints a token good for `uses` registrations for `lifetime_secs`; `by` is who asked.
pub async fn mint(svc: &Services, new: NewToken, by: &str) -> Result<MintedToken, ServiceError> {
    let NewToken {
        uses,
        lifetime_secs,
        label,
    } = new;
    let mut v = Validation::default();
    if !(1..=MAX_USES).contains(&uses) {
        let msg = format!("must be between 1 and {MAX_USES}");
        v.push(DomainError::new("uses", msg).with_code("range"));
    }
    if !(60..=MAX_LIFETIME_SECS).contains(&lifetime_secs) {
        let msg = format!("must be between 60 and {MAX_LIFETIME_SECS} seconds");
        v.push(DomainError::new("expires_in", msg).with_code("range"));
    }
    let label = label.map(|l| l.trim().to_owned()).filter(|l| !l.is_empty());
    if label.as_ref().is_some_and(|l| !valid_label(l)) {
        let msg =
            format!("must be at most {MAX_TOKEN_LABEL_LEN} characters, without control characters");
        v.push(DomainError::new("label", msg).with_code("invalid"));
    }
    v.finish()?;
    let now = svc.now();
    let token = crypto::random_token();
    let record = InitialAccessToken {
        id: uuid::Uuid::now_v7().to_string(),
        digest: crypto::digest(&token),
        label,
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
    tracing::info!(id = %record.id, uses, expires_at = %record.expires_at, by = %by, "initial access token minted");
    let entry = Entry::acting(Kind::AdminRegistrationTokenCreated).detail("token", &record.id);
    svc.audit.record(entry.detail("uses", uses));
    Ok(MintedToken { token, record })
}

fn valid_label(label: &str) -> bool {
    label.chars().count() <= MAX_TOKEN_LABEL_LEN && !label.chars().any(char::is_control)
}

/// The tokens that have not expired (used up or not), newest first, one page.
pub async fn list(
    svc: &Services,
    paging: PageRequest,
) -> Result<Listed<InitialAccessToken>, ServiceError> {
    let mut v = Validation::default();
    let page = paging.validate(&mut v);
    v.finish()?;
    let found = svc
        .stores
        .registrations
        .list_initial_tokens(svc.now(), page)
        .await?;
    Ok(Listed {
        items: found.items,
        total: found.total,
        page,
    })
}

/// Revokes the token `id`: a registration that presents it from now on is refused.
/// `NotFound` when there is no such token (never minted, revoked, or expired and collected).
pub async fn revoke(svc: &Services, id: &str) -> Result<(), ServiceError> {
    if !svc.stores.registrations.revoke_initial_token(id).await? {
        return Err(ServiceError::NotFound);
    }
    tracing::info!(id = %id, "initial access token revoked");
    let entry = Entry::acting(Kind::AdminRegistrationTokenRevoked);
    svc.audit.record(entry.detail("token", id));
    Ok(())
}

fn refused() -> RegistrationError {
    RegistrationError::InvalidToken(
        "an initial access token that is valid, unexpired and not used up is required".into(),
    )
}

/// The token `bearer` when it may register a client now (not used).
pub(super) async fn check(
    svc: &Services,
    bearer: Option<&str>,
    now: DateTime<Utc>,
) -> Result<InitialAccessToken, RegistrationError> {
    let digest = crypto::digest(bearer.ok_or_else(refused)?);
    match svc.stores.registrations.get_initial_token(&digest).await? {
        Some(t) if t.is_usable(now) => Ok(t),
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
