//! Why an authorization or logout request is refused with an error page instead of a redirect
//! (RFC 6749 §4.1.2.1: an untrusted client or redirect URI is never redirected to; OIDC
//! RP-Initiated Logout §3: neither is an unregistered post-logout URI). The reasons are fixed
//! sentences so that the pages can show each one translated.

pub const MISSING_CLIENT_ID: &str = "client_id is missing";
pub const UNKNOWN_CLIENT: &str = "unknown client";
pub const REDIRECT_URI: &str = "redirect_uri is missing or not registered for this client";
/// The start of a refusal caused by an unavailable store (its description follows).
pub const UNAVAILABLE: &str = "the request cannot be served now";
pub const POST_LOGOUT_UNREGISTERED: &str =
    "post_logout_redirect_uri is not registered for this client";
pub const POST_LOGOUT_INVALID: &str = "invalid post_logout_redirect_uri";
pub const POST_LOGOUT_NEEDS_CLIENT: &str =
    "post_logout_redirect_uri needs client_id or id_token_hint";
pub const CLIENT_ID_MISMATCH: &str = "client_id differs from the id_token_hint";
pub const BAD_HINT: &str = "id_token_hint is not an id_token of this server";
/// RFC 9126 §4: a `request_uri` that cannot be resolved has no trusted redirect URI.
pub const REQUEST_URI_INVALID: &str = "request_uri is unknown, expired or already used";
pub const REQUEST_URI_OTHER_CLIENT: &str = "request_uri was pushed by another client";
/// A URL client id whose metadata document is off, unreachable or invalid (the reason is
/// logged; the page gives none, so that it cannot be used to probe what the server reaches).
pub const CLIENT_METADATA: &str = "the client's metadata document cannot be used";

/// Every reason with the name of its translation (`refused.{name}`), for the pages.
pub const ALL: [(&str, &str); 12] = [
    (MISSING_CLIENT_ID, "missing_client_id"),
    (UNKNOWN_CLIENT, "unknown_client"),
    (REDIRECT_URI, "redirect_uri"),
    (UNAVAILABLE, "unavailable"),
    (POST_LOGOUT_UNREGISTERED, "post_logout_unregistered"),
    (POST_LOGOUT_INVALID, "post_logout_invalid"),
    (POST_LOGOUT_NEEDS_CLIENT, "post_logout_needs_client"),
    (CLIENT_ID_MISMATCH, "client_id_mismatch"),
    (BAD_HINT, "bad_hint"),
    (REQUEST_URI_INVALID, "request_uri_invalid"),
    (REQUEST_URI_OTHER_CLIENT, "request_uri_other_client"),
    (CLIENT_METADATA, "client_metadata"),
];

/// The translation name of a refusal reason (an unavailable store's refusal by its start).
pub fn name_of(reason: &str) -> Option<&'static str> {
    ALL.iter()
        .find(|(r, _)| reason == *r || (*r == UNAVAILABLE && reason.starts_with(UNAVAILABLE)))
        .map(|(_, name)| *name)
}
