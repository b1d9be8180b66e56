//! Shapes shared by the admin operations (`admin_users`, `admin_groups`): the JSON objects, the
//! `{items, total, offset, limit}` listings, and [`admin_response!`], which declares an
//! operation's response enum with one success variant, the statuses the operation can answer
//! and the common 401/403/500/503, all carrying the one [`ApiError`] body.
//!
//! Must not import a concrete store backend.

use chrono::{DateTime, Utc};
use poem_openapi::Object;

use crate::domain::{Group, User};
use crate::service::admin::Listed;
use crate::service::groups::Member;

/// Declares an admin operation's response enum and its mapping from failures.
///
/// ```ignore
/// admin_response! {
///     /// Doc of the enum.
///     GetThingResponse {
///         /// The thing.
///         200 Ok(Json<Thing>),
///         /// No such thing.
///         404 NotFound,
///     }
/// }
/// ```
macro_rules! admin_response {
    (
        $(#[$meta:meta])*
        $name:ident {
            $(#[$ok_doc:meta])* $ok_status:literal Ok $(($ok:ty))?,
            $( $(#[$err_doc:meta])* $err_status:literal $err:ident, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(poem_openapi::ApiResponse)]
        pub enum $name {
            $(#[$ok_doc])*
            #[oai(status = $ok_status)]
            Ok $(($ok))?,
            $(
                $(#[$err_doc])*
                #[oai(status = $err_status)]
                $err(poem_openapi::payload::Json<$crate::api::ApiError>),
            )*
            /// No valid credential: the session ended or the token is missing, expired or
            /// revoked (RFC 6750 `invalid_token`).
            #[oai(status = 401)]
            Unauthorized(
                poem_openapi::payload::Json<$crate::api::ApiError>,
                #[oai(header = "WWW-Authenticate")] String,
            ),
            /// The caller is not an administrator (`insufficient_scope`: the `admin` scope is
            /// required), or a session call lacks its `X-CSRF-Token` header.
            #[oai(status = 403)]
            Forbidden(
                poem_openapi::payload::Json<$crate::api::ApiError>,
                #[oai(header = "WWW-Authenticate")] String,
            ),
            /// An unexpected error; details are in the server log, never in the body.
            #[oai(status = 500)]
            Internal(poem_openapi::payload::Json<$crate::api::ApiError>),
            /// The store is unavailable; retry later.
            #[oai(status = 503)]
            Unavailable(poem_openapi::payload::Json<$crate::api::ApiError>),
        }

        impl $name {
            fn failure(status: u16, www: String, body: $crate::api::ApiError) -> Self {
                use poem_openapi::payload::Json;
                match status {
                    401 => Self::Unauthorized(Json(body), www),
                    403 => Self::Forbidden(Json(body), www),
                    503 => Self::Unavailable(Json(body)),
                    $( $err_status => Self::$err(Json(body)), )*
                    other => {
                        tracing::error!(status = other, error = %body.error, "undeclared status");
                        Self::Internal(Json($crate::api::ApiError::new(
                            "internal_error",
                            "internal server error",
                        )))
                    }
                }
            }

            #[allow(dead_code)]
            fn from_auth(f: $crate::api::auth::AuthFailure) -> Self {
                let (status, www, body) = f.parts();
                Self::failure(status, www, body)
            }

            #[allow(dead_code)]
            fn from_service(e: &$crate::service::ServiceError) -> Self {
                let (status, body) = $crate::api::ApiError::from_service(e);
                Self::failure(status.as_u16(), String::new(), body)
            }
        }
    };
}

pub(crate) use admin_response;

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
