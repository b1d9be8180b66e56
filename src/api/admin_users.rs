//! Administration of accounts under `/api/v1/admin/users`: list and search, get, disable and
//! enable, make and remove administrators, delete (with everything that belongs to the
//! account), the groups of a user, and removing a person's second factor when they lost it.
//! Every operation needs the `admin` scope, which only administrators hold.
//!
//! Handlers authorize, call one `service::admin` / `service::groups` function and map the
//! result. Must not import a concrete store backend.

use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::OpenApi;

use super::admin_models::{page, AdminUser, GroupList, UserList};
use super::caller::Caller;
use super::response::{api_response, WwwAuthenticate};
use super::ApiTags;
use crate::service::admin;
use crate::service::groups;
use crate::service::two_factor;

#[derive(Default)]
pub struct AdminUsersApi;

api_response! {
    ListUsersResponse {
        /// One page of accounts, ordered by username.
        200 Ok(Json<UserList>),
    }
    ListUsersError as ListUsers {
        /// `offset`, `limit` or `search` is out of range (see `fields`).
        422 Invalid,
        ..admin
    }
}

api_response! {
    GetUserResponse {
        /// The account.
        200 Ok(Json<AdminUser>),
    }
    GetUserError as GetUser {
        /// No account has this id.
        404 NotFound,
        ..admin
    }
}

api_response! {
    UserResponse {
        /// The account as changed.
        200 Ok(Json<AdminUser>),
    }
    UserError as SetDisabled {
        /// No account has this id.
        404 NotFound,
        /// The change is refused: an administrator cannot disable (or stop being an
        /// administrator of) their own account, and the last enabled administrator stays.
        409 Conflict,
        ..admin
    }
}

api_response! {
    DeleteUserResponse {
        /// The account and everything that belonged to it are gone.
        204 Ok,
    }
    DeleteUserError as DeleteUser {
        /// No account has this id.
        404 NotFound,
        /// The deletion is refused: an administrator cannot delete their own account, and the
        /// last enabled administrator cannot be deleted.
        409 Conflict,
        ..admin
    }
}

api_response! {
    UserGroupsResponse {
        /// One page of the groups the account belongs to, ordered by name.
        200 Ok(Json<GroupList>),
    }
    UserGroupsError as UserGroups {
        /// No account has this id.
        404 NotFound,
        /// `offset` or `limit` is out of range (see `fields`).
        422 Invalid,
        ..admin
    }
}

api_response! {
    ResetSecondFactorResponse {
        /// The second factor is removed, every session of the person ended, and the person
        /// told by email.
        204 Ok,
    }
    ResetSecondFactorError as ResetSecondFactor {
        /// No account has this id, or it has no second factor.
        404 NotFound,
        ..admin
    }
}

#[OpenApi(tag = "ApiTags::Admin")]
impl AdminUsersApi {
    /// List accounts
    ///
    /// Returns accounts ordered by username, `limit` (1–200, default 50) at a time from
    /// `offset` (default 0), with the `total` that match. `search` keeps the accounts whose
    /// username, email or display name contains it, ignoring case. Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/users",
        method = "get",
        operation_id = "listUsers"
    )]
    async fn list_users(
        &self,
        c: Caller<'_>,
        #[oai(validator(max_length = 100))] search: Query<Option<String>>,
        #[oai(validator(maximum(value = "1000000000")))] offset: Query<Option<u64>>,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u64>>,
    ) -> ListUsers {
        c.admin().await?;
        let l = admin::list_users(&c, search.0, page(offset, limit)).await?;
        Ok(ListUsersResponse::Ok(Json(l.into())))
    }

    /// Get an account
    ///
    /// Returns one account by id. Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/users/:id",
        method = "get",
        operation_id = "getUser"
    )]
    async fn get_user(&self, c: Caller<'_>, id: Path<String>) -> GetUser {
        c.admin().await?;
        let u = admin::get_user(&c, &id).await?;
        Ok(GetUserResponse::Ok(Json(u.into())))
    }

    /// Disable an account
    ///
    /// The account can no longer log in; its browser sessions end and every grant it gave
    /// apps is revoked with its tokens. Disabling a disabled account changes nothing. You
    /// cannot disable your own account, nor the last enabled administrator. Needs the `admin`
    /// scope.
    #[oai(
        path = "/api/v1/admin/users/:id/disable",
        method = "post",
        operation_id = "disableUser"
    )]
    async fn disable_user(&self, c: Caller<'_>, id: Path<String>) -> SetDisabled {
        set_disabled(&c, &id, true).await
    }

    /// Enable an account
    ///
    /// Lets a disabled account log in again. Enabling an enabled account changes nothing.
    /// Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/users/:id/enable",
        method = "post",
        operation_id = "enableUser"
    )]
    async fn enable_user(&self, c: Caller<'_>, id: Path<String>) -> SetDisabled {
        set_disabled(&c, &id, false).await
    }

    /// Make an account an administrator
    ///
    /// The person gets the administrators' pages and may authorize tokens with the `admin`
    /// scope. Making an administrator of an administrator changes nothing. Needs the `admin`
    /// scope.
    #[oai(
        path = "/api/v1/admin/users/:id/promote",
        method = "post",
        operation_id = "promoteUser"
    )]
    async fn promote_user(&self, c: Caller<'_>, id: Path<String>) -> SetDisabled {
        set_admin(&c, &id, true).await
    }

    /// Stop an account being an administrator
    ///
    /// The person loses the administrators' pages; tokens with the `admin` scope they hold stop
    /// working for administration at once. You cannot demote your own account, nor the last
    /// enabled administrator. Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/users/:id/demote",
        method = "post",
        operation_id = "demoteUser"
    )]
    async fn demote_user(&self, c: Caller<'_>, id: Path<String>) -> SetDisabled {
        set_admin(&c, &id, false).await
    }

    /// Delete an account
    ///
    /// Deletes the account and everything that belongs to it: its sessions, pending email
    /// tokens, consents, grants (revoked with their tokens), the apps it owns (their grants
    /// revoked, their consents deleted) and its group memberships. You cannot delete your own
    /// account, nor the last enabled administrator. Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/users/:id",
        method = "delete",
        operation_id = "deleteUser"
    )]
    async fn delete_user(&self, c: Caller<'_>, id: Path<String>) -> DeleteUser {
        let actor = c.admin().await?.user;
        admin::delete_user(&c, &actor, &id).await?;
        Ok(DeleteUserResponse::Ok)
    }

    /// Remove the second factor of an account
    ///
    /// For a person who lost their authenticator app and their recovery codes: removes their
    /// two-step verification (or an enrolment in progress), ends every session of theirs, and
    /// sends them the "two-step verification was turned off" email. They sign in with their
    /// password alone and can set it up again. Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/users/:id/second-factor",
        method = "delete",
        operation_id = "resetSecondFactor"
    )]
    async fn reset_second_factor(&self, c: Caller<'_>, id: Path<String>) -> ResetSecondFactor {
        c.admin().await?;
        let client = crate::client_ip::client_info(c.req);
        two_factor::admin_reset::reset_second_factor(&c, &id, &client).await?;
        Ok(ResetSecondFactorResponse::Ok)
    }

    /// List the groups of an account
    ///
    /// Returns the groups the account belongs to, ordered by name, `limit` (1–200, default
    /// 50) at a time from `offset`. Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/users/:id/groups",
        method = "get",
        operation_id = "listUserGroups"
    )]
    async fn list_user_groups(
        &self,
        c: Caller<'_>,
        id: Path<String>,
        #[oai(validator(maximum(value = "1000000000")))] offset: Query<Option<u64>>,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u64>>,
    ) -> UserGroups {
        c.admin().await?;
        let l = groups::list_user_groups(&c, &id, page(offset, limit)).await?;
        Ok(UserGroupsResponse::Ok(Json(l.into())))
    }
}

/// Disable and enable differ only in the flag they set.
async fn set_disabled(c: &Caller<'_>, id: &str, disabled: bool) -> SetDisabled {
    let actor = c.admin().await?.user;
    let u = admin::set_user_disabled(c, &actor, id, disabled).await?;
    Ok(UserResponse::Ok(Json(u.into())))
}

/// Promote and demote differ only in the flag they set.
async fn set_admin(c: &Caller<'_>, id: &str, is_admin: bool) -> SetDisabled {
    let actor = c.admin().await?.user;
    let u = admin::set_user_admin(c, &actor, id, is_admin).await?;
    Ok(UserResponse::Ok(Json(u.into())))
}
