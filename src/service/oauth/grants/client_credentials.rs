//! The client credentials grant (RFC 6749 §4.4): a confidential client acts for itself, with
//! the scopes it registered (or fewer), never a user's.

use super::TokenRequest;
use crate::domain::{ClientType, ScopeSet};
use crate::service::oauth::client_auth::AuthenticatedClient;
use crate::service::oauth::issue::{self, Subject, TokenSet};
use crate::service::oauth::resources::{permitted_scopes, resolve};
use crate::service::oauth::scopes::narrow;
use crate::service::oauth::OAuthError;
use crate::service::Services;

/// Scopes a client may never get for itself (client_credentials has no user).
const USER_ONLY_SCOPES: [&str; 3] = ["openid", "offline_access", "admin"];

/// RFC 6749 §4.4: the client acts for itself, with the scopes it registered (or fewer).
pub(super) async fn exchange(
    svc: &Services,
    auth: &AuthenticatedClient,
    req: &TokenRequest,
    jkt: Option<&str>,
) -> Result<TokenSet, OAuthError> {
    let client = &auth.client;
    if client.client_type != ClientType::Confidential {
        return Err(OAuthError::unauthorized_client(
            "client_credentials needs a confidential client",
        ));
    }
    let servers = resolve(svc, &req.resources).await?;
    let registered = ScopeSet::from_strings(
        permitted_scopes(client, &servers)?
            .iter()
            .filter(|s| !USER_ONLY_SCOPES.contains(s)),
    )
    .map_err(|e| OAuthError::internal(e.into()))?;
    let scopes = narrow(&registered, req.scope.as_deref(), || {
        if servers.is_empty() {
            "the requested scope is not registered for this client, or needs a user"
        } else {
            "the requested scope is not defined by every requested resource, or needs a user"
        }
    })?;
    let who = Subject {
        client,
        user_id: None,
        grant_id: None,
        auth_time: None,
        acr: None,
        resources: &servers,
        jkt,
    };
    let (access_token, expires_in) = issue::access_token(svc, &who, &scopes).await?;
    Ok(TokenSet {
        access_token,
        expires_in,
        refresh_token: None,
        scope: scopes.to_string(),
        id_token: None,
        token_type: who.token_type(),
    })
}
