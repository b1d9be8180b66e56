//! The admin API for resource servers, through HTTP against a spawned app on both stores: the
//! lifecycle (create, get, change, list, delete), the built-in resource readable but fixed, and
//! bad input (identifiers, scopes, lifetimes) refused with field errors while nothing changes.

use crate::helpers::authz::{access, password_app, password_tokens};
use crate::helpers::caller::{fields, Caller};
use crate::helpers::{Backend, TestApp};
use serde_json::{json, Value};

const PW: &str = "a long enough password";
const ORDERS: &str = "https://orders.example/api";

async fn create(admin: &Caller, body: Value) -> Value {
    let (status, r) = admin.post("/api/v1/admin/resources", body).await;
    assert_eq!(status, 201, "{r}");
    r
}

fn orders() -> Value {
    json!({
        "identifier": ORDERS,
        "name": "Orders",
        "scopes": [
            {"name": "orders:read", "description": "Read your orders", "description_zh": "读取您的订单"},
            {"name": "orders:write"}
        ],
        "access_token_ttl_secs": 600
    })
}

async fn a_resource_server_is_created_read_changed_listed_and_deleted(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = Caller::admin(&app).await;
    let created = create(&admin, orders()).await;
    assert_eq!(created["identifier"], ORDERS);
    assert_eq!(created["built_in"], false);
    assert_eq!(created["scopes"][0]["description_zh"], "读取您的订单");
    assert_eq!(created["scopes"][1]["description"], "");
    let id = created["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/admin/resources/{id}");
    assert_eq!(admin.get(&path).await.1, created);

    let change =
        json!({"name": "Order book", "scopes": [{"name": "orders"}], "introspection": true});
    let (status, changed) = admin.patch(&path, change).await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!(
        (
            &changed["name"],
            &changed["identifier"],
            &changed["access_token_ttl_secs"]
        ),
        (&json!("Order book"), &json!(ORDERS), &json!(600))
    );
    assert_eq!(
        changed["scopes"],
        json!([{"name": "orders", "description": "", "description_zh": ""}])
    );
    assert_eq!(changed["introspection"], true);

    create(
        &admin,
        json!({"identifier": "http://127.0.0.1:9/mcp", "name": "Local"}),
    )
    .await;
    let (_, all) = admin.get("/api/v1/admin/resources?limit=1").await;
    assert_eq!(all["total"], 2);
    assert_eq!(
        all["items"][0]["identifier"], "http://127.0.0.1:9/mcp",
        "ordered by identifier"
    );
    assert_eq!(admin.delete(&path).await.0, 204);
    assert_eq!(admin.get(&path).await.0, 404);
    assert_eq!(admin.delete(&path).await.0, 404);
    app.stop().await;
}

async fn the_built_in_resource_is_the_issuer_with_todays_scopes_and_cannot_change(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let admin = Caller::admin(&app).await;
    let (status, built_in) = admin.get("/api/v1/admin/resources/built-in").await;
    assert_eq!(status, 200, "{built_in}");
    assert_eq!(built_in["identifier"], app.address.as_str());
    assert_eq!(built_in["built_in"], true);
    let scopes: Vec<&str> = built_in["scopes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(
        scopes.contains(&"profile") && scopes.contains(&"admin"),
        "{scopes:?}"
    );
    let path = "/api/v1/admin/resources/built-in";
    assert_eq!(admin.patch(path, json!({"name": "x"})).await.0, 409);
    assert_eq!(admin.delete(path).await.0, 409);
    let same = json!({"identifier": app.address, "name": "Twin"});
    let (status, body) = admin.post("/api/v1/admin/resources", same).await;
    assert_eq!(
        (status.as_u16(), fields(&body)),
        (409, vec!["identifier".to_string()])
    );
    app.stop().await;
}

async fn bad_resource_servers_are_refused_with_field_errors_and_nothing_is_stored(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let admin = Caller::admin(&app).await;
    create(&admin, orders()).await;
    let long = "x".repeat(201);
    for (body, field) in [
        (
            json!({"identifier": "http://orders.example", "name": "A"}),
            "identifier",
        ),
        (
            json!({"identifier": "https://a.example/#f", "name": "A"}),
            "identifier",
        ),
        (json!({"identifier": "orders", "name": "A"}), "identifier"),
        (
            json!({"identifier": "https://a.example", "name": ""}),
            "name",
        ),
        (
            json!({"identifier": "https://a.example", "name": "A", "scopes": [{"name": "two words"}]}),
            "scopes",
        ),
        (
            json!({"identifier": "https://a.example", "name": "A", "scopes": [{"name": "openid"}]}),
            "scopes",
        ),
        (
            json!({"identifier": "https://a.example", "name": "A", "scopes": [{"name": "s"}, {"name": "s"}]}),
            "scopes",
        ),
        (
            json!({"identifier": "https://a.example", "name": "A", "scopes": [{"name": "s", "description": long}]}),
            "scopes",
        ),
        (
            json!({"identifier": "https://a.example", "name": "A", "access_token_ttl_secs": 5}),
            "access_token_ttl_secs",
        ),
    ] {
        let (status, answer) = admin.post("/api/v1/admin/resources", body.clone()).await;
        assert_eq!(status, 422, "{body}: {answer}");
        assert_eq!(fields(&answer), [field], "{body}");
    }
    let (status, answer) = admin.post("/api/v1/admin/resources", orders()).await;
    assert_eq!(
        (status.as_u16(), fields(&answer)),
        (409, vec!["identifier".to_string()])
    );
    let (_, all) = admin.get("/api/v1/admin/resources").await;
    assert_eq!(all["total"], 1, "nothing refused was stored: {all}");
    app.stop().await;
}

async fn only_administrators_manage_resource_servers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PW).await;
    let jane = Caller::login(&app, "jane", PW).await;
    assert_eq!(jane.get("/api/v1/admin/resources").await.0, 403);
    assert_eq!(jane.post("/api/v1/admin/resources", orders()).await.0, 403);
    let admin = Caller::admin(&app).await;
    let (_, all) = admin.get("/api/v1/admin/resources").await;
    assert_eq!(all["total"], 0);
    app.stop().await;
}

/// An administrator's bearer token acts as an administrator only with the `admin` scope: with
/// `profile` alone it neither lists nor creates (403 `insufficient_scope`), and nothing is stored.
async fn an_admins_token_without_the_admin_scope_is_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.stored_user("admin").await;
    let pw = app
        .admin_password
        .clone()
        .expect("generated admin password");
    let client = password_app(&app, &admin.id).await;
    let http = reqwest::Client::new();
    let url = app.url("/api/v1/admin/resources");
    for (scope, expected) in [("profile", 403), ("admin", 200)] {
        let token = access(&password_tokens(&app, &client, "admin", &pw, scope).await);
        let list = http.get(&url).bearer_auth(&token).send().await.unwrap();
        assert_eq!(list.status(), expected, "list with {scope}");
        if expected == 403 {
            let made = http.post(&url).bearer_auth(&token).json(&orders()).send();
            let made = made.await.unwrap();
            assert_eq!(made.status(), 403, "create with {scope}");
            let body: Value = made.json().await.unwrap();
            assert_eq!(body["error"], "insufficient_scope", "{body}");
        }
    }
    let (_, all) = Caller::admin(&app)
        .await
        .get("/api/v1/admin/resources")
        .await;
    assert_eq!(all["total"], 0, "nothing was created: {all}");
    app.stop().await;
}

on_both_stores!(
    an_admins_token_without_the_admin_scope_is_refused,
    a_resource_server_is_created_read_changed_listed_and_deleted,
    the_built_in_resource_is_the_issuer_with_todays_scopes_and_cannot_change,
    bad_resource_servers_are_refused_with_field_errors_and_nothing_is_stored,
    only_administrators_manage_resource_servers,
);
