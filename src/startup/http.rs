//! The HTTP surface: what the pages need besides the services, and the one endpoint that
//! serves the JSON API, its spec, Swagger UI, the pages and `/metrics` (when enabled), with
//! bodies bounded, errors in one JSON shape, panics caught, HTTPS hardening and every request
//! traced.

use std::sync::Arc;

use anyhow::Context as _;
use poem::middleware::{CatchPanic, CookieJarManager};
use poem::{Endpoint, EndpointExt, IntoEndpoint, Route};

use crate::api::body_limit::{limit_body, BodyLimits};
use crate::client_ip::TrustedProxies;
use crate::config::Settings;
use crate::metrics::endpoint::MetricsAccess;
use crate::service::Services;
use crate::{api, metrics, telemetry, web};

/// What the pages need besides the services.
#[derive(Clone)]
pub struct WebParts {
    pub templates: web::Templates,
    pub config: web::WebConfig,
    /// Whose forwarding header gives the client IP (pages and API alike).
    pub trusted_proxies: TrustedProxies,
    /// `/metrics` and its token, when `metrics.enabled`.
    pub metrics: Option<MetricsAccess>,
}

impl WebParts {
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Self> {
        let templates = web::Templates::new(settings.web.templates_dir.clone())
            .context("loading templates (web.templates_dir)")?;
        let default_lang = web::i18n::Lang::parse(&settings.web.default_language)
            .context("web.default_language")?;
        let sv = &settings.server;
        Ok(Self {
            templates,
            config: web::WebConfig {
                secure_cookies: settings.secure_cookies(),
                default_lang,
            },
            trusted_proxies: TrustedProxies::new(sv.trusted_proxies.clone(), sv.client_ip_header),
            metrics: settings
                .metrics
                .enabled
                .then(|| MetricsAccess::new(settings.metrics.token.as_ref())),
        })
    }
}

/// The whole HTTP surface: JSON API, spec, Swagger UI, pages; bodies bounded; errors in one
/// JSON shape; panics caught; every request traced.
pub fn endpoint(services: Services, web: WebParts, limits: BodyLimits) -> impl Endpoint + 'static {
    let api = api::service();
    let (spec_json, spec_yaml) = web::docs::spec_endpoints(api::service);
    let docs = web::docs::swagger_ui(api::service);
    // The API keeps its absolute paths; it is mounted under each of its prefixes so that pages
    // can live beside it (a nest at "/" would shadow the landing page).
    let api: web::ApiEndpoint = Arc::new(
        api.into_endpoint()
            .around(api::error::reject_unparsable)
            .map_to_response()
            .around(api::oauth::protected_resource::advertise)
            .boxed(),
    );
    let mut route = web::mount(Route::new(), api.clone())
        .nest("/docs", docs)
        .at("/openapi.json", spec_json)
        .at("/openapi.yaml", spec_yaml);
    for prefix in api::PATH_PREFIXES {
        route = route.nest_no_strip(prefix, api.clone());
    }
    if let Some(access) = web.metrics {
        route = route.at(
            "/metrics",
            poem::get(metrics::endpoint::scrape.data(access)),
        );
    }
    let https = web.config.secure_cookies;
    route
        .around(telemetry::audit_context)
        .data(services)
        .data(web.templates)
        .data(web.config)
        .data(web.trusted_proxies)
        .with(CookieJarManager::new())
        .around(move |ep, req| limit_body(ep, req, limits))
        .catch_all_error(api::error::into_json_error)
        .with(CatchPanic::new().with_handler(api::error::panic_response))
        .around(move |ep, req| web::https::harden(ep, req, https))
        .around(telemetry::trace_request)
}
