//! Bad client metadata is refused as RFC 7591 §3.2.2 says (`invalid_redirect_uri`,
//! `invalid_client_metadata` naming the member), by the rules every app registration follows
//! (grants only administrators may enable stay refused), and nothing is registered: a refused
//! request does not use up the initial access token it carried.

use serde_json::{json, Value};

use super::support::*;
use crate::helpers::caller::Caller;
use crate::helpers::oauth::REDIRECT_URI;
use crate::helpers::Backend;
use auth_center::domain::RegistrationPolicy;

/// `web_metadata` with `member` set to `value`.
fn with(member: &str, value: Value) -> Value {
    let mut m = web_metadata();
    m[member] = value;
    m
}

async fn bad_metadata_is_refused_naming_the_member_and_nothing_is_registered(b: Backend) {
    let app = app_with(b, RegistrationPolicy::InitialAccessToken, 10).await;
    let token = initial_token(&app, 1, 3600).await;
    let cases = [
        (
            with("redirect_uris", json!(["http://client.example/cb"])),
            "invalid_redirect_uri",
            "redirect_uris",
        ),
        (
            with("redirect_uris", json!(["https://client.example/cb#frag"])),
            "invalid_redirect_uri",
            "redirect_uris",
        ),
        (
            with("scope", json!("openid wallet")),
            "invalid_client_metadata",
            "scope",
        ),
        (
            with("grant_types", json!(["password"])),
            "invalid_client_metadata",
            "grant_types",
        ),
        (
            with("grant_types", json!(["implicit"])),
            "invalid_client_metadata",
            "grant_types",
        ),
        (
            with("response_types", json!(["token"])),
            "invalid_client_metadata",
            "response_types",
        ),
        (
            with("token_endpoint_auth_method", json!("tls_client_auth")),
            "invalid_client_metadata",
            "token_endpoint_auth_method",
        ),
        (
            with("scope", json!("openid admin")),
            "invalid_client_metadata",
            "scope",
        ),
        (
            with("client_name", json!("x".repeat(101))),
            "invalid_client_metadata",
            "client_name",
        ),
        (
            with("client_uri", json!("javascript:alert(1)")),
            "invalid_client_metadata",
            "client_uri",
        ),
        (
            with("tos_uri", json!("not a url")),
            "invalid_client_metadata",
            "tos_uri",
        ),
        (
            with("contacts", json!(["a\u{7}b"])),
            "invalid_client_metadata",
            "contacts",
        ),
        (
            with("jwks_uri", json!("https://keys.client.example/jwks")),
            "invalid_client_metadata",
            "token_endpoint_auth_method",
        ),
        (
            with("redirect_uris", json!("https://client.example/cb")),
            "invalid_client_metadata",
            "redirect_uris",
        ),
    ];
    for (body, code, member) in cases {
        let (status, refused) = register(&app, Some(&token), &body).await;
        assert_eq!(status, 400, "{body} -> {refused}");
        assert_eq!(refused["error"], code, "{body} -> {refused}");
        let description = refused["error_description"].as_str().unwrap();
        assert!(
            description.contains(member),
            "{member} not named in {description}"
        );
    }
    let admin = Caller::admin(&app).await;
    let (_, listed) = admin.get("/api/v1/admin/registered-apps").await;
    assert_eq!(listed["total"], 0, "nothing was registered");
    let fine = json!({ "redirect_uris": [REDIRECT_URI], "client_name": "Fine" });
    let (status, reg) = register(&app, Some(&token), &fine).await;
    assert_eq!(
        status, 201,
        "the refused requests left the token's one use: {reg}"
    );
    app.stop().await;
}

async fn every_problem_of_a_registration_is_reported_at_once(b: Backend) {
    let app = app_with(b, RegistrationPolicy::Open, 10).await;
    let body = json!({
        "redirect_uris": ["https://client.example/cb"],
        "scope": "openid wallet",
        "policy_uri": "ftp://client.example/policy",
        "software_version": "v".repeat(201),
    });
    let (status, refused) = register(&app, None, &body).await;
    assert_eq!(status, 400, "{refused}");
    assert_eq!(refused["error"], "invalid_client_metadata");
    let description = refused["error_description"].as_str().unwrap();
    for member in ["scope", "policy_uri", "software_version"] {
        assert!(
            description.contains(member),
            "{member} not named in {description}"
        );
    }
    app.stop().await;
}

/// A client that found an API through its RFC 9728 metadata (an MCP client) registers with
/// the API's `scopes_supported`: such a scope is set aside (RFC 7591 §2), not refused, and the
/// client gets it through `resource`; a scope nobody defines is still refused.
async fn a_resource_servers_scope_in_a_registration_is_set_aside_and_granted_through_resource(
    b: Backend,
) {
    let app = app_with(b, RegistrationPolicy::Open, 10).await;
    let admin = Caller::admin(&app).await;
    let api = "https://tools.example/mcp";
    let body = json!({"identifier": api, "name": "Tools", "scopes": [{"name": "mcp:tools"}]});
    let (status, r) = admin.post("/api/v1/admin/resources", body).await;
    assert_eq!(status, 201, "{r}");

    let (status, refused) = register(&app, None, &with("scope", json!("openid mcp:other"))).await;
    assert_eq!(status, 400, "{refused}");
    assert_eq!(refused["error"], "invalid_client_metadata");

    let (status, reg) = register(&app, None, &with("scope", json!("openid mcp:tools"))).await;
    assert_eq!(status, 201, "{reg}");
    assert_eq!(reg["scope"], "openid", "{reg}");
    let client_id = reg["client_id"].as_str().unwrap();
    let secret = reg["client_secret"].as_str().unwrap();
    let form = [
        ("grant_type", "client_credentials"),
        ("scope", "mcp:tools"),
        ("resource", api),
    ];
    let (status, _, token) =
        crate::helpers::oauth::post_form(&app, "/oauth2/token", Some((client_id, secret)), &form)
            .await;
    assert_eq!(status, 200, "{token}");
    assert_eq!(token["scope"], "mcp:tools", "{token}");
    app.stop().await;
}

on_both_stores!(
    bad_metadata_is_refused_naming_the_member_and_nothing_is_registered,
    every_problem_of_a_registration_is_reported_at_once,
    a_resource_servers_scope_in_a_registration_is_set_aside_and_granted_through_resource,
);
