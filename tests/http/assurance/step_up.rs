//! `acr_values`, `max_age` and per-app `require_mfa` at the authorization endpoint, and the
//! assurance claims of what it leads to.

use std::time::Duration;

use openidconnect::core::{CoreAuthenticationFlow, CoreJwsSigningAlgorithm, CoreTokenResponse};
use openidconnect::{
    AuthenticationContextClass, AuthorizationCode, CsrfToken, Nonce, OAuth2TokenResponse,
    PkceCodeChallenge, PkceCodeVerifier,
};
use serde_json::json;

use crate::helpers::caller::{fields, Caller};
use crate::helpers::oauth::*;
use crate::helpers::totp::code_at_step;
use crate::helpers::two_factor::{enrol_signed_in, post, step_now};
use crate::helpers::{extract_hidden, unescape_attr, Backend};
use crate::oauth_oidc::browser::*;

const ES256: CoreJwsSigningAlgorithm = CoreJwsSigningAlgorithm::EcdsaP256Sha256;
const ACR_PASSWORD: &str = "urn:auth-center:acr:password";
const ACR_MFA: &str = "urn:auth-center:acr:mfa";

/// An authorization request of the library for the world's web app, asking `acr_values`
/// and `max_age` when given; returns its URL, nonce and PKCE verifier.
fn request(
    client: &OidcClient,
    acr: Option<&str>,
    max_age: Option<Duration>,
) -> (String, Nonce, PkceCodeVerifier) {
    let (challenge, pkce) = PkceCodeChallenge::new_random_sha256();
    let mut req = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .set_pkce_challenge(challenge);
    if let Some(acr) = acr {
        req = req.add_auth_context_value(AuthenticationContextClass::new(acr.into()));
    }
    if let Some(m) = max_age {
        req = req.set_max_age(m);
    }
    let (url, _, nonce) = req.url();
    (url.to_string(), nonce, pkce)
}

/// What the library's validated id_token says of the sign-in: `acr`, `amr`, `auth_time`.
struct Assurance {
    acr: String,
    amr: Vec<String>,
    auth_time: i64,
    access_token: String,
}

async fn exchange(
    client: &OidcClient,
    to: &str,
    nonce: &Nonce,
    pkce: PkceCodeVerifier,
) -> Assurance {
    let code = query_of(to)["code"].clone();
    let tokens: CoreTokenResponse = client
        .exchange_code(AuthorizationCode::new(code))
        .unwrap()
        .set_pkce_verifier(pkce)
        .request_async(&http())
        .await
        .expect("the code is exchanged");
    let verifier = verifier_for(client, ES256);
    let claims = tokens
        .extra_fields()
        .id_token()
        .expect("an id_token")
        .claims(&verifier, nonce)
        .expect("a valid id_token");
    Assurance {
        acr: claims.auth_context_ref().expect("acr").to_string(),
        amr: claims
            .auth_method_refs()
            .expect("amr")
            .iter()
            .map(|m| m.to_string())
            .collect(),
        auth_time: claims.auth_time().expect("auth_time").timestamp(),
        access_token: tokens.access_token().secret().clone(),
    }
}

/// The step-up page for the browser of `w`: its pending login, CSRF token and `next`.
fn step_up_form(html: &str) -> (String, String, String) {
    assert!(
        html.contains("action=\"/accounts/login/two-factor/\""),
        "{html}"
    );
    let get = |n| unescape_attr(&extract_hidden(html, n).unwrap());
    (get("pending"), get("csrf_token"), get("next"))
}

async fn a_password_session_is_stepped_up_when_acr_values_ask_for_a_second_factor(b: Backend) {
    let w = world(b).await;
    let meta = metadata(&w.app).await;
    assert_eq!(meta["acr_values_supported"], json!([ACR_PASSWORD, ACR_MFA]));
    for claim in ["acr", "amr", "auth_time"] {
        assert!(meta["claims_supported"]
            .as_array()
            .unwrap()
            .contains(&json!(claim)));
    }
    let client = oidc_client(&w, &w.web).await;
    let (url, nonce, pkce) = request(&client, None, None);
    let first = exchange(&client, &authorize(&w, &url).await, &nonce, pkce).await;
    assert_eq!(first.acr, ACR_PASSWORD);
    assert_eq!(first.amr, ["pwd"]);
    let seen = introspect(&w, &first.access_token).await;
    assert_eq!(seen["acr"], ACR_PASSWORD, "{seen}");
    assert_eq!(seen["auth_time"], first.auth_time, "{seen}");

    // Two-step verification turned on keeps this (password) session; asking for the second
    // factor now asks this browser for a code, then resumes the request.
    let (secret, _) = enrol_signed_in(&w.app).await;
    w.app.advance(Duration::from_millis(1100));
    let (url, nonce, pkce) = request(&client, Some(ACR_MFA), None);
    let page = w.app.client.get(&url).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let (pending, csrf, next) = step_up_form(&page.text().await.unwrap());
    assert!(next.starts_with("/oauth2/authorize?"), "{next}");
    let wrong = code_at_step(&secret, step_now(&w.app) + 5);
    let form = [
        ("pending", pending.as_str()),
        ("code", &wrong),
        ("csrf_token", &csrf),
        ("next", &next),
    ];
    let refused = post(&w.app.client, &w.app, "/accounts/login/two-factor/", &form).await;
    assert_eq!(refused.status(), 401);
    let code = code_at_step(&secret, step_now(&w.app) + 1);
    let form = [
        ("pending", pending.as_str()),
        ("code", &code),
        ("csrf_token", &csrf),
        ("next", &next),
    ];
    let passed = post(&w.app.client, &w.app, "/accounts/login/two-factor/", &form).await;
    assert_eq!(passed.status(), 303);
    assert_eq!(location(&passed), next);
    let stepped = exchange(
        &client,
        &authorize(&w, &w.app.url(&next)).await,
        &nonce,
        pkce,
    )
    .await;
    assert_eq!(stepped.acr, ACR_MFA);
    assert_eq!(stepped.amr, ["pwd", "otp", "mfa"]);
    assert!(
        stepped.auth_time > first.auth_time,
        "the step-up is a new sign-in"
    );
    let seen = introspect(&w, &stepped.access_token).await;
    assert_eq!(seen["acr"], ACR_MFA, "{seen}");
    assert_eq!(seen["auth_time"], stepped.auth_time, "{seen}");

    // The stepped-up session serves the next such request without asking again, and a list
    // that also accepts the password class never asks.
    let (url, nonce, pkce) = request(&client, Some(ACR_MFA), None);
    let again = exchange(&client, &authorize(&w, &url).await, &nonce, pkce).await;
    assert_eq!(again.acr, ACR_MFA);
    w.app.stop().await;
}

async fn max_age_zero_makes_a_signed_in_person_sign_in_again_and_resumes_the_request(b: Backend) {
    let w = world(b).await;
    let client = oidc_client(&w, &w.web).await;
    let (url, nonce, pkce) = request(&client, None, None);
    let first = exchange(&client, &authorize(&w, &url).await, &nonce, pkce).await;
    w.app.advance(Duration::from_millis(2100));
    let (url, nonce, pkce) = request(&client, None, Some(Duration::ZERO));
    let resp = w.app.client.get(&url).send().await.unwrap();
    assert_eq!(resp.status(), 303);
    let login = location(&resp);
    assert!(login.starts_with("/accounts/login/?next="), "{login}");
    // The session is older than max_age: `authorize` signs in on the login page and returns.
    let fresh = exchange(&client, &authorize(&w, &url).await, &nonce, pkce).await;
    assert!(
        fresh.auth_time >= first.auth_time + 2,
        "{} {}",
        fresh.auth_time,
        first.auth_time
    );
    // Without max_age the session serves as it is.
    let (url, nonce, pkce) = request(&client, None, None);
    let same = exchange(&client, &authorize(&w, &url).await, &nonce, pkce).await;
    assert_eq!(same.auth_time, fresh.auth_time);
    w.app.stop().await;
}

async fn a_person_without_a_second_factor_is_told_to_enrol_and_the_app_gets_an_error(b: Backend) {
    let w = world(b).await;
    assert_eq!(w.app.login("alice", PASSWORD).await.status(), 303);
    let params = [
        ("response_type", "code"),
        ("scope", "openid"),
        ("state", "s7"),
        ("acr_values", ACR_MFA),
    ];
    let url = raw_authorize_url(&w, &w.web, &params);
    let page = w.app.client.get(&url).send().await.unwrap();
    assert_eq!(page.status(), 403);
    let html = page.text().await.unwrap();
    let hrefs: Vec<String> = html
        .split("<a href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(unescape_attr)
        .collect();
    assert!(
        hrefs.iter().any(|h| h == "/accounts/profile/two-factor/"),
        "{html}"
    );
    let back = hrefs.iter().find(|h| h.starts_with(REDIRECT_URI));
    let q = query_of(back.expect("a link back to the app"));
    assert_eq!(q["error"], "unmet_authentication_requirements");
    assert_eq!(q["state"], "s7");
    assert_eq!(q["iss"], w.app.address);
    // prompt=none: straight back with the error; a list that accepts the password class too
    // issues a code; an unknown class alone is ignored.
    let none = [("prompt", "none")];
    let resp = w
        .app
        .client
        .get(raw_authorize_url(
            &w,
            &w.web,
            &[&params[..], &none].concat(),
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303);
    assert_eq!(
        query_of(&location(&resp))["error"],
        "unmet_authentication_requirements"
    );
    // A pushed request (RFC 9126) is held to the same rule.
    let secret = w.web.secret.as_deref().unwrap();
    let basic = Some((w.web.client.client_id.as_str(), secret));
    let form = [
        ("redirect_uri", REDIRECT_URI),
        ("state", "s8"),
        ("acr_values", ACR_MFA),
    ];
    let form = [&params[..2], &form].concat();
    let (status, _, pushed) = post_form(&w.app, "/oauth2/par", basic, &form).await;
    assert_eq!(status, 201, "{pushed}");
    let q = [
        ("client_id", w.web.client.client_id.as_str()),
        ("request_uri", pushed["request_uri"].as_str().unwrap()),
    ];
    let page = w
        .app
        .client
        .get(w.app.url("/oauth2/authorize"))
        .query(&q)
        .send()
        .await;
    let html = page.unwrap().text().await.unwrap();
    assert!(html.contains("unmet_authentication_requirements"), "{html}");
    let both = format!("{ACR_MFA} {ACR_PASSWORD}");
    for acr in [both.as_str(), "urn:example:gold"] {
        let p = [
            ("response_type", "code"),
            ("scope", "openid"),
            ("acr_values", acr),
        ];
        let to = authorize(&w, &raw_authorize_url(&w, &w.web, &p)).await;
        assert!(query_of(&to).contains_key("code"), "{acr}: {to}");
    }
    // Nothing was turned on by any of it.
    let svc = w.app.services().await;
    assert!(svc
        .stores
        .second_factors
        .get_second_factor(&w.user.id)
        .await
        .unwrap()
        .is_none());
    w.app.stop().await;
}

async fn an_app_requiring_a_second_factor_steps_up_every_request_despite_remembered_consent(
    b: Backend,
) {
    let w = world(b).await;
    let client = oidc_client(&w, &w.web).await;
    let (url, nonce, pkce) = request(&client, None, None);
    exchange(&client, &authorize(&w, &url).await, &nonce, pkce).await;
    let (secret, _) = enrol_signed_in(&w.app).await;
    // The owner turns it on through the Apps API; with the password grant it is refused.
    let owner = Caller::of_browser(&w.app, &w.app.client).await;
    let path = format!("/api/v1/apps/{}", w.web.client.client_id);
    let (status, body) = owner
        .patch(
            &path,
            json!({"require_mfa": true, "grant_types": ["authorization_code", "password"]}),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(fields(&body).contains(&"require_mfa".to_owned()), "{body}");
    // The apps page applies the same rule, next to the field.
    let page = format!("/oauth/applications/{}/update/", w.web.client.client_id);
    let device = "urn:ietf:params:oauth:grant-type:device_code";
    let form = [
        ("name", "Web"),
        ("redirect_uris", REDIRECT_URI),
        ("grant_types", "authorization_code"),
        ("grant_types", device),
        ("require_mfa", "on"),
    ];
    let refused = w.app.submit(&page, &page, &form).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains("id=\"require_mfa-error\""), "{html}");
    assert!(
        html.contains("cannot use the password or device grants"),
        "{html}"
    );
    let (status, body) = owner.patch(&path, json!({"require_mfa": true})).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["require_mfa"], true);
    let page = w
        .app
        .get(&format!(
            "/oauth/applications/{}/update/",
            w.web.client.client_id
        ))
        .await;
    let html = page.text().await.unwrap();
    assert!(html.contains("name=\"require_mfa\" checked"), "{html}");

    let (url, nonce, pkce) = request(&client, None, None);
    let page = w.app.client.get(&url).send().await.unwrap();
    assert_eq!(
        page.status(),
        200,
        "consent is remembered, the step-up is not skipped"
    );
    let (pending, csrf, next) = step_up_form(&page.text().await.unwrap());
    let code = code_at_step(&secret, step_now(&w.app) + 1);
    let form = [
        ("pending", pending.as_str()),
        ("code", &code),
        ("csrf_token", &csrf),
        ("next", &next),
    ];
    let passed = post(&w.app.client, &w.app, "/accounts/login/two-factor/", &form).await;
    assert_eq!(passed.status(), 303);
    let stepped = exchange(
        &client,
        &authorize(&w, &w.app.url(&next)).await,
        &nonce,
        pkce,
    )
    .await;
    assert_eq!(stepped.acr, ACR_MFA);
    w.app.stop().await;
}

on_both_stores!(
    a_password_session_is_stepped_up_when_acr_values_ask_for_a_second_factor,
    max_age_zero_makes_a_signed_in_person_sign_in_again_and_resumes_the_request,
    a_person_without_a_second_factor_is_told_to_enrol_and_the_app_gets_an_error,
    an_app_requiring_a_second_factor_steps_up_every_request_despite_remembered_consent,
);
