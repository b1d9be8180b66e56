//! Input the framework cannot parse, on both stores: every such answer is one the spec
//! documents (checked against the live server by scripts/schemathesis.sh). JSON API: 422
//! `validation_failed` naming the field, also for JSON values of the wrong type (`false` for a
//! string) and `null` where the spec does not allow it; OAuth endpoints: 400 `invalid_request`
//! in RFC 6749 §5.2 shape; an unknown method: 405 with `Allow`.

use crate::helpers::{Backend, TestApp};
use serde_json::{json, Value};

async fn assert_field_error(resp: reqwest::Response, field: &str) -> Value {
    assert_eq!(resp.status(), 422);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["error"], "validation_failed", "{body}");
    let fields = crate::helpers::caller::fields(&body);
    assert!(fields.iter().any(|f| f == field), "{field} not in {body}");
    body
}

async fn post_raw(app: &TestApp, path: &str, ct: Option<&str>, body: &str) -> reqwest::Response {
    let mut req = app.client.post(app.url(path)).body(body.to_owned());
    if let Some(ct) = ct {
        req = req.header("content-type", ct);
    }
    req.send().await.unwrap()
}

async fn json_bodies_of_the_wrong_shape_are_refused_with_the_field_named(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let path = "/api/v1/users/register";
    let valid =
        json!({"username": "jane", "email": "jane@example.com", "password": "a long passphrase"});
    let mut wrong_type = valid.clone();
    wrong_type["username"] = json!(false);
    let resp = post_raw(
        &app,
        path,
        Some("application/json"),
        &wrong_type.to_string(),
    )
    .await;
    let body = assert_field_error(resp, "username").await;
    assert_eq!(body["fields"][0]["message"], "must be of type string");
    let mut null = valid.clone();
    null["locale"] = Value::Null;
    let resp = post_raw(&app, path, Some("application/json"), &null.to_string()).await;
    assert_field_error(resp, "locale").await;
    let missing = json!({"username": "jane", "password": "a long passphrase"});
    let resp = post_raw(&app, path, Some("application/json"), &missing.to_string()).await;
    assert_field_error(resp, "email").await;
    let resp = post_raw(&app, path, Some("application/json"), "{not json").await;
    assert_field_error(resp, "body").await;
    let resp = post_raw(&app, path, Some("application/json"), "[1]").await;
    assert_field_error(resp, "body").await;
    let resp = post_raw(&app, path, None, &valid.to_string()).await;
    assert_field_error(resp, "Content-Type").await;
    let resp = post_raw(&app, path, Some("text/plain"), &valid.to_string()).await;
    assert_field_error(resp, "Content-Type").await;
    // Nothing was stored by any of them: the valid body still registers.
    let resp = post_raw(&app, path, Some("application/json"), &valid.to_string()).await;
    assert_eq!(resp.status(), 201);
    app.stop().await;
}

async fn unparsable_or_out_of_range_query_parameters_are_422_naming_them(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let password = app.admin_password.clone().unwrap();
    assert_eq!(app.login("admin", &password).await.status(), 303);
    for (query, field) in [
        ("offset=abc", "offset"),
        ("offset=-1", "offset"),
        ("limit=0", "limit"),
        ("limit=201", "limit"),
        ("search=a%00b", "search"),
    ] {
        let resp = app.get(&format!("/api/v1/admin/users?{query}")).await;
        assert_field_error(resp, field).await;
    }
    let resp = app.get("/api/v1/admin/users?limit=200").await;
    assert_eq!(resp.status(), 200);
    app.stop().await;
}

async fn oauth_endpoints_answer_unparsable_requests_with_invalid_request(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for ct in [Some("application/json"), None] {
        let resp = post_raw(&app, "/oauth2/token", ct, "{}").await;
        assert_eq!(resp.status(), 400);
        assert_eq!(resp.headers()["cache-control"], "no-store");
        let body: Value = resp.json().await.unwrap();
        assert_eq!(body["error"], "invalid_request", "{body}");
        assert!(body["error_description"]
            .as_str()
            .unwrap()
            .contains("Content-Type"));
    }
    app.stop().await;
}

async fn an_unsupported_method_answers_405_with_the_allowed_ones(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let resp = app.client.put(app.url("/api/v1/me")).send().await.unwrap();
    assert_eq!(resp.status(), 405);
    assert_eq!(resp.headers()["allow"], "GET, HEAD, PATCH");
    let id = "/api/v1/admin/users/01a00000-0000-7000-8000-000000000000";
    let resp = app.client.put(app.url(id)).send().await.unwrap();
    assert_eq!(resp.headers()["allow"], "DELETE, GET, HEAD");
    app.stop().await;
}

on_both_stores!(
    json_bodies_of_the_wrong_shape_are_refused_with_the_field_named,
    unparsable_or_out_of_range_query_parameters_are_422_naming_them,
    oauth_endpoints_answer_unparsable_requests_with_invalid_request,
    an_unsupported_method_answers_405_with_the_allowed_ones,
);
