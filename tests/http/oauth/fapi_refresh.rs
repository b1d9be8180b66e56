//! Refresh tokens of a FAPI 2.0 app do not rotate (FAPI 2.0 §5.3.2.1), on both stores: each
//! refresh, authenticated with an assertion and carrying a DPoP proof, answers a new DPoP-bound
//! access token and no refresh token, and the same refresh token keeps working; another app's
//! refresh token still rotates.

use oauth2::PkceCodeChallenge;
use serde_json::json;

use super::{authorize, exchange, fapi_world, par_form, post_par, Fapi};
use crate::helpers::dpop::*;
use crate::helpers::Backend;
use auth_center::service::oauth::ASSERTION_TYPE;

/// A code of the FAPI app for the `profile` scope alone (no `openid`, so no `offline_access`
/// is needed for a refresh token), with its PKCE verifier.
async fn profile_code(f: &Fapi, key: &DpopKey) -> (String, String) {
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let mut form = par_form(challenge.as_str(), &[("scope", "profile".into())]);
    form.push(("client_assertion_type", ASSERTION_TYPE.into()));
    form.push(("client_assertion", f.assertion()));
    let proof = key.proof("POST", &f.url("/oauth2/par"));
    let (status, _, body) = post_par(&f.w, None, &form, Some(&proof)).await;
    assert_eq!(status, 201, "{body}");
    let q = authorize(&f.w, &f.client_id, body["request_uri"].as_str().unwrap()).await;
    (q["code"].clone(), verifier.secret().clone())
}

async fn a_fapi2_apps_refresh_token_is_not_rotated(backend: Backend) {
    let f = fapi_world(backend).await;
    let key = DpopKey::es256();
    let (code, verifier) = profile_code(&f, &key).await;
    let proof = key.proof("POST", &f.url("/oauth2/token"));
    let (status, _, body) = exchange(&f, &code, &verifier, &f.assertion(), &[&proof]).await;
    assert_eq!(status, 200, "{body}");
    let refresh = body["refresh_token"]
        .as_str()
        .expect("a refresh token")
        .to_owned();
    let mut access_tokens = vec![body["access_token"].as_str().unwrap().to_owned()];
    for _ in 0..2 {
        let assertion = f.assertion();
        let form = [
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh.as_str()),
            ("client_assertion_type", ASSERTION_TYPE),
            ("client_assertion", assertion.as_str()),
        ];
        let proof = key.proof("POST", &f.url("/oauth2/token"));
        let (status, _, body) = token_request(&f.w.app, None, &form, &[&proof]).await;
        assert_eq!(status, 200, "{body}");
        assert!(body.get("refresh_token").is_none(), "rotated: {body}");
        assert_eq!(body["token_type"], "DPoP");
        let token = body["access_token"].as_str().unwrap();
        assert_eq!(jwt_claims(token)["cnf"], json!({ "jkt": key.thumbprint() }));
        assert!(!access_tokens.iter().any(|t| t == token));
        access_tokens.push(token.to_owned());
    }
    // Without a proof the FAPI rule still refuses, and spends nothing.
    let assertion = f.assertion();
    let form = [
        ("grant_type", "refresh_token"),
        ("refresh_token", refresh.as_str()),
        ("client_assertion_type", ASSERTION_TYPE),
        ("client_assertion", assertion.as_str()),
    ];
    let (status, _, body) = token_request(&f.w.app, None, &form, &[]).await;
    assert_eq!(
        (status, &body["error"]),
        (400, &json!("invalid_request")),
        "{body}"
    );
    f.w.app.stop().await;
}

on_both_stores!(a_fapi2_apps_refresh_token_is_not_rotated);
