//! What scope a request gets, one rule for every grant and for the authorization and device
//! endpoints (RFC 6749 §3.3): the allowed scopes when `scope` is absent or blank, else exactly
//! the asked ones, all of which must be allowed (`invalid_scope` otherwise). What is allowed
//! for a request naming resources is `resources::permitted_scopes`.

use super::resources::permitted_scopes;
use super::OAuthError;
use crate::domain::{Client, ResourceServer, ScopeSet};

/// The requested scope narrowed within `allowed` (absent or blank: all of it), or
/// `invalid_scope` with `why`.
pub(super) fn narrow(
    allowed: &ScopeSet,
    asked: Option<&str>,
    why: impl FnOnce() -> &'static str,
) -> Result<ScopeSet, OAuthError> {
    ScopeSet::narrow(allowed, asked)
        .map_err(|e| OAuthError::invalid_scope(e.message))?
        .ok_or_else(|| OAuthError::invalid_scope(why()))
}

/// The scopes an authorization or device request asks for within the client's registered
/// ones, or, when it names resources, within what they permit.
pub(super) fn requested_scopes(
    client: &Client,
    asked: Option<&str>,
    servers: &[ResourceServer],
) -> Result<ScopeSet, OAuthError> {
    let permitted = permitted_scopes(client, servers)?;
    narrow(&permitted, asked, || {
        if servers.is_empty() {
            "a requested scope is not registered for this client"
        } else {
            "a requested scope is not defined by every requested resource"
        }
    })
}
