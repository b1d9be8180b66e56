//! Resource servers: the APIs that accept our access tokens, each named by an identifier URI
//! (RFC 8707 §2: an absolute URI without a fragment; we also ask for https, or http on a
//! loopback host as RFC 8252 allows for native apps' own servers). A resource server defines
//! the scopes a token for it may carry, with the text the consent page shows for each in
//! English and Simplified Chinese, and optionally its own access-token lifetime.
//!
//! The built-in resource API (`/api/v1/...`, `/accounts/resource/...`) is the resource server
//! whose identifier is the issuer URL; it is not stored ([`ResourceServer::built_in`]).

use chrono::{DateTime, Utc};

use super::{is_loopback, DomainError, Scope, SUPPORTED_SCOPES};

/// Longest accepted identifier, in bytes.
pub const MAX_IDENTIFIER_LEN: usize = 2000;
/// Most scopes one resource server may define.
pub const MAX_RESOURCE_SCOPES: usize = 100;
/// Longest consent text of a scope, in characters.
pub const MAX_SCOPE_TEXT_LEN: usize = 200;
/// Shortest and longest accepted access-token lifetime of a resource server, in seconds.
pub const RESOURCE_TTL_RANGE: std::ops::RangeInclusive<u32> = 60..=86_400;

/// The identifier of a resource server: absolute, https (or http on loopback), no fragment,
/// no credentials. Compared as an exact string, like the `aud` claim it becomes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ResourceIdentifier(String);

impl ResourceIdentifier {
    pub fn parse(s: &str) -> Result<Self, DomainError> {
        let err = |m: &str| DomainError::new("identifier", format!("'{s}': {m}"));
        if s.len() > MAX_IDENTIFIER_LEN {
            return Err(err("is longer than 2000 characters"));
        }
        let url = url::Url::parse(s).map_err(|_| err("is not an absolute URI"))?;
        if url.fragment().is_some() || s.contains('#') {
            return Err(err("must not contain a fragment"));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(err("must not contain credentials"));
        }
        match url.scheme() {
            "https" if url.host().is_some() => Ok(Self(s.to_string())),
            "http" if is_loopback(&url) => Ok(Self(s.to_string())),
            _ => Err(err("must use https (or http on a loopback host)")),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ResourceIdentifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A scope a resource server defines, with what the consent page says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceScope {
    pub name: Scope,
    /// Consent text in English.
    pub description: String,
    /// Consent text in Simplified Chinese (the English one is shown when empty).
    pub description_zh: String,
}

impl ResourceScope {
    /// A scope with its consent texts trimmed and bounded.
    pub fn parse(name: &str, description: &str, description_zh: &str) -> Result<Self, DomainError> {
        let name = Scope::parse(name.trim()).map_err(|e| DomainError::new("scopes", e.message))?;
        let (description, description_zh) = (description.trim(), description_zh.trim());
        for text in [description, description_zh] {
            if text.chars().count() > MAX_SCOPE_TEXT_LEN || text.chars().any(char::is_control) {
                return Err(DomainError::new(
                    "scopes",
                    format!("the consent texts of '{name}' must be at most {MAX_SCOPE_TEXT_LEN} printable characters", name = name.as_str()),
                ));
            }
        }
        Ok(Self {
            name,
            description: description.to_owned(),
            description_zh: description_zh.to_owned(),
        })
    }
}

/// An API that accepts our access tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceServer {
    pub id: String,
    pub identifier: ResourceIdentifier,
    /// 1–100 printable characters, shown on the consent page.
    pub name: String,
    pub scopes: Vec<ResourceScope>,
    /// Lifetime of access tokens for this resource; `None`: the server's default.
    pub access_token_ttl_secs: Option<u32>,
    /// Whether the resource server may call the introspection endpoint (RFC 7662) with
    /// credentials of an app registered for it.
    pub introspection: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The id of the built-in resource server (never stored).
pub const BUILT_IN_RESOURCE_ID: &str = "built-in";

impl ResourceServer {
    /// The built-in resource API, identified by the issuer URL, defining today's scopes. The
    /// issuer comes from configuration, which has its own rules (plain http is allowed there
    /// for any host), so it is taken as it is.
    pub fn built_in(issuer: &str, at: DateTime<Utc>) -> Result<Self, DomainError> {
        let scopes = SUPPORTED_SCOPES
            .iter()
            .map(|s| ResourceScope::parse(s, "", ""))
            .collect::<Result<_, _>>()?;
        Ok(Self {
            id: BUILT_IN_RESOURCE_ID.to_owned(),
            identifier: ResourceIdentifier(issuer.to_owned()),
            name: "auth-center API".to_owned(),
            scopes,
            access_token_ttl_secs: None,
            introspection: false,
            created_at: at,
            updated_at: at,
        })
    }

    /// Whether this resource server defines `scope`.
    pub fn defines(&self, scope: &str) -> bool {
        self.scopes.iter().any(|s| s.name.as_str() == scope)
    }
}

/// A resource server's display name: 1–100 printable characters.
pub fn parse_resource_name(s: &str) -> Result<String, DomainError> {
    let s = s.trim();
    let len = s.chars().count();
    if !(1..=100).contains(&len) || s.chars().any(char::is_control) {
        return Err(DomainError::new(
            "name",
            "must be 1 to 100 printable characters",
        ));
    }
    Ok(s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_https_or_loopback_http_uris_without_fragment_or_credentials() {
        for ok in [
            "https://api.example.com",
            "https://api.example.com/v1/",
            "http://127.0.0.1:8080/mcp",
            "http://localhost/api",
        ] {
            assert!(ResourceIdentifier::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "api.example.com",
            "/relative",
            "http://api.example.com",
            "https://api.example.com/#frag",
            "https://u:p@api.example.com",
            "urn:example:api",
            "",
        ] {
            assert!(ResourceIdentifier::parse(bad).is_err(), "{bad}");
        }
        let long = format!("https://a.example/{}", "x".repeat(MAX_IDENTIFIER_LEN));
        assert!(ResourceIdentifier::parse(&long).is_err());
    }

    #[test]
    fn scopes_are_oauth_scope_tokens_with_bounded_consent_texts() {
        assert!(ResourceScope::parse("orders:read", "Read orders", "读取订单").is_ok());
        assert!(ResourceScope::parse("two words", "", "").is_err());
        assert!(ResourceScope::parse("a\"b", "", "").is_err());
        let long = "x".repeat(MAX_SCOPE_TEXT_LEN + 1);
        assert!(ResourceScope::parse("s", &long, "").is_err());
        assert!(ResourceScope::parse("s", "line\nbreak", "").is_err());
    }

    #[test]
    fn the_built_in_resource_is_named_by_the_issuer_and_defines_todays_scopes() {
        let r = ResourceServer::built_in("https://id.example", Utc::now()).unwrap();
        assert_eq!(r.identifier.as_str(), "https://id.example");
        assert!(SUPPORTED_SCOPES.iter().all(|s| r.defines(s)));
        assert!(!r.defines("orders:read"));
    }
}
