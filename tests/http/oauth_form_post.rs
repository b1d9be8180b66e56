//! The Form Post Response Mode on both stores: every authorization response (a code, tokens of
//! a hybrid flow, an error) comes back as a page whose form posts the parameters to the
//! redirect URI, submitted by a static script the page's CSP allows (no inline script), with a
//! visible button as fallback; the code is redeemed with the independent `oauth2` crate.

use oauth2::{AuthorizationCode, PkceCodeChallenge, RedirectUrl};

use crate::helpers::accounts::location;
use crate::helpers::oauth::*;
use crate::helpers::{escape_attr, extract_hidden, unescape_attr, Backend};

/// An authorization URL for `client_id` with `params` (values form-encoded).
fn authorize_url(client_id: &str, params: &[(&str, &str)]) -> String {
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    q.append_pair("client_id", client_id)
        .append_pair("redirect_uri", REDIRECT_URI);
    q.extend_pairs(params);
    format!("/oauth2/authorize?{}", q.finish())
}

/// The consent page of the authorization request at `path`, after logging in.
async fn consent_page(w: &World, path: &str) -> String {
    let first = w.app.client.get(w.app.url(path)).send().await.unwrap();
    let page = log_in_and_return(w, &location(&first)).await;
    page.text().await.unwrap()
}

/// The form of a form_post page: checks the page, returns its hidden fields by name.
async fn posted_fields(resp: reqwest::Response) -> std::collections::HashMap<String, String> {
    let to = resp
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned());
    assert_eq!((resp.status().as_u16(), to), (200, None));
    let header = |n: &str| resp.headers()[n].to_str().unwrap().to_owned();
    assert_eq!(header("cache-control"), "no-store");
    assert!(header("content-security-policy").contains("script-src 'self';"));
    let html = resp.text().await.unwrap();
    let action = format!("method=\"post\" action=\"{}\"", escape_attr(REDIRECT_URI));
    assert!(html.contains(&action), "{html}");
    assert!(html.contains("<button type=\"submit\">"), "{html}");
    // The only script is the static file; an inline one would be blocked by the CSP.
    assert_eq!(html.matches("<script").count(), 1, "{html}");
    assert!(html.contains("<script src=\"/static/form_post.js\"></script>"));
    let names = [
        "code",
        "state",
        "iss",
        "id_token",
        "error",
        "error_description",
    ];
    names
        .iter()
        .filter_map(|n| extract_hidden(&html, n).map(|v| ((*n).to_owned(), unescape_attr(&v))))
        .collect()
}

async fn a_code_comes_back_in_an_auto_submitted_form_and_is_redeemed(b: Backend) {
    let w = world(b).await;
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let params = [
        ("response_type", "code"),
        ("response_mode", "form_post"),
        ("scope", "profile"),
        ("state", "fp-state"),
        ("code_challenge", challenge.as_str()),
        ("code_challenge_method", "S256"),
    ];
    let html = consent_page(&w, &authorize_url(&w.spa.client.client_id, &params)).await;
    let back = submit_consent(&w.app, &w.app.client, &html, "allow").await;
    let fields = posted_fields(back).await;
    assert_eq!(fields["state"], "fp-state");
    assert_eq!(fields["iss"], w.app.address);
    oauth2_client(&w.app, &w.spa)
        .set_redirect_uri(RedirectUrl::new(REDIRECT_URI.into()).unwrap())
        .exchange_code(AuthorizationCode::new(fields["code"].clone()))
        .set_pkce_verifier(verifier)
        .request_async(&http())
        .await
        .expect("the posted code is redeemed");
    let script = w.app.get("/static/form_post.js").await;
    assert_eq!(script.status(), 200);
    assert!(script.text().await.unwrap().contains(".submit()"));
    w.app.stop().await;
}

async fn an_error_comes_back_in_the_form_too(b: Backend) {
    let w = world(b).await;
    let params = [
        ("response_type", "code"),
        ("response_mode", "form_post"),
        ("scope", "profile"),
        ("state", "<&\"'>"),
        ("prompt", "none"),
    ];
    let resp = w
        .app
        .get(&authorize_url(&w.web.client.client_id, &params))
        .await;
    let fields = posted_fields(resp).await;
    assert_eq!(fields["error"], "login_required");
    assert_eq!(
        fields["state"], "<&\"'>",
        "state is escaped in the page, not altered"
    );
    assert!(!fields.contains_key("code"));
    w.app.stop().await;
}

async fn a_hybrid_response_posts_the_code_and_the_id_token(b: Backend) {
    let w = world(b).await;
    let hybrid = new_client(
        &w.app,
        &w.user.id,
        &["authorization_code", "implicit"],
        false,
    )
    .await;
    let params = [
        ("response_type", "code id_token"),
        ("response_mode", "form_post"),
        ("scope", "openid"),
        ("state", "h1"),
        ("nonce", "n-1"),
    ];
    let html = consent_page(&w, &authorize_url(&hybrid.client.client_id, &params)).await;
    let fields = posted_fields(submit_consent(&w.app, &w.app.client, &html, "allow").await).await;
    assert!(fields.contains_key("code"), "{fields:?}");
    assert_eq!(fields["id_token"].split('.').count(), 3, "{fields:?}");
    let meta = metadata(&w.app).await;
    let modes = meta["response_modes_supported"].as_array().unwrap();
    assert!(modes.iter().any(|m| m == "form_post"), "{modes:?}");
    w.app.stop().await;
}

on_both_stores!(
    a_code_comes_back_in_an_auto_submitted_form_and_is_redeemed,
    an_error_comes_back_in_the_form_too,
    a_hybrid_response_posts_the_code_and_the_id_token,
);
