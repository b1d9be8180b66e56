//! Administration of groups under `/api/v1/admin/groups`: list, create, get, rename and
//! describe, delete, and the members (list, add, remove). Every operation needs the `admin`
//! scope, which only administrators hold.
//!
//! Handlers authorize, call one `service::groups` function and map the result. Must not import
//! a concrete store backend.

use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::OpenApi;

use super::admin_models::{
    page, CreateGroupRequest, GroupList, GroupObject, MemberList, UpdateGroupRequest,
};
use super::caller::Caller;
use super::response::{api_response, WwwAuthenticate};
use super::ApiTags;
use crate::service::groups::{self, GroupPatch, NewGroup};

#[derive(Default)]
pub struct AdminGroupsApi;

api_response! {
    ListGroupsResponse {
        /// One page of groups, ordered by name.
        200 Ok(Json<GroupList>),
    }
    ListGroupsError as ListGroups {
        /// `offset` or `limit` is out of range (see `fields`).
        422 Invalid,
        ..admin
    }
}

api_response! {
    CreateGroupResponse {
        /// The new group.
        201 Ok(Json<GroupObject>),
    }
    CreateGroupError as CreateGroup {
        /// A group with this name exists (names are compared ignoring case); `fields` names
        /// `name`.
        409 Conflict,
        /// The name or description is invalid (see `fields`).
        422 Invalid,
        ..admin
    }
}

api_response! {
    GroupResponse {
        /// The group.
        200 Ok(Json<GroupObject>),
    }
    GroupError as GetGroup {
        /// No group has this id.
        404 NotFound,
        ..admin
    }
}

api_response! {
    AddMemberResponse {
        /// The group, with the member added.
        200 Ok(Json<GroupObject>),
    }
    AddMemberError as AddMember {
        /// No group has this id, or no account has this user id.
        404 NotFound,
        ..admin
    }
}

api_response! {
    RemoveMemberResponse {
        /// The account is not (or no longer) a member.
        204 Ok,
    }
    RemoveMemberError as RemoveMember {
        /// No group has this id, or no account has this user id.
        404 NotFound,
        ..admin
    }
}

api_response! {
    UpdateGroupResponse {
        /// The group as changed.
        200 Ok(Json<GroupObject>),
    }
    UpdateGroupError as UpdateGroup {
        /// No group has this id.
        404 NotFound,
        /// Another group has this name (ignoring case); `fields` names `name`.
        409 Conflict,
        /// The name or description is invalid (see `fields`).
        422 Invalid,
        ..admin
    }
}

api_response! {
    DeleteGroupResponse {
        /// The group and its memberships are gone.
        204 Ok,
    }
    DeleteGroupError as DeleteGroup {
        /// No group has this id.
        404 NotFound,
        ..admin
    }
}

api_response! {
    ListMembersResponse {
        /// One page of members, in the order they joined.
        200 Ok(Json<MemberList>),
    }
    ListMembersError as ListMembers {
        /// No group has this id.
        404 NotFound,
        /// `offset` or `limit` is out of range (see `fields`).
        422 Invalid,
        ..admin
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
        c: Caller<'_>,
        #[oai(validator(maximum(value = "1000000000")))] offset: Query<Option<u64>>,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u64>>,
    ) -> ListGroups {
        c.admin().await?;
        let l = groups::list_groups(&c, page(offset, limit)).await?;
        Ok(ListGroupsResponse::Ok(Json(l.into())))
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
    async fn create_group(&self, c: Caller<'_>, body: Json<CreateGroupRequest>) -> CreateGroup {
        c.admin().await?;
        let new = NewGroup {
            name: body.0.name,
            description: body.0.description,
            members: vec![],
        };
        let g = groups::create_group(&c, new).await?;
        Ok(CreateGroupResponse::Ok(Json(g.into())))
    }

    /// Get a group
    ///
    /// Returns one group by id, with its member count. Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/groups/:id",
        method = "get",
        operation_id = "getGroup"
    )]
    async fn get_group(&self, c: Caller<'_>, id: Path<String>) -> GetGroup {
        c.admin().await?;
        let g = groups::get_group(&c, &id).await?;
        Ok(GroupResponse::Ok(Json(g.into())))
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
        c: Caller<'_>,
        id: Path<String>,
        body: Json<UpdateGroupRequest>,
    ) -> UpdateGroup {
        c.admin().await?;
        let patch = GroupPatch {
            name: body.0.name,
            description: body.0.description,
        };
        let g = groups::update_group(&c, &id, patch).await?;
        Ok(UpdateGroupResponse::Ok(Json(g.into())))
    }

    /// Delete a group
    ///
    /// Deletes the group and its memberships; the accounts stay. Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/groups/:id",
        method = "delete",
        operation_id = "deleteGroup"
    )]
    async fn delete_group(&self, c: Caller<'_>, id: Path<String>) -> DeleteGroup {
        c.admin().await?;
        groups::delete_group(&c, &id).await?;
        Ok(DeleteGroupResponse::Ok)
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
        c: Caller<'_>,
        id: Path<String>,
        #[oai(validator(maximum(value = "1000000000")))] offset: Query<Option<u64>>,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u64>>,
    ) -> ListMembers {
        c.admin().await?;
        let l = groups::list_members(&c, &id, page(offset, limit)).await?;
        Ok(ListMembersResponse::Ok(Json(l.into())))
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
        c: Caller<'_>,
        id: Path<String>,
        user_id: Path<String>,
    ) -> AddMember {
        c.admin().await?;
        let g = groups::add_member(&c, &id, &user_id).await?;
        Ok(AddMemberResponse::Ok(Json(g.into())))
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
        c: Caller<'_>,
        id: Path<String>,
        user_id: Path<String>,
    ) -> RemoveMember {
        c.admin().await?;
        groups::remove_member(&c, &id, &user_id).await?;
        Ok(RemoveMemberResponse::Ok)
    }
}
