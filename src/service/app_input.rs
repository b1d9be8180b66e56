//! What a person submits to register or change an app, and the rules it must satisfy before
//! anything is stored (every failure at once, each naming its field). RFC 6749 §2 (client
//! registration), RFC 9700 §2.1 and RFC 8252 §7.3 (exact https or loopback redirect URIs),
//! OIDC RP-Initiated Logout (post-logout redirect URIs).
//!
//! Pure rules: no store, no clock. Must not import poem or a store backend.

use crate::domain::{Client, ClientType, DomainError, GrantType, RedirectUri, SUPPORTED_SCOPES};

pub use super::app_patch::AppPatch;
use super::{ServiceError, Validation};

/// Longest app name, in characters after trimming.
pub const MAX_NAME_LEN: usize = 100;
/// Longest description, in characters.
pub const MAX_DESCRIPTION_LEN: usize = 1000;
/// Most redirect URIs (and post-logout redirect URIs) an app may register.
pub const MAX_URIS: usize = 20;
/// Shortest token lifetime an app may register.
pub const MIN_TTL_SECS: i64 = 60;

/// Every field of an app a person chooses, as submitted (not validated yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppInput {
    pub name: String,
    pub description: String,
    pub homepage_url: Option<String>,
    pub logo_url: Option<String>,
    pub redirect_uris: Vec<String>,
    pub post_logout_redirect_uris: Vec<String>,
    /// `confidential` or `public`; fixed once the app exists.
    pub client_type: String,
    /// Wire names; empty means the default (authorization_code and refresh_token).
    pub grant_types: Vec<String>,
    /// Empty means the default (`openid profile email`).
    pub scopes: Vec<String>,
    pub access_token_ttl_secs: Option<i64>,
    pub refresh_token_ttl_secs: Option<i64>,
    pub first_party: bool,
    /// May introspect other apps' tokens (a resource server); set by administrators only.
    pub introspection: bool,
    /// Authorization requests must be pushed first (RFC 9126).
    pub require_pushed_authorization_requests: bool,
    /// Every sign-in for the app needs a second factor.
    pub require_mfa: bool,
    /// Every token request must carry a DPoP proof (RFC 9449 §5.2).
    pub dpop_bound_access_tokens: bool,
    /// The FAPI 2.0 Security Profile is enforced.
    pub fapi2: bool,
    /// `client_secret_basic`, `client_secret_post`, `private_key_jwt` or `none`; `None`: from
    /// the client type and whether keys are given.
    pub token_endpoint_auth_method: Option<String>,
    /// private_key_jwt: the public JWK set, as JSON text.
    pub jwks: Option<String>,
    /// private_key_jwt: where the JWK set is published.
    pub jwks_uri: Option<String>,
}

impl Default for AppInput {
    fn default() -> Self {
        Self {
            name: String::new(),
            description: String::new(),
            homepage_url: None,
            logo_url: None,
            redirect_uris: vec![],
            post_logout_redirect_uris: vec![],
            client_type: "confidential".into(),
            grant_types: vec![],
            scopes: vec![],
            access_token_ttl_secs: None,
            refresh_token_ttl_secs: None,
            first_party: false,
            introspection: false,
            require_pushed_authorization_requests: false,
            require_mfa: false,
            dpop_bound_access_tokens: false,
            fapi2: false,
            token_endpoint_auth_method: None,
            jwks: None,
            jwks_uri: None,
        }
    }
}

impl From<&Client> for AppInput {
    fn from(c: &Client) -> Self {
        Self {
            name: c.name.clone(),
            description: c.description.clone(),
            homepage_url: c.homepage_url.clone(),
            logo_url: c.logo_url.clone(),
            redirect_uris: c.redirect_uris.clone(),
            post_logout_redirect_uris: c.post_logout_redirect_uris.clone(),
            client_type: c.client_type.as_str().into(),
            grant_types: c.grant_types.iter().map(|g| g.as_str().into()).collect(),
            scopes: c.scopes.clone(),
            access_token_ttl_secs: c.access_token_ttl_secs,
            refresh_token_ttl_secs: c.refresh_token_ttl_secs,
            first_party: c.first_party,
            introspection: c.introspection,
            require_pushed_authorization_requests: c.require_pushed_authorization_requests,
            require_mfa: c.require_mfa,
            dpop_bound_access_tokens: c.dpop_bound_access_tokens,
            fapi2: c.fapi2,
            token_endpoint_auth_method: None,
            jwks: c.jwks.clone(),
            jwks_uri: c.jwks_uri.clone(),
        }
    }
}

/// Who submits the input and what the server allows: the rules that are not about the value.
pub struct Rules<'a> {
    /// The owner of the app is an administrator (its app may hold the `admin` scope).
    pub owner_is_admin: bool,
    /// The person submitting acts as an administrator (`access::Principal::acts_as_admin`):
    /// only then may `first_party`, `introspection`, the `admin` scope and the password and
    /// implicit grants be added.
    pub actor_is_admin: bool,
    /// The app as it is now (on change), `None` on registration.
    pub current: Option<&'a Client>,
    pub max_access_ttl_secs: i64,
    pub max_refresh_ttl_secs: i64,
}

/// The validated fields, ready to be stored.
#[derive(Debug, Clone)]
pub struct ValidApp {
    pub name: String,
    pub description: String,
    pub homepage_url: Option<String>,
    pub logo_url: Option<String>,
    pub redirect_uris: Vec<String>,
    pub post_logout_redirect_uris: Vec<String>,
    pub client_type: ClientType,
    pub grant_types: Vec<GrantType>,
    pub scopes: Vec<String>,
    pub access_token_ttl_secs: Option<i64>,
    pub refresh_token_ttl_secs: Option<i64>,
    pub first_party: bool,
    pub introspection: bool,
    pub require_pushed_authorization_requests: bool,
    pub require_mfa: bool,
    pub dpop_bound_access_tokens: bool,
    pub fapi2: bool,
    /// private_key_jwt keys (both `None`: the app authenticates with a secret, or none).
    pub keys: super::app_keys::ValidKeys,
}

/// An https URL (or http on a loopback host) without credentials or fragment.
pub(super) fn web_url(field: &'static str, s: Option<&str>, v: &mut Validation) -> Option<String> {
    let s = s.map(str::trim).filter(|s| !s.is_empty())?;
    let err = |m: &str| DomainError::new(field, format!("'{s}': {m}")).with_code("url");
    let ok = match url::Url::parse(s) {
        _ if s.len() > 2000 => Err("is longer than 2000 characters"),
        Ok(u) if !u.username().is_empty() || u.password().is_some() => {
            Err("must not contain credentials")
        }
        Ok(u) if u.scheme() == "https" && u.host().is_some() => Ok(()),
        Ok(u) if u.scheme() == "http" && crate::domain::is_loopback(&u) => Ok(()),
        Ok(_) => Err("must use https (or http for localhost)"),
        Err(_) => Err("is not an absolute URL"),
    };
    match ok {
        Ok(()) => Some(s.to_owned()),
        Err(m) => {
            v.push(err(m));
            None
        }
    }
}

/// Exact redirect URIs, deduplicated in their given order; errors name `field`.
fn uris(field: &'static str, given: &[String], v: &mut Validation) -> Vec<String> {
    if given.len() > MAX_URIS {
        v.push(
            DomainError::new(field, format!("at most {MAX_URIS} are allowed"))
                .with_code("too_many"),
        );
    }
    let mut out: Vec<String> = Vec::new();
    for u in given {
        match RedirectUri::parse(u) {
            Ok(r) if !out.iter().any(|o| o == r.as_str()) => out.push(r.as_str().to_owned()),
            Ok(_) => {}
            Err(e) => v.push(DomainError { field, ..e }.with_code("redirect_uri")),
        }
    }
    out
}

fn grants(given: &[String], v: &mut Validation) -> Vec<GrantType> {
    if given.is_empty() {
        return vec![GrantType::AuthorizationCode, GrantType::RefreshToken];
    }
    let mut out: Vec<GrantType> = given
        .iter()
        .filter_map(|g| match GrantType::parse(g.trim()) {
            Ok(g) => Some(g),
            Err(e) => {
                v.push(
                    DomainError {
                        field: "grant_types",
                        ..e
                    }
                    .with_code("unknown"),
                );
                None
            }
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

fn scopes(given: &[String], rules: &Rules<'_>, v: &mut Validation) -> Vec<String> {
    let had_admin = rules
        .current
        .is_some_and(|c| c.scopes.iter().any(|s| s == "admin"));
    if given.is_empty() {
        return ["email", "openid", "profile"].map(String::from).to_vec();
    }
    let mut out: Vec<String> = Vec::new();
    for s in given.iter().map(|s| s.trim()) {
        if !SUPPORTED_SCOPES.contains(&s) {
            let known = SUPPORTED_SCOPES.join(" ");
            let msg = format!("unknown scope '{s}'; known: {known}");
            v.push(DomainError::new("scopes", msg).with_code("unknown"));
        } else if s == "admin" && !rules.owner_is_admin {
            let msg = "the admin scope is only for apps of administrators";
            v.push(DomainError::new("scopes", msg).with_code("admin_only"));
        } else if s == "admin" && !rules.actor_is_admin && !had_admin {
            let msg = "adding the admin scope needs an administrator's session or admin token";
            v.push(DomainError::new("scopes", msg).with_code("admin_only"));
        } else if !out.iter().any(|o| o == s) {
            out.push(s.to_owned());
        }
    }
    out.sort();
    out
}

fn ttl(field: &'static str, given: Option<i64>, max: i64, v: &mut Validation) -> Option<i64> {
    let t = given?;
    if !(MIN_TTL_SECS..=max).contains(&t) {
        let msg = format!("must be between {MIN_TTL_SECS} and {max} seconds");
        v.push(DomainError::new(field, msg).with_code("range"));
    }
    Some(t)
}

fn name_and_description(input: &AppInput, v: &mut Validation) -> (String, String) {
    let name = input.name.trim().to_owned();
    if !(1..=MAX_NAME_LEN).contains(&name.chars().count()) {
        let msg = format!("must be 1 to {MAX_NAME_LEN} characters");
        v.push(DomainError::new("name", msg).with_code("length"));
    }
    let description = input.description.trim().to_owned();
    if description.chars().count() > MAX_DESCRIPTION_LEN {
        let msg = format!("must be at most {MAX_DESCRIPTION_LEN} characters");
        v.push(DomainError::new("description", msg).with_code("too_long"));
    }
    (name, description)
}

/// Client type and first-party flag: who may set them, and whether they may change.
fn kind_and_flag(input: &AppInput, rules: &Rules<'_>, v: &mut Validation) -> (ClientType, bool) {
    let kind = v
        .check(ClientType::parse(input.client_type.trim()))
        .unwrap_or(ClientType::Confidential);
    if let Some(current) = rules.current {
        if current.client_type != kind {
            let msg = "cannot change after registration; register a new app instead";
            v.push(DomainError::new("client_type", msg).with_code("immutable"));
        }
    }
    let was_first_party = rules.current.is_some_and(|c| c.first_party);
    if !rules.actor_is_admin && input.first_party != was_first_party {
        let msg = "only administrators can change it";
        v.push(DomainError::new("first_party", msg).with_code("admin_only"));
    }
    let was_introspection = rules.current.is_some_and(|c| c.introspection);
    if !rules.actor_is_admin && input.introspection != was_introspection {
        let msg = "only administrators can change it";
        v.push(DomainError::new("introspection", msg).with_code("admin_only"));
    }
    (kind, input.first_party)
}

/// RFC 9700 §2.4 and §2.1.2: the password grant MUST NOT be used and the implicit grant
/// SHOULD NOT; only an administrator may enable either (an app that has one keeps it), and the
/// password grant only for a confidential app.
fn discouraged_grants(
    grant_types: &[GrantType],
    kind: ClientType,
    rules: &Rules<'_>,
    v: &mut Validation,
) {
    let had = |g: &GrantType| rules.current.is_some_and(|c| c.grant_types.contains(g));
    for g in [GrantType::Password, GrantType::Implicit] {
        if grant_types.contains(&g) && !had(&g) && !rules.actor_is_admin {
            let msg = format!("only administrators can enable the {} grant", g.as_str());
            v.push(DomainError::new("grant_types", msg).with_code("admin_only"));
        }
    }
    if kind == ClientType::Public && grant_types.contains(&GrantType::Password) {
        let msg = "the password grant needs a confidential client";
        v.push(DomainError::new("grant_types", msg).with_code("password_confidential_only"));
    }
}

/// Checks every field; all failures are reported at once.
pub fn validate(input: &AppInput, rules: &Rules<'_>) -> Result<ValidApp, ServiceError> {
    validate_read(input, rules, &[])
}

/// [`validate`] for input of which the caller could not read some fields (a form's lifetime
/// that is not a whole number, submitted as absent): they are refused with every other error,
/// so one submit shows them all.
pub fn validate_read(
    input: &AppInput,
    rules: &Rules<'_>,
    unreadable: &[&'static str],
) -> Result<ValidApp, ServiceError> {
    let mut v = Validation::default();
    for field in unreadable {
        v.push(DomainError::new(field, "is not a whole number").with_code("number"));
    }
    let (name, description) = name_and_description(input, &mut v);
    let homepage_url = web_url("homepage_url", input.homepage_url.as_deref(), &mut v);
    let logo_url = web_url("logo_url", input.logo_url.as_deref(), &mut v);
    let redirect_uris = uris("redirect_uris", &input.redirect_uris, &mut v);
    let post_logout = uris(
        "post_logout_redirect_uris",
        &input.post_logout_redirect_uris,
        &mut v,
    );
    let (client_type, first_party) = kind_and_flag(input, rules, &mut v);
    let grant_types = grants(&input.grant_types, &mut v);
    discouraged_grants(&grant_types, client_type, rules, &mut v);
    let needs_redirect = grant_types
        .iter()
        .any(|g| matches!(g, GrantType::AuthorizationCode | GrantType::Implicit));
    if needs_redirect && redirect_uris.is_empty() && input.redirect_uris.is_empty() {
        let msg = "at least one is required for the authorization_code and implicit grants";
        v.push(DomainError::new("redirect_uris", msg).with_code("required"));
    }
    if client_type == ClientType::Public && grant_types.contains(&GrantType::ClientCredentials) {
        let msg = "client_credentials needs a confidential client";
        v.push(DomainError::new("grant_types", msg).with_code("confidential_only"));
    }
    let keys = super::app_keys::validate(input, client_type, &mut v);
    super::app_switches::validate(input, client_type, &grant_types, &keys, &mut v);
    let scopes = scopes(&input.scopes, rules, &mut v);
    let access = "access_token_ttl_secs";
    let access_token_ttl_secs = ttl(
        access,
        input.access_token_ttl_secs,
        rules.max_access_ttl_secs,
        &mut v,
    );
    let refresh = "refresh_token_ttl_secs";
    let refresh_token_ttl_secs = ttl(
        refresh,
        input.refresh_token_ttl_secs,
        rules.max_refresh_ttl_secs,
        &mut v,
    );
    v.finish()?;
    Ok(ValidApp {
        name,
        description,
        homepage_url,
        logo_url,
        redirect_uris,
        post_logout_redirect_uris: post_logout,
        client_type,
        grant_types,
        scopes,
        access_token_ttl_secs,
        refresh_token_ttl_secs,
        first_party,
        introspection: input.introspection,
        require_pushed_authorization_requests: input.require_pushed_authorization_requests,
        require_mfa: input.require_mfa,
        dpop_bound_access_tokens: input.dpop_bound_access_tokens,
        fapi2: input.fapi2,
        keys,
    })
}

#[cfg(test)]
#[path = "app_input_tests.rs"]
mod tests;
