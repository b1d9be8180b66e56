//! The device authorization grant (RFC 8628) on the device's side: the device authorization
//! endpoint (§3.1–3.2) issues a device code and a user code, and the token endpoint's
//! `urn:ietf:params:oauth:grant-type:device_code` (§3.4–3.5) answers each poll with
//! `authorization_pending`, `slow_down`, `expired_token`, `access_denied`, `invalid_grant`, or
//! the tokens, exactly once (the approved code is consumed by one atomic store call). Tokens
//! are issued like the code flow's, under a new grant of the approving user. The person's side
//! (the `/device` page) is `device_verify`.

use super::client_auth::{authenticate_client, ClientCredentials};
use super::grant_state::{still_authorized, user_token_set};
use super::issue::{Subject, TokenSet};
use super::resources::{identifiers, resolve, still_permitted, within};
use super::scopes::requested_scopes;
use super::{OAuthError, OAuthErrorCode};
use crate::crypto;
use crate::domain::{
    format_user_code, Client, DeviceCode, DeviceStatus, Grant, GrantType, PollOutcome, ScopeSet,
    SLOW_DOWN_STEP_SECS, USER_CODE_ALPHABET, USER_CODE_LEN,
};
use crate::service::audit::{Entry, Kind};
use crate::service::Services;
use crate::store::StoreError;

/// The answer of the device authorization endpoint (RFC 8628 §3.2).
#[derive(Clone)]
pub struct DeviceAuthorization {
    pub device_code: String,
    /// As shown to the person: `XXXX-XXXX`.
    pub user_code: String,
    pub verification_uri: String,
    pub verification_uri_complete: String,
    pub expires_in: i64,
    pub interval: i64,
}

impl std::fmt::Debug for DeviceAuthorization {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeviceAuthorization")
            .field("expires_in", &self.expires_in)
            .field("interval", &self.interval)
            .finish_non_exhaustive()
    }
}

/// How many user codes are drawn before giving up on collisions (20^8 values: a collision is
/// already rare among the live codes).
const USER_CODE_DRAWS: usize = 4;

/// RFC 8628 §3.1: authenticates the client (as the token endpoint does), checks that it may
/// use the device grant, the resources (RFC 8707) and the scopes, and stores a new pending
/// device code.
pub async fn authorize_device(
    svc: &Services,
    creds: &ClientCredentials,
    scope: Option<&str>,
    resources: &[String],
) -> Result<DeviceAuthorization, OAuthError> {
    let client = authenticate_client(svc, creds).await?.client;
    if !client.allows_grant(GrantType::DeviceCode) {
        return Err(OAuthError::unauthorized_client(
            "this client may not use the device authorization grant",
        ));
    }
    let servers = resolve(svc, resources).await?;
    let scopes = requested_scopes(&client, scope, &servers)?;
    let policy = &svc.oauth.policy;
    let now = svc.now();
    let device_code = crypto::random_token();
    for _ in 0..USER_CODE_DRAWS {
        let user_code = crypto::random_from_alphabet(USER_CODE_ALPHABET, USER_CODE_LEN);
        let record = DeviceCode {
            digest: crypto::digest(&device_code),
            user_code_digest: crypto::digest(&user_code),
            client_id: client.client_id.clone(),
            scopes: scopes.to_vec(),
            created_at: now,
            expires_at: now + policy.device_code_ttl,
            interval_secs: policy.device_poll_interval.num_seconds(),
            last_polled_at: None,
            status: DeviceStatus::Pending,
            resources: identifiers(&servers),
        };
        match svc.stores.device_codes.insert_device_code(&record).await {
            Ok(()) => {}
            Err(StoreError::Conflict("user_code")) => continue,
            Err(e) => return Err(e.into()),
        }
        let shown = format_user_code(&user_code);
        let verification_uri = format!("{}/device", svc.public_url);
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        query.append_pair("user_code", &shown);
        return Ok(DeviceAuthorization {
            device_code,
            verification_uri_complete: format!("{verification_uri}?{}", query.finish()),
            verification_uri,
            user_code: shown,
            expires_in: policy.device_code_ttl.num_seconds(),
            interval: record.interval_secs,
        });
    }
    Err(OAuthError::internal(anyhow::anyhow!(
        "no free user code after {USER_CODE_DRAWS} draws"
    )))
}

/// RFC 8628 §3.4–3.5: one poll of the token endpoint by `client` with `device_code`.
pub(super) async fn device_grant(
    svc: &Services,
    client: &Client,
    device_code: Option<&str>,
    resources: &[String],
    jkt: Option<&str>,
) -> Result<TokenSet, OAuthError> {
    let raw = device_code
        .filter(|s| !s.is_empty())
        .ok_or_else(|| OAuthError::invalid_request("device_code is required"))?;
    let digest = crypto::digest(raw);
    let now = svc.now();
    let before = svc
        .stores
        .device_codes
        .record_device_poll(&digest, now)
        .await?
        .filter(|c| c.client_id == client.client_id)
        .ok_or_else(|| OAuthError::invalid_grant("unknown device code"))?;
    match before.poll(now) {
        PollOutcome::AuthorizationPending => Err(OAuthError::new(
            OAuthErrorCode::AuthorizationPending,
            "the user has not answered yet",
        )),
        PollOutcome::SlowDown => {
            let id = client.client_id.as_str();
            let entry = Entry::by(Kind::ThrottleRefused, id)
                .app(id)
                .reason("throttled");
            svc.audit.record(entry.detail("check", "device_poll"));
            Err(slow_down(before.interval_secs))
        }
        PollOutcome::ExpiredToken => Err(OAuthError::new(
            OAuthErrorCode::ExpiredToken,
            "the device code has expired; start again",
        )),
        PollOutcome::AccessDenied => Err(OAuthError::new(
            OAuthErrorCode::AccessDenied,
            "the user denied the request",
        )),
        PollOutcome::AlreadyUsed => Err(OAuthError::invalid_grant(
            "the device code was already used",
        )),
        PollOutcome::Approved => {
            // Checked before the code is spent: a poll may only narrow the resources.
            let servers = within(svc, &before.resources, resources).await?;
            issue_tokens(svc, client, &digest, &servers, jkt).await
        }
    }
}

/// RFC 8628 §3.5 `slow_down`: the interval the device must keep from now on.
fn slow_down(interval_secs: i64) -> OAuthError {
    OAuthError::new(
        OAuthErrorCode::SlowDown,
        format!(
            "polling too fast: wait at least {} seconds between requests",
            interval_secs + SLOW_DOWN_STEP_SECS
        ),
    )
}

/// Consumes the approved code (only one poller wins) and issues tokens under a new grant.
async fn issue_tokens(
    svc: &Services,
    client: &Client,
    digest: &str,
    servers: &[crate::domain::ResourceServer],
    jkt: Option<&str>,
) -> Result<TokenSet, OAuthError> {
    let taken = svc
        .stores
        .device_codes
        .take_approved_device_code(digest)
        .await?;
    let Some((DeviceStatus::Approved(approval), authorized)) =
        taken.map(|c| (c.status, c.resources))
    else {
        return Err(OAuthError::invalid_grant(
            "the device code was already used",
        ));
    };
    let amr = still_authorized(svc, &approval.user_id, approval.session_id.as_deref()).await?;
    let now = svc.now();
    let grant = Grant {
        id: uuid::Uuid::now_v7().to_string(),
        user_id: Some(approval.user_id.clone()),
        client_id: client.client_id.clone(),
        scopes: approval.scopes.clone(),
        created_at: now,
        last_used_at: now,
        expires_at: now + svc.oauth.policy.grant_ttl,
        revoked_at: None,
        auth_time: Some(approval.auth_time),
        resources: authorized,
    };
    svc.stores.grants.insert_grant(&grant).await?;
    let scopes =
        ScopeSet::from_strings(&approval.scopes).map_err(|e| OAuthError::internal(e.into()))?;
    let scopes = still_permitted(client, servers, scopes)?;
    let who = Subject {
        client,
        user_id: Some(&approval.user_id),
        grant_id: Some(&grant.id),
        auth_time: Some(approval.auth_time),
        acr: amr.as_deref().map(|a| crate::domain::acr_of(a).to_owned()),
        resources: servers,
        jkt,
    };
    let session = (approval.session_id.as_deref(), amr.as_deref());
    user_token_set(svc, &who, &grant, &scopes, None, session).await
}
