//! Clients without registration: Client ID Metadata Documents
//! (draft-ietf-oauth-client-id-metadata-document, as the MCP authorization specification uses
//! them). With `oauth.client_id_metadata_documents` on, a `client_id` that is an https URL is
//! the address of a JSON document describing the client; it is fetched through `outbound`
//! (SSRF bounds, no redirects, at most [`MAX_DOCUMENT_BYTES`], cached per `Cache-Control`
//! within the `[outbound]` bounds) and turned into a [`Client`] that is never stored.
//!
//! The document passes the rules of app registration (`app_input`: names, exact redirect URIs,
//! URLs, keys) and these of its own (draft §4.1): its `client_id` equals the URL exactly; no
//! `client_secret` member and no method that needs a shared secret, so
//! `token_endpoint_auth_method` is `none` (a public client, PKCE S256 required) or
//! `private_key_jwt` (with `jwks` or `jwks_uri`); grant types within authorization_code and
//! refresh_token (RFC 7591 §2: absent means authorization_code); response types `code` only.
//! `client_uri` and `logo_uri` are kept as stated, never fetched by the server.
//!
//! Must not import poem or a store backend.

use serde_json::{Map, Value};

use super::app_input::{self, AppInput};
use super::{ServiceError, Services};
use crate::domain::{parse_client_id_url, Client, ClientType, GrantType, METADATA_DOCUMENT_OWNER};

/// The largest metadata document fetched, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 5 * 1024;
/// The scopes a document's client may ask for when its document names none.
const DEFAULT_SCOPES: &str = "openid profile email";

/// Why a URL client id cannot be used; worded for logs and `error_description`.
#[derive(Debug, thiserror::Error)]
pub enum MetadataError {
    #[error("{0}")]
    Url(String),
    #[error("the metadata document could not be fetched: {0}")]
    Fetch(#[from] crate::outbound::FetchError),
    #[error("the metadata document is not valid: {0}")]
    Document(String),
}

/// The client the document at `url` describes.
pub async fn resolve(svc: &Services, url: &str) -> Result<Client, MetadataError> {
    parse_client_id_url(url).map_err(|e| MetadataError::Url(e.message))?;
    let now = svc.now();
    let document = svc.oauth.client_metadata.get(url, now).await?;
    let p = &svc.oauth.policy;
    let rules = app_input::Rules {
        owner_is_admin: false,
        actor_is_admin: false,
        current: None,
        max_access_ttl_secs: p.max_access_token_ttl.num_seconds(),
        max_refresh_ttl_secs: p.max_refresh_token_ttl.num_seconds(),
    };
    client_from_document(url, &document, &rules, now).map_err(MetadataError::Document)
}

/// The client a fetched document describes, or what is wrong with it.
fn client_from_document(
    url: &str,
    document: &Value,
    rules: &app_input::Rules<'_>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Client, String> {
    let doc = document.as_object().ok_or("it is not a JSON object")?;
    if doc.get("client_id").and_then(Value::as_str) != Some(url) {
        return Err("its client_id is not the URL it was fetched from".into());
    }
    if let Some(k) = doc.keys().find(|k| k.starts_with("client_secret")) {
        return Err(format!("it has '{k}': a shared secret cannot be published"));
    }
    let method = text(doc, "token_endpoint_auth_method")?.unwrap_or("client_secret_basic");
    let kind = match method {
        "none" => ClientType::Public,
        "private_key_jwt" => ClientType::Confidential,
        m => {
            return Err(format!(
                "token_endpoint_auth_method '{m}' is not none or private_key_jwt"
            ))
        }
    };
    let grant_types =
        strings(doc, "grant_types")?.unwrap_or_else(|| vec!["authorization_code".into()]);
    if let Some(g) = grant_types
        .iter()
        .find(|g| !["authorization_code", "refresh_token"].contains(&g.as_str()))
    {
        return Err(format!(
            "grant type '{g}' is not authorization_code or refresh_token"
        ));
    }
    if let Some(r) =
        strings(doc, "response_types")?.and_then(|r| r.into_iter().find(|r| r != "code"))
    {
        return Err(format!("response type '{r}' is not code"));
    }
    let host = url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_default();
    let scopes = text(doc, "scope")?
        .unwrap_or(DEFAULT_SCOPES)
        .split_whitespace()
        .filter(|s| crate::domain::SUPPORTED_SCOPES.contains(s) && *s != "admin")
        .map(str::to_owned)
        .collect();
    let input = AppInput {
        name: text(doc, "client_name")?.unwrap_or(&host).to_owned(),
        homepage_url: text(doc, "client_uri")?.map(str::to_owned),
        logo_url: text(doc, "logo_uri")?.map(str::to_owned),
        redirect_uris: strings(doc, "redirect_uris")?.ok_or("redirect_uris is missing")?,
        client_type: kind.as_str().into(),
        grant_types,
        scopes,
        token_endpoint_auth_method: Some(method.to_owned()),
        jwks: doc.get("jwks").map(Value::to_string),
        jwks_uri: text(doc, "jwks_uri")?.map(str::to_owned),
        ..AppInput::default()
    };
    if input.redirect_uris.is_empty() {
        return Err("redirect_uris is empty".into());
    }
    let valid = app_input::validate(&input, rules).map_err(|e| match e {
        ServiceError::Invalid(errors) => errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    })?;
    let mut client = unnamed_client(url, now);
    client.client_type = kind;
    super::apps::write_fields(&mut client, valid);
    if !client.allows_grant(GrantType::AuthorizationCode) {
        return Err("grant_types must include authorization_code".into());
    }
    Ok(client)
}

/// A public client of the document at `url` with nothing else known about it.
pub(super) fn unnamed_client(url: &str, now: chrono::DateTime<chrono::Utc>) -> Client {
    Client::blank(
        url.to_owned(),
        METADATA_DOCUMENT_OWNER.into(),
        ClientType::Public,
        now,
    )
}

/// A string member, when present.
fn text<'a>(doc: &'a Map<String, Value>, name: &str) -> Result<Option<&'a str>, String> {
    match doc.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(format!("{name} is not a string")),
    }
}

/// An array-of-strings member, when present.
fn strings(doc: &Map<String, Value>, name: &str) -> Result<Option<Vec<String>>, String> {
    let Some(v) = doc.get(name).filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    v.as_array()
        .and_then(|a| {
            a.iter()
                .map(|s| s.as_str().map(str::to_owned))
                .collect::<Option<Vec<_>>>()
        })
        .map(Some)
        .ok_or_else(|| format!("{name} is not an array of strings"))
}

#[cfg(test)]
#[path = "client_metadata_tests.rs"]
mod tests;
