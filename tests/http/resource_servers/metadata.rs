//! RFC 9728 for the built-in resource API on both stores: the metadata document names this
//! server as the resource and its authorization server; a refused request of the API points to
//! it from its challenge; the path-suffixed form serves it when the issuer URL has a path; the
//! authorization server metadata lists the resource (§4).

use crate::helpers::oauth::http;
use crate::helpers::{test_settings, Backend, TestApp};
use serde_json::Value;

const WELL_KNOWN: &str = "/.well-known/oauth-protected-resource";

async fn get_json(app: &TestApp, path: &str) -> (u16, Value) {
    let resp = app.get(path).await;
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

async fn the_built_in_api_publishes_metadata_naming_this_server_as_resource_and_issuer(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let (status, meta) = get_json(&app, WELL_KNOWN).await;
    assert_eq!(status, 200, "{meta}");
    let issuer = app.address.as_str();
    assert_eq!(meta["resource"], issuer);
    assert_eq!(meta["authorization_servers"], serde_json::json!([issuer]));
    assert_eq!(meta["jwks_uri"], format!("{issuer}/oauth2/jwks"));
    assert_eq!(
        meta["bearer_methods_supported"],
        serde_json::json!(["header"])
    );
    let scopes: Vec<&str> = meta["scopes_supported"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        scopes.contains(&"profile") && !scopes.contains(&"openid"),
        "{scopes:?}"
    );
    let (status, _) = get_json(&app, &format!("{WELL_KNOWN}/api/v1")).await;
    assert_eq!(
        status, 404,
        "no resource is identified by a path of this issuer"
    );
    for path in [
        "/.well-known/oauth-authorization-server",
        "/.well-known/openid-configuration",
    ] {
        let (_, as_meta) = get_json(&app, path).await;
        assert_eq!(
            as_meta["protected_resources"],
            serde_json::json!([issuer]),
            "{path}"
        );
    }
    app.stop().await;
}

async fn a_refused_api_request_points_to_the_metadata_in_its_challenge(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let expected = format!("resource_metadata=\"{}{WELL_KNOWN}\"", app.address);
    for (path, token) in [
        ("/api/v1/me", None),
        ("/api/v1/me", Some("not-a-token")),
        ("/oauth2/userinfo", Some("not-a-token")),
        ("/api/v1/admin/resources", None),
    ] {
        let mut req = http().get(format!("{}{path}", app.address));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let resp = req.send().await.unwrap();
        assert_eq!(resp.status(), 401, "{path}");
        let challenge = resp.headers()["www-authenticate"].to_str().unwrap();
        assert!(challenge.starts_with("Bearer "), "{challenge}");
        assert!(challenge.contains(&expected), "{path}: {challenge}");
    }
    // Client authentication at the token endpoint is not the resource's business.
    let resp = http()
        .post(format!("{}/oauth2/token", app.address))
        .basic_auth("nobody", Some("wrong"))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    let challenge = resp.headers()["www-authenticate"].to_str().unwrap();
    assert!(!challenge.contains("resource_metadata"), "{challenge}");
    app.stop().await;
}

async fn under_an_issuer_with_a_path_the_metadata_is_at_the_path_suffixed_url(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(backend, dir.path());
    settings.server.public_url = Some("http://127.0.0.1:9/auth".parse().unwrap());
    let app = TestApp::spawn_with(settings, dir).await;
    let (status, meta) = get_json(&app, &format!("{WELL_KNOWN}/auth")).await;
    assert_eq!(status, 200, "{meta}");
    assert_eq!(meta["resource"], "http://127.0.0.1:9/auth");
    assert_eq!(meta["authorization_servers"][0], "http://127.0.0.1:9/auth");
    assert_eq!(get_json(&app, WELL_KNOWN).await.0, 404);
    assert_eq!(get_json(&app, &format!("{WELL_KNOWN}/other")).await.0, 404);
    let resp = http()
        .get(format!("{}/api/v1/me", app.address))
        .send()
        .await
        .unwrap();
    let challenge = resp.headers()["www-authenticate"].to_str().unwrap();
    let expected = format!("resource_metadata=\"http://127.0.0.1:9{WELL_KNOWN}/auth\"");
    assert!(challenge.contains(&expected), "{challenge}");
    app.stop().await;
}

on_both_stores!(
    the_built_in_api_publishes_metadata_naming_this_server_as_resource_and_issuer,
    a_refused_api_request_points_to_the_metadata_in_its_challenge,
    under_an_issuer_with_a_path_the_metadata_is_at_the_path_suffixed_url,
);
