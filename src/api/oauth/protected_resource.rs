//! RFC 9728 protected-resource metadata of the built-in resource API (the JSON API under
//! `/api/v1`, `/accounts/resource` and userinfo), whose resource identifier is the issuer URL:
//! `GET /.well-known/oauth-protected-resource`, and the path-suffixed form (§3.1) that serves
//! the same document when the issuer URL has a path. Also [`advertise`], which adds the
//! `resource_metadata` parameter (§5.1) to every bearer challenge of a 401, so a client that
//! has never met this server finds its authorization server from one refused request.

use poem::http::header::WWW_AUTHENTICATE;
use poem::http::{HeaderValue, StatusCode};
use poem::web::Data;
use poem::{Endpoint, IntoResponse, Request, Response};
use poem_openapi::param::Path;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, Object, OpenApi};

use crate::api::{ApiError, ApiTags};
use crate::domain::SUPPORTED_SCOPES;
use crate::service::resource_servers::SERVER_SCOPES;
use crate::service::Services;

/// Where the metadata of the built-in resource API lives, under the issuer's host.
pub const WELL_KNOWN: &str = "/.well-known/oauth-protected-resource";

#[derive(Default)]
pub struct ProtectedResourceApi;

/// Protected resource metadata (RFC 9728 §2).
#[derive(Debug, Clone, Object)]
pub struct ProtectedResourceMetadata {
    /// The resource identifier: the issuer URL, which tokens for this API carry as `aud`.
    pub resource: String,
    /// The authorization servers that issue tokens for it: this server.
    pub authorization_servers: Vec<String>,
    /// Where the keys that verify its tokens are (the authorization server's JWKS).
    pub jwks_uri: String,
    /// The scopes this API understands.
    pub scopes_supported: Vec<String>,
    /// Tokens are sent in the `Authorization` header only (RFC 6750 §2.1).
    pub bearer_methods_supported: Vec<String>,
    pub resource_name: String,
    pub resource_documentation: String,
    /// RFC 9449 §5.2 / RFC 9728 §2: the algorithms a DPoP proof may be signed with here.
    pub dpop_signing_alg_values_supported: Vec<String>,
    /// Bearer tokens are accepted too: DPoP-bound tokens are not required (RFC 9728 §2).
    pub dpop_bound_access_tokens_required: bool,
}

#[derive(ApiResponse)]
pub enum ProtectedResourceResponse {
    /// The metadata document.
    #[oai(status = 200)]
    Ok(Json<ProtectedResourceMetadata>),
    /// No protected resource of this server has that identifier.
    #[oai(status = 404)]
    NotFound(Json<ApiError>),
}

/// The path of the issuer URL (empty when it has none).
fn issuer_path(svc: &Services) -> String {
    url::Url::parse(&svc.public_url)
        .map(|u| u.path().trim_end_matches('/').to_owned())
        .unwrap_or_default()
}

fn metadata(svc: &Services) -> ProtectedResourceMetadata {
    let base = &svc.public_url;
    let scopes = SUPPORTED_SCOPES
        .iter()
        .filter(|s| !SERVER_SCOPES.contains(s));
    ProtectedResourceMetadata {
        resource: base.clone(),
        authorization_servers: vec![base.clone()],
        jwks_uri: format!("{base}/oauth2/jwks"),
        scopes_supported: scopes.map(|s| (*s).to_owned()).collect(),
        bearer_methods_supported: vec!["header".into()],
        resource_name: "auth-center API".into(),
        resource_documentation: format!("{base}/docs"),
        dpop_signing_alg_values_supported: crate::service::oauth::dpop::DPOP_ALGS
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
        dpop_bound_access_tokens_required: false,
    }
}

#[OpenApi(tag = "ApiTags::OAuth2")]
impl ProtectedResourceApi {
    /// Get the protected resource metadata
    ///
    /// RFC 9728: the resource identifier of this server's own API (the issuer URL), the
    /// authorization server that issues its tokens, and the scopes it understands.
    #[oai(
        path = "/.well-known/oauth-protected-resource",
        method = "get",
        operation_id = "getProtectedResourceMetadata"
    )]
    async fn metadata(&self, svc: Data<&Services>) -> ProtectedResourceResponse {
        match issuer_path(&svc).as_str() {
            "" => ProtectedResourceResponse::Ok(Json(metadata(&svc))),
            _ => not_found(),
        }
    }

    /// Get the protected resource metadata (path-suffixed form)
    ///
    /// RFC 9728 §3.1: the metadata of the resource whose identifier has this path, which is
    /// the issuer URL's path when this server is published under one (of one segment, such as
    /// `https://example.com/auth`).
    #[oai(
        path = "/.well-known/oauth-protected-resource/:suffix",
        method = "get",
        operation_id = "getProtectedResourceMetadataForPath"
    )]
    async fn metadata_for_path(
        &self,
        svc: Data<&Services>,
        suffix: Path<String>,
    ) -> ProtectedResourceResponse {
        let path = issuer_path(&svc);
        if !path.is_empty() && path.trim_start_matches('/') == suffix.0.trim_end_matches('/') {
            ProtectedResourceResponse::Ok(Json(metadata(&svc)))
        } else {
            not_found()
        }
    }
}

fn not_found() -> ProtectedResourceResponse {
    let body = ApiError::new("not_found", "no protected resource has this identifier");
    ProtectedResourceResponse::NotFound(Json(body))
}

/// Adds `resource_metadata` (RFC 9728 §5.1) to the bearer challenge of a 401 of the API.
pub async fn advertise<E: Endpoint>(ep: E, req: Request) -> poem::Result<Response> {
    let svc = req.data::<Services>().cloned();
    let location = svc.as_ref().map(|svc| metadata_url(&svc.public_url));
    let mut resp = match ep.call(req).await {
        Ok(resp) => resp.into_response(),
        // A request without credentials is refused by the framework before any handler: its
        // answer is built here so that it carries the parameter too.
        Err(e) if e.status() == StatusCode::UNAUTHORIZED => {
            crate::api::error::into_json_error(e).await
        }
        Err(e) => return Err(e),
    };
    if resp.status() != StatusCode::UNAUTHORIZED {
        return Ok(resp);
    }
    let (Some(location), Some(challenge)) = (location, resp.headers().get(WWW_AUTHENTICATE)) else {
        return Ok(resp);
    };
    let Ok(challenge) = challenge.to_str() else {
        return Ok(resp);
    };
    if challenge.starts_with("DPoP") && challenge.contains("error=\"use_dpop_nonce\"") {
        if let Some(svc) = &svc {
            add_dpop_nonce(svc, &mut resp).await;
        }
        return Ok(resp);
    }
    if challenge.starts_with("Bearer") && !challenge.contains("resource_metadata=") {
        let value = format!("{challenge}, resource_metadata=\"{location}\"");
        if let Ok(v) = HeaderValue::from_str(&value) {
            resp.headers_mut().insert(WWW_AUTHENTICATE, v);
        }
    }
    Ok(resp)
}

/// RFC 9449 §9: a `use_dpop_nonce` refusal names the nonce to use (the JSON API's refusals
/// come without one; userinfo's already carry it).
async fn add_dpop_nonce(svc: &Services, resp: &mut Response) {
    if resp.headers().contains_key("dpop-nonce") {
        return;
    }
    match crate::service::oauth::dpop::new_nonce(svc).await {
        Ok(nonce) => {
            if let Ok(v) = HeaderValue::from_str(&nonce) {
                resp.headers_mut().insert("dpop-nonce", v);
            }
        }
        Err(e) => tracing::warn!(error = %e, "no DPoP nonce for a use_dpop_nonce refusal"),
    }
}

/// The metadata URL of the resource `issuer` (§3.1: the well-known path before its path).
pub fn metadata_url(issuer: &str) -> String {
    match url::Url::parse(issuer) {
        Ok(u) if u.path().trim_matches('/').is_empty() => format!("{issuer}{WELL_KNOWN}"),
        Ok(u) => {
            let origin = u.origin().ascii_serialization();
            format!("{origin}{WELL_KNOWN}{}", u.path().trim_end_matches('/'))
        }
        Err(_) => format!("{issuer}{WELL_KNOWN}"),
    }
}

#[cfg(test)]
mod tests {
    use super::metadata_url;

    #[test]
    fn the_metadata_url_inserts_the_well_known_path_before_the_issuers_path() {
        assert_eq!(
            metadata_url("https://id.example"),
            "https://id.example/.well-known/oauth-protected-resource"
        );
        assert_eq!(
            metadata_url("https://id.example:8443/auth"),
            "https://id.example:8443/.well-known/oauth-protected-resource/auth"
        );
    }
}
