//! The apps page with `private_key_jwt`: the form offers the method and the key fields; a key
//! set holding a private key is refused next to its field with the input kept and nothing
//! registered; public keys register an app that has no secret (the page says so), whose
//! assertions then authenticate at the token endpoint.

use serde_json::json;

use super::{input_value, logged_in_app, post};
use crate::helpers::client_keys::{claims, jwks, token_with, ClientKey};
use crate::helpers::Backend;

const PAGE: &str = "/oauth/applications/register/";

async fn keys_registered_on_the_apps_page_replace_the_secret(b: Backend) {
    let app = logged_in_app(b, "erin").await;
    let html = app.get(PAGE).await.text().await.unwrap();
    assert!(html.contains(r#"name="token_endpoint_auth_method" value="private_key_jwt""#));
    assert!(html.contains(r#"id="jwks""#) && html.contains(r#"id="jwks_uri""#));
    let key = ClientKey::es256("page-key");
    let mut private = key.jwk.clone();
    private["d"] = json!("c2VjcmV0LXNjYWxhci1vZi10aGUtdGVzdC1rZXktMzI");
    let leaked = json!({ "keys": [private] }).to_string();
    let mut fields = vec![
        ("name", "Erin's signer"),
        ("client_type", "confidential"),
        ("grant_types", "client_credentials"),
        ("scopes", "profile"),
        ("token_endpoint_auth_method", "private_key_jwt"),
        ("jwks", leaked.as_str()),
    ];
    let resp = post(&app, PAGE, PAGE, &fields).await;
    assert_eq!(resp.status(), 422);
    let html = resp.text().await.unwrap();
    assert!(html.contains(r#"id="jwks-error""#), "{html}");
    assert!(html.contains("private keys are refused"), "{html}");
    assert!(html.contains("Erin&#x27;s signer") || html.contains("Erin's signer"));
    let svc = app.services().await;
    let owner = app.stored_user("erin").await;
    let page = auth_center::domain::Page::default();
    let listed = svc
        .stores
        .clients
        .list_clients_by_owner(&owner.id, page)
        .await;
    assert_eq!(listed.unwrap().total, 0, "nothing was registered");

    let public = jwks(&[&key]).to_string();
    fields.pop();
    fields.push(("jwks", public.as_str()));
    let resp = post(&app, PAGE, PAGE, &fields).await;
    assert_eq!(resp.status(), 200);
    let html = resp.text().await.unwrap();
    assert!(!html.contains("client-secret"), "no secret is shown");
    assert!(html.contains("This app has no secret"), "{html}");
    let client_id = input_value(&html, "client-id").unwrap();
    let detail = app.get(&format!("/oauth/applications/{client_id}/")).await;
    let detail = detail.text().await.unwrap();
    assert!(detail.contains("private_key_jwt (signed assertions, no secret)"));
    assert!(!detail.contains("rotate-secret"), "no secret to rotate");
    let assertion = key.sign(&claims(&client_id, &app.url("")));
    let (status, body) = token_with(&app, &assertion).await;
    assert_eq!(status, 200, "{body}");
    app.stop().await;
}

on_both_stores!(keys_registered_on_the_apps_page_replace_the_secret);
