//! The FAPI 2.0 Security Profile switch of an app (`fapi2`) on both stores, driven with
//! `private_key_jwt` assertions and DPoP proofs signed by the independent `jsonwebtoken` crate
//! (`helpers/client_keys.rs`, `helpers/dpop.rs`): the whole flow (PAR authenticated with an
//! assertion and carrying a DPoP proof, the login and consent pages, `iss` in the response, the
//! code exchanged with a proof of the same key, userinfo with the DPoP scheme), and each
//! refusal with its RFC error code and a description naming the FAPI 2.0 rule: a request sent
//! through the browser, a response type other than `code`, no PKCE S256, no `redirect_uri`, a
//! token request without a proof, an RS256 assertion or proof; codes live 60 seconds.
//! Settings (API, page, dynamic registration, `dpop_bound_access_tokens`) are in
//! `oauth/fapi_settings.rs`, a DPoP proof at PAR for any app in `oauth/dpop_at_par.rs`, refresh
//! without rotation in `oauth/fapi_refresh.rs`.

#[path = "oauth/dpop_at_par.rs"]
mod dpop_at_par;
#[path = "oauth/fapi_refresh.rs"]
mod fapi_refresh;
#[path = "oauth/fapi_settings.rs"]
mod fapi_settings;

use std::collections::HashMap;

use jsonwebtoken::Algorithm;
use oauth2::PkceCodeChallenge;
use serde_json::{json, Value};

use crate::helpers::accounts::location;
use crate::helpers::client_keys::{claims, jwks, unix_now, ClientKey};
use crate::helpers::dpop::*;
use crate::helpers::oauth::{
    code_for, http, log_in_and_return, submit_consent, world, World, REDIRECT_URI,
};
use crate::helpers::Backend;
use auth_center::service::app_input::AppInput;
use auth_center::service::oauth::ASSERTION_TYPE;

/// Form fields of a request.
type Form = Vec<(&'static str, String)>;

/// A world with a FAPI 2.0 app of its user, whose keys are an ES256 and an RSA key.
struct Fapi {
    w: World,
    client_id: String,
    es256: ClientKey,
    rs256: ClientKey,
}

impl Fapi {
    /// A fresh assertion signed with `key`.
    fn assertion_with(&self, key: &ClientKey) -> String {
        key.sign(&claims(&self.client_id, &self.w.app.url("")))
    }

    fn assertion(&self) -> String {
        self.assertion_with(&self.es256)
    }

    fn url(&self, path: &str) -> String {
        self.w.app.url(path)
    }
}

async fn fapi_world(backend: Backend) -> Fapi {
    let w = world(backend).await;
    let es256 = ClientKey::es256("fapi-ec");
    let rs256 = ClientKey::rsa("fapi-rsa", Algorithm::RS256);
    let input = AppInput {
        name: "FAPI app".into(),
        redirect_uris: vec![REDIRECT_URI.into()],
        grant_types: vec!["authorization_code".into(), "refresh_token".into()],
        scopes: vec!["openid".into(), "profile".into()],
        token_endpoint_auth_method: Some("private_key_jwt".into()),
        jwks: Some(jwks(&[&es256, &rs256]).to_string()),
        fapi2: true,
        ..AppInput::default()
    };
    let registered =
        auth_center::service::apps::register_app_as_operator(&w.app.services, &w.user, input)
            .await
            .expect("FAPI app registered");
    assert!(registered.app.fapi2);
    Fapi {
        client_id: registered.app.client_id,
        w,
        es256,
        rs256,
    }
}

/// The form of a valid pushed request with PKCE S256; `extra` replaces fields, and an empty
/// value drops one.
fn par_form(challenge: &str, extra: &[(&'static str, String)]) -> Form {
    let mut form: Form = vec![
        ("response_type", "code".into()),
        ("redirect_uri", REDIRECT_URI.into()),
        ("scope", "openid profile".into()),
        ("state", "fapi-state".into()),
        ("code_challenge", challenge.into()),
        ("code_challenge_method", "S256".into()),
    ];
    for (k, v) in extra {
        form.retain(|(name, _)| name != k);
        if !v.is_empty() {
            form.push((k, v.clone()));
        }
    }
    form
}

/// POSTs `form` to the PAR endpoint, with HTTP Basic when `basic` and a `DPoP` header when
/// `proof` are given.
pub async fn post_par(
    w: &World,
    basic: Option<(&str, &str)>,
    form: &[(&'static str, String)],
    proof: Option<&str>,
) -> Answer {
    let mut req = http().post(w.app.url("/oauth2/par")).form(form);
    if let Some((id, secret)) = basic {
        req = req.basic_auth(id, Some(secret));
    }
    if let Some(p) = proof {
        req = req.header("DPoP", p);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    (status, headers, resp.json().await.unwrap_or(Value::Null))
}

/// Pushes a request of the FAPI app authenticated by `assertion`, with `extra` and `proof`.
async fn push_as(f: &Fapi, assertion: &str, extra: &[(&'static str, String)]) -> Answer {
    let (challenge, _) = PkceCodeChallenge::new_random_sha256();
    let mut form = par_form(challenge.as_str(), extra);
    form.push(("client_assertion_type", ASSERTION_TYPE.into()));
    form.push(("client_assertion", assertion.into()));
    post_par(&f.w, None, &form, None).await
}

/// The browser's way through the authorization endpoint for a pushed request: the login page
/// (once per test), the consent page (allowed), and back; returns the callback URL's query.
pub async fn authorize(w: &World, client_id: &str, request_uri: &str) -> HashMap<String, String> {
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    q.append_pair("client_id", client_id)
        .append_pair("request_uri", request_uri);
    let url = w.app.url(&format!("/oauth2/authorize?{}", q.finish()));
    let mut resp = w.app.client.get(url).send().await.unwrap();
    if resp.status() == 303 && location(&resp).starts_with("/accounts/login/") {
        resp = log_in_and_return(w, &location(&resp)).await;
    }
    if resp.status() == 200 {
        let html = resp.text().await.unwrap();
        resp = submit_consent(&w.app, &w.app.client, &html, "allow").await;
    }
    assert_eq!(resp.status(), 303);
    let back = location(&resp);
    assert!(back.starts_with(REDIRECT_URI), "{back}");
    url::Url::parse(&back)
        .unwrap()
        .query_pairs()
        .into_owned()
        .collect()
}

/// A code of the FAPI app: pushed with an assertion (and `proof` at PAR), authorized through
/// the pages. Returns the code and the PKCE verifier.
async fn fapi_code(f: &Fapi, proof: Option<&str>) -> (String, String) {
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let mut form = par_form(challenge.as_str(), &[]);
    form.push(("client_assertion_type", ASSERTION_TYPE.into()));
    form.push(("client_assertion", f.assertion()));
    let (status, _, body) = post_par(&f.w, None, &form, proof).await;
    assert_eq!(status, 201, "{body}");
    // FAPI 2.0 §5.3.2.2: a request_uri lives less than 600 seconds.
    assert!(body["expires_in"].as_i64().unwrap() <= 60, "{body}");
    let request_uri = body["request_uri"].as_str().unwrap();
    let q = authorize(&f.w, &f.client_id, request_uri).await;
    // RFC 9207, required by FAPI 2.0 §5.3.2.2.
    assert_eq!(q["iss"], f.w.app.address);
    assert_eq!(q["state"], "fapi-state");
    (q["code"].clone(), verifier.secret().clone())
}

/// Exchanges `code` authenticated by `assertion`, with `proofs`.
async fn exchange(
    f: &Fapi,
    code: &str,
    verifier: &str,
    assertion: &str,
    proofs: &[&str],
) -> Answer {
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", REDIRECT_URI),
        ("code_verifier", verifier),
        ("client_assertion_type", ASSERTION_TYPE),
        ("client_assertion", assertion),
    ];
    token_request(&f.w.app, None, &form, proofs).await
}

fn assert_refused((status, _, body): &Answer, code: u16, error: &str, rule: &str) {
    assert_eq!((*status, &body["error"]), (code, &json!(error)), "{body}");
    let why = body["error_description"].as_str().unwrap_or_default();
    assert!(why.contains("FAPI 2.0") && why.contains(rule), "{why}");
}

async fn a_fapi2_app_pushes_with_private_key_jwt_and_dpop_and_gets_a_dpop_bound_token(
    backend: Backend,
) {
    let f = fapi_world(backend).await;
    let key = DpopKey::es256();
    let par_proof = key.proof("POST", &f.url("/oauth2/par"));
    let (code, verifier) = fapi_code(&f, Some(&par_proof)).await;
    let proof = key.proof("POST", &f.url("/oauth2/token"));
    let (status, _, body) = exchange(&f, &code, &verifier, &f.assertion(), &[&proof]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["token_type"], "DPoP");
    let token = body["access_token"].as_str().unwrap();
    assert_eq!(jwt_claims(token)["cnf"], json!({ "jkt": key.thumbprint() }));
    let (status, _, info) = dpop_get(&f.w.app, &key, "/oauth2/userinfo", token).await;
    assert_eq!(status, 200, "{info}");
    assert_eq!(info["sub"], f.w.user.id);
    // Sender-constrained: the same token as a bearer token is refused.
    let (status, _, _) = get_with(&f.w.app, "/oauth2/userinfo", "Bearer", token, None).await;
    assert_eq!(status, 401);
    f.w.app.stop().await;
}

async fn a_fapi2_app_may_not_send_its_authorization_request_through_the_browser(backend: Backend) {
    let f = fapi_world(backend).await;
    let (challenge, _) = PkceCodeChallenge::new_random_sha256();
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in par_form(challenge.as_str(), &[("client_id", f.client_id.clone())]) {
        q.append_pair(k, &v);
    }
    let url = f.url(&format!("/oauth2/authorize?{}", q.finish()));
    let resp = f.w.app.client.get(url).send().await.unwrap();
    assert_eq!(resp.status(), 303);
    let back = url::Url::parse(&location(&resp)).unwrap();
    let q: HashMap<String, String> = back.query_pairs().into_owned().collect();
    assert_eq!(q["error"], "invalid_request", "{q:?}");
    assert!(
        q["error_description"].contains("FAPI 2.0 (§5.3.2.2)"),
        "{q:?}"
    );
    assert!(q["error_description"].contains("/oauth2/par"), "{q:?}");
    assert_eq!(q["iss"], f.w.app.address);
    assert_eq!(q["state"], "fapi-state");
    f.w.app.stop().await;
}

async fn pushed_requests_of_a_fapi2_app_breaking_a_rule_are_refused_naming_it(backend: Backend) {
    let f = fapi_world(backend).await;
    let cases: [(&str, Form, &str, &str); 6] = [
        (
            "hybrid",
            vec![("response_type", "code id_token".into())],
            "unsupported_response_type",
            "response_type=code",
        ),
        (
            "implicit",
            vec![("response_type", "token".into())],
            "unsupported_response_type",
            "response_type=code",
        ),
        (
            "no PKCE",
            vec![
                ("code_challenge", String::new()),
                ("code_challenge_method", String::new()),
            ],
            "invalid_request",
            "PKCE",
        ),
        (
            "plain PKCE",
            vec![("code_challenge_method", "plain".into())],
            "invalid_request",
            "S256",
        ),
        (
            "no method",
            vec![("code_challenge_method", String::new())],
            "invalid_request",
            "S256",
        ),
        (
            "no redirect_uri",
            vec![("redirect_uri", String::new())],
            "invalid_request",
            "redirect_uri",
        ),
    ];
    for (why, extra, error, rule) in cases {
        let answer = push_as(&f, &f.assertion(), &extra).await;
        assert_eq!(answer.0, 400, "{why}: {}", answer.2);
        assert_refused(&answer, 400, error, rule);
    }
    // §5.4.1: an RS256 assertion is refused, at PAR as at the token endpoint.
    let rs256 = f.assertion_with(&f.rs256);
    assert_refused(
        &push_as(&f, &rs256, &[]).await,
        401,
        "invalid_client",
        "§5.4.1",
    );
    let (status, _, body) = push_as(&f, &f.assertion(), &[]).await;
    assert_eq!(status, 201, "the valid request after the refusals: {body}");
    f.w.app.stop().await;
}

async fn a_fapi2_token_request_needs_a_dpop_proof_of_an_allowed_algorithm_and_spends_nothing(
    backend: Backend,
) {
    let f = fapi_world(backend).await;
    let (code, verifier) = fapi_code(&f, None).await;
    let no_proof = exchange(&f, &code, &verifier, &f.assertion(), &[]).await;
    assert_refused(&no_proof, 400, "invalid_request", "DPoP proof");
    let rsa_key = DpopKey(ClientKey::rsa("dpop", Algorithm::RS256));
    let rsa_proof = rsa_key.proof("POST", &f.url("/oauth2/token"));
    let answer = exchange(&f, &code, &verifier, &f.assertion(), &[&rsa_proof]).await;
    assert_refused(&answer, 400, "invalid_dpop_proof", "§5.4.1");
    let key = DpopKey::eddsa();
    let proof = key.proof("POST", &f.url("/oauth2/token"));
    let rs256 = f.assertion_with(&f.rs256);
    let answer = exchange(&f, &code, &verifier, &rs256, &[&proof]).await;
    assert_refused(&answer, 401, "invalid_client", "§5.4.1");
    // None of those spent the code.
    let proof = key.proof("POST", &f.url("/oauth2/token"));
    let (status, _, body) = exchange(&f, &code, &verifier, &f.assertion(), &[&proof]).await;
    assert_eq!(
        (status, &body["token_type"]),
        (200, &json!("DPoP")),
        "{body}"
    );
    f.w.app.stop().await;
}

async fn a_fapi2_code_lives_sixty_seconds_while_other_apps_keep_the_configured_lifetime(
    backend: Backend,
) {
    let f = fapi_world(backend).await;
    let (code, verifier) = fapi_code(&f, None).await;
    let other = code_for(&f.w, &f.w.web, "profile", None).await;
    f.w.app.advance(std::time::Duration::from_secs(61));
    let key = DpopKey::es256();
    // The proof is made at the app's moved clock.
    let mut c = key.claims("POST", &f.url("/oauth2/token"));
    c["iat"] = json!(unix_now() + 61);
    let (status, _, body) = exchange(&f, &code, &verifier, &f.assertion(), &[&key.sign(&c)]).await;
    assert_eq!(
        (status, &body["error"]),
        (400, &json!("invalid_grant")),
        "{body}"
    );
    assert!(
        body["error_description"]
            .as_str()
            .unwrap()
            .contains("expired"),
        "{body}"
    );
    // The world's other app still exchanges a code of the same age (oauth.code_ttl_secs).
    let secret = f.w.web.secret.as_deref().unwrap();
    let form = [
        ("grant_type", "authorization_code"),
        ("code", other.0.as_str()),
        ("redirect_uri", REDIRECT_URI),
        ("code_verifier", other.1.secret().as_str()),
    ];
    let basic = Some((f.w.web.client.client_id.as_str(), secret));
    let (status, _, body) = token_request(&f.w.app, basic, &form, &[]).await;
    assert_eq!(status, 200, "{body}");
    f.w.app.stop().await;
}

on_both_stores!(
    a_fapi2_app_pushes_with_private_key_jwt_and_dpop_and_gets_a_dpop_bound_token,
    a_fapi2_app_may_not_send_its_authorization_request_through_the_browser,
    pushed_requests_of_a_fapi2_app_breaking_a_rule_are_refused_naming_it,
    a_fapi2_token_request_needs_a_dpop_proof_of_an_allowed_algorithm_and_spends_nothing,
    a_fapi2_code_lives_sixty_seconds_while_other_apps_keep_the_configured_lifetime,
);
