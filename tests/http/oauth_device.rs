//! The device authorization grant (RFC 8628) on both stores: the independent `oauth2` crate
//! starts it and polls while a person logs in at `/device`, enters the user code and allows;
//! plus every refusal: authorization_pending, slow_down, access_denied, expired_token, a second
//! use (invalid_grant), an app without the grant (unauthorized_client), wrong user codes (shown
//! next to the field, then throttled) and a missing CSRF token.

#[path = "oauth/device_support.rs"]
pub(crate) mod device_support;

use std::time::Duration;

use crate::helpers::oauth::*;
use crate::helpers::{extract_hidden, Backend};
use device_support::*;
use oauth2::{RequestTokenError, TokenResponse};

async fn the_oauth2_library_gets_tokens_once_the_person_allows_at_the_device_page(b: Backend) {
    let DeviceWorld { w, tv } = device_world(b, |_| {}).await;
    let details = start(&w.app, &tv, "openid profile offline_access").await;
    assert_eq!(details.verification_uri().as_str(), w.app.url("/device"));
    assert_eq!(details.interval(), Duration::from_secs(1));
    assert_eq!(details.expires_in(), Duration::from_secs(600));
    let user_code = details.user_code().secret().clone();
    assert!(
        regex_like_user_code(&user_code),
        "XXXX-XXXX from the unambiguous alphabet: {user_code}"
    );
    let client = device_client(&w.app, &tv);
    let http_client = http();
    let library = client.exchange_device_access_token(&details).request_async(
        &http_client,
        tokio::time::sleep,
        None,
    );
    let person = async {
        // The person scans verification_uri_complete: the form comes pre-filled.
        log_in(&w.app).await;
        let complete = details
            .verification_uri_complete()
            .unwrap()
            .secret()
            .clone();
        let (status, form) = page(w.app.client.get(&complete).send().await.unwrap()).await;
        assert_eq!(status, 200);
        assert_eq!(extract_hidden(&form, "user_code"), Some(user_code.clone()));
        // Typed in lower case without the dash, it is still the same code.
        let typed = user_code.replace('-', "").to_lowercase();
        let (status, consent) = enter_code(&w.app, &typed).await;
        assert_eq!(status, 200, "{consent}");
        assert!(consent.contains(&tv.client.name) && consent.contains("an app under test"));
        assert!(consent.contains("See your name, username and language"));
        assert!(consent.contains(r#"name="decision" value="allow""#));
        let (status, done) = decide(&w.app, &consent, "allow").await;
        assert_eq!(status, 200);
        assert!(done.contains("You may return to your device"), "{done}");
    };
    let (tokens, ()) = tokio::join!(library, person);
    let tokens = tokens.expect("the library receives tokens");
    assert!(
        tokens.refresh_token().is_some(),
        "offline_access was granted"
    );
    let scopes: Vec<String> = tokens
        .scopes()
        .unwrap()
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(scopes, ["offline_access", "openid", "profile"]);
    let (status, _, info) = userinfo(&w.app, tokens.access_token().secret()).await;
    assert_eq!(
        (status, info["sub"].as_str()),
        (200, Some(w.user.id.as_str()))
    );
    let grants = &w.app.services.stores.grants;
    let mine = grants.list_active_grants_for_user(&w.user.id, w.app.services.now());
    let mine = mine.await.unwrap();
    assert!(mine.iter().any(|g| g.client_id == tv.client.client_id));
    w.app.stop().await;
}

/// `XXXX-XXXX` of consonants only.
fn regex_like_user_code(code: &str) -> bool {
    let (a, b) = code.split_once('-').unwrap_or(("", ""));
    [a, b]
        .iter()
        .all(|p| p.len() == 4 && p.bytes().all(|c| b"BCDFGHJKLMNPQRSTVWXZ".contains(&c)))
}

async fn polling_before_approval_is_pending_and_polling_too_fast_is_slow_down(b: Backend) {
    let DeviceWorld { w, tv } =
        device_world(b, |s| s.oauth.device_poll_interval = Duration::from_secs(5)).await;
    let details = start(&w.app, &tv, "profile").await;
    let code = details.device_code().secret();
    assert_eq!(poll_error(&w.app, &tv, code).await, "authorization_pending");
    assert_eq!(poll_error(&w.app, &tv, code).await, "slow_down");
    assert_eq!(poll_error(&w.app, &tv, code).await, "slow_down");
    let stored = &w.app.services.stores.device_codes;
    let digest = auth_center::crypto::digest(&details.user_code().secret().replace('-', ""));
    let record = stored.find_device_code_by_user_code(&digest).await.unwrap();
    assert_eq!(record.interval_secs, 15, "5 s more for each slow_down");
    let admin = crate::helpers::caller::Caller::admin(&w.app).await;
    let id = tv.client.client_id.as_str();
    let slowed = crate::audit_log::event(&admin, "throttle.refused", |e| {
        e["details"]["check"] == "device_poll"
    })
    .await;
    crate::audit_log::assert_event(&slowed, id, None, Some(id));
    assert_eq!(slowed["reason"], "throttled");
    assert!(
        !slowed.to_string().contains(code),
        "no device code in {slowed}"
    );
    let unknown = poll_error(&w.app, &tv, "not-a-device-code").await;
    assert_eq!(unknown, "invalid_grant");
    w.app.stop().await;
}

async fn a_denied_device_gets_access_denied(b: Backend) {
    let DeviceWorld { w, tv } = device_world(b, |_| {}).await;
    let details = start(&w.app, &tv, "profile").await;
    let done = answer(&w.app, details.user_code().secret(), "deny").await;
    assert!(done.contains("was not given access"), "{done}");
    let client = device_client(&w.app, &tv);
    let http_client = http();
    let r = client
        .exchange_device_access_token(&details)
        .request_async(&http_client, tokio::time::sleep, None)
        .await;
    match r {
        Err(RequestTokenError::ServerResponse(e)) => {
            assert_eq!(e.error().as_ref(), "access_denied")
        }
        other => panic!("expected access_denied, got {other:?}"),
    }
    // The code is spent for the page too.
    let (status, html) = enter_code(&w.app, details.user_code().secret()).await;
    assert_eq!(status, 400, "{html}");
    w.app.stop().await;
}

async fn an_expired_device_code_gets_expired_token(b: Backend) {
    let DeviceWorld { w, tv } =
        device_world(b, |s| s.oauth.device_code_ttl = Duration::from_secs(1)).await;
    let details = start(&w.app, &tv, "profile").await;
    assert_eq!(details.expires_in(), Duration::from_secs(1));
    w.app.advance(Duration::from_millis(1100));
    let code = details.device_code().secret();
    assert_eq!(poll_error(&w.app, &tv, code).await, "expired_token");
    log_in(&w.app).await;
    let (status, html) = enter_code(&w.app, details.user_code().secret()).await;
    assert_eq!(status, 400);
    assert!(html.contains("has expired"), "{html}");
    w.app.stop().await;
}

async fn an_approved_device_code_gives_tokens_once_then_invalid_grant(b: Backend) {
    let DeviceWorld { w, tv } = device_world(b, |_| {}).await;
    let details = start(&w.app, &tv, "openid profile").await;
    answer(&w.app, details.user_code().secret(), "allow").await;
    let code = details.device_code().secret();
    let (status, headers, body) = poll(&w.app, &tv, code).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(headers["cache-control"], "no-store");
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["scope"], "openid profile");
    assert!(body["id_token"].is_string(), "openid was granted: {body}");
    assert!(
        body["refresh_token"].is_null(),
        "no offline_access, no refresh"
    );
    let (status, _, info) = userinfo(&w.app, body["access_token"].as_str().unwrap()).await;
    assert_eq!(
        (status, info["sub"].as_str()),
        (200, Some(w.user.id.as_str()))
    );
    assert_eq!(poll_error(&w.app, &tv, code).await, "invalid_grant");
    w.app.stop().await;
}

/// A device approved by an account that is disabled before the device polls gets no tokens.
async fn an_approval_whose_account_was_disabled_gets_invalid_grant(b: Backend) {
    let DeviceWorld { w, tv } = device_world(b, |_| {}).await;
    // The device app belongs to someone else: only the approving account is disabled (a
    // disabled owner's apps are refused at client authentication instead).
    let mut app = tv.client.clone();
    app.owner_id = w.app.stored_user("admin").await.id;
    w.app
        .services
        .stores
        .clients
        .update_client(&app)
        .await
        .unwrap();
    let details = start(&w.app, &tv, "openid profile").await;
    answer(&w.app, details.user_code().secret(), "allow").await;
    let mut user = w
        .app
        .services
        .stores
        .users
        .get_user(&w.user.id)
        .await
        .unwrap();
    user.disabled = true;
    w.app
        .services
        .stores
        .users
        .update_user(&user)
        .await
        .unwrap();
    let code = details.device_code().secret();
    assert_eq!(poll_error(&w.app, &tv, code).await, "invalid_grant");
    w.app.stop().await;
}

async fn only_apps_with_the_device_grant_and_registered_scopes_may_start_it(b: Backend) {
    let DeviceWorld { w, tv } = device_world(b, |_| {}).await;
    let web = &w.web;
    let secret = web.secret.as_deref().unwrap();
    let basic = Some((web.client.client_id.as_str(), secret));
    let path = "/oauth2/device_authorization";
    let (status, headers, body) = post_form(&w.app, path, basic, &[("scope", "profile")]).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("unauthorized_client"))
    );
    assert_eq!(headers["cache-control"], "no-store");
    let tv_id = tv.client.client_id.as_str();
    let form = [("client_id", tv_id), ("scope", "profile admin")];
    let (status, _, body) = post_form(&w.app, path, None, &form).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_scope"))
    );
    let form = [("client_id", "nobody"), ("scope", "profile")];
    let (status, headers, body) = post_form(&w.app, path, None, &form).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (401, Some("invalid_client"))
    );
    assert!(headers.contains_key("www-authenticate"));
    // The token endpoint refuses the grant to an app that does not have it.
    let form = [("grant_type", DEVICE_GRANT), ("device_code", "x")];
    let (status, _, body) = post_form(&w.app, "/oauth2/token", basic, &form).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("unauthorized_client"))
    );
    let meta = metadata(&w.app).await;
    assert_eq!(
        meta["device_authorization_endpoint"],
        w.app.url(path).as_str()
    );
    let grants = meta["grant_types_supported"].as_array().unwrap();
    assert!(grants.iter().any(|g| g == DEVICE_GRANT));
    w.app.stop().await;
}

async fn a_confidential_device_client_authenticates_like_at_the_token_endpoint(b: Backend) {
    let DeviceWorld { w, .. } = device_world(b, |_| {}).await;
    let box_ = new_client(&w.app, &w.user.id, &[DEVICE_GRANT], false).await;
    let id = box_.client.client_id.as_str();
    let path = "/oauth2/device_authorization";
    let scope = [("scope", "profile")];
    let (status, _, body) = post_form(&w.app, path, Some((id, "wrong secret")), &scope).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (401, Some("invalid_client"))
    );
    let (status, _, body) = post_form(&w.app, path, None, &[("client_id", id)]).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (401, Some("invalid_client"))
    );
    // The oauth2 crate authenticates with HTTP Basic.
    let details = start(&w.app, &box_, "profile").await;
    answer(&w.app, details.user_code().secret(), "allow").await;
    let client = device_client(&w.app, &box_);
    let http_client = http();
    let tokens = client
        .exchange_device_access_token(&details)
        .request_async(&http_client, tokio::time::sleep, None)
        .await
        .expect("tokens");
    assert_eq!(tokens.scopes().unwrap()[0].as_str(), "profile");
    assert!(tokens.refresh_token().is_none(), "the app may not refresh");
    w.app.stop().await;
}

async fn wrong_user_codes_are_shown_next_to_the_field_then_throttled(b: Backend) {
    let DeviceWorld { w, tv } = device_world(b, |_| {}).await;
    let details = start(&w.app, &tv, "profile").await;
    log_in(&w.app).await;
    for wrong in ["BCDF-GHJK", "nonsense", "", "BCDF-GHJX", "ZZZZ-ZZZZ"] {
        let (status, html) = enter_code(&w.app, wrong).await;
        assert_eq!(status, 400, "{wrong}");
        assert!(html.contains(r#"id="user_code-error""#), "{html}");
        assert!(html.contains("This code is not valid"), "{html}");
    }
    let (status, html) = enter_code(&w.app, details.user_code().secret()).await;
    assert_eq!(status, 429, "after 5 wrong codes even the right one waits");
    assert!(html.contains("Too many wrong codes"), "{html}");
    let code = details.device_code().secret();
    assert_eq!(poll_error(&w.app, &tv, code).await, "authorization_pending");
    w.app.stop().await;
}

async fn the_device_page_needs_a_login_and_a_csrf_token(b: Backend) {
    let DeviceWorld { w, tv } = device_world(b, |_| {}).await;
    let details = start(&w.app, &tv, "profile").await;
    let complete = details
        .verification_uri_complete()
        .unwrap()
        .secret()
        .clone();
    let resp = w.app.client.get(&complete).send().await.unwrap();
    assert_eq!(resp.status(), 303);
    let login = resp.headers()["location"].to_str().unwrap().to_owned();
    let next = url::Url::parse(&w.app.url(&login)).unwrap();
    let next = next.query_pairs().find(|(k, _)| k == "next").unwrap().1;
    let user_code = details.user_code().secret();
    assert_eq!(next, format!("/device?user_code={user_code}"));
    log_in(&w.app).await;
    let (_, consent) = enter_code(&w.app, user_code).await;
    let form = [("user_code", user_code.as_str()), ("decision", "allow")];
    let resp = w
        .app
        .client
        .post(w.app.url("/device"))
        .form(&form)
        .send()
        .await;
    assert_eq!(resp.unwrap().status(), 403, "no CSRF token, no decision");
    let forged = [
        ("user_code", user_code.as_str()),
        ("decision", "allow"),
        ("csrf_token", "forged"),
    ];
    let resp = w
        .app
        .client
        .post(w.app.url("/device"))
        .form(&forged)
        .send()
        .await;
    assert_eq!(resp.unwrap().status(), 403);
    let code = details.device_code().secret();
    assert_eq!(poll_error(&w.app, &tv, code).await, "authorization_pending");
    let (status, _) = decide(&w.app, &consent, "allow").await;
    assert_eq!(status, 200, "the genuine form still works");
    w.app.stop().await;
}

async fn thirty_concurrent_wrong_user_codes_are_evaluated_at_most_five_times(b: Backend) {
    let DeviceWorld { w, tv } = device_world(b, |_| {}).await;
    let details = start(&w.app, &tv, "profile").await;
    log_in(&w.app).await;
    let guesses = (0..30).map(|_| enter_code(&w.app, "BCDF-GHJK"));
    let statuses: Vec<u16> = futures_util::future::join_all(guesses)
        .await
        .into_iter()
        .map(|(status, _)| status)
        .collect();
    let wrong = statuses.iter().filter(|s| **s == 400).count();
    let throttled = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!((wrong, throttled), (5, 25), "{statuses:?}");
    let (status, _) = enter_code(&w.app, details.user_code().secret()).await;
    assert_eq!(status, 429);
    w.app.stop().await;
}

on_both_stores!(
    the_oauth2_library_gets_tokens_once_the_person_allows_at_the_device_page,
    polling_before_approval_is_pending_and_polling_too_fast_is_slow_down,
    a_denied_device_gets_access_denied,
    an_expired_device_code_gets_expired_token,
    an_approved_device_code_gives_tokens_once_then_invalid_grant,
    an_approval_whose_account_was_disabled_gets_invalid_grant,
    only_apps_with_the_device_grant_and_registered_scopes_may_start_it,
    a_confidential_device_client_authenticates_like_at_the_token_endpoint,
    wrong_user_codes_are_shown_next_to_the_field_then_throttled,
    the_device_page_needs_a_login_and_a_csrf_token,
    thirty_concurrent_wrong_user_codes_are_evaluated_at_most_five_times,
);
