//! Resource indicators (RFC 8707) through the real endpoints on both stores, with the
//! independent `oauth2` crate sending `resource` as its extra parameter: the access token's
//! `aud` is exactly the requested resource(s), a scope one resource defines is never granted for
//! another, a code exchange or refresh may only narrow the resources, and our own API and
//! userinfo refuse a token meant for another resource. The refusals (malformed and unknown
//! resources, widening) are in `indicator_refusals`.

use auth_center::domain::ResourceServer;
use auth_center::service::resource_servers::{
    create_resource_server, NewResourceServer, ScopeInput,
};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD as B64, Engine};
use oauth2::{
    AuthorizationCode, CsrfToken, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, RefreshToken,
    Scope, TokenResponse,
};
use serde_json::{json, Value};

use crate::helpers::accounts::location;
use crate::helpers::oauth::*;
use crate::helpers::Backend;

pub const ORDERS: &str = "https://orders.example/api";
pub const BILLING: &str = "https://billing.example/api";

/// Registers a resource server defining `scopes` (consent texts in both languages).
pub async fn resource(
    w: &World,
    identifier: &str,
    scopes: &[&str],
    ttl: Option<u32>,
) -> ResourceServer {
    let scopes = scopes
        .iter()
        .map(|s| ScopeInput {
            name: (*s).to_owned(),
            description: Some(format!("Use {s} of {identifier}")),
            description_zh: Some(format!("使用 {identifier} 的 {s}")),
        })
        .collect();
    let new = NewResourceServer {
        identifier: identifier.into(),
        name: format!("API at {identifier}"),
        scopes,
        access_token_ttl_secs: ttl,
        introspection: false,
    };
    create_resource_server(&w.app.services, new).await.unwrap()
}

/// `text` as a page shows it (minijinja escapes `/`).
pub fn shown(text: &str) -> String {
    crate::helpers::escape_attr(text)
}

/// The claims of a JWT (its signature is the guide's and the libraries' business).
pub fn claims(token: &str) -> Value {
    let body = token.split('.').nth(1).expect("a JWT");
    serde_json::from_slice(&B64.decode(body).unwrap()).unwrap()
}

/// The `oauth2` crate's authorization URL for the SPA with `resources` and `scope`.
pub fn auth_url(w: &World, scope: &str, resources: &[&str]) -> (String, PkceCodeVerifier) {
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let client = oauth2_client(&w.app, &w.spa)
        .set_auth_uri(oauth2::AuthUrl::new(w.app.url("/oauth2/authorize")).unwrap())
        .set_redirect_uri(RedirectUrl::new(REDIRECT_URI.into()).unwrap());
    let mut req = client
        .authorize_url(CsrfToken::new_random)
        .set_pkce_challenge(challenge);
    for s in scope.split(' ') {
        req = req.add_scope(Scope::new(s.into()));
    }
    for r in resources {
        req = req.add_extra_param("resource", *r);
    }
    (req.url().0.to_string(), verifier)
}

/// The person logs in from `url` and lands on the consent page; returns its HTML.
pub async fn consent_page(w: &World, url: &str) -> String {
    let first = w.app.client.get(url).send().await.unwrap();
    assert_eq!(first.status(), 303);
    let page = log_in_and_return(w, &location(&first)).await;
    assert_eq!(page.status(), 200);
    page.text().await.unwrap()
}

/// Allows the consent page and returns the redirect's query.
pub async fn allow(w: &World, html: &str) -> std::collections::HashMap<String, String> {
    let back = submit_consent(&w.app, &w.app.client, html, "allow").await;
    assert_eq!(back.status(), 303);
    url::Url::parse(&location(&back))
        .unwrap()
        .query_pairs()
        .into_owned()
        .collect()
}

/// Exchanges `code` with the `oauth2` crate, naming `resources` at the token endpoint.
pub async fn exchange(
    w: &World,
    code: &str,
    verifier: PkceCodeVerifier,
    resources: &[&str],
) -> Result<oauth2::basic::BasicTokenResponse, String> {
    let client = oauth2_client(&w.app, &w.spa)
        .set_redirect_uri(RedirectUrl::new(REDIRECT_URI.into()).unwrap());
    let mut req = client
        .exchange_code(AuthorizationCode::new(code.to_owned()))
        .set_pkce_verifier(verifier);
    for r in resources {
        req = req.add_extra_param("resource", *r);
    }
    req.request_async(&http()).await.map_err(error_code)
}

/// Refreshes with the `oauth2` crate, naming `resources`.
pub async fn refresh(
    w: &World,
    token: &str,
    resources: &[&str],
) -> Result<oauth2::basic::BasicTokenResponse, String> {
    let client = oauth2_client(&w.app, &w.spa);
    let token = RefreshToken::new(token.to_owned());
    let mut req = client.exchange_refresh_token(&token);
    for r in resources {
        req = req.add_extra_param("resource", *r);
    }
    req.request_async(&http()).await.map_err(error_code)
}

/// The RFC 6749 §5.2 error code of a failed token request.
pub fn error_code<E: std::error::Error>(
    e: oauth2::RequestTokenError<E, oauth2::basic::BasicErrorResponse>,
) -> String {
    match e {
        oauth2::RequestTokenError::ServerResponse(r) => r.error().to_string(),
        other => panic!("not an OAuth error response: {other:?}"),
    }
}

/// Status of a call to our own resource API with `token`.
pub async fn own_api_status(w: &World, token: &str) -> u16 {
    let path = format!("/api/v1/users/{}", w.user.id);
    let resp = http()
        .get(w.app.url(&path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    resp.status().as_u16()
}

async fn a_code_for_one_resource_gets_a_token_whose_audience_is_that_resource(b: Backend) {
    let w = world(b).await;
    resource(&w, ORDERS, &["orders:read", "orders:write"], Some(600)).await;
    let (url, verifier) = auth_url(&w, "orders:read", &[ORDERS]);
    let html = consent_page(&w, &url).await;
    assert!(html.contains(&shown(&format!("API at {ORDERS}"))), "{html}");
    assert!(
        html.contains(&shown(&format!("Use orders:read of {ORDERS}"))),
        "{html}"
    );
    assert!(
        !html.contains("orders:write"),
        "only the asked scope is shown"
    );
    let q = allow(&w, &html).await;
    let tokens = exchange(&w, &q["code"], verifier, &[]).await.unwrap();
    let access = tokens.access_token().secret();
    let c = claims(access);
    assert_eq!(c["aud"], ORDERS);
    assert_eq!(c["scope"], "orders:read");
    assert_eq!(c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap(), 600);
    assert_eq!(
        tokens.expires_in(),
        Some(std::time::Duration::from_secs(600))
    );
    // Introspection tells the resource server the audience as issued.
    let found = introspect(&w, access).await;
    assert_eq!(
        (found["active"].clone(), found["aud"].clone()),
        (json!(true), json!(ORDERS))
    );
    // Our own API and userinfo are not that resource.
    assert_eq!(own_api_status(&w, access).await, 401);
    assert_eq!(userinfo(&w.app, access).await.0, 401);
    w.app.stop().await;
}

async fn two_resources_give_an_array_audience_and_a_refresh_may_narrow_to_one(b: Backend) {
    let w = world(b).await;
    resource(&w, ORDERS, &["read", "orders:write"], None).await;
    resource(&w, BILLING, &["read"], None).await;
    let (url, verifier) = auth_url(&w, "read", &[ORDERS, BILLING]);
    let html = consent_page(&w, &url).await;
    assert!(
        html.contains(&shown(&format!("API at {ORDERS}")))
            && html.contains(&shown(&format!("API at {BILLING}")))
    );
    let q = allow(&w, &html).await;
    let tokens = exchange(&w, &q["code"], verifier, &[]).await.unwrap();
    assert_eq!(
        claims(tokens.access_token().secret())["aud"],
        json!([ORDERS, BILLING])
    );
    let rt = tokens
        .refresh_token()
        .expect("the SPA may refresh")
        .secret();
    let narrowed = refresh(&w, rt, &[BILLING]).await.unwrap();
    let c = claims(narrowed.access_token().secret());
    assert_eq!(
        (c["aud"].clone(), c["scope"].clone()),
        (json!(BILLING), json!("read"))
    );
    // The new refresh token still holds both: the next refresh may name the other one.
    let rt = narrowed.refresh_token().unwrap().secret();
    let other = refresh(&w, rt, &[ORDERS]).await.unwrap();
    assert_eq!(claims(other.access_token().secret())["aud"], ORDERS);
    let rt = other.refresh_token().unwrap().secret();
    let both = refresh(&w, rt, &[]).await.unwrap();
    assert_eq!(
        claims(both.access_token().secret())["aud"],
        json!([ORDERS, BILLING])
    );
    // Consent covers the two resources now: the same request comes straight back with a code.
    let (url, _) = auth_url(&w, "read", &[ORDERS, BILLING]);
    let again = w.app.client.get(&url).send().await.unwrap();
    assert!(location(&again).contains("code="), "{}", location(&again));
    w.app.stop().await;
}

async fn the_consent_page_names_the_resource_and_its_scope_in_chinese(b: Backend) {
    let w = world(b).await;
    resource(&w, ORDERS, &["orders:read"], None).await;
    let (url, _) = auth_url(&w, "orders:read", &[ORDERS]);
    let html = consent_page(&w, &format!("{url}&ui_locales=zh-CN")).await;
    assert!(html.contains("用于以下服务："), "{html}");
    assert!(html.contains(&shown(&format!("API at {ORDERS}"))), "{html}");
    assert!(
        html.contains(&shown(&format!("使用 {ORDERS} 的 orders:read"))),
        "{html}"
    );
    assert!(
        !html.contains("scope.orders"),
        "no untranslated key: {html}"
    );
    w.app.stop().await;
}

async fn a_code_exchange_may_narrow_to_one_of_the_authorized_resources(b: Backend) {
    let w = world(b).await;
    resource(&w, ORDERS, &["read"], None).await;
    resource(&w, BILLING, &["read"], None).await;
    let (url, verifier) = auth_url(&w, "read", &[ORDERS, BILLING]);
    let q = allow(&w, &consent_page(&w, &url).await).await;
    let tokens = exchange(&w, &q["code"], verifier, &[ORDERS]).await.unwrap();
    assert_eq!(claims(tokens.access_token().secret())["aud"], ORDERS);
    w.app.stop().await;
}

async fn a_token_without_resource_keeps_the_issuer_as_audience_and_works_on_our_api(b: Backend) {
    let w = world(b).await;
    resource(&w, ORDERS, &["read"], Some(60)).await;
    let (code, verifier) = code_for(&w, &w.spa, "openid profile offline_access", Some("n")).await;
    let tokens = exchange(&w, &code, verifier, &[]).await.unwrap();
    let access = tokens.access_token().secret();
    let c = claims(access);
    assert_eq!(c["aud"], w.app.address.as_str());
    assert_eq!(
        c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap(),
        3600
    );
    assert_eq!(own_api_status(&w, access).await, 200);
    assert_eq!(introspect(&w, access).await["aud"], w.app.address.as_str());
    // Naming the issuer, the built-in API's identifier, is the same audience.
    let rt = tokens.refresh_token().unwrap().secret();
    let named = refresh(&w, rt, &[w.app.address.as_str()]).await.unwrap();
    let access = named.access_token().secret();
    assert_eq!(claims(access)["aud"], w.app.address.as_str());
    assert_eq!(own_api_status(&w, access).await, 200);
    w.app.stop().await;
}

async fn client_credentials_with_a_resource_get_a_token_for_it_that_our_api_refuses(b: Backend) {
    let w = world(b).await;
    resource(&w, ORDERS, &["orders:read", "orders:write"], None).await;
    let token = oauth2_client(&w.app, &w.web)
        .exchange_client_credentials()
        .add_scope(Scope::new("orders:write".into()))
        .add_extra_param("resource", ORDERS)
        .request_async(&http())
        .await
        .unwrap();
    let c = claims(token.access_token().secret());
    assert_eq!(
        (c["aud"].clone(), c["scope"].clone()),
        (json!(ORDERS), json!("orders:write"))
    );
    assert_eq!(c["sub"], w.web.client.client_id.as_str());
    assert_eq!(own_api_status(&w, token.access_token().secret()).await, 401);
    // Without scope: every scope the resource defines.
    let all = oauth2_client(&w.app, &w.web)
        .exchange_client_credentials()
        .add_extra_param("resource", ORDERS)
        .request_async(&http())
        .await
        .unwrap();
    assert_eq!(
        claims(all.access_token().secret())["scope"],
        "orders:read orders:write"
    );
    w.app.stop().await;
}

on_both_stores!(
    a_code_for_one_resource_gets_a_token_whose_audience_is_that_resource,
    two_resources_give_an_array_audience_and_a_refresh_may_narrow_to_one,
    the_consent_page_names_the_resource_and_its_scope_in_chinese,
    a_code_exchange_may_narrow_to_one_of_the_authorized_resources,
    a_token_without_resource_keeps_the_issuer_as_audience_and_works_on_our_api,
    client_credentials_with_a_resource_get_a_token_for_it_that_our_api_refuses,
);
