//! The caller's own account as the API shows it (`Me`), and `GET /api/v1/me`.

use chrono::{DateTime, Utc};
use poem_openapi::payload::Json;
use poem_openapi::Object;

use super::auth::Principal;
use super::caller::Caller;
use super::response::{api_response, WwwAuthenticate};
use crate::domain::User;
use crate::service::access::ADMIN_SCOPE;

/// A person's own account, as they see it. Through an access token, `email` and
/// `email_verified` come only with the `email` scope and `is_admin` only with `admin`; the
/// browser session sees them all.
#[derive(Debug, Object)]
#[oai(skip_serializing_if_is_none)]
pub struct Me {
    pub id: String,
    pub username: String,
    pub email: Option<String>,
    pub email_verified: Option<bool>,
    pub display_name: Option<String>,
    pub is_admin: Option<bool>,
    /// The language of the person's pages and emails (`en`, `zh-CN`), once chosen.
    pub locale: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl Me {
    /// The account as `viewer` may see it (`service::access`).
    pub fn seen_by(u: &User, viewer: &Principal) -> Self {
        let email = viewer.sees_email();
        Self {
            id: u.id.clone(),
            username: u.username.to_string(),
            email: email.then(|| u.email.to_string()),
            email_verified: email.then_some(u.email_verified),
            display_name: u.display_name.clone(),
            is_admin: (viewer.is_session() || viewer.has_scope(ADMIN_SCOPE)).then_some(u.is_admin),
            locale: u.locale.clone(),
            created_at: u.created_at,
        }
    }
}

impl From<&User> for Me {
    /// The whole account, for the person who just registered it.
    fn from(u: &User) -> Self {
        Self {
            id: u.id.clone(),
            username: u.username.to_string(),
            email: Some(u.email.to_string()),
            email_verified: Some(u.email_verified),
            display_name: u.display_name.clone(),
            is_admin: Some(u.is_admin),
            locale: u.locale.clone(),
            created_at: u.created_at,
        }
    }
}

api_response! {
    MeResponse {
        /// The caller's account.
        200 Ok(Json<Me>),
    }
    MeError as GetMe {
        /// No valid credential (RFC 6750 `invalid_token`).
        401 Unauthorized(WwwAuthenticate),
        /// The credential lacks the `profile` scope (RFC 6750 `insufficient_scope`).
        403 Forbidden(WwwAuthenticate),
        ..store
    }
}

/// `GET /api/v1/me` (declared in `account.rs`, beside the other operations on this path: one
/// path must be declared by one API type, or the spec lists it twice).
pub async fn get_me(c: &Caller<'_>) -> GetMe {
    let p = c.scope("profile").await?;
    Ok(MeResponse::Ok(Json(Me::seen_by(&p.user, &p))))
}
