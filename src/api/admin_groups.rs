//! Administration of groups under `/api/v1/admin/groups`: list, create, get, rename and
//! describe, delete, and the members (list, add, remove). Every operation needs the `admin`
//! scope, which only administrators hold.
//!
//! Handlers authorize, call one `service::groups` function and map the result. Must not import
//! a concrete store backend.

use poem::web::Data;
use poem::Request;
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::OpenApi;

use super::admin_models::{
    admin_response, CreateGroupRequest, GroupList, GroupObject, MemberList, UpdateGroupRequest,
};
use super::auth::{authorize, ApiAuth};
use super::ApiTags;
use crate::service::admin::PageRequest;
use crate::service::groups::{self, GroupPatch, NewGroup};
use crate::service::Services;

pub struct AdminGroupsApi;

admin_response! {
    ListGroupsResponse {
        /// One page of groups, ordered by name.
        200 Ok(Json<GroupList>),
        /// `offset` or `limit` is out of range (see `fields`).
        422 Unprocessable,
    }
}

admin_response! {
    CreateGroupResponse {
        /// The new group.
        201 Ok(Json<GroupObject>),
        /// A group with this name exists (names are compared ignoring case); `fields` names
        /// `name`.
        409 Conflict,
        /// The name or description is invalid (see `fields`).
        422 Unprocessable,
    }
}

admin_response! {
    GroupResponse {
        /// The group.
        200 Ok(Json<GroupObject>),
        /// No group has this id.
        404 NotFound,
    }
}

admin_response! {
    AddMemberResponse {
        /// The group, with the member added.
        200 Ok(Json<GroupObject>),
        /// No group has this id, or no account has this user id.
        404 NotFound,
    }
}

admin_response! {
    RemoveMemberResponse {
        /// The account is not (or no longer) a member.
        204 Ok,
        /// No group has this id, or no account has this user id.
        404 NotFound,
    }
}

admin_response! {
    UpdateGroupResponse {
        /// The group as changed.
        200 Ok(Json<GroupObject>),
        /// No group has this id.
        404 NotFound,
        /// Another group has this name (ignoring case); `fields` names `name`.
        409 Conflict,
        /// The name or description is invalid (see `fields`).
        422 Unprocessable,
    }
}

admin_response! {
    DeleteGroupResponse {
        /// The group and its memberships are gone.
        204 Ok,
        /// No group has this id.
        404 NotFound,
    }
}

admin_response! {
    ListMembersResponse {
        /// One page of members, in the order they joined.
        200 Ok(Json<MemberList>),
        /// No group has this id.
        404 NotFound,
        /// `offset` or `limit` is out of range (see `fields`).
        422 Unprocessable,
    }
}

fn paging(offset: Query<Option<u64>>, limit: Query<Option<u64>>) -> PageRequest {
    PageRequest {
        offset: offset.0,
        limit: limit.0,
    }
}

#[OpenApi(tag = "ApiTags::Admin")]
impl AdminGroupsApi {
    /// List groups
    ///
    /// Returns groups ordered by name, `limit` (1–200, default 50) at a time from `offset`
    /// (default 0), with the `total`. Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/groups",
        method = "get",
        operation_id = "listGroups"
    )]
    async fn list_groups(
        &self,
        svc: Data<&Services>,
        req: &Request,
        auth: ApiAuth,
        #[oai(validator(maximum(value = "1000000000")))] offset: Query<Option<u64>>,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u64>>,
    ) -> ListGroupsResponse {
        if let Err(f) = authorize(&svc, req, &auth, "admin").await {
            return ListGroupsResponse::from_auth(f);
        }
        match groups::list_groups(&svc, paging(offset, limit)).await {
            Ok(l) => ListGroupsResponse::Ok(Json(l.into())),
            Err(e) => ListGroupsResponse::from_service(&e),
        }
    }

    /// Create a group
    ///
    /// Creates an empty group. Its name (1–64 printable characters) must be unique ignoring
    /// case. Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/groups",
        method = "post",
        operation_id = "createGroup"
    )]
    async fn create_group(
        &self,
        svc: Data<&Services>,
        req: &Request,
        auth: ApiAuth,
        body: Json<CreateGroupRequest>,
    ) -> CreateGroupResponse {
        if let Err(f) = authorize(&svc, req, &auth, "admin").await {
            return CreateGroupResponse::from_auth(f);
        }
        let new = NewGroup {
            name: body.0.name,
            description: body.0.description,
            members: vec![],
        };
        match groups::create_group(&svc, new).await {
            Ok(g) => CreateGroupResponse::Ok(Json(g.into())),
            Err(e) => CreateGroupResponse::from_service(&e),
        }
    }

    /// Get a group
    ///
    /// Returns one group by id, with its member count. Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/groups/:id",
        method = "get",
        operation_id = "getGroup"
    )]
    async fn get_group(
        &self,
        svc: Data<&Services>,
        req: &Request,
        auth: ApiAuth,
        id: Path<String>,
    ) -> GroupResponse {
        if let Err(f) = authorize(&svc, req, &auth, "admin").await {
            return GroupResponse::from_auth(f);
        }
        match groups::get_group(&svc, &id).await {
            Ok(g) => GroupResponse::Ok(Json(g.into())),
            Err(e) => GroupResponse::from_service(&e),
        }
    }

    /// Rename or describe a group
    ///
    /// Changes the name and/or the description; omitted fields keep their value. The new name
    /// must be unique ignoring case. Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/groups/:id",
        method = "patch",
        operation_id = "updateGroup"
    )]
    async fn update_group(
        &self,
        svc: Data<&Services>,
        req: &Request,
        auth: ApiAuth,
        id: Path<String>,
        body: Json<UpdateGroupRequest>,
    ) -> UpdateGroupResponse {
        if let Err(f) = authorize(&svc, req, &auth, "admin").await {
            return UpdateGroupResponse::from_auth(f);
        }
        let patch = GroupPatch {
            name: body.0.name,
            description: body.0.description,
        };
        match groups::update_group(&svc, &id, patch).await {
            Ok(g) => UpdateGroupResponse::Ok(Json(g.into())),
            Err(e) => UpdateGroupResponse::from_service(&e),
        }
    }

    /// Delete a group
    ///
    /// Deletes the group and its memberships; the accounts stay. Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/groups/:id",
        method = "delete",
        operation_id = "deleteGroup"
    )]
    async fn delete_group(
        &self,
        svc: Data<&Services>,
        req: &Request,
        auth: ApiAuth,
        id: Path<String>,
    ) -> DeleteGroupResponse {
        if let Err(f) = authorize(&svc, req, &auth, "admin").await {
            return DeleteGroupResponse::from_auth(f);
        }
        match groups::delete_group(&svc, &id).await {
            Ok(()) => DeleteGroupResponse::Ok,
            Err(e) => DeleteGroupResponse::from_service(&e),
        }
    }

    /// List the members of a group
    ///
    /// Returns the members (user id and username) in the order they joined, `limit` (1–200,
    /// default 50) at a time from `offset`. Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/groups/:id/members",
        method = "get",
        operation_id = "listGroupMembers"
    )]
    async fn list_members(
        &self,
        svc: Data<&Services>,
        req: &Request,
        auth: ApiAuth,
        id: Path<String>,
        #[oai(validator(maximum(value = "1000000000")))] offset: Query<Option<u64>>,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u64>>,
    ) -> ListMembersResponse {
        if let Err(f) = authorize(&svc, req, &auth, "admin").await {
            return ListMembersResponse::from_auth(f);
        }
        match groups::list_members(&svc, &id, paging(offset, limit)).await {
            Ok(l) => ListMembersResponse::Ok(Json(l.into())),
            Err(e) => ListMembersResponse::from_service(&e),
        }
    }

    /// Add a member to a group
    ///
    /// Adds the account to the group and returns the group. Adding a member twice changes
    /// nothing. Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/groups/:id/members/:user_id",
        method = "put",
        operation_id = "addGroupMember"
    )]
    async fn add_member(
        &self,
        svc: Data<&Services>,
        req: &Request,
        auth: ApiAuth,
        id: Path<String>,
        user_id: Path<String>,
    ) -> AddMemberResponse {
        if let Err(f) = authorize(&svc, req, &auth, "admin").await {
            return AddMemberResponse::from_auth(f);
        }
        match groups::add_member(&svc, &id, &user_id).await {
            Ok(g) => AddMemberResponse::Ok(Json(g.into())),
            Err(e) => AddMemberResponse::from_service(&e),
        }
    }

    /// Remove a member from a group
    ///
    /// Removes the account from the group. Removing an account that is not a member changes
    /// nothing. Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/groups/:id/members/:user_id",
        method = "delete",
        operation_id = "removeGroupMember"
    )]
    async fn remove_member(
        &self,
        svc: Data<&Services>,
        req: &Request,
        auth: ApiAuth,
        id: Path<String>,
        user_id: Path<String>,
    ) -> RemoveMemberResponse {
        if let Err(f) = authorize(&svc, req, &auth, "admin").await {
            return RemoveMemberResponse::from_auth(f);
        }
        match groups::remove_member(&svc, &id, &user_id).await {
            Ok(()) => RemoveMemberResponse::Ok,
            Err(e) => RemoveMemberResponse::from_service(&e),
        }
    }
}
