//! Pushed authorization requests (RFC 9126) on both stores: the PAR endpoint authenticates the
//! client and validates like the authorization endpoint; `/oauth2/authorize` with `client_id`
//! and `request_uri` uses only the pushed parameters, once, for the client that pushed them,
//! before they expire; apps and the server can require PAR; discovery advertises it. The code
//! is redeemed with the independent `oauth2` crate.

use std::collections::HashMap;

use oauth2::{AuthorizationCode, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl};

use crate::helpers::accounts::location;
use crate::helpers::authz;
use crate::helpers::oauth::*;
use crate::helpers::{test_settings, Backend, TestApp};
use auth_center::service::clients::CreatedClient;

const URN: &str = "urn:ietf:params:oauth:request_uri:";

/// Pushes an authorization request for `c` (HTTP Basic for a confidential app, `client_id`
/// for a public one) with PKCE, `state` and `extra`; returns the answer and the verifier.
async fn push(
    w: &World,
    c: &CreatedClient,
    extra: &[(&str, &str)],
) -> (u16, serde_json::Value, PkceCodeVerifier) {
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let mut form = vec![
        ("response_type", "code"),
        ("redirect_uri", REDIRECT_URI),
        ("scope", "openid profile"),
        ("state", "pushed-state"),
        ("code_challenge", challenge.as_str()),
        ("code_challenge_method", "S256"),
    ];
    for (k, v) in extra {
        match form.iter_mut().find(|(name, _)| name == k) {
            Some(field) => field.1 = v,
            None => form.push((k, v)),
        }
    }
    let id = c.client.client_id.as_str();
    let (status, body) = match c.secret.as_deref() {
        Some(secret) => {
            let (s, _, b) = post_form(&w.app, "/oauth2/par", Some((id, secret)), &form).await;
            (s, b)
        }
        None => {
            form.push(("client_id", id));
            let (s, _, b) = post_form(&w.app, "/oauth2/par", None, &form).await;
            (s, b)
        }
    };
    (status, body, verifier)
}

/// The request_uri of a successful push.
async fn pushed(w: &World, c: &CreatedClient) -> (String, PkceCodeVerifier) {
    let (status, body, verifier) = push(w, c, &[]).await;
    assert_eq!(status, 201, "{body}");
    (body["request_uri"].as_str().unwrap().to_owned(), verifier)
}

fn authorize_url(client_id: &str, request_uri: &str, extra: &str) -> String {
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    q.append_pair("client_id", client_id)
        .append_pair("request_uri", request_uri);
    format!("/oauth2/authorize?{}{extra}", q.finish())
}

fn query_of(url: &str) -> HashMap<String, String> {
    url::Url::parse(url)
        .unwrap()
        .query_pairs()
        .into_owned()
        .collect()
}

/// The world's user logged in through the page that `first` (a 303 to it) leads to; returns
/// the page the authorization endpoint answers after the login.
async fn log_in(w: &World, first: reqwest::Response) -> reqwest::Response {
    assert_eq!(first.status(), 303);
    let login = location(&first);
    assert!(login.starts_with("/accounts/login/?next="), "{login}");
    log_in_and_return(w, &login).await
}

/// Makes `c` first-party (no consent page), as an administrator would.
async fn make_first_party(w: &World, c: &CreatedClient) {
    let store = &w.app.services.stores.clients;
    let mut client = store.get_client(&c.client.client_id).await.unwrap();
    client.first_party = true;
    store.update_client(&client).await.unwrap();
}

/// The owner requires PAR for `c` through the Apps API (the generated Rust SDK).
async fn require_par(w: &World, c: &CreatedClient) {
    let tokens_app = authz::password_app(&w.app, &w.user.id).await;
    let t = authz::password_tokens(&w.app, &tokens_app, "alice", authz::PW, "apps").await;
    let patch = auth_center_sdk::types::AppPatchRequest {
        require_pushed_authorization_requests: Some(true),
        ..Default::default()
    };
    let api = authz::sdk(&w.app, &authz::access(&t));
    let updated = api.update_app(&c.client.client_id, &patch).await.unwrap();
    assert!(updated.into_inner().require_pushed_authorization_requests);
}

async fn a_pushed_request_is_authorized_by_its_request_uri_alone_and_its_code_redeemed(b: Backend) {
    let w = world(b).await;
    let (status, body, verifier) = push(&w, &w.web, &[]).await;
    assert_eq!(status, 201, "{body}");
    let request_uri = body["request_uri"].as_str().unwrap();
    assert!(request_uri.starts_with(URN), "{request_uri}");
    assert!(request_uri.len() > URN.len() + 40, "{request_uri}");
    assert_eq!(body["expires_in"], 60);
    // Parameters beside request_uri are ignored: these would fail if they were read.
    let tampered = "&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&scope=admin&state=forged";
    let url = authorize_url(&w.web.client.client_id, request_uri, tampered);
    let first = w.app.client.get(w.app.url(&url)).send().await.unwrap();
    let consent = log_in(&w, first).await;
    assert_eq!(consent.status(), 200);
    let html = consent.text().await.unwrap();
    assert!(html.contains(&w.web.client.name), "{html}");
    let back = submit_consent(&w.app, &w.app.client, &html, "allow").await;
    assert_eq!(back.status(), 303);
    let cb = location(&back);
    assert!(cb.starts_with(REDIRECT_URI), "{cb}");
    let q = query_of(&cb);
    assert_eq!(
        q.get("state").map(String::as_str),
        Some("pushed-state"),
        "{cb}"
    );
    assert_eq!(q["iss"], w.app.address);
    let token = oauth2_client(&w.app, &w.web)
        .set_redirect_uri(RedirectUrl::new(REDIRECT_URI.into()).unwrap())
        .exchange_code(AuthorizationCode::new(q["code"].clone()))
        .set_pkce_verifier(verifier)
        .request_async(&http())
        .await
        .expect("the code of a pushed request is redeemed");
    let scope = oauth2::TokenResponse::scopes(&token).unwrap();
    let scope: Vec<_> = scope.iter().map(|s| s.as_str()).collect();
    assert_eq!(scope, ["openid", "profile"]);
    w.app.stop().await;
}

async fn a_request_uri_is_used_once(b: Backend) {
    let w = world(b).await;
    let (request_uri, _) = pushed(&w, &w.spa).await;
    let url = w
        .app
        .url(&authorize_url(&w.spa.client.client_id, &request_uri, ""));
    let first = w.app.client.get(&url).send().await.unwrap();
    let html = log_in(&w, first).await.text().await.unwrap();
    let back = submit_consent(&w.app, &w.app.client, &html, "allow").await;
    assert!(query_of(&location(&back)).contains_key("code"));
    // Consent is remembered now, so a second use would go straight back with a code.
    let replay = w.app.client.get(&url).send().await.unwrap();
    assert_eq!(replay.status(), 400);
    assert!(replay.headers().get("location").is_none());
    let page = replay.text().await.unwrap();
    assert!(page.contains("unknown, expired or already used"), "{page}");
    w.app.stop().await;
}

async fn a_request_uri_pushed_by_another_client_is_refused_without_redirect(b: Backend) {
    let w = world(b).await;
    let (request_uri, _) = pushed(&w, &w.web).await;
    let url = authorize_url(&w.spa.client.client_id, &request_uri, "");
    let resp = w.app.client.get(w.app.url(&url)).send().await.unwrap();
    assert_eq!(resp.status(), 400);
    assert!(resp.headers().get("location").is_none());
    let page = resp.text().await.unwrap();
    assert!(page.contains("belongs to another application"), "{page}");
    // Without client_id the request is refused too (RFC 9126 §4 requires it).
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    q.append_pair("request_uri", &request_uri);
    let bare = w
        .app
        .get(&format!("/oauth2/authorize?{}", q.finish()))
        .await;
    assert_eq!(bare.status(), 400);
    // The refusals did not use it up: its own client still gets the login page.
    let own = authorize_url(&w.web.client.client_id, &request_uri, "");
    assert_eq!(w.app.get(&own).await.status(), 303);
    w.app.stop().await;
}

async fn an_expired_or_unknown_request_uri_is_refused_without_redirect(b: Backend) {
    let w = world(b).await;
    let (request_uri, _) = pushed(&w, &w.web).await;
    w.app.advance(std::time::Duration::from_secs(61));
    let id = &w.web.client.client_id;
    let unknown = format!("{URN}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    for uri in [
        request_uri.as_str(),
        &unknown,
        "https://client.example/request.jwt",
    ] {
        let resp = w.app.get(&authorize_url(id, uri, "")).await;
        assert_eq!(resp.status(), 400, "{uri}");
        assert!(resp.headers().get("location").is_none(), "{uri}");
    }
    w.app.stop().await;
}

async fn par_without_valid_client_authentication_is_invalid_client(b: Backend) {
    let w = world(b).await;
    let id = w.web.client.client_id.as_str();
    let form = [
        ("response_type", "code"),
        ("redirect_uri", REDIRECT_URI),
        ("scope", "profile"),
    ];
    let mut only_id = form.to_vec();
    only_id.push(("client_id", id));
    let (status, headers, body) = post_form(&w.app, "/oauth2/par", None, &only_id).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (401, Some("invalid_client"))
    );
    assert!(headers.get("www-authenticate").is_some());
    let (status, _, body) = post_form(&w.app, "/oauth2/par", Some((id, "wrong")), &form).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (401, Some("invalid_client"))
    );
    let (status, _, body) = post_form(&w.app, "/oauth2/par", None, &form).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (401, Some("invalid_client"))
    );
    w.app.stop().await;
}

async fn par_refuses_what_the_authorization_endpoint_refuses_with_its_error_codes(b: Backend) {
    let w = world(b).await;
    let cases: [(&[(&str, &str)], &str); 5] = [
        (
            &[("redirect_uri", "https://evil.example/cb")],
            "invalid_request",
        ),
        (&[("scope", "openid admin")], "invalid_scope"),
        (&[("response_type", "token")], "unauthorized_client"),
        (&[("response_type", "magic")], "unsupported_response_type"),
        (
            &[("request_uri", "urn:ietf:params:oauth:request_uri:x")],
            "invalid_request",
        ),
    ];
    for (extra, code) in cases {
        // Each case changes one field of an otherwise valid request.
        let (status, body, _) = push(&w, &w.web, extra).await;
        assert_eq!(
            (status, body["error"].as_str()),
            (400, Some(code)),
            "{extra:?}: {body}"
        );
    }
    // A public client must use PKCE at the PAR endpoint as at the authorization endpoint.
    let form = [
        ("response_type", "code"),
        ("client_id", w.spa.client.client_id.as_str()),
        ("redirect_uri", REDIRECT_URI),
    ];
    let (status, _, body) = post_form(&w.app, "/oauth2/par", None, &form).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_request"))
    );
    w.app.stop().await;
}

async fn an_app_that_requires_par_has_its_direct_requests_redirected_invalid_request(b: Backend) {
    let w = world(b).await;
    require_par(&w, &w.spa).await;
    let (challenge, _) = PkceCodeChallenge::new_random_sha256();
    let direct = format!(
        "/oauth2/authorize?response_type=code&client_id={}&redirect_uri={}&state=s1\
         &code_challenge={}&code_challenge_method=S256",
        w.spa.client.client_id,
        url::form_urlencoded::byte_serialize(REDIRECT_URI.as_bytes()).collect::<String>(),
        challenge.as_str(),
    );
    let q = query_of(&location(&w.app.get(&direct).await));
    assert_eq!(
        (q["error"].as_str(), q["state"].as_str()),
        ("invalid_request", "s1")
    );
    // Another app is not affected, and the app's pushed requests are served.
    let other = direct.replace(&w.spa.client.client_id, &w.web.client.client_id);
    assert!(location(&w.app.get(&other).await).starts_with("/accounts/login/"));
    let (request_uri, _) = pushed(&w, &w.spa).await;
    let via_par = authorize_url(&w.spa.client.client_id, &request_uri, "");
    assert!(location(&w.app.get(&via_par).await).starts_with("/accounts/login/"));
    w.app.stop().await;
}

async fn the_server_wide_switch_requires_par_of_every_app_and_discovery_says_so(b: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(b, dir.path());
    settings.oauth.require_pushed_authorization_requests = true;
    settings.oauth.par_lifetime = std::time::Duration::from_secs(30);
    let w = world_on(TestApp::spawn_with(settings, dir).await).await;
    let meta = metadata(&w.app).await;
    let par_url = w.app.url("/oauth2/par");
    assert_eq!(
        meta["pushed_authorization_request_endpoint"],
        par_url.as_str()
    );
    assert_eq!(meta["require_pushed_authorization_requests"], true);
    let direct = format!(
        "/oauth2/authorize?response_type=code&client_id={}&redirect_uri={}&scope=profile",
        w.web.client.client_id,
        url::form_urlencoded::byte_serialize(REDIRECT_URI.as_bytes()).collect::<String>(),
    );
    let q = query_of(&location(&w.app.get(&direct).await));
    assert_eq!(q["error"], "invalid_request");
    let (status, body, _) = push(&w, &w.web, &[]).await;
    assert_eq!((status, body["expires_in"].as_i64()), (201, Some(30)));
    w.app.stop().await;
}

async fn of_concurrent_uses_of_one_request_uri_exactly_one_gets_a_code(b: Backend) {
    let w = world(b).await;
    // A first-party app skips consent, so every use races to the answer.
    make_first_party(&w, &w.spa).await;
    let (request_uri, _) = pushed(&w, &w.spa).await;
    let url = w
        .app
        .url(&authorize_url(&w.spa.client.client_id, &request_uri, ""));
    let first = w.app.client.get(&url).send().await.unwrap();
    let ahead = log_in(&w, first).await;
    // The login's return used it; push another for the race.
    assert!(query_of(&location(&ahead)).contains_key("code"));
    let (request_uri, _) = pushed(&w, &w.spa).await;
    let url = w
        .app
        .url(&authorize_url(&w.spa.client.client_id, &request_uri, ""));
    let racers: Vec<_> = (0..8)
        .map(|_| {
            let (browser, url) = (w.app.client.clone(), url.clone());
            tokio::spawn(async move { browser.get(&url).send().await.unwrap() })
        })
        .collect();
    let mut codes = 0;
    for racer in racers {
        let resp = racer.await.unwrap();
        match resp.status().as_u16() {
            303 => {
                assert!(query_of(&location(&resp)).contains_key("code"));
                codes += 1;
            }
            400 => assert!(resp.headers().get("location").is_none()),
            other => panic!("unexpected status {other}"),
        }
    }
    assert_eq!(codes, 1);
    w.app.stop().await;
}

async fn a_pushed_prompt_login_is_satisfied_by_the_login_it_asks_for(b: Backend) {
    let w = world(b).await;
    make_first_party(&w, &w.web).await;
    // Logged in before the push: prompt=login still asks again.
    let (request_uri, _) = pushed(&w, &w.web).await;
    let url = w
        .app
        .url(&authorize_url(&w.web.client.client_id, &request_uri, ""));
    let first = w.app.client.get(&url).send().await.unwrap();
    assert!(query_of(&location(&log_in(&w, first).await)).contains_key("code"));
    let (status, body, _) = push(&w, &w.web, &[("prompt", "login")]).await;
    assert_eq!(status, 201, "{body}");
    let request_uri = body["request_uri"].as_str().unwrap();
    let url = w
        .app
        .url(&authorize_url(&w.web.client.client_id, request_uri, ""));
    let again = w.app.client.get(&url).send().await.unwrap();
    // The login it asked for is enough: back to the app, not to the login page again.
    let back = log_in(&w, again).await;
    assert_eq!(back.status(), 303);
    assert!(
        location(&back).starts_with(REDIRECT_URI),
        "{}",
        location(&back)
    );
    w.app.stop().await;
}

on_both_stores!(
    a_pushed_request_is_authorized_by_its_request_uri_alone_and_its_code_redeemed,
    a_request_uri_is_used_once,
    a_request_uri_pushed_by_another_client_is_refused_without_redirect,
    an_expired_or_unknown_request_uri_is_refused_without_redirect,
    par_without_valid_client_authentication_is_invalid_client,
    par_refuses_what_the_authorization_endpoint_refuses_with_its_error_codes,
    an_app_that_requires_par_has_its_direct_requests_redirected_invalid_request,
    the_server_wide_switch_requires_par_of_every_app_and_discovery_says_so,
    of_concurrent_uses_of_one_request_uri_exactly_one_gets_a_code,
    a_pushed_prompt_login_is_satisfied_by_the_login_it_asks_for,
);
