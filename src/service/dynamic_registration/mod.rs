//! Dynamic client registration (RFC 7591) and the client configuration endpoint (RFC 7592).
//! Who may register is the operator's choice (`oauth.dynamic_registration`): nobody, bearers of
//! an initial access token an administrator minted (single or multi-use, with an expiry; a use
//! is counted by one atomic store method), or anyone within a number of registrations per
//! client address (the throttle's counters: reserve, then decide). Registered metadata passes
//! the same rules as every app (`app_input`), as a person who is not an administrator would
//! submit it; the app belongs to no person ([`DYNAMIC_OWNER`]).
//!
//! Each registered app gets a registration access token, bound to it alone and kept as a
//! digest, so it cannot be shown again: it is replaced on every read and update (RFC 7592 §3
//! allows it), atomically, so one token serves one request. Software statements (RFC 7591
//! §2.3) are not supported: the member is ignored.
//!
//! Must not import poem or a store backend.

pub mod initial_tokens;
pub mod metadata;
mod resource_scopes;

use std::net::IpAddr;

use chrono::{DateTime, Utc};

use super::admin::{Listed, PageRequest};
use super::app_input::{validate, AppInput};
use super::apps::{about, remove_app, rules, save_fields, store_new_app};
use super::audit::{Entry, Kind};
use super::{ServiceError, Services, Validation};
use crate::crypto;
use crate::domain::{Client, ClientRegistration, RegistrationPolicy, DYNAMIC_OWNER};
use crate::metrics::{metrics, ThrottleLimit};
use crate::store::StoreError;
use metadata::{metadata_error, ClientMetadata, MetadataError};

/// Why a registration request is refused.
#[derive(Debug, thiserror::Error)]
pub enum RegistrationError {
    /// `oauth.dynamic_registration` is `off`.
    #[error("dynamic client registration is turned off on this server")]
    Disabled,
    /// The initial or registration access token is missing, unknown, used up or expired
    /// (RFC 6750 `invalid_token`).
    #[error("{0}")]
    InvalidToken(String),
    /// RFC 7591 §3.2.2.
    #[error("{}: {}", .0.code, .0.description)]
    Metadata(MetadataError),
    /// Too many open registrations from the client's address; retry after this many seconds.
    #[error("too many registrations from this address; retry in {0} seconds")]
    Throttled(i64),
    #[error(transparent)]
    Service(ServiceError),
}

impl From<ServiceError> for RegistrationError {
    fn from(e: ServiceError) -> Self {
        match e {
            ServiceError::Invalid(errors) => Self::Metadata(metadata_error(&errors)),
            other => Self::Service(other),
        }
    }
}

impl From<StoreError> for RegistrationError {
    fn from(e: StoreError) -> Self {
        Self::Service(e.into())
    }
}

fn invalid(member: &str, message: &str) -> RegistrationError {
    RegistrationError::Metadata(MetadataError {
        code: "invalid_client_metadata",
        description: format!("{member}: {message}"),
    })
}

/// A registered client as the client sees it (RFC 7591 §3.2.1, RFC 7592 §3).
pub struct ClientInformation {
    pub app: Client,
    pub metadata: crate::domain::RegisteredMetadata,
    /// Only in the answer to the registration: the server keeps a digest.
    pub client_secret: Option<String>,
    pub registration_access_token: String,
}

/// The credential of a registration request, as the `Authorization` header carried it.
pub struct RegisterRequest<'a> {
    pub bearer: Option<&'a str>,
    pub ip: Option<IpAddr>,
}

/// Registers a client (RFC 7591 §3.1) under the configured policy.
pub async fn register(
    svc: &Services,
    request: RegisterRequest<'_>,
    mut m: ClientMetadata,
) -> Result<ClientInformation, RegistrationError> {
    let now = svc.now();
    let policy = svc.oauth.policy.dynamic_registration;
    let initial = match policy {
        RegistrationPolicy::Off => return Err(RegistrationError::Disabled),
        RegistrationPolicy::InitialAccessToken => {
            Some(initial_tokens::check(svc, request.bearer, now).await?)
        }
        RegistrationPolicy::Open => None,
    };
    resource_scopes::set_aside(svc, &mut m).await?;
    let (valid, extras) = check(svc, &m, AppInput::default(), None)?;
    match &initial {
        Some(t) => initial_tokens::take(svc, &t.digest, now).await?,
        None => reserve_open(svc, request.ip, now).await?,
    }
    let registered = store_new_app(svc, DYNAMIC_OWNER, valid).await?;
    let token = crypto::random_token();
    let mut metadata = extras;
    metadata.token_endpoint_auth_method =
        metadata::registered_method(&registered.app, &metadata.token_endpoint_auth_method);
    let record = ClientRegistration {
        client_id: registered.app.client_id.clone(),
        token_digest: crypto::digest(&token),
        metadata,
        created_at: now,
        updated_at: now,
    };
    svc.stores
        .registrations
        .insert_registration(&record)
        .await?;
    tracing::info!(client_id = %record.client_id, "app registered dynamically");
    // The client registered itself; the initial access token says on whose behalf.
    let id = registered.app.client_id.as_str();
    let mut entry = Entry::by(Kind::AppCreated, id).detail("via", "dynamic_registration");
    if let Some(t) = &initial {
        entry = entry.detail("initial_token", &t.id);
    }
    svc.audit.record(about(entry, &registered.app));
    Ok(ClientInformation {
        app: registered.app,
        metadata: record.metadata,
        client_secret: registered.secret,
        registration_access_token: token,
    })
}

/// Validates the metadata as the app rules and the extra members' rules see it, all errors at
/// once. `current`: the app, on an update.
fn check(
    svc: &Services,
    m: &ClientMetadata,
    base: AppInput,
    current: Option<&Client>,
) -> Result<
    (
        super::app_input::ValidApp,
        crate::domain::RegisteredMetadata,
    ),
    ServiceError,
> {
    let mut v = Validation::default();
    let extras = m.extras(&mut v);
    let input = m.app_input(base);
    let checked = validate(&input, &rules(svc, false, false, current));
    let mut more = match v.finish() {
        Err(ServiceError::Invalid(errors)) => errors,
        _ => vec![],
    };
    match checked {
        Ok(valid) if more.is_empty() => Ok((valid, extras)),
        Ok(_) => Err(ServiceError::Invalid(more)),
        Err(ServiceError::Invalid(mut errors)) => {
            errors.append(&mut more);
            Err(ServiceError::Invalid(errors))
        }
        Err(e) => Err(e),
    }
}

/// One open registration from `ip`, or the seconds until the next one may be made.
async fn reserve_open(
    svc: &Services,
    ip: Option<IpAddr>,
    now: DateTime<Utc>,
) -> Result<(), RegistrationError> {
    let limit = svc.oauth.policy.registrations_per_ip;
    let key = match ip {
        Some(ip) => format!("register-ip:{ip}"),
        None => "register-ip:unknown".to_owned(),
    };
    let counted = svc
        .stores
        .login_attempts
        .record_login_failure(&key, now, now + limit.window)
        .await?;
    match counted.refusal(limit.max, now) {
        Some(wait) => {
            metrics().throttled("registration", ThrottleLimit::Ip);
            let entry = Entry::requester(Kind::ThrottleRefused).reason("throttled");
            svc.audit
                .record(entry.detail("check", "client_registration"));
            Err(RegistrationError::Throttled(wait))
        }
        None => Ok(()),
    }
}

/// The app `client_id` and its registration, when `bearer` is its registration access token.
/// Anything else (no token, another client's, an unknown client) is `invalid_token`, and
/// nothing is said about whether the client exists.
async fn authenticate(
    svc: &Services,
    client_id: &str,
    bearer: Option<&str>,
) -> Result<(Client, ClientRegistration), RegistrationError> {
    let refused = || {
        RegistrationError::InvalidToken(
            "the registration access token is not valid for this client".into(),
        )
    };
    let token = bearer.ok_or_else(refused)?;
    let record = match svc.stores.registrations.get_registration(client_id).await {
        Ok(r) => r,
        Err(StoreError::NotFound) => return Err(refused()),
        Err(e) => return Err(e.into()),
    };
    let given = crypto::digest(token);
    if !crypto::constant_time_eq(given.as_bytes(), record.token_digest.as_bytes()) {
        return Err(refused());
    }
    match svc.stores.clients.get_client(client_id).await {
        Ok(app) => Ok((app, record)),
        Err(StoreError::NotFound) => Err(refused()),
        Err(e) => Err(e.into()),
    }
}

/// Replaces the registration record when it still holds the token the caller used, with a new
/// token; `invalid_token` when another request replaced it first.
async fn renew(
    svc: &Services,
    record: ClientRegistration,
    metadata: crate::domain::RegisteredMetadata,
) -> Result<(ClientRegistration, String), RegistrationError> {
    let token = crypto::random_token();
    let new = ClientRegistration {
        token_digest: crypto::digest(&token),
        metadata,
        updated_at: svc.now(),
        ..record.clone()
    };
    let store = &svc.stores.registrations;
    if !store
        .replace_registration(&record.token_digest, &new)
        .await?
    {
        return Err(RegistrationError::InvalidToken(
            "the registration access token was used already".into(),
        ));
    }
    Ok((new, token))
}

/// RFC 7592 §2.1: the client's registration, with a new registration access token.
pub async fn read(
    svc: &Services,
    client_id: &str,
    bearer: Option<&str>,
) -> Result<ClientInformation, RegistrationError> {
    let (app, record) = authenticate(svc, client_id, bearer).await?;
    let metadata = record.metadata.clone();
    let (record, token) = renew(svc, record, metadata).await?;
    Ok(ClientInformation {
        app,
        metadata: record.metadata,
        client_secret: None,
        registration_access_token: token,
    })
}

/// What an update request carries besides the metadata (RFC 7592 §2.2).
pub struct UpdateRequest {
    /// Must equal the client id of the path.
    pub client_id: Option<String>,
    /// When given, must be the client's current secret (it cannot be chosen).
    pub client_secret: Option<String>,
}

/// RFC 7592 §2.2: replaces the client's metadata (omitted members are cleared), through the
/// same rules as a registration; a new registration access token.
pub async fn update(
    svc: &Services,
    client_id: &str,
    bearer: Option<&str>,
    request: UpdateRequest,
    mut m: ClientMetadata,
) -> Result<ClientInformation, RegistrationError> {
    let (app, record) = authenticate(svc, client_id, bearer).await?;
    if request.client_id.as_deref() != Some(client_id) {
        return Err(invalid("client_id", "must be the client's own client_id"));
    }
    if let Some(secret) = &request.client_secret {
        let digest = crypto::digest(secret);
        let now = svc.now();
        let matches = app.secrets.iter().any(|s| {
            s.is_valid_at(now) && crypto::constant_time_eq(s.digest.as_bytes(), digest.as_bytes())
        });
        if !matches {
            return Err(invalid(
                "client_secret",
                "is not the client's current secret",
            ));
        }
    }
    resource_scopes::set_aside(svc, &mut m).await?;
    let (valid, mut extras) = check(svc, &m, AppInput::from(&app), Some(&app))?;
    let (record, token) = {
        extras.token_endpoint_auth_method =
            metadata::registered_method(&app, &extras.token_endpoint_auth_method);
        renew(svc, record, extras).await?
    };
    let app = save_fields(svc, app, valid, client_id).await?;
    Ok(ClientInformation {
        app,
        metadata: record.metadata,
        client_secret: None,
        registration_access_token: token,
    })
}

/// RFC 7592 §2.3: deletes the client as any app is deleted (its grants and tokens revoked, its
/// consents forgotten) and its registration.
pub async fn delete(
    svc: &Services,
    client_id: &str,
    bearer: Option<&str>,
) -> Result<(), RegistrationError> {
    let (app, _) = authenticate(svc, client_id, bearer).await?;
    remove_app(svc, &app, client_id).await?;
    Ok(())
}

/// The dynamically registered apps, oldest first (administrators' listing).
pub async fn list_registered_apps(
    svc: &Services,
    paging: PageRequest,
) -> Result<Listed<Client>, ServiceError> {
    let mut v = Validation::default();
    let page = paging.validate(&mut v);
    v.finish()?;
    let found = svc
        .stores
        .clients
        .list_clients_by_owner(DYNAMIC_OWNER, page)
        .await?;
    Ok(Listed {
        items: found.items,
        total: found.total,
        page,
    })
}
