//! A pushed authorization request (RFC 9126 §2): the parameters a client posted to the PAR
//! endpoint, kept under the digest of the `request_uri` it was given, bound to that client and
//! good once, for a short time (§2.2, §4). Which parameters count is the authorization
//! endpoint's business; here they are only names and values.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

/// The prefix of every `request_uri` this server issues (RFC 9126 §2.2).
pub const REQUEST_URI_PREFIX: &str = "urn:ietf:params:oauth:request_uri:";

/// A stored pushed request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushedRequest {
    /// SHA-256 of the random part of the `request_uri`.
    pub digest: String,
    /// The authenticated client that pushed it: the only one that may use it.
    pub client_id: String,
    /// The authorization request parameters, by name.
    pub params: BTreeMap<String, String>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

impl PushedRequest {
    /// Whether it may still be used at `now`.
    pub fn is_live(&self, now: DateTime<Utc>) -> bool {
        now < self.expires_at
    }
}

/// The random part of a `request_uri` of this server, or `None` for any other value.
pub fn request_uri_reference(request_uri: &str) -> Option<&str> {
    request_uri
        .strip_prefix(REQUEST_URI_PREFIX)
        .filter(|r| !r.is_empty() && r.len() <= 128)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_request_uris_of_the_par_urn_namespace_have_a_reference() {
        assert_eq!(
            request_uri_reference("urn:ietf:params:oauth:request_uri:abc"),
            Some("abc")
        );
        assert_eq!(
            request_uri_reference("urn:ietf:params:oauth:request_uri:"),
            None
        );
        assert_eq!(
            request_uri_reference("https://client.example/req.jwt"),
            None
        );
        let long = format!("{REQUEST_URI_PREFIX}{}", "a".repeat(129));
        assert_eq!(request_uri_reference(&long), None);
    }

    #[test]
    fn a_pushed_request_is_live_until_its_expiry() {
        let now = Utc::now();
        let p = PushedRequest {
            digest: "d".into(),
            client_id: "c".into(),
            params: BTreeMap::new(),
            created_at: now,
            expires_at: now + chrono::Duration::seconds(60),
        };
        assert!(p.is_live(now));
        assert!(!p.is_live(p.expires_at));
    }
}
