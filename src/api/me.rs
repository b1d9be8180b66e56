//! The caller's own account as the API shows it (`Me`), and `GET /api/v1/me`.

use chrono::{DateTime, Utc};
use poem::Request;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, Object};

use super::auth::{authorize, ApiAuth};
use super::ApiError;
use crate::domain::User;
use crate::service::Services;

/// A person's own account, as they see it.
#[derive(Debug, Object)]
pub struct Me {
    pub id: String,
    pub username: String,
    pub email: String,
    pub email_verified: bool,
    #[oai(skip_serializing_if_is_none)]
    pub display_name: Option<String>,
    pub is_admin: bool,
    pub created_at: DateTime<Utc>,
}

impl From<&User> for Me {
    fn from(u: &User) -> Self {
        Self {
            id: u.id.clone(),
            username: u.username.to_string(),
            email: u.email.to_string(),
            email_verified: u.email_verified,
            display_name: u.display_name.clone(),
            is_admin: u.is_admin,
            created_at: u.created_at,
        }
    }
}

#[derive(ApiResponse)]
pub enum MeResponse {
    /// The caller's account.
    #[oai(status = 200)]
    Ok(Json<Me>),
    /// No valid credential (RFC 6750 `invalid_token`).
    #[oai(status = 401)]
    Unauthorized(Json<ApiError>, #[oai(header = "WWW-Authenticate")] String),
    /// The credential lacks the `profile` scope (RFC 6750 `insufficient_scope`).
    #[oai(status = 403)]
    Forbidden(Json<ApiError>, #[oai(header = "WWW-Authenticate")] String),
    /// The store is unavailable; retry later.
    #[oai(status = 503)]
    Unavailable(Json<ApiError>),
    /// An unexpected error (logged with its cause; the body carries none of it).
    #[oai(status = 500)]
    Internal(Json<ApiError>),
}

impl MeResponse {
    fn failure(status: u16, www: String, body: ApiError) -> Self {
        match status {
            401 => Self::Unauthorized(Json(body), www),
            403 => Self::Forbidden(Json(body), www),
            503 => Self::Unavailable(Json(body)),
            _ => Self::Internal(Json(body)),
        }
    }
}

/// `GET /api/v1/me` (declared in `account.rs`, beside the other operations on this path: one
/// path must be declared by one API type, or the spec lists it twice).
pub async fn get_me(svc: &Services, req: &Request, auth: &ApiAuth) -> MeResponse {
    match authorize(svc, req, auth, "profile").await {
        Ok(p) => MeResponse::Ok(Json(Me::from(&p.user))),
        Err(f) => {
            let (status, www, body) = f.parts();
            MeResponse::failure(status, www, body)
        }
    }
}
