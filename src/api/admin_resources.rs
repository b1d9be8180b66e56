//! Administration of resource servers (RFC 8707) under `/api/v1/admin/resources`: list,
//! create, get, change, delete. Every operation needs the `admin` scope, which only
//! administrators hold. The built-in resource API is readable at id `built-in` and cannot be
//! changed.
//!
//! Handlers authorize, call one `service::resource_servers` function and map the result. Must
//! not import a concrete store backend.

use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::OpenApi;

use super::admin_models::page;
use super::admin_resource_models::{
    CreateResourceServerRequest, ResourceServerList, ResourceServerObject,
    UpdateResourceServerRequest,
};
use super::caller::Caller;
use super::response::{api_response, WwwAuthenticate};
use super::ApiTags;
use crate::service::resource_servers::{self, NewResourceServer, ResourceServerPatch};

#[derive(Default)]
pub struct AdminResourcesApi;

api_response! {
    ListResourceServersResponse {
        /// One page of resource servers, ordered by identifier (the built-in one is not
        /// listed: read it at id `built-in`).
        200 Ok(Json<ResourceServerList>),
    }
    ListResourceServersError as ListResourceServers {
        /// `offset` or `limit` is out of range (see `fields`).
        422 Invalid,
        ..admin
    }
}

api_response! {
    CreateResourceServerResponse {
        /// The new resource server.
        201 Ok(Json<ResourceServerObject>),
    }
    CreateResourceServerError as CreateResourceServer {
        /// Another resource server (or this server's own API) has this identifier; `fields`
        /// names `identifier`.
        409 Conflict,
        /// The identifier, name, a scope or the lifetime is invalid (see `fields`).
        422 Invalid,
        ..admin
    }
}

api_response! {
    ResourceServerResponse {
        /// The resource server.
        200 Ok(Json<ResourceServerObject>),
    }
    ResourceServerError as GetResourceServer {
        /// No resource server has this id.
        404 NotFound,
        ..admin
    }
}

api_response! {
    UpdateResourceServerResponse {
        /// The resource server as changed.
        200 Ok(Json<ResourceServerObject>),
    }
    UpdateResourceServerError as UpdateResourceServer {
        /// No resource server has this id.
        404 NotFound,
        /// The built-in resource server cannot be changed.
        409 Conflict,
        /// The name, a scope or the lifetime is invalid (see `fields`).
        422 Invalid,
        ..admin
    }
}

api_response! {
    DeleteResourceServerResponse {
        /// The resource server is gone: no new token names it.
        204 Ok,
    }
    DeleteResourceServerError as DeleteResourceServer {
        /// No resource server has this id.
        404 NotFound,
        /// The built-in resource server cannot be deleted.
        409 Conflict,
        ..admin
    }
}

#[OpenApi(tag = "ApiTags::Admin")]
impl AdminResourcesApi {
    /// List resource servers
    ///
    /// Returns the registered resource servers ordered by identifier, `limit` (1–200, default
    /// 50) at a time from `offset` (default 0), with the `total`. Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/resources",
        method = "get",
        operation_id = "listResourceServers"
    )]
    async fn list(
        &self,
        c: Caller<'_>,
        #[oai(validator(maximum(value = "1000000000")))] offset: Query<Option<u64>>,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u64>>,
    ) -> ListResourceServers {
        c.admin().await?;
        let l = resource_servers::list_resource_servers(&c, page(offset, limit)).await?;
        Ok(ListResourceServersResponse::Ok(Json(l.into())))
    }

    /// Create a resource server
    ///
    /// Registers an API that accepts this server's access tokens: clients then name it with
    /// the `resource` parameter (RFC 8707) and get tokens whose `aud` is its identifier,
    /// carrying only scopes it defines. Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/resources",
        method = "post",
        operation_id = "createResourceServer"
    )]
    async fn create(
        &self,
        c: Caller<'_>,
        body: Json<CreateResourceServerRequest>,
    ) -> CreateResourceServer {
        c.admin().await?;
        let b = body.0;
        let new = NewResourceServer {
            identifier: b.identifier,
            name: b.name,
            scopes: b.scopes.into_iter().map(Into::into).collect(),
            access_token_ttl_secs: b.access_token_ttl_secs,
            introspection: b.introspection,
        };
        let r = resource_servers::create_resource_server(&c, new).await?;
        Ok(CreateResourceServerResponse::Ok(Json(r.into())))
    }

    /// Get a resource server
    ///
    /// Returns one resource server by id; `built-in` is this server's own API. Needs the
    /// `admin` scope.
    #[oai(
        path = "/api/v1/admin/resources/:id",
        method = "get",
        operation_id = "getResourceServer"
    )]
    async fn get(&self, c: Caller<'_>, id: Path<String>) -> GetResourceServer {
        c.admin().await?;
        let r = resource_servers::get_resource_server(&c, &id).await?;
        Ok(ResourceServerResponse::Ok(Json(r.into())))
    }

    /// Change a resource server
    ///
    /// Changes the name, the scopes (replaced as a whole), the token lifetime or whether it
    /// may introspect; omitted fields keep their value. Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/resources/:id",
        method = "patch",
        operation_id = "updateResourceServer"
    )]
    async fn update(
        &self,
        c: Caller<'_>,
        id: Path<String>,
        body: Json<UpdateResourceServerRequest>,
    ) -> UpdateResourceServer {
        c.admin().await?;
        let b = body.0;
        let patch = ResourceServerPatch {
            name: b.name,
            scopes: b.scopes.map(|s| s.into_iter().map(Into::into).collect()),
            access_token_ttl_secs: b.access_token_ttl_secs,
            introspection: b.introspection,
        };
        let r = resource_servers::update_resource_server(&c, &id, patch).await?;
        Ok(UpdateResourceServerResponse::Ok(Json(r.into())))
    }

    /// Delete a resource server
    ///
    /// Deletes the record: a `resource` naming it is then `invalid_target`. Tokens already
    /// issued for it stay valid until they expire. Needs the `admin` scope.
    #[oai(
        path = "/api/v1/admin/resources/:id",
        method = "delete",
        operation_id = "deleteResourceServer"
    )]
    async fn delete(&self, c: Caller<'_>, id: Path<String>) -> DeleteResourceServer {
        c.admin().await?;
        resource_servers::delete_resource_server(&c, &id).await?;
        Ok(DeleteResourceServerResponse::Ok)
    }
}
