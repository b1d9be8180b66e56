//! The apps page's FAPI 2.0 and DPoP switches: `fapi2` on an app with a secret is refused next
//! to its box with nothing registered (the box is labelled in Chinese too); with keys the app is
//! registered and its page lists both settings.

use super::{input_value, logged_in_app, post};
use crate::helpers::client_keys::{jwks, ClientKey};
use crate::helpers::Backend;

const PAGE: &str = "/oauth/applications/register/";

async fn the_apps_page_sets_fapi2_only_on_an_app_with_keys(b: Backend) {
    let app = logged_in_app(b, "erin").await;
    let html = app.get(PAGE).await.text().await.unwrap();
    assert!(html.contains(r#"id="fapi2""#) && html.contains(r#"id="dpop_bound_access_tokens""#));
    let mut fields = vec![
        ("name", "Erin's bank app"),
        ("client_type", "confidential"),
        ("redirect_uris", "https://bank.example/cb"),
        ("grant_types", "authorization_code"),
        ("scopes", "profile"),
        ("fapi2", "on"),
        ("dpop_bound_access_tokens", "on"),
    ];
    let resp = post(&app, PAGE, PAGE, &fields).await;
    assert_eq!(resp.status(), 422);
    let html = resp.text().await.unwrap();
    assert!(html.contains(r#"id="fapi2-error""#), "{html}");
    assert!(html.contains("FAPI 2.0 needs private_key_jwt"), "{html}");
    let svc = app.services().await;
    let owner = app.stored_user("erin").await;
    let page = auth_center::domain::Page::default();
    let listed = svc
        .stores
        .clients
        .list_clients_by_owner(&owner.id, page)
        .await;
    assert_eq!(listed.unwrap().total, 0, "nothing was registered");

    let keys = jwks(&[&ClientKey::es256("bank-key")]).to_string();
    fields.push(("token_endpoint_auth_method", "private_key_jwt"));
    fields.push(("jwks", keys.as_str()));
    let resp = post(&app, PAGE, PAGE, &fields).await;
    assert_eq!(resp.status(), 200);
    let client_id = input_value(&resp.text().await.unwrap(), "client-id").unwrap();
    let stored = svc.stores.clients.get_client(&client_id).await.unwrap();
    assert!(stored.fapi2 && stored.dpop_bound_access_tokens);
    let detail = app.get(&format!("/oauth/applications/{client_id}/")).await;
    let detail = detail.text().await.unwrap();
    assert!(detail.contains("FAPI 2.0 Security Profile"), "{detail}");
    assert!(
        detail.contains("Require DPoP-bound access tokens"),
        "{detail}"
    );
    let zh = app
        .get(&format!("{PAGE}?lang=zh-CN"))
        .await
        .text()
        .await
        .unwrap();
    assert!(zh.contains("FAPI 2.0 安全配置"), "{zh}");
    app.stop().await;
}

on_both_stores!(the_apps_page_sets_fapi2_only_on_an_app_with_keys);
