//! `GET /oauth2/userinfo` (OIDC Core §5.3): the claims of the user a bearer access token acts
//! for, by scope. Bearer errors follow RFC 6750 §3.

use poem::web::Data;
use poem::Request;
use poem_openapi::{Object, OpenApi};

use super::response::{ok, resource_refusal, OAuthResult};
use crate::api::dpop::proof_input;
use crate::api::ApiTags;
use crate::service::oauth::dpop::resource::Presented;
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

/// The value of `Authorization` (RFC 6750 §2.1, RFC 9449 §7.1).
fn authorization(req: &Request) -> &str {
    req.headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

#[OpenApi(tag = "ApiTags::OAuth2")]
impl UserInfoApi {
    /// Get the user's claims
    ///
    /// Send an access token with the `openid` scope as `Authorization: Bearer`, or a
    /// DPoP-bound one as `Authorization: DPoP` with a `DPoP` proof (RFC 9449 §7.1). Claims are
    /// released by scope: `profile`, `email`, `groups`. A revoked or expired token answers
    /// 401 with `WWW-Authenticate: Bearer error="invalid_token"` (`DPoP ...` for the DPoP
    /// scheme and for proof errors).
    #[oai(
        path = "/oauth2/userinfo",
        method = "get",
        operation_id = "getUserinfo"
    )]
    async fn userinfo(&self, svc: Data<&Services>, req: &Request) -> OAuthResult<UserInfoBody> {
        let proof = proof_input(req);
        let Some(presented) = Presented::parse(authorization(req), &proof) else {
            let e = OAuthError::invalid_token("a bearer or DPoP access token is required");
            return Err(e.into());
        };
        match userinfo::userinfo(&svc, &presented).await {
            Ok(info) => Ok(ok(info)),
            Err(e) => Err(resource_refusal(Some(presented.scheme), e)),
        }
    }
}
