//! The JSON shapes of the Apps API (`/api/v1/apps`): the app as its owner sees it (never a
//! secret nor a digest), the one-time secret answers of registration and rotation, with their
//! examples (the request bodies are in `app_requests`).
//!
//! Must not import a concrete store backend.

use chrono::{DateTime, TimeZone, Utc};
use poem_openapi::types::Example;
use poem_openapi::Object;

use crate::domain::{Client, ClientSecret};
use crate::service::admin::Listed;
use crate::service::app_input::AppInput;

fn example_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 15, 9, 30, 0)
        .single()
        .unwrap_or_default()
}

/// When a stored secret was issued and, for a rotated-out one, when it stops working. The
/// secret itself is never shown again.
#[derive(Debug, Object)]
pub struct AppSecretInfo {
    pub created_at: DateTime<Utc>,
    /// Set on a previous secret during its rotation grace period; absent on the current one.
    #[oai(skip_serializing_if_is_none)]
    pub expires_at: Option<DateTime<Utc>>,
}

impl From<&ClientSecret> for AppSecretInfo {
    fn from(s: &ClientSecret) -> Self {
        Self {
            created_at: s.created_at,
            expires_at: s.expires_at,
        }
    }
}

/// A registered app (OAuth client) as its owner sees it. Carries no secret.
#[derive(Debug, Object)]
#[oai(example)]
pub struct App {
    /// The OAuth `client_id`.
    pub client_id: String,
    /// The id of the user who registered it.
    pub owner_id: String,
    pub name: String,
    pub description: String,
    #[oai(skip_serializing_if_is_none)]
    pub homepage_url: Option<String>,
    #[oai(skip_serializing_if_is_none)]
    pub logo_url: Option<String>,
    /// Exact redirect URIs accepted at `/oauth2/authorize`.
    pub redirect_uris: Vec<String>,
    pub post_logout_redirect_uris: Vec<String>,
    /// `confidential` (has a secret) or `public` (cannot keep one: SPAs, native apps).
    pub client_type: String,
    pub grant_types: Vec<String>,
    pub scopes: Vec<String>,
    /// The app's access-token lifetime; absent: the server's default.
    #[oai(skip_serializing_if_is_none)]
    pub access_token_ttl_secs: Option<i64>,
    /// The app's refresh-token lifetime; absent: the server's default.
    #[oai(skip_serializing_if_is_none)]
    pub refresh_token_ttl_secs: Option<i64>,
    /// First-party apps skip the consent page (set by administrators only).
    pub first_party: bool,
    /// A resource server: may introspect tokens issued to other apps (RFC 7662 §4); set by
    /// administrators only. Any other app learns only about its own tokens.
    pub introspection: bool,
    /// Authorization requests must be pushed to `/oauth2/par` first (RFC 9126); a plain
    /// request to `/oauth2/authorize` is refused.
    pub require_pushed_authorization_requests: bool,
    /// Every authorization request needs a sign-in with a second factor (acr
    /// `urn:auth-center:acr:mfa`): a person signed in with a password only is asked for it.
    pub require_mfa: bool,
    /// Every token request must carry a DPoP proof (RFC 9449 §5.2, `dpop_bound_access_tokens`):
    /// each access token is bound to the app's key.
    pub dpop_bound_access_tokens: bool,
    /// The FAPI 2.0 Security Profile is enforced for the app (see the README's "FAPI 2.0
    /// Security Profile" section).
    pub fapi2: bool,
    /// `client_secret_basic` (a secret, also accepted as `client_secret_post`),
    /// `private_key_jwt` (signed assertions with the keys below) or `none` (public).
    pub token_endpoint_auth_method: String,
    /// private_key_jwt: the registered JWK set of public keys.
    #[oai(skip_serializing_if_is_none)]
    pub jwks: Option<serde_json::Value>,
    /// private_key_jwt: where the JWK set is fetched from.
    #[oai(skip_serializing_if_is_none)]
    pub jwks_uri: Option<String>,
    /// The secrets that currently authenticate the app (none for a public app).
    pub secrets: Vec<AppSecretInfo>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<&Client> for App {
    /// The app's settings as its owner edits them (`AppInput`), with what the server keeps.
    fn from(c: &Client) -> Self {
        let settings = AppInput::from(c);
        Self {
            client_id: c.client_id.clone(),
            owner_id: c.owner_id.clone(),
            name: settings.name,
            description: settings.description,
            homepage_url: settings.homepage_url,
            logo_url: settings.logo_url,
            redirect_uris: settings.redirect_uris,
            post_logout_redirect_uris: settings.post_logout_redirect_uris,
            client_type: settings.client_type,
            grant_types: settings.grant_types,
            scopes: settings.scopes,
            access_token_ttl_secs: settings.access_token_ttl_secs,
            refresh_token_ttl_secs: settings.refresh_token_ttl_secs,
            first_party: settings.first_party,
            introspection: settings.introspection,
            require_pushed_authorization_requests: settings.require_pushed_authorization_requests,
            require_mfa: settings.require_mfa,
            dpop_bound_access_tokens: settings.dpop_bound_access_tokens,
            fapi2: settings.fapi2,
            token_endpoint_auth_method: crate::service::app_keys::method_of(
                c.client_type,
                c.uses_private_key_jwt(),
            )
            .into(),
            jwks: c.jwks.as_deref().and_then(|j| serde_json::from_str(j).ok()),
            jwks_uri: c.jwks_uri.clone(),
            secrets: c.secrets.iter().map(Into::into).collect(),
            created_at: c.created_at,
            updated_at: c.updated_at,
        }
    }
}

impl From<Client> for App {
    fn from(c: Client) -> Self {
        Self::from(&c)
    }
}

impl Example for App {
    fn example() -> Self {
        Self {
            client_id: "q2Xv7nR0bS1kT9wYzA4mCg".into(),
            owner_id: "0192f4c5-7a1e-7b3c-9d2e-5f6a7b8c9d0e".into(),
            name: "Photo printer".into(),
            description: "Prints the photos you choose.".into(),
            homepage_url: Some("https://printer.example".into()),
            logo_url: None,
            redirect_uris: vec!["https://printer.example/callback".into()],
            post_logout_redirect_uris: vec![],
            client_type: "confidential".into(),
            grant_types: vec!["authorization_code".into(), "refresh_token".into()],
            scopes: vec!["email".into(), "openid".into(), "profile".into()],
            access_token_ttl_secs: None,
            refresh_token_ttl_secs: None,
            first_party: false,
            introspection: false,
            require_pushed_authorization_requests: false,
            require_mfa: false,
            dpop_bound_access_tokens: false,
            fapi2: false,
            token_endpoint_auth_method: "client_secret_basic".into(),
            jwks: None,
            jwks_uri: None,
            secrets: vec![AppSecretInfo {
                created_at: example_time(),
                expires_at: None,
            }],
            created_at: example_time(),
            updated_at: example_time(),
        }
    }
}

/// A newly registered app and its secret. The secret is shown this once: store it now.
#[derive(Debug, Object)]
#[oai(example)]
pub struct CreatedApp {
    pub app: App,
    /// The client secret of a confidential app (absent for a public one). Only its digest is
    /// kept by the server: it cannot be shown again, only rotated.
    #[oai(skip_serializing_if_is_none)]
    pub client_secret: Option<String>,
}

impl Example for CreatedApp {
    fn example() -> Self {
        Self {
            app: App::example(),
            client_secret: Some("b3BlbnNlc2FtZS1leGFtcGxlLXNlY3JldC0zMmJ5dGVz".into()),
        }
    }
}

/// A new secret, shown this once, and when the previous one stops working.
#[derive(Debug, Object)]
#[oai(example)]
pub struct RotatedAppSecret {
    pub client_id: String,
    pub client_secret: String,
    /// The end of the previous secret's grace period (`oauth.secret_rotation_grace_secs`).
    #[oai(skip_serializing_if_is_none)]
    pub previous_secret_expires_at: Option<DateTime<Utc>>,
}

impl Example for RotatedAppSecret {
    fn example() -> Self {
        Self {
            client_id: "q2Xv7nR0bS1kT9wYzA4mCg".into(),
            client_secret: "bmV3LWV4YW1wbGUtc2VjcmV0LW9mLTMyLWJ5dGVzLTAx".into(),
            previous_secret_expires_at: Some(example_time()),
        }
    }
}

/// One page of the caller's apps.
#[derive(Debug, Object)]
pub struct AppList {
    /// This page of apps, oldest first.
    pub items: Vec<App>,
    /// How many apps the caller has, on every page.
    pub total: u64,
    /// The index of the first item of this page.
    pub offset: u64,
    /// The page size used.
    pub limit: u64,
}

impl From<Listed<Client>> for AppList {
    fn from(l: Listed<Client>) -> Self {
        Self {
            items: l.items.iter().map(App::from).collect(),
            total: l.total,
            offset: l.page.offset,
            limit: l.page.limit,
        }
    }
}
