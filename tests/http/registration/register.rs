//! Clients register themselves (RFC 7591 §3) and then use what they registered: a confidential
//! client with an initial access token (client_credentials and the code flow), a public client
//! under the open policy (the code flow with PKCE), a `private_key_jwt` client with its keys.
//! Tokens are requested with the independent `oauth2` crate and signed assertions.

use oauth2::{AuthorizationCode, RedirectUrl, TokenResponse};
use serde_json::json;

use super::support::*;
use crate::helpers::caller::Caller;
use crate::helpers::client_keys::{self, ClientKey};
use crate::helpers::oauth::*;
use crate::helpers::Backend;
use auth_center::domain::RegistrationPolicy;

async fn a_confidential_client_registers_with_an_initial_access_token_and_gets_tokens(b: Backend) {
    let app = app_with(b, RegistrationPolicy::InitialAccessToken, 10).await;
    let meta = metadata(&app).await;
    assert_eq!(meta["registration_endpoint"], app.url("/oauth2/register"));
    let token = initial_token(&app, 1, 3600).await;
    let (status, reg) = register(&app, Some(&token), &web_metadata()).await;
    assert_eq!(status, 201, "{reg}");
    let id = reg["client_id"].as_str().unwrap();
    assert!(reg["client_secret"].as_str().unwrap().len() >= 43);
    assert_eq!(reg["client_secret_expires_at"], 0);
    assert!(reg["client_id_issued_at"].as_i64().unwrap() > 1_700_000_000);
    assert_eq!(reg["token_endpoint_auth_method"], "client_secret_basic");
    assert_eq!(reg["client_name"], "Registered web app");
    assert_eq!(reg["response_types"], json!(["code"]));
    assert_eq!(reg["contacts"], json!(["ops@client.example"]));
    assert_eq!(reg["tos_uri"], "https://client.example/tos");
    assert_eq!(reg["software_id"], "4NRB1-0XZABZI9E6-5SM3R");
    assert!(reg.get("software_statement").is_none(), "{reg}");
    let uri = app.url(&format!("/oauth2/register/{id}"));
    assert_eq!(reg["registration_client_uri"], uri.as_str());
    assert!(reg["registration_access_token"].as_str().unwrap().len() >= 43);

    let admin = Caller::admin(&app).await;
    let (status, listed) = admin.get("/api/v1/admin/registered-apps").await;
    assert_eq!(status, 200, "{listed}");
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["items"][0]["client_id"], id);
    assert_eq!(listed["items"][0]["owner_id"], "dynamic-registration");

    let w = world_on(app).await;
    let c = created(&w.app, &reg).await;
    let tokens = oauth2_client(&w.app, &c)
        .exchange_client_credentials()
        .request_async(&http())
        .await
        .expect("client_credentials for the registered client");
    let info = introspect(&w, tokens.access_token().secret()).await;
    assert_eq!(info["active"], true);
    assert_eq!(info["client_id"], id);
    let (code, verifier) = code_for(&w, &c, "openid profile", None).await;
    let tokens = oauth2_client(&w.app, &c)
        .set_redirect_uri(RedirectUrl::new(REDIRECT_URI.into()).unwrap())
        .exchange_code(AuthorizationCode::new(code))
        .set_pkce_verifier(verifier)
        .request_async(&http())
        .await
        .expect("the code flow for the registered client");
    let info = introspect(&w, tokens.access_token().secret()).await;
    assert_eq!(info["sub"], w.user.id.as_str());
    w.app.stop().await;
}

async fn a_public_client_registers_openly_and_completes_the_code_flow_with_pkce(b: Backend) {
    let app = app_with(b, RegistrationPolicy::Open, 10).await;
    let body = json!({
        "redirect_uris": [REDIRECT_URI],
        "token_endpoint_auth_method": "none",
        "grant_types": ["authorization_code", "refresh_token"],
        "scope": "openid profile",
    });
    let (status, reg) = register(&app, None, &body).await;
    assert_eq!(status, 201, "{reg}");
    assert!(reg.get("client_secret").is_none(), "{reg}");
    assert!(reg.get("client_secret_expires_at").is_none(), "{reg}");
    assert_eq!(reg["token_endpoint_auth_method"], "none");
    assert_eq!(
        reg["client_name"], "App at 127.0.0.1",
        "a name from the redirect URI"
    );
    let w = world_on(app).await;
    let c = created(&w.app, &reg).await;
    let (code, verifier) = code_for(&w, &c, "openid profile", None).await;
    let tokens = oauth2_client(&w.app, &c)
        .set_redirect_uri(RedirectUrl::new(REDIRECT_URI.into()).unwrap())
        .exchange_code(AuthorizationCode::new(code))
        .set_pkce_verifier(verifier)
        .request_async(&http())
        .await
        .expect("the code flow for the public client");
    let (status, _, claims) = userinfo(&w.app, tokens.access_token().secret()).await;
    assert_eq!(
        (status, claims["sub"].as_str()),
        (200, Some(w.user.id.as_str()))
    );
    w.app.stop().await;
}

async fn a_private_key_jwt_client_registers_its_keys_and_authenticates_with_an_assertion(
    b: Backend,
) {
    let app = app_with(b, RegistrationPolicy::Open, 10).await;
    let key = ClientKey::es256("registered-key");
    let body = json!({
        "client_name": "Signed assertions",
        "token_endpoint_auth_method": "private_key_jwt",
        "jwks": client_keys::jwks(&[&key]),
        "grant_types": ["client_credentials"],
        "scope": "profile",
    });
    let (status, reg) = register(&app, None, &body).await;
    assert_eq!(status, 201, "{reg}");
    assert!(reg.get("client_secret").is_none(), "{reg}");
    assert_eq!(reg["token_endpoint_auth_method"], "private_key_jwt");
    assert_eq!(reg["jwks"]["keys"][0]["kid"], "registered-key");
    let id = reg["client_id"].as_str().unwrap();
    let assertion = key.sign(&client_keys::claims(id, &app.url("/oauth2/token")));
    let (status, token) = client_keys::token_with(&app, &assertion).await;
    assert_eq!(status, 200, "{token}");
    assert_eq!(token["token_type"], "Bearer");
    let other = ClientKey::es256("registered-key");
    let forged = other.sign(&client_keys::claims(id, &app.url("/oauth2/token")));
    let (status, refused) = client_keys::token_with(&app, &forged).await;
    assert_eq!(
        (status, refused["error"].as_str()),
        (401, Some("invalid_client"))
    );
    app.stop().await;
}

async fn with_registration_off_the_endpoint_refuses_and_discovery_does_not_name_it(b: Backend) {
    let app = app_with(b, RegistrationPolicy::Off, 10).await;
    let meta = metadata(&app).await;
    assert!(meta.get("registration_endpoint").is_none(), "{meta}");
    let (status, body) = register(&app, None, &web_metadata()).await;
    assert_eq!(status, 403, "{body}");
    assert_eq!(body["error"], "access_denied");
    assert!(body["error_description"]
        .as_str()
        .unwrap()
        .contains("turned off"));
    let admin = Caller::admin(&app).await;
    let (_, listed) = admin.get("/api/v1/admin/registered-apps").await;
    assert_eq!(listed["total"], 0);
    app.stop().await;
}

async fn a_client_registered_with_dpop_bound_access_tokens_gets_no_token_without_a_proof(
    b: Backend,
) {
    let app = app_with(b, RegistrationPolicy::Open, 10).await;
    let mut body = web_metadata();
    body["dpop_bound_access_tokens"] = json!(true);
    let (status, reg) = register(&app, None, &body).await;
    assert_eq!(status, 201, "{reg}");
    assert_eq!(reg["dpop_bound_access_tokens"], true, "{reg}");
    let id = reg["client_id"].as_str().unwrap();
    let secret = reg["client_secret"].as_str().unwrap();
    let form = [("grant_type", "client_credentials")];
    let (status, _, refused) = post_form(&app, "/oauth2/token", Some((id, secret)), &form).await;
    assert_eq!(
        (status, refused["error"].as_str()),
        (400, Some("invalid_request")),
        "{refused}"
    );
    let key = crate::helpers::dpop::DpopKey::es256();
    let proof = key.proof("POST", &app.url("/oauth2/token"));
    let (status, _, token) =
        crate::helpers::dpop::token_request(&app, Some((id, secret)), &form, &[&proof]).await;
    assert_eq!(
        (status, token["token_type"].as_str()),
        (200, Some("DPoP")),
        "{token}"
    );
    app.stop().await;
}

on_both_stores!(
    a_confidential_client_registers_with_an_initial_access_token_and_gets_tokens,
    a_public_client_registers_openly_and_completes_the_code_flow_with_pkce,
    a_private_key_jwt_client_registers_its_keys_and_authenticates_with_an_assertion,
    with_registration_off_the_endpoint_refuses_and_discovery_does_not_name_it,
    a_client_registered_with_dpop_bound_access_tokens_gets_no_token_without_a_proof,
);
