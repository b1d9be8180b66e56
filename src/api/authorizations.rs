//! The apps a person has authorized (`/api/v1/me/authorizations`): list them, revoke one. Each
//! entry is one grant: revoking it ends its refresh token family and every access token issued
//! from it at once, and forgets the consent, so the app must ask again. Also served at the
//! original system's path `DELETE /oauth/authorized_tokens/{id}/delete/`. Authenticated by the
//! browser session (unsafe methods repeat `X-CSRF-Token`) or a bearer token with the
//! `authorizations` scope.

use chrono::{DateTime, Utc};
use poem::web::Data;
use poem::Request;
use poem_openapi::param::Path;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, Object, OpenApi};

use super::auth::{authorize, ApiAuth, AuthFailure};
use super::{ApiError, ApiTags};
use crate::service::authorizations::{self, Authorization as Entry};
use crate::service::{ServiceError, Services};

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

#[derive(ApiResponse)]
pub enum ListAuthorizationsResponse {
    /// The caller's active authorizations.
    #[oai(status = 200)]
    Ok(Json<AuthorizationList>),
    /// No valid credential (RFC 6750 `invalid_token`).
    #[oai(status = 401)]
    Unauthorized(Json<ApiError>, #[oai(header = "WWW-Authenticate")] String),
    /// The token lacks the `authorizations` scope (RFC 6750 `insufficient_scope`).
    #[oai(status = 403)]
    Forbidden(Json<ApiError>, #[oai(header = "WWW-Authenticate")] String),
    /// The store is unavailable; retry later.
    #[oai(status = 503)]
    Unavailable(Json<ApiError>),
    /// An unexpected error (logged with its cause; the body carries none of it).
    #[oai(status = 500)]
    Internal(Json<ApiError>),
}

#[derive(ApiResponse)]
pub enum RevokeAuthorizationResponse {
    /// Revoked: its tokens are rejected from the very next request.
    #[oai(status = 204)]
    Revoked,
    /// No valid credential (RFC 6750 `invalid_token`).
    #[oai(status = 401)]
    Unauthorized(Json<ApiError>, #[oai(header = "WWW-Authenticate")] String),
    /// The token lacks the `authorizations` scope, or a session call lacks `X-CSRF-Token`.
    #[oai(status = 403)]
    Forbidden(Json<ApiError>, #[oai(header = "WWW-Authenticate")] String),
    /// No active authorization with this id belongs to the caller.
    #[oai(status = 404)]
    NotFound(Json<ApiError>),
    /// The store is unavailable; retry later.
    #[oai(status = 503)]
    Unavailable(Json<ApiError>),
    /// An unexpected error (logged with its cause; the body carries none of it).
    #[oai(status = 500)]
    Internal(Json<ApiError>),
}

macro_rules! failures {
    ($name:ident $(, $status:literal => $variant:ident)*) => {
        impl $name {
            fn failure(status: u16, www: String, body: ApiError) -> Self {
                match status {
                    401 => Self::Unauthorized(Json(body), www),
                    403 => Self::Forbidden(Json(body), www),
                    503 => Self::Unavailable(Json(body)),
                    $( $status => Self::$variant(Json(body)), )*
                    _ => Self::Internal(Json(body)),
                }
            }

            fn from_auth(f: AuthFailure) -> Self {
                let (status, www, body) = f.parts();
                Self::failure(status, www, body)
            }

            fn from_service(e: &ServiceError) -> Self {
                let (status, body) = ApiError::from_service(e);
                Self::failure(status.as_u16(), String::new(), body)
            }
        }
    };
}

failures!(ListAuthorizationsResponse);
failures!(RevokeAuthorizationResponse, 404 => NotFound);

async fn revoke(
    svc: &Services,
    req: &Request,
    auth: &ApiAuth,
    id: &str,
) -> RevokeAuthorizationResponse {
    let p = match authorize(svc, req, auth, "authorizations").await {
        Ok(p) => p,
        Err(f) => return RevokeAuthorizationResponse::from_auth(f),
    };
    match authorizations::revoke_for_user(svc, &p.user.id, id).await {
        Ok(()) => RevokeAuthorizationResponse::Revoked,
        Err(e) => RevokeAuthorizationResponse::from_service(&e),
    }
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
    async fn list(
        &self,
        svc: Data<&Services>,
        req: &Request,
        auth: ApiAuth,
    ) -> ListAuthorizationsResponse {
        let p = match authorize(&svc, req, &auth, "authorizations").await {
            Ok(p) => p,
            Err(f) => return ListAuthorizationsResponse::from_auth(f),
        };
        match authorizations::list_for_user(&svc, &p.user.id).await {
            Ok(items) => ListAuthorizationsResponse::Ok(Json(AuthorizationList {
                items: items.into_iter().map(Into::into).collect(),
            })),
            Err(e) => ListAuthorizationsResponse::from_service(&e),
        }
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
        svc: Data<&Services>,
        req: &Request,
        auth: ApiAuth,
        /// The authorization's id (`Authorization.id`).
        id: Path<String>,
    ) -> RevokeAuthorizationResponse {
        revoke(&svc, req, &auth, &id).await
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
        svc: Data<&Services>,
        req: &Request,
        auth: ApiAuth,
        /// The authorization's id (`Authorization.id`).
        id: Path<String>,
    ) -> RevokeAuthorizationResponse {
        revoke(&svc, req, &auth, &id).await
    }
}
