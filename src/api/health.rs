//! Probes: `/healthz` says the process serves requests; `/readyz` says the store answers too.

use poem::web::Data;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, Object, OpenApi};

use super::{ApiError, ApiTags};
use crate::service::Services;

#[derive(Default)]
pub struct HealthApi;

/// Liveness status.
#[derive(Debug, Object)]
pub struct Health {
    /// Always `ok`.
    pub status: String,
    /// The server version.
    pub version: String,
}

/// Readiness status.
#[derive(Debug, Object)]
pub struct Readiness {
    /// `ready`.
    pub status: String,
    /// The store backend: `sqlite` or `mongodb`.
    pub store: String,
}

#[derive(ApiResponse)]
pub enum HealthResponse {
    /// The process is alive.
    #[oai(status = 200)]
    Ok(Json<Health>),
}

#[derive(ApiResponse)]
pub enum ReadyResponse {
    /// The store answered.
    #[oai(status = 200)]
    Ready(Json<Readiness>),
    /// The store did not answer; the reason is in the body. Retry later.
    #[oai(status = 503)]
    Unavailable(Json<ApiError>),
}

#[OpenApi(tag = "ApiTags::Health")]
impl HealthApi {
    /// Liveness probe
    ///
    /// Answers 200 while the process is alive and able to serve requests. It does not touch
    /// the store, so it stays green while the database is down (see `getReadiness`).
    #[oai(path = "/healthz", method = "get", operation_id = "getHealth")]
    async fn healthz(&self) -> HealthResponse {
        HealthResponse::Ok(Json(Health {
            status: "ok".into(),
            version: env!("CARGO_PKG_VERSION").into(),
        }))
    }

    /// Readiness probe
    ///
    /// Answers 200 when the store (SQLite or MongoDB) answers a round trip, 503 with a JSON
    /// reason otherwise. Route traffic to this instance only while it is ready.
    #[oai(path = "/readyz", method = "get", operation_id = "getReadiness")]
    async fn readyz(&self, svc: Data<&Services>) -> ReadyResponse {
        let admin = &svc.stores.admin;
        match admin.ping().await {
            Ok(()) => ReadyResponse::Ready(Json(Readiness {
                status: "ready".into(),
                store: admin.backend_name().into(),
            })),
            Err(e) => {
                tracing::warn!(error = %e, "readiness check failed");
                ReadyResponse::Unavailable(Json(ApiError::new(
                    "service_unavailable",
                    format!("the {} store is unavailable", admin.backend_name()),
                )))
            }
        }
    }
}
