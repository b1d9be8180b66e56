//! The resource API for apps holding a user's access token (bearer only, RFC 6750 errors): the
//! token's user's profile (`profile` scope; the email and whether it is verified only with
//! `email`) and the groups that user belongs to (`groups` scope), as JSON or as a small HTML
//! page (see [`super::resource_format`]). An administrator's token with the `admin` scope reads anyone's.
//! Whatever the token may not read is 404, never 403. Also served at the original system's
//! paths `/accounts/resource/user/{id}/` and `/accounts/resource/group/{id}/`, whose id may
//! carry the `.json` / `.html` suffix.

use poem::http::StatusCode;
use poem::Request;
use poem_openapi::param::Path;
use poem_openapi::payload::Json;
use poem_openapi::{Object, OpenApi};
use serde::Serialize;

use super::auth::{AppToken, Principal};
use super::caller::Caller;
use super::resource_format::{render_view, split_format, Format, Negotiated};
use super::response::{api_response, Failure, WwwAuthenticate};
use super::{ApiError, ApiTags};
use crate::service::resources::{self, GroupWithMembers, Reader};

#[derive(Default)]
pub struct ResourcesApi;

/// A user's public profile.
#[derive(Debug, Object, Serialize)]
#[oai(example, skip_serializing_if_is_none)]
pub struct UserResource {
    pub id: String,
    pub username: String,
    pub display_name: Option<String>,
    /// Only when the token carries the `email` scope.
    pub email: Option<String>,
    /// Whether the person proved they read `email` (followed a link sent to it). Anyone can
    /// register with an address they do not own: never treat an unverified email as an
    /// identity. Present exactly when `email` is.
    pub email_verified: Option<bool>,
}

/// A member of a group.
#[derive(Debug, Object, Serialize)]
pub struct GroupResourceMember {
    pub id: String,
    pub username: String,
}

/// A group and its members.
#[derive(Debug, Object, Serialize)]
#[oai(example)]
pub struct GroupResource {
    pub id: String,
    pub name: String,
    pub description: String,
    pub members: Vec<GroupResourceMember>,
}

impl poem_openapi::types::Example for UserResource {
    fn example() -> Self {
        Self {
            id: "01933b6e-7c1a-7f3e-9d2a-4c5b6a7d8e9f".into(),
            username: "alice".into(),
            display_name: Some("Alice Liddell".into()),
            email: Some("alice@example.com".into()),
            email_verified: Some(true),
        }
    }
}

impl poem_openapi::types::Example for GroupResource {
    fn example() -> Self {
        Self {
            id: "01933b6f-1d2e-7a4b-8c9d-0e1f2a3b4c5d".into(),
            name: "engineering".into(),
            description: "Everyone who ships the product".into(),
            members: vec![GroupResourceMember {
                id: "01933b6e-7c1a-7f3e-9d2a-4c5b6a7d8e9f".into(),
                username: "alice".into(),
            }],
        }
    }
}

impl From<GroupWithMembers> for GroupResource {
    fn from(g: GroupWithMembers) -> Self {
        Self {
            id: g.group.id,
            name: g.group.name.to_string(),
            description: g.group.description,
            members: g
                .members
                .into_iter()
                .map(|m| GroupResourceMember {
                    id: m.id,
                    username: m.username,
                })
                .collect(),
        }
    }
}

api_response! {
    /// The answer of the user resource operations.
    UserResourceResponse {
        /// The resource: JSON, or HTML when the id ends in `.html` or `Accept` prefers
        /// `text/html`.
        200 Ok(Json<UserResource>),
    }
    UserResourceError {
        /// The bearer token is missing, invalid, expired or revoked (RFC 6750
        /// `invalid_token`).
        401 Unauthorized(WwwAuthenticate),
        /// The token lacks the `profile` scope (RFC 6750 `insufficient_scope`).
        403 Forbidden(WwwAuthenticate),
        /// No such resource that this token may read, or an unknown format suffix.
        404 NotFound,
        ..store
    }
}

api_response! {
    /// The answer of the group resource operations.
    GroupResourceResponse {
        /// The resource: JSON, or HTML when the id ends in `.html` or `Accept` prefers
        /// `text/html`.
        200 Ok(Json<GroupResource>),
    }
    GroupResourceError {
        /// The bearer token is missing, invalid, expired or revoked (RFC 6750
        /// `invalid_token`).
        401 Unauthorized(WwwAuthenticate),
        /// The token lacks the `groups` scope (RFC 6750 `insufficient_scope`).
        403 Forbidden(WwwAuthenticate),
        /// No such resource that this token may read, or an unknown format suffix.
        404 NotFound,
        ..store
    }
}

type UserAnswer = Result<Negotiated<UserResourceResponse>, UserResourceError>;
type GroupAnswer = Result<Negotiated<GroupResourceResponse>, GroupResourceError>;

/// The token's principal (holding `scope`), the id and the format the request asks for.
async fn prepare<'s>(
    c: &Caller<'_, AppToken>,
    segment: &'s str,
    scope: &'static str,
) -> Result<(Principal, &'s str, Format), Failure> {
    let p = c.scope(scope).await?;
    let Some((id, format)) = split_format(segment, c.req.header("accept")) else {
        let msg = "unknown format: end the id with .json or .html, or with neither";
        return Err(Failure::new(
            StatusCode::NOT_FOUND,
            ApiError::new("not_found", msg),
        ));
    };
    Ok((p, id, format))
}

fn reader(p: &Principal) -> Reader<'_> {
    Reader {
        user: &p.user,
        sees_all: p.sees_all_resources(),
    }
}

/// `body` as JSON (the `json` variant), or its HTML view; a 500 when the template fails.
fn represent<T: Serialize, R>(
    req: &Request,
    format: Format,
    template: &str,
    body: T,
    json: fn(Json<T>) -> R,
) -> Result<Negotiated<R>, Failure> {
    match format {
        Format::Json => Ok(Negotiated::Api(json(Json(body)))),
        Format::Html => render_view(req, template, &body)
            .map(Negotiated::Html)
            .ok_or_else(Failure::internal),
    }
}

async fn user_resource(c: &Caller<'_, AppToken>, segment: &str) -> UserAnswer {
    let (p, id, format) = prepare(c, segment, "profile").await?;
    let user = resources::user(c, reader(&p), id).await?;
    let with_email = p.sees_email();
    let body = UserResource {
        id: user.id,
        username: user.username.to_string(),
        display_name: user.display_name,
        email: with_email.then(|| user.email.to_string()),
        email_verified: with_email.then_some(user.email_verified),
    };
    Ok(represent(
        c.req,
        format,
        "resource_user.html",
        body,
        UserResourceResponse::Ok,
    )?)
}

async fn group_resource(c: &Caller<'_, AppToken>, segment: &str) -> GroupAnswer {
    let (p, id, format) = prepare(c, segment, "groups").await?;
    let body = GroupResource::from(resources::group(c, reader(&p), id).await?);
    Ok(represent(
        c.req,
        format,
        "resource_group.html",
        body,
        GroupResourceResponse::Ok,
    )?)
}

#[OpenApi(tag = "ApiTags::Resources")]
impl ResourcesApi {
    /// Read a user's profile
    ///
    /// The profile of the token's user (id, username, display name; the email only when the
    /// token carries the `email` scope). Other users answer 404, unless the token is an
    /// administrator's and carries the `admin` scope. Needs a bearer token with the `profile`
    /// scope. JSON by default; `text/html` when `Accept` prefers it or the id ends in `.html`
    /// (`.json` forces JSON; any other suffix is 404).
    #[oai(
        path = "/api/v1/users/:id",
        method = "get",
        operation_id = "getUserResource"
    )]
    async fn get_user(
        &self,
        c: Caller<'_, AppToken>,
        /// The user's id, optionally followed by `.json` or `.html` (e.g. `42.html`).
        id: Path<String>,
    ) -> UserAnswer {
        user_resource(&c, &id).await
    }

    /// Read a group
    ///
    /// A group the token's user belongs to: id, name, description and its members' ids and
    /// usernames. Other groups answer 404, unless the token is an administrator's and carries
    /// the `admin` scope. Needs a bearer token with the `groups` scope. JSON by default;
    /// `text/html` when `Accept` prefers it or the id ends in `.html` (`.json` forces JSON;
    /// any other suffix is 404).
    #[oai(
        path = "/api/v1/groups/:id",
        method = "get",
        operation_id = "getGroupResource"
    )]
    async fn get_group(
        &self,
        c: Caller<'_, AppToken>,
        /// The group's id, optionally followed by `.json` or `.html` (e.g. `7.html`).
        id: Path<String>,
    ) -> GroupAnswer {
        group_resource(&c, &id).await
    }

    /// Read a user's profile (original path)
    ///
    /// The original system's path for `getUserResource`, kept for existing integrations:
    /// `/accounts/resource/user/42/`, `/accounts/resource/user/42.json/` or
    /// `/accounts/resource/user/42.html/` (served with and without the trailing slash). Same
    /// rules and answers.
    #[oai(
        path = "/accounts/resource/user/:id/",
        method = "get",
        operation_id = "legacyGetUserResource"
    )]
    async fn legacy_get_user(
        &self,
        c: Caller<'_, AppToken>,
        /// The user's id, optionally followed by `.json` or `.html` (e.g. `42.html`).
        id: Path<String>,
    ) -> UserAnswer {
        self.get_user(c, id).await
    }

    /// Read a group (original path)
    ///
    /// The original system's path for `getGroupResource`, kept for existing integrations:
    /// `/accounts/resource/group/7/`, `/accounts/resource/group/7.json/` or
    /// `/accounts/resource/group/7.html/` (served with and without the trailing slash). Same
    /// rules and answers.
    #[oai(
        path = "/accounts/resource/group/:id/",
        method = "get",
        operation_id = "legacyGetGroupResource"
    )]
    async fn legacy_get_group(
        &self,
        c: Caller<'_, AppToken>,
        /// The group's id, optionally followed by `.json` or `.html` (e.g. `7.html`).
        id: Path<String>,
    ) -> GroupAnswer {
        self.get_group(c, id).await
    }
}
