//! `GET /oauth2/userinfo` (OIDC Core §5.3): the claims of the user a bearer access token acts
//! for, by scope. Bearer errors follow RFC 6750 §3.

use poem::web::Data;
use poem::Request;
use poem_openapi::{Object, OpenApi};

use super::response::{ok, OAuthResult};
use crate::api::ApiTags;
use crate::service::oauth::userinfo::{self, UserInfo};
use crate::service::oauth::OAuthError;
use crate::service::Services;

#[derive(Default)]
pub struct UserInfoApi;

/// Claims about the user (OIDC Core §5.1); absent when the token's scope does not cover them.
#[derive(Debug, Clone, Object)]
#[oai(skip_serializing_if_is_none)]
pub struct UserInfoBody {
    /// The user's stable id.
    pub sub: String,
    /// `profile`: display name (the username when none is set).
    pub name: Option<String>,
    /// `profile`: the username.
    pub preferred_username: Option<String>,
    /// `profile`: preferred language (BCP 47).
    pub locale: Option<String>,
    /// `profile`: last update of the profile, seconds since the epoch.
    pub updated_at: Option<i64>,
    /// `email`: the email address.
    pub email: Option<String>,
    /// `email`: whether the address was verified.
    pub email_verified: Option<bool>,
    /// `groups`: names of the user's groups.
    pub groups: Option<Vec<String>>,
}

impl From<UserInfo> for UserInfoBody {
    fn from(u: UserInfo) -> Self {
        Self {
            sub: u.sub,
            name: u.name,
            preferred_username: u.preferred_username,
            locale: u.locale,
            updated_at: u.updated_at,
            email: u.email,
            email_verified: u.email_verified,
            groups: u.groups,
        }
    }
}

/// The token of `Authorization: Bearer <token>` (RFC 6750 §2.1).
fn bearer_token(req: &Request) -> Result<&str, OAuthError> {
    let header = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| OAuthError::invalid_token("a bearer access token is required"))?;
    match header.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") && !token.is_empty() => {
            Ok(token.trim())
        }
        _ => Err(OAuthError::invalid_token(
            "a bearer access token is required",
        )),
    }
}

#[OpenApi(tag = "ApiTags::OAuth2")]
impl UserInfoApi {
    /// Get the user's claims
    ///
    /// Send an access token with the `openid` scope as `Authorization: Bearer`. Claims are
    /// released by scope: `profile`, `email`, `groups`. A revoked or expired token answers
    /// 401 with `WWW-Authenticate: Bearer error="invalid_token"`.
    #[oai(
        path = "/oauth2/userinfo",
        method = "get",
        operation_id = "getUserinfo"
    )]
    async fn userinfo(&self, svc: Data<&Services>, req: &Request) -> OAuthResult<UserInfoBody> {
        Ok(ok(userinfo::userinfo(&svc, bearer_token(req)?).await?))
    }
}
