//! Client authentication at the token, revocation and introspection endpoints (RFC 6749 §2.3):
//! `client_secret_basic`, `client_secret_post`, and `none` for public clients (which only
//! identify themselves). Secrets have 256 bits of entropy, so they are verified by comparing
//! SHA-256 digests in constant time: a slow hash would only slow the token endpoint down.
//! Rotated secrets stay valid until their `expires_at`. An app that registered keys
//! authenticates with `private_key_jwt` only (RFC 7523 §2.2, `client_assertion`), checked in
//! `client_assertion`; one request may carry one method only.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

use super::OAuthError;
use crate::crypto::{constant_time_eq, digest};
use crate::domain::{Client, ClientType};
use crate::service::Services;
use crate::store::StoreError;

/// The credentials a request carried, as the edge extracted them.
#[derive(Clone, Default)]
pub struct ClientCredentials {
    /// The raw `Authorization` header value, when present.
    pub authorization: Option<String>,
    /// `client_id` of the form body.
    pub client_id: Option<String>,
    /// `client_secret` of the form body.
    pub client_secret: Option<String>,
    /// `client_assertion_type` of the form body (RFC 7523 §2.2).
    pub client_assertion_type: Option<String>,
    /// `client_assertion` of the form body: a JWT signed by the client.
    pub client_assertion: Option<String>,
}

impl ClientCredentials {
    /// These credentials with the form's `client_assertion_type` and `client_assertion`; a
    /// field sent without a value counts as omitted.
    pub fn with_assertion(mut self, kind: Option<String>, assertion: Option<String>) -> Self {
        self.client_assertion_type = kind.filter(|s| !s.is_empty());
        self.client_assertion = assertion.filter(|s| !s.is_empty());
        self
    }

    fn has_assertion(&self) -> bool {
        self.client_assertion_type.is_some() || self.client_assertion.is_some()
    }

    fn has_basic(&self) -> bool {
        self.authorization.as_deref().is_some_and(|h| {
            let h = h.trim_start().as_bytes();
            h.len() >= 6 && h[..6].eq_ignore_ascii_case(b"basic ")
        })
    }
}

impl std::fmt::Debug for ClientCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientCredentials")
            .field("client_id", &self.client_id)
            .finish_non_exhaustive()
    }
}

/// How the client authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthMethod {
    ClientSecretBasic,
    ClientSecretPost,
    PrivateKeyJwt,
    None,
}

/// An authenticated (or, for public clients, identified) client.
#[derive(Debug, Clone)]
pub struct AuthenticatedClient {
    pub client: Client,
    pub method: AuthMethod,
}

/// Decodes `Basic base64(urlencode(id):urlencode(secret))` (RFC 6749 §2.3.1).
fn parse_basic(header: &str) -> Result<(String, String), OAuthError> {
    let bad = || OAuthError::invalid_client("malformed Basic credentials");
    let (scheme, value) = header.trim().split_once(' ').ok_or_else(bad)?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return Err(bad());
    }
    let raw = STANDARD.decode(value.trim()).map_err(|_| bad())?;
    let text = String::from_utf8(raw).map_err(|_| bad())?;
    let (id, secret) = text.split_once(':').ok_or_else(bad)?;
    Ok((form_decode(id), form_decode(secret)))
}

/// `application/x-www-form-urlencoded` decoding of one value (`+` is a space, `%XX` a byte, a
/// raw `&` ends it). Generated ids and secrets are base64url, which has none of these: they
/// are copied as they are, without building a form to parse.
fn form_decode(s: &str) -> String {
    if !s.contains(['%', '+', '&']) {
        return s.to_owned();
    }
    url::form_urlencoded::parse(format!("x={s}").as_bytes())
        .next()
        .map_or_else(String::new, |(_, v)| v.into_owned())
}

/// Splits the credentials into (client_id, secret, method); more than one method is refused.
fn select_method(
    creds: &ClientCredentials,
) -> Result<(String, Option<String>, AuthMethod), OAuthError> {
    let basic = creds.authorization.as_deref().filter(|_| creds.has_basic());
    match (basic, &creds.client_secret) {
        (Some(_), Some(_)) => Err(OAuthError::invalid_request(
            "use one client authentication method, not both Basic and client_secret",
        )),
        (Some(h), None) => {
            let (id, secret) = parse_basic(h)?;
            if creds.client_id.as_deref().is_some_and(|c| c != id) {
                return Err(OAuthError::invalid_request(
                    "client_id differs from the authenticated client",
                ));
            }
            Ok((id, Some(secret), AuthMethod::ClientSecretBasic))
        }
        (None, secret) => {
            let id = creds
                .client_id
                .clone()
                .ok_or_else(|| OAuthError::invalid_client("client authentication is required"))?;
            let method = if secret.is_some() {
                AuthMethod::ClientSecretPost
            } else {
                AuthMethod::None
            };
            Ok((id, secret.clone(), method))
        }
    }
}

/// Whether `secret` matches a current or not-yet-expired rotated secret of the client.
fn secret_matches(client: &Client, secret: &str, now: chrono::DateTime<chrono::Utc>) -> bool {
    let presented = digest(secret);
    // Every candidate is compared, so timing does not reveal which one matched.
    client
        .secrets
        .iter()
        .filter(|s| s.is_valid_at(now))
        .fold(false, |found, s| {
            constant_time_eq(s.digest.as_bytes(), presented.as_bytes()) | found
        })
}

/// Authenticates the client of a request.
pub async fn authenticate_client(
    svc: &Services,
    creds: &ClientCredentials,
) -> Result<AuthenticatedClient, OAuthError> {
    if creds.has_assertion() {
        if creds.has_basic() || creds.client_secret.is_some() {
            return Err(OAuthError::invalid_request(
                "use one client authentication method, not a secret and an assertion",
            ));
        }
        return super::client_assertion::authenticate(
            svc,
            creds.client_assertion_type.as_deref(),
            creds.client_assertion.as_deref(),
            creds.client_id.as_deref(),
        )
        .await;
    }
    let (client_id, secret, method) = select_method(creds)?;
    let client = match crate::service::clients::active_client(svc, &client_id).await {
        Ok(c) => c,
        Err(StoreError::NotFound) => return Err(OAuthError::invalid_client("unknown client")),
        Err(e) => return Err(e.into()),
    };
    if client.uses_private_key_jwt() {
        return Err(OAuthError::invalid_client(
            "this client authenticates with private_key_jwt (client_assertion)",
        ));
    }
    match (client.client_type, secret) {
        (ClientType::Public, None) => Ok(AuthenticatedClient { client, method }),
        (ClientType::Public, Some(_)) => Err(OAuthError::invalid_client(
            "a public client has no secret to authenticate with",
        )),
        (ClientType::Confidential, None) => Err(OAuthError::invalid_client(
            "a confidential client must authenticate",
        )),
        (ClientType::Confidential, Some(s)) if secret_matches(&client, &s, svc.now()) => {
            Ok(AuthenticatedClient { client, method })
        }
        (ClientType::Confidential, Some(_)) => {
            tracing::info!(client_id = %client.client_id, "client authentication failed");
            Err(OAuthError::invalid_client("client authentication failed"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_credentials_are_form_decoded_after_base64() {
        let h = format!("Basic {}", STANDARD.encode("my%3Aapp:s%2Bcret"));
        assert_eq!(parse_basic(&h).unwrap(), ("my:app".into(), "s+cret".into()));
        assert!(parse_basic("Bearer abc").is_err());
        assert!(parse_basic("Basic !!!").is_err());
        let plain = format!("basic {}", STANDARD.encode("app-1_x:s3cr=t&y"));
        assert_eq!(
            parse_basic(&plain).unwrap(),
            ("app-1_x".into(), "s3cr=t".into())
        );
        let plain = format!("basic {}", STANDARD.encode("app-1_x:s3cr=t"));
        assert_eq!(
            parse_basic(&plain).unwrap(),
            ("app-1_x".into(), "s3cr=t".into())
        );
    }

    #[test]
    fn sending_a_secret_both_ways_is_an_invalid_request() {
        let creds = ClientCredentials {
            authorization: Some(format!("Basic {}", STANDARD.encode("a:b"))),
            client_id: None,
            client_secret: Some("b".into()),
            ..ClientCredentials::default()
        };
        let err = select_method(&creds).unwrap_err();
        assert_eq!(err.code, super::super::OAuthErrorCode::InvalidRequest);
    }
}
