//! Developer apps under `/api/v1/apps`: list (paged), register, get, replace (PUT), patch,
//! delete and rotate the secret; plus the original system's `PUT /oauth/applications/{id}/update/`
//! and `DELETE /oauth/applications/{id}/delete/`, with the same semantics. Every operation
//! needs the `apps` scope (a bearer token) or the browser session (with `X-CSRF-Token` on
//! unsafe methods). Another user's app answers 404, also to an administrator's token unless it
//! carries the `admin` scope (`service::access`).
//!
//! Handlers authorize, call one `service::apps` function and map the result. Must not import a
//! concrete store backend.

use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::OpenApi;

use super::admin_models::page;
use super::app_models::{App, AppList, CreatedApp, RotatedAppSecret};
use super::app_requests::{AppPatchRequest, AppRequest};
use super::caller::Caller;
use super::response::{api_response, WwwAuthenticate};
use super::ApiTags;
use crate::service::apps::{self, AppChange};

#[derive(Default)]
pub struct AppsApi;

api_response! {
    ListAppsResponse {
        /// One page of the caller's apps, oldest first.
        200 Ok(Json<AppList>),
    }
    ListAppsError as ListApps {
        /// `offset` or `limit` is out of range (see `fields`).
        422 Invalid,
        ..apps
    }
}

api_response! {
    CreateAppResponse {
        /// The app is registered; `client_secret` is shown this once.
        201 Ok(Json<CreatedApp>),
    }
    CreateAppError as CreateApp {
        /// A field is invalid (see `fields`); nothing was stored.
        422 Invalid,
        ..apps
    }
}

api_response! {
    GetAppResponse {
        /// The app.
        200 Ok(Json<App>),
    }
    GetAppError as GetApp {
        /// No app with this id is visible to the caller.
        404 NotFound,
        ..apps
    }
}

api_response! {
    UpdateAppResponse {
        /// The app as changed.
        200 Ok(Json<App>),
    }
    UpdateAppError as Update {
        /// No app with this id is visible to the caller.
        404 NotFound,
        /// A built-in app cannot be changed.
        409 Conflict,
        /// A field is invalid (see `fields`); nothing was changed.
        422 Invalid,
        ..apps
    }
}

api_response! {
    DeleteAppResponse {
        /// The app is gone; every token it held is revoked and its consents are forgotten.
        204 Ok,
    }
    DeleteAppError as Delete {
        /// No app with this id is visible to the caller.
        404 NotFound,
        /// A built-in app cannot be deleted.
        409 Conflict,
        ..apps
    }
}

api_response! {
    RotateAppSecretResponse {
        /// The new secret, shown this once.
        200 Ok(Json<RotatedAppSecret>),
    }
    RotateAppSecretError as RotateAppSecret {
        /// No app with this id is visible to the caller.
        404 NotFound,
        /// The app is public or uses private_key_jwt (it has no secret), or is built in.
        409 Conflict,
        /// `revoke_previous` is not `true` or `false`.
        422 Invalid,
        ..apps
    }
}

type AppBody = Json<AppRequest>;
type AppPatch = Json<AppPatchRequest>;

#[OpenApi(tag = "ApiTags::Apps")]
impl AppsApi {
    /// List my apps
    ///
    /// Returns the apps the caller registered, oldest first, `limit` (1–200, default 50) at a
    /// time from `offset` (default 0), with their `total`. Needs the `apps` scope.
    #[oai(path = "/api/v1/apps", method = "get", operation_id = "listApps")]
    async fn list_apps(
        &self,
        c: Caller<'_>,
        offset: Query<Option<u64>>,
        limit: Query<Option<u64>>,
    ) -> ListApps {
        let actor = c.scope("apps").await?;
        let list = apps::list_my_apps(&c, &actor.user, page(offset, limit)).await?;
        Ok(ListAppsResponse::Ok(Json(list.into())))
    }

    /// Register an app
    ///
    /// Registers an OAuth client owned by the caller. A confidential app's `client_secret` is
    /// in this answer only: the server keeps a digest of it. Needs the `apps` scope.
    #[oai(path = "/api/v1/apps", method = "post", operation_id = "createApp")]
    async fn create_app(&self, c: Caller<'_>, body: Json<AppRequest>) -> CreateApp {
        let actor = c.scope("apps").await?;
        let r = apps::register_app(&c, &actor, body.0.into()).await?;
        Ok(CreateAppResponse::Ok(Json(CreatedApp {
            app: App::from(&r.app),
            client_secret: r.secret,
        })))
    }

    /// Get an app
    ///
    /// Returns one of the caller's apps (administrators see every app). Needs the `apps`
    /// scope.
    #[oai(path = "/api/v1/apps/:id", method = "get", operation_id = "getApp")]
    async fn get_app(&self, c: Caller<'_>, id: Path<String>) -> GetApp {
        let actor = c.scope("apps").await?;
        let app = apps::get_app(&c, &actor, &id).await?;
        Ok(GetAppResponse::Ok(Json(app.into())))
    }

    /// Replace an app
    ///
    /// Sets every field of the app from the body (omitted optional fields take their
    /// default). The client id, owner, secrets and client type stay. Needs the `apps` scope.
    #[oai(path = "/api/v1/apps/:id", method = "put", operation_id = "replaceApp")]
    async fn replace_app(&self, c: Caller<'_>, id: Path<String>, body: AppBody) -> Update {
        update(&c, &id, AppChange::Replace(body.0.into())).await
    }

    /// Update some fields of an app
    ///
    /// Changes the fields present in the body; `null` clears an optional one. Needs the
    /// `apps` scope.
    #[oai(
        path = "/api/v1/apps/:id",
        method = "patch",
        operation_id = "updateApp"
    )]
    async fn update_app(&self, c: Caller<'_>, id: Path<String>, body: AppPatch) -> Update {
        update(&c, &id, AppChange::Patch(body.0.into())).await
    }

    /// Delete an app
    ///
    /// Deletes the app, revokes every grant and token it holds (its access tokens stop
    /// working at once) and forgets the consents users gave it. Needs the `apps` scope.
    #[oai(
        path = "/api/v1/apps/:id",
        method = "delete",
        operation_id = "deleteApp"
    )]
    async fn delete_app(&self, c: Caller<'_>, id: Path<String>) -> Delete {
        let actor = c.scope("apps").await?;
        apps::delete_app(&c, &actor, &id).await?;
        Ok(DeleteAppResponse::Ok)
    }

    /// Rotate an app's secret
    ///
    /// Issues a new client secret, shown in this answer only. The previous secret keeps
    /// working until `previous_secret_expires_at` (the server's
    /// `oauth.secret_rotation_grace_secs`), then stops; with `revoke_previous=true` (a leaked
    /// secret) it stops at once. Needs the `apps` scope.
    #[oai(
        path = "/api/v1/apps/:id/rotate-secret",
        method = "post",
        operation_id = "rotateAppSecret"
    )]
    async fn rotate_app_secret(
        &self,
        c: Caller<'_>,
        id: Path<String>,
        /// End every previous secret at once instead of after the grace period.
        revoke_previous: Query<Option<bool>>,
    ) -> RotateAppSecret {
        let actor = c.scope("apps").await?;
        let revoke = revoke_previous.0.unwrap_or(false);
        let r = apps::rotate_secret(&c, &actor, &id, revoke).await?;
        Ok(RotateAppSecretResponse::Ok(Json(RotatedAppSecret {
            client_id: r.app.client_id,
            client_secret: r.secret,
            previous_secret_expires_at: r.previous_expires_at,
        })))
    }

    /// Replace an app (original path)
    ///
    /// The original system's update URL, kept for existing integrations: the same as
    /// `replaceApp`. Also answers with the original trailing slash,
    /// `PUT /oauth/applications/{id}/update/`. Needs the `apps` scope.
    #[oai(
        path = "/oauth/applications/:id/update/",
        method = "put",
        operation_id = "legacyUpdateApp"
    )]
    async fn legacy_update_app(&self, c: Caller<'_>, id: Path<String>, body: AppBody) -> Update {
        self.replace_app(c, id, body).await
    }

    /// Delete an app (original path)
    ///
    /// The original system's delete URL, kept for existing integrations: the same as
    /// `deleteApp`. Also answers with the original trailing slash,
    /// `DELETE /oauth/applications/{id}/delete/`. Needs the `apps` scope.
    #[oai(
        path = "/oauth/applications/:id/delete/",
        method = "delete",
        operation_id = "legacyDeleteApp"
    )]
    async fn legacy_delete_app(&self, c: Caller<'_>, id: Path<String>) -> Delete {
        self.delete_app(c, id).await
    }
}

async fn update(c: &Caller<'_>, id: &str, change: AppChange) -> Update {
    let actor = c.scope("apps").await?;
    let app = apps::update_app(c, &actor, id, change).await?;
    Ok(UpdateAppResponse::Ok(Json(app.into())))
}
