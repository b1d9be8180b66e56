//! What resource indicators (RFC 8707) refuse, on both stores: a malformed `resource`
//! (relative, with a fragment) or one naming no resource server is `invalid_target` (redirected
//! from the authorization endpoint, 400 JSON from the token and PAR endpoints); a scope another
//! resource defines is `invalid_scope`; naming more at the code exchange or a refresh than was
//! authorized is `invalid_target`; and a pushed request and the device flow carry their
//! resources into the token.

use oauth2::{Scope, TokenResponse};
use serde_json::json;

use super::indicators::*;
use crate::helpers::accounts::location;
use crate::helpers::oauth::*;
use crate::helpers::Backend;

use crate::oauth_device::device_support;

/// The error of an authorization request that is redirected back to the client.
async fn authorize_error(w: &World, scope: &str, resources: &[&str]) -> (String, String) {
    let (url, _) = auth_url(w, scope, resources);
    let resp = w.app.client.get(&url).send().await.unwrap();
    assert_eq!(resp.status(), 303);
    let back = location(&resp);
    assert!(back.starts_with(REDIRECT_URI), "{back}");
    let q: std::collections::HashMap<String, String> = url::Url::parse(&back)
        .unwrap()
        .query_pairs()
        .into_owned()
        .collect();
    assert!(q.contains_key("state") && !q.contains_key("code"), "{back}");
    (q["error"].clone(), q["error_description"].clone())
}

/// A client_credentials request of the world's confidential app, raw.
async fn client_credentials(w: &World, form: &[(&str, &str)]) -> (u16, serde_json::Value) {
    let secret = w.web.secret.as_deref().unwrap();
    let mut all = vec![("grant_type", "client_credentials")];
    all.extend_from_slice(form);
    let basic = Some((w.web.client.client_id.as_str(), secret));
    let (status, headers, body) = post_form(&w.app, "/oauth2/token", basic, &all).await;
    assert_eq!(headers["cache-control"], "no-store");
    (status, body)
}

async fn malformed_or_unknown_resources_are_invalid_target_everywhere(b: Backend) {
    let w = world(b).await;
    resource(&w, ORDERS, &["read"], None).await;
    w.app.login("alice", "a long enough password").await;
    let fragment = format!("{ORDERS}#part");
    let bad = [
        "/relative/api",
        fragment.as_str(),
        "https://unknown.example/api",
        "not a uri",
    ];
    for r in bad {
        let (error, _) = authorize_error(&w, "read", &[r]).await;
        assert_eq!(error, "invalid_target", "{r}");
        let (status, body) = client_credentials(&w, &[("resource", r)]).await;
        assert_eq!(
            (status, body["error"].as_str()),
            (400, Some("invalid_target")),
            "{r}"
        );
    }
    // A good resource beside an unknown one does not help.
    let (status, body) = client_credentials(
        &w,
        &[("resource", ORDERS), ("resource", "https://x.example")],
    )
    .await;
    assert_eq!(
        (status, body["error"].clone()),
        (400, json!("invalid_target"))
    );
    // The pushed request endpoint validates exactly as the authorization endpoint does.
    let secret = w.web.secret.as_deref().unwrap();
    let form = [
        ("response_type", "code"),
        ("redirect_uri", REDIRECT_URI),
        ("scope", "read"),
        ("resource", "https://unknown.example/api"),
    ];
    let basic = Some((w.web.client.client_id.as_str(), secret));
    let (status, _, body) = post_form(&w.app, "/oauth2/par", basic, &form).await;
    assert_eq!(
        (status, body["error"].clone()),
        (400, json!("invalid_target"))
    );
    w.app.stop().await;
}

async fn a_scope_of_another_resource_is_an_invalid_scope(b: Backend) {
    let w = world(b).await;
    resource(&w, ORDERS, &["orders:read"], None).await;
    resource(&w, BILLING, &["billing:read"], None).await;
    w.app.login("alice", "a long enough password").await;
    let (error, _) = authorize_error(&w, "billing:read", &[ORDERS]).await;
    assert_eq!(error, "invalid_scope");
    // Scopes of two resources in one request: each is foreign to the other resource.
    let (error, _) = authorize_error(&w, "orders:read billing:read", &[ORDERS, BILLING]).await;
    assert_eq!(error, "invalid_scope");
    // A scope of our own API is not for another resource either.
    let (status, body) =
        client_credentials(&w, &[("resource", ORDERS), ("scope", "profile")]).await;
    assert_eq!(
        (status, body["error"].clone()),
        (400, json!("invalid_scope"))
    );
    let (status, body) =
        client_credentials(&w, &[("resource", ORDERS), ("scope", "billing:read")]).await;
    assert_eq!(
        (status, body["error"].clone()),
        (400, json!("invalid_scope"))
    );
    // And without `resource`, a resource's scope is not the app's.
    let (status, body) = client_credentials(&w, &[("scope", "orders:read")]).await;
    assert_eq!(
        (status, body["error"].clone()),
        (400, json!("invalid_scope"))
    );
    w.app.stop().await;
}

async fn naming_an_unauthorized_resource_at_the_exchange_or_a_refresh_is_invalid_target(
    b: Backend,
) {
    let w = world(b).await;
    resource(&w, ORDERS, &["read"], None).await;
    resource(&w, BILLING, &["read"], None).await;
    let (url, verifier) = auth_url(&w, "read", &[ORDERS]);
    let q = allow(&w, &consent_page(&w, &url).await).await;
    let widened = exchange(&w, &q["code"], verifier, &[ORDERS, BILLING]).await;
    assert_eq!(widened.unwrap_err(), "invalid_target");

    let (url, verifier) = auth_url(&w, "read", &[ORDERS]);
    let again = w.app.client.get(&url).send().await.unwrap();
    let code = url::Url::parse(&location(&again))
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "code")
        .map(|(_, v)| v.into_owned())
        .expect("consent remembered");
    let tokens = exchange(&w, &code, verifier, &[]).await.unwrap();
    let rt = tokens.refresh_token().unwrap().secret();
    assert_eq!(
        refresh(&w, rt, &[BILLING]).await.unwrap_err(),
        "invalid_target"
    );
    assert_eq!(
        refresh(&w, rt, &[w.app.address.as_str()])
            .await
            .unwrap_err(),
        "invalid_target"
    );
    // The refused refresh spent nothing: the token still refreshes for what was authorized.
    let ok = refresh(&w, rt, &[ORDERS]).await.unwrap();
    assert_eq!(claims(ok.access_token().secret())["aud"], ORDERS);
    w.app.stop().await;
}

async fn a_pushed_request_carries_its_resources_to_the_token(b: Backend) {
    let w = world(b).await;
    resource(&w, ORDERS, &["read"], None).await;
    resource(&w, BILLING, &["read"], None).await;
    let (challenge, verifier) = oauth2::PkceCodeChallenge::new_random_sha256();
    let form = [
        ("client_id", w.spa.client.client_id.as_str()),
        ("response_type", "code"),
        ("redirect_uri", REDIRECT_URI),
        ("scope", "read"),
        ("state", "s1"),
        ("code_challenge", challenge.as_str()),
        ("code_challenge_method", "S256"),
        ("resource", ORDERS),
        ("resource", BILLING),
    ];
    let (status, _, body) = post_form(&w.app, "/oauth2/par", None, &form).await;
    assert_eq!(status, 201, "{body}");
    let mut url = url::Url::parse(&w.app.url("/oauth2/authorize")).unwrap();
    url.query_pairs_mut()
        .append_pair("client_id", &w.spa.client.client_id)
        .append_pair("request_uri", body["request_uri"].as_str().unwrap());
    let html = consent_page(&w, url.as_str()).await;
    assert!(
        html.contains(&shown(&format!("API at {BILLING}"))),
        "{html}"
    );
    let q = allow(&w, &html).await;
    assert_eq!(q["state"], "s1");
    let tokens = exchange(&w, &q["code"], verifier, &[]).await.unwrap();
    assert_eq!(
        claims(tokens.access_token().secret())["aud"],
        json!([ORDERS, BILLING])
    );
    w.app.stop().await;
}

async fn the_device_flow_carries_its_resource_into_the_token(b: Backend) {
    use device_support::*;
    let dw = device_world(b, |_| {}).await;
    let w = &dw.w;
    resource(w, ORDERS, &["orders:read"], Some(300)).await;
    let started: oauth2::StandardDeviceAuthorizationResponse = device_client(&w.app, &dw.tv)
        .exchange_device_code()
        .add_scope(Scope::new("orders:read".into()))
        .add_extra_param("resource", ORDERS)
        .request_async(&http())
        .await
        .expect("device authorization");
    answer(&w.app, started.user_code().secret(), "allow").await;
    let (status, _, body) = poll(&w.app, &dw.tv, started.device_code().secret()).await;
    assert_eq!(status, 200, "{body}");
    let c = claims(body["access_token"].as_str().unwrap());
    assert_eq!(
        (c["aud"].clone(), c["scope"].clone()),
        (json!(ORDERS), json!("orders:read"))
    );
    assert_eq!(body["expires_in"], 300);
    // An unknown resource is refused when the device asks.
    let form = [
        ("client_id", dw.tv.client.client_id.as_str()),
        ("resource", "https://unknown.example/api"),
    ];
    let (status, _, body) = post_form(&w.app, "/oauth2/device_authorization", None, &form).await;
    assert_eq!(
        (status, body["error"].clone()),
        (400, json!("invalid_target"))
    );
    dw.w.app.stop().await;
}

on_both_stores!(
    malformed_or_unknown_resources_are_invalid_target_everywhere,
    a_scope_of_another_resource_is_an_invalid_scope,
    naming_an_unauthorized_resource_at_the_exchange_or_a_refresh_is_invalid_target,
    a_pushed_request_carries_its_resources_to_the_token,
    the_device_flow_carries_its_resource_into_the_token,
);
