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
    app.advance(Duration::from_secs(3601));
    assert_eq!(register(&app, None, &body).await.0, 201, "a new window");
    app.stop().await;
}

on_both_stores!(
    an_initial_access_token_that_is_missing_unknown_used_up_or_expired_is_refused,
    the_last_use_of_an_initial_access_token_goes_to_one_of_eight_registrations,
    open_registration_is_limited_per_address,
);
