//! Client ID Metadata Documents (draft-ietf-oauth-client-id-metadata-document §3): a client
//! that was never registered names itself with an https URL, and the document at that URL
//! describes it. This module holds the rules of the URL itself: `https`, a path other than
//! `/`, no single- or double-dot path segments, no fragment, no user name or password, and in
//! canonical form (the document's `client_id` is compared to it as a plain string, so a URL
//! that parsing would rewrite is refused rather than silently changed).

use super::DomainError;

/// The `owner_id` of a client described by a metadata document: no person owns it.
pub const METADATA_DOCUMENT_OWNER: &str = "client-id-metadata-document";
/// Longest client id URL accepted.
pub const MAX_CLIENT_ID_URL_LEN: usize = 2000;

/// Whether a `client_id` is URL-shaped (`http://` or `https://`, any case): such an id is never
/// one of ours (generated ids are base64url), so it is resolved as a metadata document.
pub fn is_url_client_id(client_id: &str) -> bool {
    let lower = |n: usize| client_id.get(..n).map(str::to_ascii_lowercase);
    lower(8).as_deref() == Some("https://") || lower(7).as_deref() == Some("http://")
}

/// The client id URL, when it satisfies the draft's rules; the error says which one it breaks.
pub fn parse_client_id_url(s: &str) -> Result<url::Url, DomainError> {
    let err = |m: &str| DomainError::new("client_id", m.to_owned());
    if s.len() > MAX_CLIENT_ID_URL_LEN {
        return Err(err("a client id URL is longer than 2000 characters"));
    }
    let url = url::Url::parse(s).map_err(|_| err("the client id is not an absolute URL"))?;
    if url.scheme() != "https" {
        return Err(err("a client id URL must use https"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(err(
            "a client id URL must not contain a user name or password",
        ));
    }
    if url.fragment().is_some() || s.contains('#') {
        return Err(err("a client id URL must not contain a fragment"));
    }
    let raw_path = s[url.scheme().len() + 3..]
        .split(['?', '#'])
        .next()
        .unwrap_or_default();
    let dots = raw_path.split('/').skip(1).any(|seg| {
        let seg = seg.to_ascii_lowercase().replace("%2e", ".");
        seg == "." || seg == ".."
    });
    if dots {
        return Err(err(
            "a client id URL must not contain . or .. path segments",
        ));
    }
    if url.path() == "/" || url.path().is_empty() {
        return Err(err("a client id URL must have a path"));
    }
    if url.as_str() != s {
        return Err(err("a client id URL must be in canonical form"));
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_client_ids_follow_the_drafts_rules() {
        for ok in [
            "https://app.example/client.json",
            "https://app.example:8443/oauth/metadata",
            "https://localhost:1234/c?v=1",
        ] {
            assert!(parse_client_id_url(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://app.example/client.json",
            "https://app.example",
            "https://app.example/",
            "https://app.example/a/../client.json",
            "https://app.example/a/./client.json",
            "https://app.example/a/%2E%2E/client.json",
            "https://app.example/client.json#x",
            "https://u:p@app.example/client.json",
            "https://APP.example/client.json",
            "https://app.example:443/client.json",
            "ftp://app.example/client.json",
        ] {
            assert!(parse_client_id_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn only_http_and_https_ids_are_url_shaped() {
        assert!(is_url_client_id("https://app.example/c"));
        assert!(is_url_client_id("HTTP://app.example/c"));
        assert!(!is_url_client_id("abcDEF_-123"));
        assert!(!is_url_client_id("http"));
        assert!(!is_url_client_id("日本語のクライアント"));
    }
}
