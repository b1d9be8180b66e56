//! Who may register: with `initial_access_token`, only a bearer of a token an administrator
//! minted, while it has uses left and has not expired (a missing, unknown, used-up or expired
//! one is `invalid_token`, with a Bearer challenge); with `open`, anyone, within the limit per
//! address (then 429 with `Retry-After`). Concurrent registrations share a token's last use:
//! exactly one gets it.

use std::time::Duration;

use serde_json::json;

use super::support::*;
use crate::helpers::oauth::REDIRECT_URI;
use crate::helpers::Backend;
use auth_center::domain::RegistrationPolicy;

async fn an_initial_access_token_that_is_missing_unknown_used_up_or_expired_is_refused(b: Backend) {
    let app = app_with(b, RegistrationPolicy::InitialAccessToken, 10).await;
    let body = json!({ "redirect_uris": [REDIRECT_URI] });
    let token = initial_token(&app, 2, 3600).await;
    let short = initial_token(&app, 5, 60).await;
    for bearer in [None, Some("not-a-token")] {
        let (status, headers, refused) = send(
            &app,
            reqwest::Method::POST,
            "/oauth2/register",
            bearer,
            Some(&body),
        )
        .await;
        assert_eq!(
            (status, refused["error"].as_str()),
            (401, Some("invalid_token"))
        );
        let challenge = headers["www-authenticate"].to_str().unwrap();
        assert!(challenge.starts_with("Bearer "), "{challenge}");
    }
    for _ in 0..2 {
        assert_eq!(register(&app, Some(&token), &body).await.0, 201);
    }
    let (status, used_up) = register(&app, Some(&token), &body).await;
    assert_eq!(
        (status, used_up["error"].as_str()),
        (401, Some("invalid_token"))
    );
    app.advance(Duration::from_secs(61));
    let (status, expired) = register(&app, Some(&short), &body).await;
    assert_eq!(
        (status, expired["error"].as_str()),
        (401, Some("invalid_token"))
    );
    app.stop().await;
}

async fn the_last_use_of_an_initial_access_token_goes_to_one_of_eight_registrations(b: Backend) {
    let app = app_with(b, RegistrationPolicy::InitialAccessToken, 10).await;
    let token = initial_token(&app, 1, 3600).await;
    let body = json!({ "redirect_uris": [REDIRECT_URI] });
    let racers = (0..8).map(|_| register(&app, Some(&token), &body));
    let statuses: Vec<u16> = futures_util::future::join_all(racers)
        .await
        .into_iter()
        .map(|(status, _)| status)
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 401).count(),
        7,
        "{statuses:?}"
    );
    app.stop().await;
}

async fn open_registration_is_limited_per_address(b: Backend) {
    let app = app_with(b, RegistrationPolicy::Open, 2).await;
    let body = json!({ "redirect_uris": [REDIRECT_URI] });
    for _ in 0..2 {
        assert_eq!(register(&app, None, &body).await.0, 201);
    }
    let (status, headers, refused) = send(
        &app,
        reqwest::Method::POST,
        "/oauth2/register",
        None,
        Some(&body),
    )
    .await;
    assert_eq!(status, 429, "{refused}");
    assert_eq!(refused["error"], "temporarily_unavailable");
    let wait: i64 = headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=3600).contains(&wait), "{wait}");
    let admin = crate::helpers::caller::Caller::admin(&app).await;
    let audited = crate::audit_log::event(&admin, "throttle.refused", |e| {
        e["details"]["check"] == "client_registration"
    })
    .await;
    crate::audit_log::assert_event(&audited, "anonymous", None, None);
    assert_eq!(audited["reason"], "throttled");
    app.advance(Duration::from_secs(3601));
    assert_eq!(register(&app, None, &body).await.0, 201, "a new window");
    app.stop().await;
}

/// Minting initial access tokens and listing registered apps are for administrators, through
/// their session or a token carrying the `admin` scope: a person who is not one, and an
/// administrator's token without that scope, get 403 and nothing is minted.
async fn only_administrators_with_the_admin_scope_mint_tokens_and_list_registered_apps(b: Backend) {
    use crate::helpers::authz::{access, password_app, password_tokens};
    use crate::helpers::caller::Caller;

    let app = app_with(b, RegistrationPolicy::InitialAccessToken, 10).await;
    let mint = json!({ "uses": 1, "expires_in": 3600 });
    app.create_user("jane", "jane@example.com", "a long enough password")
        .await;
    let jane = Caller::login(&app, "jane", "a long enough password").await;
    let (status, _) = jane
        .post("/api/v1/admin/registration-tokens", mint.clone())
        .await;
    assert_eq!(
        status, 403,
        "a person who is not an administrator mints nothing"
    );
    let (status, _) = jane.get("/api/v1/admin/registered-apps").await;
    assert_eq!(status, 403);

    let admin = app.stored_user("admin").await;
    let pw = app
        .admin_password
        .clone()
        .expect("generated admin password");
    let client = password_app(&app, &admin.id).await;
    let http = reqwest::Client::new();
    for (scope, minted, listed) in [("profile", 403, 403), ("admin", 201, 200)] {
        let token = access(&password_tokens(&app, &client, "admin", &pw, scope).await);
        let url = app.url("/api/v1/admin/registration-tokens");
        let resp = http.post(url).bearer_auth(&token).json(&mint).send().await;
        let resp = resp.unwrap();
        assert_eq!(resp.status(), minted, "mint with {scope}");
        if minted == 403 {
            let body: serde_json::Value = resp.json().await.unwrap();
            assert_eq!(body["error"], "insufficient_scope", "{body}");
        }
        let url = app.url("/api/v1/admin/registered-apps");
        let resp = http.get(url).bearer_auth(&token).send().await.unwrap();
        assert_eq!(resp.status(), listed, "list with {scope}");
    }
    app.stop().await;
}

on_both_stores!(
    only_administrators_with_the_admin_scope_mint_tokens_and_list_registered_apps,
    an_initial_access_token_that_is_missing_unknown_used_up_or_expired_is_refused,
    the_last_use_of_an_initial_access_token_goes_to_one_of_eight_registrations,
    open_registration_is_limited_per_address,
);
