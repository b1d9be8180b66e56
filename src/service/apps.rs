//! Developer apps (OAuth clients) as their owners manage them: register (the secret is shown
//! once and stored as a SHA-256 digest), list, get, replace, patch, delete (revoking every
//! grant and token the app holds and forgetting its consents) and rotate the secret (the
//! previous one keeps working for `oauth.secret_rotation_grace_secs`, then dies).
//!
//! Only the owner, or an administrator acting as one (`access::Principal::may_manage`: the
//! session, or a token that carries `admin`), reaches an app; anyone else is told it does not
//! exist (never "forbidden", which would confirm the id). Built-in apps (Swagger UI) belong to no
//! user and cannot be changed here. Every write goes through `ClientStore`'s methods.
//! Must not import poem or a store backend.

use chrono::{DateTime, Utc};

use super::access::Principal;
use super::admin::{Listed, PageRequest};
use super::app_input::{validate, validate_read, AppInput, AppPatch, Rules, ValidApp};
use super::audit::{Entry, Kind};
use super::oauth::builtin::SYSTEM_OWNER;
use super::{ServiceError, Services, Validation};
use crate::crypto;
use crate::domain::{Client, ClientSecret, ClientType, User, DYNAMIC_OWNER};
use crate::store::StoreError;

/// A registered app and, for a confidential one, its secret: shown once, stored as a digest.
pub struct RegisteredApp {
    pub app: Client,
    pub secret: Option<String>,
}

/// A new secret (shown once) and when the previous one stops working.
pub struct RotatedSecret {
    pub app: Client,
    pub secret: String,
    pub previous_expires_at: Option<DateTime<Utc>>,
}

/// How an existing app changes: every field (PUT) or some (PATCH).
pub enum AppChange {
    Replace(AppInput),
    Patch(AppPatch),
}

/// Whether an app is one of the server's own (no user owns it).
pub fn is_builtin(app: &Client) -> bool {
    app.owner_id == SYSTEM_OWNER
}

pub(super) fn rules<'a>(
    svc: &Services,
    owner_is_admin: bool,
    actor_is_admin: bool,
    current: Option<&'a Client>,
) -> Rules<'a> {
    let p = &svc.oauth.policy;
    Rules {
        owner_is_admin,
        actor_is_admin,
        current,
        max_access_ttl_secs: p.max_access_token_ttl.num_seconds(),
        max_refresh_ttl_secs: p.max_refresh_token_ttl.num_seconds(),
    }
}

fn new_secret(now: DateTime<Utc>) -> (String, ClientSecret) {
    let value = crypto::random_token();
    let stored = ClientSecret {
        digest: crypto::digest(&value),
        created_at: now,
        expires_at: None,
    };
    (value, stored)
}

pub(super) fn write_fields(app: &mut Client, v: ValidApp) {
    app.name = v.name;
    app.description = v.description;
    app.homepage_url = v.homepage_url;
    app.logo_url = v.logo_url;
    app.redirect_uris = v.redirect_uris;
    app.post_logout_redirect_uris = v.post_logout_redirect_uris;
    app.client_type = v.client_type;
    app.grant_types = v.grant_types;
    app.scopes = v.scopes;
    app.access_token_ttl_secs = v.access_token_ttl_secs;
    app.refresh_token_ttl_secs = v.refresh_token_ttl_secs;
    app.first_party = v.first_party;
    app.introspection = v.introspection;
    app.require_pushed_authorization_requests = v.require_pushed_authorization_requests;
    app.require_mfa = v.require_mfa;
    app.dpop_bound_access_tokens = v.dpop_bound_access_tokens;
    app.fapi2 = v.fapi2;
    app.jwks = v.keys.jwks;
    app.jwks_uri = v.keys.jwks_uri;
    // An app that signs assertions has no secret (RFC 7523 §2.2 replaces it).
    if app.uses_private_key_jwt() {
        app.secrets.clear();
    }
}

/// Registers an app owned by the acting person.
pub async fn register_app(
    svc: &Services,
    actor: &Principal,
    input: AppInput,
) -> Result<RegisteredApp, ServiceError> {
    register_app_read(svc, actor, input, &[]).await
}

/// [`register_app`] for a form that could not read some fields (`unreadable`, see
/// [`validate_read`]): nothing is registered and they are reported with the other errors.
pub async fn register_app_read(
    svc: &Services,
    actor: &Principal,
    input: AppInput,
    unreadable: &[&'static str],
) -> Result<RegisteredApp, ServiceError> {
    let r = rules(svc, actor.user.is_admin, actor.acts_as_admin(), None);
    let valid = validate_read(&input, &r, unreadable)?;
    insert_app(svc, &actor.user.id, valid).await
}

/// Registers an app for `owner` on the operator's behalf (the `client create` command): the
/// same rules as [`register_app`], except that the operator may set `first_party` and register
/// the `admin` scope (which token issuance still grants to administrators only).
pub async fn register_app_as_operator(
    svc: &Services,
    owner: &User,
    input: AppInput,
) -> Result<RegisteredApp, ServiceError> {
    let valid = validate(&input, &rules(svc, true, true, None))?;
    insert_app(svc, &owner.id, valid).await
}

/// Stores a new app of `owner_id` with validated fields and, when confidential, a fresh secret;
/// `app.created` names whoever the request acts for.
async fn insert_app(
    svc: &Services,
    owner_id: &str,
    valid: ValidApp,
) -> Result<RegisteredApp, ServiceError> {
    let registered = store_new_app(svc, owner_id, valid).await?;
    let entry = about(Entry::acting(Kind::AppCreated), &registered.app);
    svc.audit.record(entry);
    Ok(registered)
}

/// The audit entry of an event of `app`: the app, and its owner as the subject when a person
/// owns it (a dynamically registered app answers to no person).
pub(super) fn about(entry: Entry, app: &Client) -> Entry {
    match app.owner_id.as_str() {
        DYNAMIC_OWNER => entry.app(&app.client_id),
        owner => entry.subject(owner).app(&app.client_id),
    }
}

/// [`insert_app`] without the audit event, which the caller records.
pub(super) async fn store_new_app(
    svc: &Services,
    owner_id: &str,
    valid: ValidApp,
) -> Result<RegisteredApp, ServiceError> {
    let now = svc.now();
    let with_keys = valid.keys.jwks.is_some() || valid.keys.jwks_uri.is_some();
    let (secret, secrets) = match valid.client_type {
        ClientType::Confidential if with_keys => (None, vec![]),
        ClientType::Confidential => {
            let (value, stored) = new_secret(now);
            (Some(value), vec![stored])
        }
        ClientType::Public => (None, vec![]),
    };
    let mut app = Client {
        secrets,
        ..Client::blank(
            crypto::random_string(18),
            owner_id.to_owned(),
            valid.client_type,
            now,
        )
    };
    write_fields(&mut app, valid);
    svc.stores.clients.insert_client(&app).await?;
    tracing::info!(client_id = %app.client_id, owner = %app.owner_id, "app registered");
    Ok(RegisteredApp { app, secret })
}

/// The apps `actor` owns, oldest first, one page at a time.
pub async fn list_my_apps(
    svc: &Services,
    actor: &User,
    paging: PageRequest,
) -> Result<Listed<Client>, ServiceError> {
    let mut v = Validation::default();
    let page = paging.validate(&mut v);
    v.finish()?;
    let found = svc
        .stores
        .clients
        .list_clients_by_owner(&actor.id, page)
        .await?;
    Ok(Listed {
        items: found.items,
        total: found.total,
        page,
    })
}

/// Every app of every owner (the administrators' listing), oldest first, one page at a time.
/// The caller has checked that the actor acts as an administrator.
pub async fn list_all_apps(
    svc: &Services,
    paging: PageRequest,
) -> Result<Listed<Client>, ServiceError> {
    let mut v = Validation::default();
    let page = paging.validate(&mut v);
    v.finish()?;
    let found = svc.stores.clients.list_clients(page).await?;
    Ok(Listed {
        items: found.items,
        total: found.total,
        page,
    })
}

/// An app the principal may manage (its owner, or an administrator acting as one);
/// `NotFound` for anyone else.
pub async fn get_app(svc: &Services, actor: &Principal, id: &str) -> Result<Client, ServiceError> {
    match svc.stores.clients.get_client(id).await {
        Ok(app) if actor.may_manage(&app) => Ok(app),
        Ok(_) | Err(StoreError::NotFound) => Err(ServiceError::NotFound),
        Err(e) => Err(e.into()),
    }
}

/// An app `actor` may change: visible to them and not built in.
async fn changeable(svc: &Services, actor: &Principal, id: &str) -> Result<Client, ServiceError> {
    let app = get_app(svc, actor, id).await?;
    if is_builtin(&app) {
        return Err(ServiceError::Refused(
            "built-in apps cannot be changed or deleted".into(),
        ));
    }
    Ok(app)
}

/// Whether the owner of `app` is an administrator (who alone may hold the `admin` scope).
async fn owner_is_admin(svc: &Services, actor: &User, app: &Client) -> Result<bool, ServiceError> {
    if app.owner_id == actor.id {
        return Ok(actor.is_admin);
    }
    match svc.stores.users.get_user(&app.owner_id).await {
        Ok(owner) => Ok(owner.is_admin),
        Err(StoreError::NotFound) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// Replaces or patches an app's fields (its id, owner, secrets and type stay).
pub async fn update_app(
    svc: &Services,
    actor: &Principal,
    id: &str,
    change: AppChange,
) -> Result<Client, ServiceError> {
    update_app_read(svc, actor, id, change, &[]).await
}

/// [`update_app`] for a form that could not read some fields (`unreadable`, see
/// [`validate_read`]): nothing changes and they are reported with the other errors.
pub async fn update_app_read(
    svc: &Services,
    actor: &Principal,
    id: &str,
    change: AppChange,
    unreadable: &[&'static str],
) -> Result<Client, ServiceError> {
    let app = changeable(svc, actor, id).await?;
    let input = match change {
        AppChange::Replace(input) => input,
        AppChange::Patch(patch) => patch.apply(AppInput::from(&app)),
    };
    let admin_owner = owner_is_admin(svc, &actor.user, &app).await?;
    let r = rules(svc, admin_owner, actor.acts_as_admin(), Some(&app));
    let valid = validate_read(&input, &r, unreadable)?;
    save_fields(svc, app, valid, &actor.user.id).await
}

/// Stores validated fields on an existing app; `by` names who changed it in the log (the app
/// itself through its registration access token).
pub(super) async fn save_fields(
    svc: &Services,
    mut app: Client,
    valid: ValidApp,
    by: &str,
) -> Result<Client, ServiceError> {
    write_fields(&mut app, valid);
    app.updated_at = svc.now();
    svc.stores.clients.update_client(&app).await?;
    tracing::info!(client_id = %app.client_id, by = %by, "app updated");
    svc.audit
        .record(about(Entry::by(Kind::AppChanged, by), &app));
    Ok(app)
}

/// Deletes an app: every grant and token it holds is revoked, its consents are forgotten.
pub async fn delete_app(svc: &Services, actor: &Principal, id: &str) -> Result<(), ServiceError> {
    let app = changeable(svc, actor, id).await?;
    remove_app(svc, &app, &actor.user.id).await
}

/// Deletes `app` with everything it holds (grants, tokens, consents, its dynamic registration
/// record); `by` names who deleted it in the log (the app itself through its registration
/// access token).
pub(super) async fn remove_app(svc: &Services, app: &Client, by: &str) -> Result<(), ServiceError> {
    let s = &svc.stores;
    s.grants
        .revoke_grants_for_client(&app.client_id, svc.now())
        .await?;
    s.consents
        .delete_consents_for_client(&app.client_id)
        .await?;
    match s.clients.delete_client(&app.client_id).await {
        Ok(()) | Err(StoreError::NotFound) => {}
        Err(e) => return Err(e.into()),
    }
    // A token issued between the first revocation and the deletion dies too.
    s.grants
        .revoke_grants_for_client(&app.client_id, svc.now())
        .await?;
    s.registrations.delete_registration(&app.client_id).await?;
    tracing::info!(client_id = %app.client_id, by = %by, "app deleted");
    svc.audit
        .record(about(Entry::by(Kind::AppDeleted, by), app));
    Ok(())
}

/// Issues a new secret for a confidential app. The current secret keeps working for the
/// configured grace period, or stops at once with `revoke_previous` (a leaked secret); secrets
/// already past their grace are dropped.
pub async fn rotate_secret(
    svc: &Services,
    actor: &Principal,
    id: &str,
    revoke_previous: bool,
) -> Result<RotatedSecret, ServiceError> {
    let mut app = changeable(svc, actor, id).await?;
    if app.client_type != ClientType::Confidential {
        return Err(ServiceError::Refused(
            "a public app has no secret to rotate".into(),
        ));
    }
    if app.uses_private_key_jwt() {
        return Err(ServiceError::Refused(
            "the app authenticates with private_key_jwt: it has no secret".into(),
        ));
    }
    let now = svc.now();
    let grace_end = match revoke_previous {
        true => now,
        false => now + svc.oauth.policy.secret_rotation_grace,
    };
    let mut previous_expires_at = None;
    app.secrets.retain(|s| s.is_valid_at(now));
    if revoke_previous && !app.secrets.is_empty() {
        app.secrets.clear();
        previous_expires_at = Some(now);
    }
    for s in app.secrets.iter_mut().filter(|s| s.expires_at.is_none()) {
        s.expires_at = Some(grace_end);
        previous_expires_at = Some(grace_end);
    }
    let (secret, stored) = new_secret(now);
    app.secrets.push(stored);
    app.updated_at = now;
    svc.stores.clients.update_client(&app).await?;
    tracing::info!(client_id = %app.client_id, by = %actor.user.id, "app secret rotated");
    let entry = Entry::by(Kind::AppSecretRotated, &actor.user.id);
    let entry = entry.detail("previous_revoked", revoke_previous);
    svc.audit.record(about(entry, &app));
    Ok(RotatedSecret {
        app,
        secret,
        previous_expires_at,
    })
}
