//! Shapes shared by the admin operations (`admin_users`, `admin_groups`): the JSON objects, the
//! `{items, total, offset, limit}` listings and the request bodies.
//!
//! Must not import a concrete store backend.

use chrono::{DateTime, Utc};
use poem_openapi::param::Query;
use poem_openapi::Object;

use crate::domain::{Group, InitialAccessToken, User};
use crate::service::admin::{Listed, PageRequest};
use crate::service::groups::Member;

/// The page a listing asks for with its `offset` and `limit` query parameters.
pub fn page(offset: Query<Option<u64>>, limit: Query<Option<u64>>) -> PageRequest {
    PageRequest {
        offset: offset.0,
        limit: limit.0,
    }
}

/// An account as administrators see it. Never carries the password hash.
#[derive(Debug, Object)]
pub struct AdminUser {
    pub id: String,
    pub username: String,
    pub email: String,
    pub email_verified: bool,
    #[oai(skip_serializing_if_is_none)]
    pub display_name: Option<String>,
    pub is_admin: bool,
    /// A disabled account cannot log in and holds no sessions or tokens.
    pub disabled: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<User> for AdminUser {
    fn from(u: User) -> Self {
        Self {
            id: u.id,
            username: u.username.to_string(),
            email: u.email.to_string(),
            email_verified: u.email_verified,
            display_name: u.display_name,
            is_admin: u.is_admin,
            disabled: u.disabled,
            created_at: u.created_at,
            updated_at: u.updated_at,
        }
    }
}

/// A named set of users.
#[derive(Debug, Object)]
#[oai(rename = "Group")]
pub struct GroupObject {
    pub id: String,
    /// 1–64 printable characters, unique case-insensitively.
    pub name: String,
    pub description: String,
    pub member_count: u64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<Group> for GroupObject {
    fn from(g: Group) -> Self {
        Self {
            id: g.id,
            name: g.name.to_string(),
            description: g.description,
            member_count: g.members.len() as u64,
            created_at: g.created_at,
            updated_at: g.updated_at,
        }
    }
}

/// A member of a group.
#[derive(Debug, Object)]
pub struct GroupMember {
    /// The user id.
    pub id: String,
    pub username: String,
}

impl From<Member> for GroupMember {
    fn from(m: Member) -> Self {
        Self {
            id: m.id,
            username: m.username,
        }
    }
}

/// Declares a listing object `{items, total, offset, limit}` built from a service `Listed`.
macro_rules! listing {
    ($(#[$meta:meta])* $name:ident, $item:ty, $from:ty) => {
        $(#[$meta])*
        #[derive(Debug, Object)]
        pub struct $name {
            /// This page of items.
            pub items: Vec<$item>,
            /// How many items match, on every page.
            pub total: u64,
            /// The index of the first item of this page.
            pub offset: u64,
            /// The page size used.
            pub limit: u64,
        }

        impl From<Listed<$from>> for $name {
            fn from(l: Listed<$from>) -> Self {
                Self {
                    items: l.items.into_iter().map(Into::into).collect(),
                    total: l.total,
                    offset: l.page.offset,
                    limit: l.page.limit,
                }
            }
        }
    };
}

listing!(
    /// One page of accounts.
    UserList,
    AdminUser,
    User
);
listing!(
    /// One page of groups.
    GroupList,
    GroupObject,
    Group
);
listing!(
    /// One page of group members.
    MemberList,
    GroupMember,
    Member
);

/// A new group.
#[derive(Debug, Object)]
pub struct CreateGroupRequest {
    /// 1–64 printable characters, unique case-insensitively.
    pub name: String,
    /// Free text, at most 1000 characters.
    pub description: Option<String>,
}

/// A change to a group; omitted fields keep their value.
#[derive(Debug, Object)]
pub struct UpdateGroupRequest {
    pub name: Option<String>,
    pub description: Option<String>,
}

/// An initial access token as administrators list it: never the token, nor its digest.
#[derive(Debug, Object)]
pub struct RegistrationTokenObject {
    /// Names it for revocation; unrelated to the token.
    pub id: String,
    /// What the administrator wrote to recognise it.
    #[oai(skip_serializing_if_is_none)]
    pub label: Option<String>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    /// How many registrations it allowed when minted.
    pub uses: u32,
    /// How many registrations it still allows (0: used up).
    pub uses_left: u32,
    /// The administrator's user id, or `operator` for the command line.
    pub created_by: String,
}

impl From<InitialAccessToken> for RegistrationTokenObject {
    fn from(t: InitialAccessToken) -> Self {
        Self {
            id: t.id,
            label: t.label,
            created_at: t.created_at,
            expires_at: t.expires_at,
            uses: t.max_uses,
            uses_left: t.uses_left,
            created_by: t.created_by,
        }
    }
}

listing!(
    /// One page of initial access tokens, newest first.
    RegistrationTokenList,
    RegistrationTokenObject,
    InitialAccessToken
);
