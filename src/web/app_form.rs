//! The app form of the developer pages (register and edit): parsing the submitted fields
//! (repeated checkboxes, one redirect URI per line, optional numbers), the values kept between a
//! failed POST and its re-rendered page, and the grant-type and scope choices with their
//! translated labels (implicit and password carry a warning and are never checked by default).
//!
//! Must not import a store backend.

use serde::Serialize;

use super::context::Ctx;
use super::forms::{field_errors, FieldErrors};
use crate::domain::{Client, GrantType, SUPPORTED_SCOPES};
use crate::service::app_input::AppInput;
use crate::service::ServiceError;

/// The raw `application/x-www-form-urlencoded` pairs of a POST, in order.
pub struct Submitted(Vec<(String, String)>);

impl Submitted {
    pub fn parse(body: &str) -> Self {
        Self(
            url::form_urlencoded::parse(body.as_bytes())
                .into_owned()
                .collect(),
        )
    }

    /// The first value of `key`, or "".
    pub fn one(&self, key: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map_or("", |(_, v)| v.as_str())
    }

    /// Every value of `key` (checkboxes).
    pub fn all(&self, key: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    }

    pub fn csrf(&self) -> &str {
        self.one("csrf_token")
    }
}

/// What the form shows in its fields.
#[derive(Debug, Clone, Serialize)]
pub struct FormValues {
    pub name: String,
    pub description: String,
    pub homepage_url: String,
    pub logo_url: String,
    /// One URI per line.
    pub redirect_uris: String,
    pub post_logout_redirect_uris: String,
    pub client_type: String,
    pub grant_types: Vec<String>,
    pub scopes: Vec<String>,
    pub access_token_ttl_secs: String,
    pub refresh_token_ttl_secs: String,
    pub first_party: bool,
    pub introspection: bool,
    pub require_par: bool,
    pub require_mfa: bool,
    pub dpop_bound_access_tokens: bool,
    pub fapi2: bool,
    /// `client_secret_basic` or `private_key_jwt` (confidential apps).
    pub auth_method: String,
    pub jwks: String,
    pub jwks_uri: String,
}

impl Default for FormValues {
    /// A new app: the code flow with refresh tokens and the basic OpenID Connect scopes.
    fn default() -> Self {
        Self {
            name: String::new(),
            description: String::new(),
            homepage_url: String::new(),
            logo_url: String::new(),
            redirect_uris: String::new(),
            post_logout_redirect_uris: String::new(),
            client_type: "confidential".into(),
            grant_types: vec!["authorization_code".into(), "refresh_token".into()],
            scopes: vec!["openid".into(), "profile".into(), "email".into()],
            access_token_ttl_secs: String::new(),
            refresh_token_ttl_secs: String::new(),
            first_party: false,
            introspection: false,
            require_par: false,
            require_mfa: false,
            dpop_bound_access_tokens: false,
            fapi2: false,
            auth_method: "client_secret_basic".into(),
            jwks: String::new(),
            jwks_uri: String::new(),
        }
    }
}

impl From<&Client> for FormValues {
    fn from(c: &Client) -> Self {
        let opt = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
        Self {
            name: c.name.clone(),
            description: c.description.clone(),
            homepage_url: c.homepage_url.clone().unwrap_or_default(),
            logo_url: c.logo_url.clone().unwrap_or_default(),
            redirect_uris: c.redirect_uris.join("\n"),
            post_logout_redirect_uris: c.post_logout_redirect_uris.join("\n"),
            client_type: c.client_type.as_str().into(),
            grant_types: c.grant_types.iter().map(|g| g.as_str().into()).collect(),
            scopes: c.scopes.clone(),
            access_token_ttl_secs: opt(c.access_token_ttl_secs),
            refresh_token_ttl_secs: opt(c.refresh_token_ttl_secs),
            first_party: c.first_party,
            introspection: c.introspection,
            require_par: c.require_pushed_authorization_requests,
            require_mfa: c.require_mfa,
            dpop_bound_access_tokens: c.dpop_bound_access_tokens,
            fapi2: c.fapi2,
            auth_method: if c.uses_private_key_jwt() {
                "private_key_jwt"
            } else {
                "client_secret_basic"
            }
            .into(),
            jwks: c.jwks.clone().unwrap_or_default(),
            jwks_uri: c.jwks_uri.clone().unwrap_or_default(),
        }
    }
}

impl From<&Submitted> for FormValues {
    fn from(f: &Submitted) -> Self {
        Self {
            name: f.one("name").into(),
            description: f.one("description").into(),
            homepage_url: f.one("homepage_url").into(),
            logo_url: f.one("logo_url").into(),
            redirect_uris: f.one("redirect_uris").into(),
            post_logout_redirect_uris: f.one("post_logout_redirect_uris").into(),
            client_type: f.one("client_type").into(),
            grant_types: f.all("grant_types"),
            scopes: f.all("scopes"),
            access_token_ttl_secs: f.one("access_token_ttl_secs").into(),
            refresh_token_ttl_secs: f.one("refresh_token_ttl_secs").into(),
            first_party: f.one("first_party") == "on",
            introspection: f.one("introspection") == "on",
            require_par: f.one("require_pushed_authorization_requests") == "on",
            require_mfa: f.one("require_mfa") == "on",
            dpop_bound_access_tokens: f.one("dpop_bound_access_tokens") == "on",
            fapi2: f.one("fapi2") == "on",
            auth_method: f.one("token_endpoint_auth_method").into(),
            jwks: f.one("jwks").into(),
            jwks_uri: f.one("jwks_uri").into(),
        }
    }
}

fn lines(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// What the form could read: the service's input, and the lifetimes that are not whole
/// numbers (absent in `input`; the service refuses them with every other error at once).
pub struct Read {
    pub input: AppInput,
    pub unreadable: Vec<&'static str>,
}

/// The submitted values as the service's input.
pub fn to_input(v: &FormValues) -> Read {
    let mut unreadable = Vec::new();
    let mut number = |field: &'static str, s: &str| -> Option<i64> {
        let s = s.trim();
        if s.is_empty() {
            return None;
        }
        let n = s.parse().ok();
        if n.is_none() {
            unreadable.push(field);
        }
        n
    };
    let access = number("access_token_ttl_secs", &v.access_token_ttl_secs);
    let refresh = number("refresh_token_ttl_secs", &v.refresh_token_ttl_secs);
    let opt = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    let input = AppInput {
        name: v.name.clone(),
        description: v.description.clone(),
        homepage_url: opt(&v.homepage_url),
        logo_url: opt(&v.logo_url),
        redirect_uris: lines(&v.redirect_uris),
        post_logout_redirect_uris: lines(&v.post_logout_redirect_uris),
        client_type: v.client_type.clone(),
        // An unchecked form still means "none": the service's default applies only to an
        // empty list, so a form with every box unchecked gets the default too.
        grant_types: v.grant_types.clone(),
        scopes: v.scopes.clone(),
        access_token_ttl_secs: access,
        refresh_token_ttl_secs: refresh,
        first_party: v.first_party,
        introspection: v.introspection,
        require_pushed_authorization_requests: v.require_par,
        require_mfa: v.require_mfa,
        dpop_bound_access_tokens: v.dpop_bound_access_tokens,
        fapi2: v.fapi2,
        // The method radio only applies to confidential apps; a public app uses `none`.
        token_endpoint_auth_method: opt(&v.auth_method).filter(|_| v.client_type != "public"),
        jwks: opt(&v.jwks),
        jwks_uri: opt(&v.jwks_uri),
    };
    Read { input, unreadable }
}

/// The field errors of a refused submission, the unreadable lifetimes with the form's own
/// message ("a whole number of seconds"), or `None` for a failure that is not about the input.
pub fn form_errors(
    ctx: &Ctx<'_>,
    e: &ServiceError,
    unreadable: &[&'static str],
) -> Option<FieldErrors> {
    let mut errors = field_errors(ctx, e)?;
    let msg = ctx.templates.translations().get(ctx.lang, "apps.number");
    for field in unreadable {
        errors.insert(field, msg.to_owned());
    }
    Some(errors)
}

/// One checkbox of the form.
#[derive(Serialize)]
pub struct Choice {
    pub value: &'static str,
    pub label: String,
    pub checked: bool,
    /// Shown next to risky grants (implicit, password).
    pub warning: Option<String>,
}

/// The grant-type checkboxes, labelled and checked from `values`.
pub fn grant_choices(ctx: &Ctx<'_>, values: &FormValues) -> Vec<Choice> {
    let tr = ctx.templates.translations();
    GrantType::ALL
        .into_iter()
        .map(|g| {
            let key = match g {
                GrantType::DeviceCode => "device_code",
                other => other.as_str(),
            };
            let risky = matches!(g, GrantType::Implicit | GrantType::Password);
            Choice {
                value: g.as_str(),
                label: tr.get(ctx.lang, &format!("apps.grant_{key}")).to_owned(),
                checked: values.grant_types.iter().any(|v| v == g.as_str()),
                warning: risky.then(|| tr.get(ctx.lang, "apps.grant_warning").to_owned()),
            }
        })
        .collect()
}

/// The scope checkboxes (`admin` only for administrators), labelled and checked.
pub fn scope_choices(ctx: &Ctx<'_>, values: &FormValues, is_admin: bool) -> Vec<Choice> {
    let tr = ctx.templates.translations();
    SUPPORTED_SCOPES
        .into_iter()
        .filter(|s| is_admin || *s != "admin")
        .map(|s| Choice {
            value: s,
            label: format!("{s} — {}", tr.get(ctx.lang, &format!("scope.{s}"))),
            checked: values.scopes.iter().any(|v| v == s),
            warning: None,
        })
        .collect()
}
