//! The apps a person has authorized (`/api/v1/me/authorizations`): list them, revoke one. Each
//! entry is one grant: revoking it ends its refresh token family and every access token issued
//! from it at once, and forgets the consent, so the app must ask again. Also served at the
//! original system's path `DELETE /oauth/authorized_tokens/{id}/delete/`. Authenticated by the
//! browser session (unsafe methods repeat `X-CSRF-Token`) or a bearer token with the
//! `authorizations` scope.

use chrono::{DateTime, Utc};
use poem_openapi::param::Path;
use poem_openapi::payload::Json;
use poem_openapi::{Object, OpenApi};

use super::caller::Caller;
use super::response::{api_response, WwwAuthenticate};
use super::ApiTags;
use crate::service::authorizations::{self, Authorization as Entry};

#[derive(Default)]
pub struct AuthorizationsApi;

/// One authorization the caller gave an app (a grant).
#[derive(Debug, Object)]
pub struct Authorization {
    /// The grant's id: pass it to `revokeMyAuthorization`.
    pub id: String,
    /// The app's client_id.
    pub client_id: String,
    /// The app's name.
    pub client_name: String,
    /// The app's homepage, when it registered one.
    #[oai(skip_serializing_if_is_none)]
    pub client_homepage_url: Option<String>,
    /// What the app may do.
    pub scopes: Vec<String>,
    /// When the user first authorized it.
    pub created_at: DateTime<Utc>,
    /// When the app last used it (refreshing, or calling this server with its access tokens;
    /// recorded at most once a minute).
    pub last_used_at: DateTime<Utc>,
    /// When it ends: no refresh after this.
    pub expires_at: DateTime<Utc>,
}

impl From<Entry> for Authorization {
    fn from(e: Entry) -> Self {
        Self {
            id: e.grant.id,
            client_id: e.grant.client_id,
            client_name: e.client_name,
            client_homepage_url: e.client_homepage_url,
            scopes: e.grant.scopes,
            created_at: e.grant.created_at,
            last_used_at: e.grant.last_used_at,
            expires_at: e.grant.expires_at,
        }
    }
}

/// The caller's active authorizations, newest first.
#[derive(Debug, Object)]
#[oai(example)]
pub struct AuthorizationList {
    pub items: Vec<Authorization>,
}

impl poem_openapi::types::Example for AuthorizationList {
    fn example() -> Self {
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap_or_default();
        Self {
            items: vec![Authorization {
                id: "01933b70-2b3c-7d4e-8f5a-6b7c8d9e0f1a".into(),
                client_id: "Bi6rF86kPRq_P2RS4_mDhRKS".into(),
                client_name: "Photo Printer".into(),
                client_homepage_url: Some("https://printer.example/".into()),
                scopes: vec!["email".into(), "profile".into()],
                created_at: at("2026-03-01T09:30:00Z"),
                last_used_at: at("2026-03-14T18:02:41Z"),
                expires_at: at("2026-05-30T09:30:00Z"),
            }],
        }
    }
}

api_response! {
    ListAuthorizationsResponse {
        /// The caller's active authorizations.
        200 Ok(Json<AuthorizationList>),
    }
    ListAuthorizationsError as ListAuthorizations {
        /// No valid credential (RFC 6750 `invalid_token`).
        401 Unauthorized(WwwAuthenticate),
        /// The token lacks the `authorizations` scope (RFC 6750 `insufficient_scope`).
        403 Forbidden(WwwAuthenticate),
        ..store
    }
}

api_response! {
    RevokeAuthorizationResponse {
        /// Revoked: its tokens are rejected from the very next request.
        204 Revoked,
    }
    RevokeAuthorizationError as Revoke {
        /// No valid credential (RFC 6750 `invalid_token`).
        401 Unauthorized(WwwAuthenticate),
        /// The token lacks the `authorizations` scope, or a session call lacks `X-CSRF-Token`.
        403 Forbidden(WwwAuthenticate),
        /// No active authorization with this id belongs to the caller.
        404 NotFound,
        ..store
    }
}

async fn revoke(c: &Caller<'_>, id: &str) -> Revoke {
    let p = c.scope("authorizations").await?;
    authorizations::revoke_for_user(c, &p.user.id, id).await?;
    Ok(RevokeAuthorizationResponse::Revoked)
}

#[OpenApi(tag = "ApiTags::Authorizations")]
impl AuthorizationsApi {
    /// List the apps I have authorized
    ///
    /// One entry per authorization (grant) the caller gave an app that is neither revoked nor
    /// expired, newest first: the app, the scopes, when it was granted, last used and ends.
    /// Needs the `authorizations` scope.
    #[oai(
        path = "/api/v1/me/authorizations",
        method = "get",
        operation_id = "listMyAuthorizations"
    )]
    async fn list(&self, c: Caller<'_>) -> ListAuthorizations {
        let p = c.scope("authorizations").await?;
        let items = authorizations::list_for_user(&c, &p.user.id).await?;
        Ok(ListAuthorizationsResponse::Ok(Json(AuthorizationList {
            items: items.into_iter().map(Into::into).collect(),
        })))
    }

    /// Revoke an authorization
    ///
    /// Ends the authorization: its refresh tokens and every access token issued from it are
    /// rejected from the very next request (introspection reports them inactive), and the
    /// remembered consent is forgotten, so the app must ask again. Another person's
    /// authorization answers 404. Needs the `authorizations` scope.
    #[oai(
        path = "/api/v1/me/authorizations/:id",
        method = "delete",
        operation_id = "revokeMyAuthorization"
    )]
    async fn revoke(
        &self,
        c: Caller<'_>,
        /// The authorization's id (`Authorization.id`).
        id: Path<String>,
    ) -> Revoke {
        revoke(&c, &id).await
    }

    /// Revoke an authorization (original path)
    ///
    /// The original system's path for `revokeMyAuthorization`,
    /// `/oauth/authorized_tokens/{id}/delete/` (served with and without the trailing slash),
    /// kept for existing integrations; it answers exactly the same. (The page's form POSTs to
    /// this path too.)
    #[oai(
        path = "/oauth/authorized_tokens/:id/delete/",
        method = "delete",
        operation_id = "legacyRevokeAuthorization"
    )]
    async fn legacy_revoke(
        &self,
        c: Caller<'_>,
        /// The authorization's id (`Authorization.id`).
        id: Path<String>,
    ) -> Revoke {
        self.revoke(c, id).await
    }
}
