//! Client metadata as RFC 7591 §2 names it, turned into the app registration's own input
//! (`app_input::AppInput`, checked by the same rules as every other app) plus the few members
//! an app record does not hold (`RegisteredMetadata`), and back. Field errors are renamed to
//! the RFC's member names and reported as RFC 7591 §3.2.2 errors.
//!
//! Pure rules: no store, no clock. Must not import poem or a store backend.

use crate::domain::{Client, DomainError, GrantType, RegisteredMetadata, ResponseType};
use crate::service::app_input::{web_url, AppInput, MAX_NAME_LEN};
use crate::service::Validation;

/// Most contacts a client may list.
pub const MAX_CONTACTS: usize = 10;
/// Longest contact, software id or software version, in characters.
pub const MAX_TEXT_LEN: usize = 200;

/// The members of a registration request this server reads (RFC 7591 §2; RFC 9126 §6 and OIDC
/// RP-Initiated Logout for the last two). `None` is an absent member.
#[derive(Debug, Clone, Default)]
pub struct ClientMetadata {
    pub redirect_uris: Option<Vec<String>>,
    pub token_endpoint_auth_method: Option<String>,
    pub grant_types: Option<Vec<String>>,
    pub response_types: Option<Vec<String>>,
    pub client_name: Option<String>,
    pub client_uri: Option<String>,
    pub logo_uri: Option<String>,
    /// Space-delimited.
    pub scope: Option<String>,
    pub contacts: Option<Vec<String>>,
    pub tos_uri: Option<String>,
    pub policy_uri: Option<String>,
    /// The JWK set, as JSON text.
    pub jwks: Option<String>,
    pub jwks_uri: Option<String>,
    pub software_id: Option<String>,
    pub software_version: Option<String>,
    pub post_logout_redirect_uris: Option<Vec<String>>,
    pub require_pushed_authorization_requests: Option<bool>,
    /// RFC 9449 §5.2: every token request must carry a DPoP proof.
    pub dpop_bound_access_tokens: Option<bool>,
}

/// An RFC 7591 §3.2.2 error: `invalid_redirect_uri` or `invalid_client_metadata`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetadataError {
    pub code: &'static str,
    /// Every problem, each naming its member.
    pub description: String,
}

/// The RFC 7591 member an app field is registered as.
fn member(field: &str) -> &str {
    match field {
        "name" => "client_name",
        "homepage_url" => "client_uri",
        "logo_url" => "logo_uri",
        "scopes" => "scope",
        "client_type" => "token_endpoint_auth_method",
        other => other,
    }
}

/// The RFC 7591 §3.2.2 error for the field errors of a registration.
pub fn metadata_error(errors: &[DomainError]) -> MetadataError {
    let redirect = errors.iter().any(|e| e.field == "redirect_uris");
    let description = errors
        .iter()
        .map(|e| format!("{}: {}", member(e.field), e.message))
        .collect::<Vec<_>>()
        .join("; ");
    MetadataError {
        code: match redirect {
            true => "invalid_redirect_uri",
            false => "invalid_client_metadata",
        },
        description,
    }
}

/// A name for a client that gave none: the host of its home page or first redirect URI.
fn default_name(m: &ClientMetadata) -> String {
    let uris = m.client_uri.iter().chain(m.redirect_uris.iter().flatten());
    uris.filter_map(|u| url::Url::parse(u).ok())
        .find_map(|u| u.host_str().map(str::to_owned))
        .map_or_else(|| "Unnamed client".to_owned(), |h| format!("App at {h}"))
        .chars()
        .take(MAX_NAME_LEN)
        .collect()
}

impl ClientMetadata {
    /// The app input these members ask for, starting from `base` (the app as it is, on an
    /// update, so that what only administrators set is kept).
    pub fn app_input(&self, base: AppInput) -> AppInput {
        // RFC 7591 §2: without a method the client uses `client_secret_basic` (keys alone do
        // not choose `private_key_jwt` here, as they do on the apps page).
        let method = (self.token_endpoint_auth_method.clone())
            .unwrap_or_else(|| "client_secret_basic".to_owned());
        let public = method == "none";
        AppInput {
            name: self
                .client_name
                .clone()
                .unwrap_or_else(|| default_name(self)),
            homepage_url: self.client_uri.clone(),
            logo_url: self.logo_uri.clone(),
            redirect_uris: self.redirect_uris.clone().unwrap_or_default(),
            post_logout_redirect_uris: self.post_logout_redirect_uris.clone().unwrap_or_default(),
            client_type: if public { "public" } else { "confidential" }.into(),
            grant_types: self.grant_types.clone().unwrap_or_default(),
            scopes: (self.scope.as_deref().unwrap_or_default())
                .split(' ')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            require_pushed_authorization_requests: self
                .require_pushed_authorization_requests
                .unwrap_or(base.require_pushed_authorization_requests),
            dpop_bound_access_tokens: self
                .dpop_bound_access_tokens
                .unwrap_or(base.dpop_bound_access_tokens),
            token_endpoint_auth_method: Some(method),
            jwks: self.jwks.clone(),
            jwks_uri: self.jwks_uri.clone(),
            ..base
        }
    }

    /// Checks the members an app record does not hold, and that `response_types` agree with
    /// `grant_types` (RFC 7591 §2.1); failures are pushed to `v`.
    pub fn extras(&self, v: &mut Validation) -> RegisteredMetadata {
        self.check_response_types(v);
        let contacts = self.contacts.clone().unwrap_or_default();
        if contacts.len() > MAX_CONTACTS {
            let msg = format!("at most {MAX_CONTACTS} are allowed");
            v.push(DomainError::new("contacts", msg).with_code("too_many"));
        }
        for c in &contacts {
            text("contacts", Some(c), v);
        }
        let method = self.token_endpoint_auth_method.as_deref();
        RegisteredMetadata {
            token_endpoint_auth_method: method.unwrap_or_default().to_owned(),
            contacts,
            tos_uri: web_url("tos_uri", self.tos_uri.as_deref(), v),
            policy_uri: web_url("policy_uri", self.policy_uri.as_deref(), v),
            software_id: text("software_id", self.software_id.as_deref(), v),
            software_version: text("software_version", self.software_version.as_deref(), v),
        }
    }

    /// `code` needs the authorization_code grant, `token` and `id_token` the implicit one.
    fn check_response_types(&self, v: &mut Validation) {
        let grants: Vec<GrantType> = (self.grant_types.iter().flatten())
            .filter_map(|g| GrantType::parse(g).ok())
            .collect();
        let grants = match grants.is_empty() && self.grant_types.is_none() {
            true => vec![GrantType::AuthorizationCode],
            false => grants,
        };
        for given in self.response_types.iter().flatten() {
            let Ok(r) = ResponseType::parse(given) else {
                let msg = format!(
                    "'{given}' is not one of {}",
                    ResponseType::SUPPORTED.join(", ")
                );
                v.push(DomainError::new("response_types", msg).with_code("unknown"));
                continue;
            };
            let needs = [
                (r.code, GrantType::AuthorizationCode),
                (r.returns_tokens(), GrantType::Implicit),
            ];
            for (_, grant) in needs.iter().filter(|(n, g)| *n && !grants.contains(g)) {
                let msg = format!("'{given}' needs the {} grant type", grant.as_str());
                v.push(DomainError::new("response_types", msg).with_code("grant_types"));
            }
        }
    }
}

/// Optional printable text of at most [`MAX_TEXT_LEN`] characters.
fn text(field: &'static str, s: Option<&str>, v: &mut Validation) -> Option<String> {
    let s = s.map(str::trim).filter(|s| !s.is_empty())?;
    if s.chars().count() > MAX_TEXT_LEN || s.chars().any(char::is_control) {
        let msg = format!("must be at most {MAX_TEXT_LEN} printable characters");
        v.push(DomainError::new(field, msg).with_code("length"));
        return None;
    }
    Some(s.to_owned())
}

/// Unknown methods are refused by the app rules; this only says which one is registered.
pub fn registered_method(app: &Client, asked: &str) -> String {
    let derived = crate::service::app_keys::method_of(app.client_type, app.uses_private_key_jwt());
    match (derived, asked) {
        ("client_secret_basic", "client_secret_post") => asked.to_owned(),
        _ => derived.to_owned(),
    }
}

/// The response types an app with these grants may use, as RFC 7591 §2 lists them.
pub fn response_types(app: &Client) -> Vec<String> {
    let mut out = vec![];
    if app.allows_grant(GrantType::AuthorizationCode) {
        out.push("code".to_owned());
    }
    if app.allows_grant(GrantType::Implicit) {
        out.extend(["token", "id_token", "id_token token"].map(String::from));
    }
    out
}
