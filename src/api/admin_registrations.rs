//! Administration of dynamic client registration (RFC 7591) under `/api/v1/admin`: minting,
//! listing and revoking initial access tokens, and listing the apps registered dynamically (which no person owns;
//! administrators manage them through the Apps API like any app). Every operation needs the
//! `admin` scope.
//!
//! Handlers authorize, call one `service::dynamic_registration` function and map the result.
//! Must not import a concrete store backend.

use chrono::{DateTime, Utc};
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{Object, OpenApi};

use super::admin_models::{page, RegistrationTokenList};
use super::app_models::AppList;
use super::caller::Caller;
use super::response::{api_response, WwwAuthenticate};
use super::ApiTags;
use crate::service::dynamic_registration as dcr;
use crate::service::dynamic_registration::initial_tokens::{self, NewToken};

#[derive(Default)]
pub struct AdminRegistrationsApi;

/// What an initial access token allows.
#[derive(Debug, Object)]
pub struct CreateRegistrationTokenRequest {
    /// How many clients it may register (1–10000).
    #[oai(validator(minimum(value = "1"), maximum(value = "10000")))]
    pub uses: u32,
    /// Seconds it stays valid (60 up to a year).
    #[oai(validator(minimum(value = "60"), maximum(value = "31536000")))]
    pub expires_in: i64,
    /// To recognise it in the listing: at most 100 characters, no control characters.
    pub label: Option<String>,
}

/// A new initial access token, shown this once.
#[derive(Debug, Object)]
pub struct RegistrationToken {
    /// Send it as `Authorization: Bearer` to `/oauth2/register`. Only its digest is kept.
    pub initial_access_token: String,
    pub uses: u32,
    pub expires_at: DateTime<Utc>,
    /// Names it in the listing and for revocation.
    pub id: String,
    #[oai(skip_serializing_if_is_none)]
    pub label: Option<String>,
}

api_response! {
    CreateRegistrationTokenResponse {
        /// The token; it is not shown again.
        201 Ok(Json<RegistrationToken>),
    }
    CreateRegistrationTokenError as CreateRegistrationToken {
        /// `uses` or `expires_in` is out of range, or `label` too long (see `fields`).
        422 Invalid,
        ..admin
    }
}

api_response! {
    ListRegistrationTokensResponse {
        /// One page of the tokens that have not expired, newest first.
        200 Ok(Json<RegistrationTokenList>),
    }
    ListRegistrationTokensError as ListRegistrationTokens {
        /// `offset` or `limit` is out of range (see `fields`).
        422 Invalid,
        ..admin
    }
}

api_response! {
    RevokeRegistrationTokenResponse {
        /// The token is gone: a registration that presents it is refused.
        204 Ok,
    }
    RevokeRegistrationTokenError as RevokeRegistrationToken {
        /// No token has this id (never minted, revoked, or expired).
        404 NotFound,
        ..admin
    }
}

api_response! {
    ListRegisteredAppsResponse {
        /// One page of the apps registered dynamically, oldest first.
        200 Ok(Json<AppList>),
    }
    ListRegisteredAppsError as ListRegisteredApps {
        /// `offset` or `limit` is out of range (see `fields`).
        422 Invalid,
        ..admin
    }
}

#[OpenApi(tag = "ApiTags::Admin")]
impl AdminRegistrationsApi {
    /// Mint an initial access token
    ///
    /// With `oauth.dynamic_registration = "initial_access_token"`, a client registers at
    /// `/oauth2/register` with one of these (RFC 7591 §3). It allows `uses` registrations
    /// until `expires_in` seconds have passed. Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/registration-tokens",
        method = "post",
        operation_id = "createRegistrationToken"
    )]
    async fn create(
        &self,
        c: Caller<'_>,
        body: Json<CreateRegistrationTokenRequest>,
    ) -> CreateRegistrationToken {
        let actor = c.admin().await?;
        let b = body.0;
        let new = NewToken {
            uses: b.uses,
            lifetime_secs: b.expires_in,
            label: b.label,
        };
        let minted = initial_tokens::mint(&c, new, &actor.user.id).await?;
        Ok(CreateRegistrationTokenResponse::Ok(Json(
            RegistrationToken {
                initial_access_token: minted.token,
                uses: minted.record.max_uses,
                expires_at: minted.record.expires_at,
                id: minted.record.id,
                label: minted.record.label,
            },
        )))
    }

    /// List initial access tokens
    ///
    /// The initial access tokens that have not expired, used up or not, newest first, `limit`
    /// (1–200, default 50) at a time from `offset`: each with its id, label, creation,
    /// expiry, uses left and creator. The token itself is never shown again. Needs the
    /// `admin` scope.
    #[oai(
        path = "/api/v1/admin/registration-tokens",
        method = "get",
        operation_id = "listRegistrationTokens"
    )]
    async fn list_tokens(
        &self,
        c: Caller<'_>,
        #[oai(validator(maximum(value = "1000000000")))] offset: Query<Option<u64>>,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u64>>,
    ) -> ListRegistrationTokens {
        c.admin().await?;
        let l = initial_tokens::list(&c, page(offset, limit)).await?;
        Ok(ListRegistrationTokensResponse::Ok(Json(l.into())))
    }

    /// Revoke an initial access token
    ///
    /// Deletes the token `id`: `/oauth2/register` refuses it from now on (`invalid_token`).
    /// Clients it registered already stay registered. Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/registration-tokens/:id",
        method = "delete",
        operation_id = "revokeRegistrationToken"
    )]
    async fn revoke_token(&self, c: Caller<'_>, id: Path<String>) -> RevokeRegistrationToken {
        c.admin().await?;
        initial_tokens::revoke(&c, &id).await?;
        Ok(RevokeRegistrationTokenResponse::Ok)
    }

    /// List dynamically registered apps
    ///
    /// The apps clients registered themselves at `/oauth2/register`, oldest first, `limit`
    /// (1–200, default 50) at a time from `offset`. Their `owner_id` is
    /// `dynamic-registration`; change or delete them through the Apps API. Needs the `admin`
    /// scope.
    #[oai(
        path = "/api/v1/admin/registered-apps",
        method = "get",
        operation_id = "listRegisteredApps"
    )]
    async fn list(
        &self,
        c: Caller<'_>,
        #[oai(validator(maximum(value = "1000000000")))] offset: Query<Option<u64>>,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u64>>,
    ) -> ListRegisteredApps {
        c.admin().await?;
        let l = dcr::list_registered_apps(&c, page(offset, limit)).await?;
        Ok(ListRegisteredAppsResponse::Ok(Json(l.into())))
    }
}
