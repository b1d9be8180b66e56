//! The authorization endpoint through the real pages, on both stores: login, consent (allow,
//! deny, remembered, CSRF), prompt and redirect-URI rules; the code is redeemed with the
//! independent `oauth2` crate.

#[path = "oauth/journey.rs"]
mod journey;
#[path = "oauth/logout.rs"]
mod logout;

use crate::helpers::accounts::location;
use crate::helpers::oauth::*;
use crate::helpers::unescape_attr as unescape;
use crate::helpers::{extract_hidden, Backend};
use journey::*;
use logout::*;
use oauth2::{AuthorizationCode, CsrfToken, PkceCodeChallenge, RedirectUrl, Scope, TokenResponse};

const PASSWORD: &str = "a long enough password";

/// The authorization URL the `oauth2` crate builds, and its PKCE verifier and state.
fn auth_url(
    w: &World,
    c: &auth_center::service::clients::CreatedClient,
    scope: &str,
    extra: &[(&str, &str)],
) -> (String, oauth2::PkceCodeVerifier, String) {
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let client = oauth2_client(&w.app, c)
        .set_auth_uri(oauth2::AuthUrl::new(w.app.url("/oauth2/authorize")).unwrap())
        .set_redirect_uri(RedirectUrl::new(REDIRECT_URI.into()).unwrap());
    let mut req = client
        .authorize_url(CsrfToken::new_random)
        .set_pkce_challenge(challenge);
    for s in scope.split(' ') {
        req = req.add_scope(Scope::new(s.into()));
    }
    for (k, v) in extra {
        req = req.add_extra_param(*k, *v);
    }
    let (url, state) = req.url();
    (url.to_string(), verifier, state.secret().clone())
}

fn query_of(url: &str) -> std::collections::HashMap<String, String> {
    url::Url::parse(url)
        .unwrap()
        .query_pairs()
        .into_owned()
        .collect()
}

/// Follows the login redirect with the test client's cookie jar, back to the authorize URL.
async fn login_through(w: &World, url: &str) -> reqwest::Response {
    let first = w.app.client.get(url).send().await.unwrap();
    assert_eq!(first.status(), 303);
    let login = location(&first);
    assert!(login.starts_with("/accounts/login/?next="), "{login}");
    log_in_and_return(w, &login).await
}

async fn decide(w: &World, consent_html: &str, decision: &str) -> reqwest::Response {
    submit_consent(&w.app, &w.app.client, consent_html, decision).await
}

async fn login_consent_and_code_exchange_work_through_the_pages(b: Backend) {
    let w = world(b).await;
    let (url, verifier, state) = auth_url(&w, &w.spa, "openid profile", &[("nonce", "n1")]);
    let consent = login_through(&w, &url).await;
    assert_eq!(consent.status(), 200);
    let html = consent.text().await.unwrap();
    assert!(html.contains("name=\"decision\" value=\"allow\""), "{html}");
    assert!(html.contains(&w.spa.client.name));
    let back = decide(&w, &html, "allow").await;
    assert_eq!(back.status(), 303);
    let cb = location(&back);
    assert!(cb.starts_with(REDIRECT_URI), "{cb}");
    let q = query_of(&cb);
    assert_eq!(q["state"], state);
    assert_eq!(q["iss"], w.app.address);
    let token = oauth2_client(&w.app, &w.spa)
        .set_redirect_uri(RedirectUrl::new(REDIRECT_URI.into()).unwrap())
        .exchange_code(AuthorizationCode::new(q["code"].clone()))
        .set_pkce_verifier(verifier)
        .request_async(&http())
        .await
        .unwrap();
    let (status, _, info) = userinfo(&w.app, token.access_token().secret()).await;
    assert_eq!(
        (status, info["preferred_username"].as_str()),
        (200, Some("alice"))
    );
    // Consent is remembered: the same scopes go straight back with a code.
    let (url, _, _) = auth_url(&w, &w.spa, "openid profile", &[]);
    let again = w.app.client.get(&url).send().await.unwrap();
    assert!(query_of(&location(&again)).contains_key("code"));
    w.app.stop().await;
}

async fn denying_consent_redirects_access_denied_with_state(b: Backend) {
    let w = world(b).await;
    let (url, _, state) = auth_url(&w, &w.spa, "profile", &[]);
    let html = login_through(&w, &url).await.text().await.unwrap();
    let q = query_of(&location(&decide(&w, &html, "deny").await));
    assert_eq!(
        (q["error"].as_str(), q["state"].as_str()),
        ("access_denied", state.as_str())
    );
    w.app.stop().await;
}

async fn a_consent_post_without_the_csrf_token_is_refused_without_redirect(b: Backend) {
    let w = world(b).await;
    let (url, _, _) = auth_url(&w, &w.spa, "profile", &[]);
    let html = login_through(&w, &url).await.text().await.unwrap();
    let forged = html.replace(&extract_hidden(&html, "csrf_token").unwrap(), "forged");
    let resp = decide(&w, &forged, "allow").await;
    assert_eq!(resp.status(), 403);
    assert!(resp.headers().get("location").is_none());
    w.app.stop().await;
}

async fn prompt_none_without_a_session_redirects_login_required(b: Backend) {
    let w = world(b).await;
    let (url, _, state) = auth_url(&w, &w.spa, "openid", &[("prompt", "none")]);
    let resp = w.app.client.get(&url).send().await.unwrap();
    let q = query_of(&location(&resp));
    assert_eq!(
        (q["error"].as_str(), q["state"].as_str()),
        ("login_required", state.as_str())
    );
    assert_eq!(q["iss"], w.app.address);
    w.app.stop().await;
}

async fn an_unregistered_redirect_uri_gets_an_error_page_and_no_redirect(b: Backend) {
    let w = world(b).await;
    let (url, _, _) = auth_url(&w, &w.spa, "profile", &[]);
    let evil = url.replace("127.0.0.1%3A9%2Fcallback", "evil.example%2Fcallback");
    assert_ne!(evil, url);
    let resp = w.app.client.get(&evil).send().await.unwrap();
    assert_eq!(resp.status(), 400);
    assert!(resp.headers().get("location").is_none());
    let unknown = url.replace(&w.spa.client.client_id, "no-such-client");
    assert_eq!(
        w.app.client.get(&unknown).send().await.unwrap().status(),
        400
    );
    w.app.stop().await;
}

async fn plain_pkce_and_a_public_client_without_pkce_are_invalid_requests(b: Backend) {
    let w = world(b).await;
    let base = format!(
        "/oauth2/authorize?response_type=code&client_id={}&redirect_uri={}&state=s",
        w.spa.client.client_id,
        url::form_urlencoded::byte_serialize(REDIRECT_URI.as_bytes()).collect::<String>()
    );
    for extra in [
        "",
        "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=plain",
    ] {
        let resp = w.app.get(&format!("{base}{extra}")).await;
        let q = query_of(&location(&resp));
        assert_eq!(q["error"], "invalid_request", "{extra}");
    }
    w.app.stop().await;
}

async fn swagger_ui_logs_in_with_the_built_in_first_party_client_and_calls_the_api(b: Backend) {
    let w = world(b).await;
    let page = w.app.get("/docs").await.text().await.unwrap();
    assert!(page.contains("usePkceWithAuthorizationCodeGrant: true"));
    let receiver = w.app.url("/docs/oauth-receiver.html");
    assert_eq!(w.app.get("/docs/oauth-receiver.html").await.status(), 200);
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let client = oauth2::basic::BasicClient::new(oauth2::ClientId::new("swagger-ui".into()))
        .set_auth_uri(oauth2::AuthUrl::new(w.app.url("/oauth2/authorize")).unwrap())
        .set_token_uri(oauth2::TokenUrl::new(w.app.url("/oauth2/token")).unwrap())
        .set_redirect_uri(RedirectUrl::new(receiver.clone()).unwrap())
        .set_auth_type(oauth2::AuthType::RequestBody);
    let (url, _) = client
        .authorize_url(CsrfToken::new_random)
        .add_scope(Scope::new("profile".into()))
        .set_pkce_challenge(challenge)
        .url();
    // First party: straight from the login back to Swagger UI, no consent page.
    let back = login_through(&w, url.as_str()).await;
    assert_eq!(back.status(), 303);
    let cb = location(&back);
    assert!(cb.starts_with(&receiver), "{cb}");
    let token = client
        .exchange_code(AuthorizationCode::new(query_of(&cb)["code"].clone()))
        .set_pkce_verifier(verifier)
        .request_async(&http())
        .await
        .unwrap();
    let me = http()
        .get(w.app.url("/api/v1/me"))
        .bearer_auth(token.access_token().secret())
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), 200);
    w.app.stop().await;
}

/// Logs in and authorizes the confidential client for `openid` through the pages; returns the
/// id_token the code is exchanged for.
async fn id_token_through_pages(w: &World) -> String {
    let (url, verifier, _) = auth_url(w, &w.web, "openid", &[]);
    let html = login_through(w, &url).await.text().await.unwrap();
    let q = query_of(&location(&decide(w, &html, "allow").await));
    let secret = w.web.secret.as_deref().unwrap();
    let (status, _, body) = post_form(
        &w.app,
        "/oauth2/token",
        Some((&w.web.client.client_id, secret)),
        &[
            ("grant_type", "authorization_code"),
            ("code", &q["code"]),
            ("redirect_uri", REDIRECT_URI),
            ("code_verifier", verifier.secret()),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    body["id_token"].as_str().unwrap().to_owned()
}

async fn over_long_authorization_parameters_are_invalid_requests(b: Backend) {
    let w = world(b).await;
    let base = format!(
        "/oauth2/authorize?response_type=code&client_id={}&redirect_uri={}&scope=openid",
        w.web.client.client_id,
        url::form_urlencoded::byte_serialize(REDIRECT_URI.as_bytes()).collect::<String>()
    );
    let over = "s".repeat(2049);
    for name in ["state", "nonce", "login_hint"] {
        let resp = w.app.get(&format!("{base}&{name}={over}")).await;
        let to = location(&resp);
        assert!(to.starts_with(REDIRECT_URI), "{name}: {to}");
        let q = query_of(&to);
        assert_eq!(q["error"], "invalid_request", "{name}");
        assert!(q["error_description"].contains(name), "{name}: {q:?}");
        assert!(!q.contains_key("state"), "an over-long state is not echoed");
    }
    // At the bound, the request goes on to the login page.
    let at = "s".repeat(2048);
    let resp = w
        .app
        .get(&format!("{base}&state={at}&nonce={at}&login_hint={at}"))
        .await;
    assert!(location(&resp).starts_with("/accounts/login/"));
    w.app.stop().await;
}

async fn a_malformed_code_verifier_is_an_invalid_request_that_does_not_spend_the_code(b: Backend) {
    let w = world(b).await;
    let (url, verifier, _) = auth_url(&w, &w.web, "openid", &[]);
    let html = login_through(&w, &url).await.text().await.unwrap();
    let q = query_of(&location(&decide(&w, &html, "allow").await));
    let secret = w.web.secret.as_deref().unwrap();
    let exchange = |v: String| {
        let code = q["code"].clone();
        let app = &w.app;
        let id = w.web.client.client_id.clone();
        async move {
            post_form(
                app,
                "/oauth2/token",
                Some((&id, secret)),
                &[
                    ("grant_type", "authorization_code"),
                    ("code", &code),
                    ("redirect_uri", REDIRECT_URI),
                    ("code_verifier", &v),
                ],
            )
            .await
        }
    };
    for bad in ["v".repeat(129), "v".repeat(42), "v".repeat(100_000)] {
        let (status, _, body) = exchange(bad).await;
        assert_eq!(
            (status, body["error"].as_str()),
            (400, Some("invalid_request")),
            "{body}"
        );
    }
    let (status, _, body) = exchange(verifier.secret().clone()).await;
    assert_eq!(status, 200, "{body}");
    w.app.stop().await;
}

on_both_stores!(
    switching_language_on_the_consent_page_keeps_the_request_and_the_flow_finishes,
    ui_locales_choose_the_language_of_the_login_and_consent_pages,
    the_error_page_language_switch_keeps_its_query,
    a_person_who_registers_from_an_app_is_told_its_name_and_returns_to_it,
    finding_10_a_logout_hint_without_its_session_asks_before_redirecting,
    over_long_authorization_parameters_are_invalid_requests,
    a_malformed_code_verifier_is_an_invalid_request_that_does_not_spend_the_code,
    rp_initiated_logout_returns_only_to_registered_uris,
    swagger_ui_logs_in_with_the_built_in_first_party_client_and_calls_the_api,
    login_consent_and_code_exchange_work_through_the_pages,
    denying_consent_redirects_access_denied_with_state,
    a_consent_post_without_the_csrf_token_is_refused_without_redirect,
    prompt_none_without_a_session_redirects_login_required,
    an_unregistered_redirect_uri_gets_an_error_page_and_no_redirect,
    plain_pkce_and_a_public_client_without_pkce_are_invalid_requests,
);
