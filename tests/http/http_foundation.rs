//! The service skeleton over HTTP, on both stores: probes, the one JSON error shape, the
//! committed OpenAPI contract, Swagger UI, request ids, the first admin.

#[path = "foundation/at_rest.rs"]
mod at_rest;
#[path = "foundation/bounds.rs"]
mod bounds;
#[path = "foundation/edge.rs"]
mod edge;

use crate::helpers::{Backend, TestApp};
use serde_json::Value;

async fn assert_error_shape(resp: reqwest::Response, status: u16, code: &str) -> Value {
    assert_eq!(resp.status().as_u16(), status);
    let ct = resp.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(ct.starts_with("application/json"), "content-type {ct}");
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["error"], code, "{body}");
    assert!(
        body["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{body}"
    );
    assert!(body["fields"].is_array(), "{body}");
    body
}

async fn health_and_readiness_answer_with_the_store_backend(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let resp = app.get("/healthz").await;
    assert_eq!(resp.status(), 200);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["status"], "ok");
    let resp = app.get("/readyz").await;
    assert_eq!(resp.status(), 200);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["status"], "ready");
    let expected = match backend {
        Backend::Sqlite => "sqlite",
        Backend::Mongo => "mongodb",
    };
    assert_eq!(body["store"], expected);
    app.stop().await;
}

async fn framework_errors_use_the_one_json_error_shape(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    assert_error_shape(app.get("/no/such/path").await, 404, "not_found").await;
    let resp = app.client.delete(app.url("/healthz")).send().await.unwrap();
    assert_error_shape(resp, 405, "method_not_allowed").await;
    app.stop().await;
}

async fn the_served_spec_is_the_committed_openapi_yaml(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let served = app.get("/openapi.yaml").await.text().await.unwrap();
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi.yaml"))
        .expect("openapi.yaml is committed at the repository root");
    assert!(
        served == committed,
        "openapi.yaml is stale: the server serves a different spec. Run scripts/gen-openapi.sh \
         and commit the result."
    );
    let json: Value = app.get("/openapi.json").await.json().await.unwrap();
    assert_eq!(json["info"]["title"], "auth-center");
    for (path, item) in json["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            assert!(
                op["operationId"].is_string(),
                "{method} {path} has no operation_id"
            );
            assert!(op["tags"].is_array(), "{method} {path} has no tag");
            assert!(
                op["summary"].is_string(),
                "{method} {path} has no doc comment"
            );
        }
    }
    let docs = app.get("/docs").await;
    assert_eq!(docs.status(), 200);
    assert!(docs.text().await.unwrap().contains("swagger"));
    app.stop().await;
}

async fn every_response_carries_a_request_id_and_a_given_one_is_echoed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let resp = app.get("/healthz").await;
    let generated = resp.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert!(generated.len() >= 16);
    let resp = app
        .client
        .get(app.url("/no-such-page"))
        .header("x-request-id", "abc-123")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.headers()["x-request-id"], "abc-123");
    let resp = app
        .client
        .get(app.url("/healthz"))
        .header("x-request-id", "bad id with spaces")
        .send()
        .await
        .unwrap();
    assert_ne!(resp.headers()["x-request-id"], "bad id with spaces");
    app.stop().await;
}

async fn the_first_start_creates_an_admin_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let password = app
        .admin_password
        .clone()
        .expect("a generated admin password");
    assert!(password.len() >= 16);
    let svc_settings = app.settings.clone();
    let stores = auth_center::startup::open_stores(&svc_settings)
        .await
        .unwrap();
    let admin = stores.users.find_user_by_username("admin").await.unwrap();
    assert!(admin.is_admin);
    assert!(admin.password_hash.starts_with("$argon2id$"));
    assert_eq!(stores.users.count_users().await.unwrap(), 1);
    // A second start on the same store creates nothing.
    let mut again = auth_center::startup::Application::build(svc_settings)
        .await
        .unwrap();
    assert!(again.take_created_admin().is_none());
    assert_eq!(stores.users.count_users().await.unwrap(), 1);
    app.stop().await;
}

async fn the_landing_page_links_the_docs_and_carries_security_headers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let resp = app.get("/").await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["x-frame-options"], "DENY");
    assert_eq!(resp.headers()["referrer-policy"], "no-referrer");
    let csp = resp.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("frame-ancestors 'none'"));
    assert!(resp.text().await.unwrap().contains("href=\"/docs\""));
    let css = app.get("/static/style.css").await;
    assert!(css.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/css"));
    app.stop().await;
}

on_both_stores!(
    health_and_readiness_answer_with_the_store_backend,
    framework_errors_use_the_one_json_error_shape,
    the_served_spec_is_the_committed_openapi_yaml,
    every_response_carries_a_request_id_and_a_given_one_is_echoed,
    the_first_start_creates_an_admin_once,
    the_landing_page_links_the_docs_and_carries_security_headers,
);

mod through_the_rust_sdk {
    use crate::helpers::{Backend, TestApp};

    async fn probes(backend: Backend) {
        let app = TestApp::spawn(backend).await;
        let sdk = auth_center_sdk::Client::new(&app.address);
        let health = sdk.get_health().await.expect("getHealth").into_inner();
        assert_eq!(health.status, "ok");
        let ready = sdk
            .get_readiness()
            .await
            .expect("getReadiness")
            .into_inner();
        assert_eq!(ready.status, "ready");
        // Errors surface as typed values carrying the JSON error body.
        match sdk.get_me().await {
            Err(auth_center_sdk::Error::ErrorResponse(resp)) => {
                assert_eq!(resp.status().as_u16(), 401);
                assert!(!resp.message.is_empty());
            }
            other => panic!("expected a 401 error response, got {other:?}"),
        }
        app.stop().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_generated_rust_sdk_calls_the_probes_on_sqlite() {
        probes(Backend::Sqlite).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_generated_rust_sdk_calls_the_probes_on_mongodb() {
        probes(Backend::Mongo).await;
    }
}
