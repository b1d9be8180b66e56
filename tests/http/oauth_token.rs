//! The token endpoint driven by the independent `oauth2` and `openidconnect` crates, on both
//! stores: client_credentials, authorization_code + PKCE with an id_token the library validates
//! against our JWKS, refresh rotation; and each RFC error the endpoint must answer.

#[path = "oauth/hash_flood.rs"]
mod hash_flood;
#[path = "oauth/token_cpu.rs"]
mod token_cpu;

use crate::helpers::oauth::*;
use crate::helpers::Backend;
use oauth2::basic::BasicErrorResponseType;
use oauth2::{
    AuthType, AuthorizationCode, PkceCodeVerifier, RedirectUrl, RefreshToken, RequestTokenError,
    ResourceOwnerPassword, ResourceOwnerUsername, Scope, TokenResponse,
};
use openidconnect::core::{CoreClient, CoreJwsSigningAlgorithm, CoreProviderMetadata};
use openidconnect::{AccessTokenHash, IssuerUrl, Nonce};

fn server_error<E, T: std::fmt::Debug>(
    r: Result<T, RequestTokenError<E, oauth2::StandardErrorResponse<BasicErrorResponseType>>>,
) -> BasicErrorResponseType
where
    E: std::error::Error + 'static,
{
    match r {
        Err(RequestTokenError::ServerResponse(resp)) => resp.error().clone(),
        other => panic!("expected an OAuth error response, got {other:?}"),
    }
}

async fn client_credentials_tokens_are_issued_to_basic_and_post_authentication(b: Backend) {
    let w = world(b).await;
    let basic = oauth2_client(&w.app, &w.web);
    let token = basic
        .exchange_client_credentials()
        .add_scope(Scope::new("apps".into()))
        .request_async(&http())
        .await
        .unwrap();
    assert_eq!(token.scopes().unwrap()[0].as_str(), "apps");
    assert!(token.refresh_token().is_none());
    let info = introspect(&w, token.access_token().secret()).await;
    assert_eq!(info["active"], true);
    assert_eq!(info["sub"], w.web.client.client_id.as_str());
    let post = oauth2_client(&w.app, &w.web).set_auth_type(AuthType::RequestBody);
    let token = post
        .exchange_client_credentials()
        .request_async(&http())
        .await;
    assert_eq!(token.unwrap().scopes().unwrap()[0].as_str(), "apps");
    w.app.stop().await;
}

async fn the_code_flow_with_pkce_yields_an_id_token_the_library_validates(b: Backend) {
    let w = world(b).await;
    let issuer = IssuerUrl::new(w.app.address.clone()).unwrap();
    let meta = CoreProviderMetadata::discover_async(issuer, &http())
        .await
        .expect("discovery");
    let client = CoreClient::from_provider_metadata(
        meta,
        openidconnect::ClientId::new(w.web.client.client_id.clone()),
        w.web.secret.clone().map(openidconnect::ClientSecret::new),
    )
    .set_redirect_uri(RedirectUrl::new(REDIRECT_URI.into()).unwrap());
    let (code, verifier) =
        code_for(&w, &w.web, "openid profile offline_access", Some("n-0S6")).await;
    let token = client
        .exchange_code(AuthorizationCode::new(code))
        .unwrap()
        .set_pkce_verifier(verifier)
        .request_async(&http())
        .await
        .expect("code exchanged");
    let verifier = client
        .id_token_verifier()
        .set_allowed_algs(vec![CoreJwsSigningAlgorithm::EcdsaP256Sha256]);
    let id_token = token.extra_fields().id_token().expect("an id_token");
    let claims = id_token
        .claims(&verifier, &Nonce::new("n-0S6".into()))
        .unwrap();
    assert_eq!(claims.subject().as_str(), w.user.id);
    assert!(claims.auth_time().is_some());
    let alg = id_token.signing_alg().unwrap();
    let key = id_token.signing_key(&verifier).unwrap();
    let at_hash = AccessTokenHash::from_token(token.access_token(), alg, key).unwrap();
    assert_eq!(claims.access_token_hash(), Some(&at_hash));
    assert!(
        token.refresh_token().is_some(),
        "offline_access grants a refresh token"
    );
    w.app.stop().await;
}

async fn a_reused_authorization_code_fails_and_revokes_the_tokens_it_issued(b: Backend) {
    let w = world(b).await;
    let client = oauth2_client(&w.app, &w.web)
        .set_redirect_uri(RedirectUrl::new(REDIRECT_URI.into()).unwrap());
    let (code, verifier) = code_for(&w, &w.web, "profile", None).await;
    let secret = verifier.secret().clone();
    let first = client
        .exchange_code(AuthorizationCode::new(code.clone()))
        .set_pkce_verifier(verifier)
        .request_async(&http())
        .await
        .unwrap();
    let replay = client
        .exchange_code(AuthorizationCode::new(code))
        .set_pkce_verifier(PkceCodeVerifier::new(secret))
        .request_async(&http())
        .await;
    assert_eq!(server_error(replay), BasicErrorResponseType::InvalidGrant);
    let info = introspect(&w, first.access_token().secret()).await;
    assert_eq!(info, serde_json::json!({"active": false}));
    let refresh = client
        .exchange_refresh_token(first.refresh_token().unwrap())
        .request_async(&http())
        .await;
    assert_eq!(server_error(refresh), BasicErrorResponseType::InvalidGrant);
    w.app.stop().await;
}

async fn a_code_issued_to_another_client_is_an_invalid_grant(b: Backend) {
    let w = world(b).await;
    let other = new_client(&w.app, &w.user.id, &["authorization_code"], false).await;
    let (code, verifier) = code_for(&w, &w.web, "profile", None).await;
    let r = oauth2_client(&w.app, &other)
        .set_redirect_uri(RedirectUrl::new(REDIRECT_URI.into()).unwrap())
        .exchange_code(AuthorizationCode::new(code))
        .set_pkce_verifier(verifier)
        .request_async(&http())
        .await;
    assert_eq!(server_error(r), BasicErrorResponseType::InvalidGrant);
    w.app.stop().await;
}

async fn a_missing_or_wrong_pkce_verifier_is_an_invalid_grant(b: Backend) {
    let w = world(b).await;
    let client = oauth2_client(&w.app, &w.spa)
        .set_redirect_uri(RedirectUrl::new(REDIRECT_URI.into()).unwrap());
    let (code, _) = code_for(&w, &w.spa, "profile", None).await;
    let missing = client
        .exchange_code(AuthorizationCode::new(code))
        .request_async(&http())
        .await;
    assert_eq!(server_error(missing), BasicErrorResponseType::InvalidGrant);
    let (code, verifier) = code_for(&w, &w.spa, "profile", None).await;
    let wrong = client
        .exchange_code(AuthorizationCode::new(code.clone()))
        .set_pkce_verifier(PkceCodeVerifier::new("x".repeat(50)))
        .request_async(&http())
        .await;
    assert_eq!(server_error(wrong), BasicErrorResponseType::InvalidGrant);
    // The failed exchange spent the code: the right verifier comes too late.
    let late = client
        .exchange_code(AuthorizationCode::new(code))
        .set_pkce_verifier(verifier)
        .request_async(&http())
        .await;
    assert_eq!(server_error(late), BasicErrorResponseType::InvalidGrant);
    w.app.stop().await;
}

async fn a_wrong_redirect_uri_at_the_token_endpoint_is_an_invalid_grant(b: Backend) {
    let w = world(b).await;
    let (code, verifier) = code_for(&w, &w.web, "profile", None).await;
    let r = oauth2_client(&w.app, &w.web)
        .set_redirect_uri(RedirectUrl::new("http://127.0.0.1:9/other".into()).unwrap())
        .exchange_code(AuthorizationCode::new(code))
        .set_pkce_verifier(verifier)
        .request_async(&http())
        .await;
    assert_eq!(server_error(r), BasicErrorResponseType::InvalidGrant);
    w.app.stop().await;
}

async fn a_public_client_gets_no_code_without_pkce(b: Backend) {
    let w = world(b).await;
    let req = auth_center::service::oauth::codes::CodeRequest {
        client_id: w.spa.client.client_id.clone(),
        user_id: w.user.id.clone(),
        redirect_uri: REDIRECT_URI.into(),
        scopes: auth_center::domain::ScopeSet::parse("profile").unwrap(),
        code_challenge: None,
        nonce: None,
        auth_time: w.app.services.now(),
        session_id: None,
        resources: vec![],
        dpop_jkt: None,
    };
    let err = auth_center::service::oauth::codes::issue_code(&w.app.services, req)
        .await
        .unwrap_err();
    assert_eq!(err.code.as_str(), "invalid_request");
    w.app.stop().await;
}

async fn refresh_rotates_and_a_replayed_refresh_token_revokes_the_family(b: Backend) {
    let w = world(b).await;
    let client = oauth2_client(&w.app, &w.spa)
        .set_redirect_uri(RedirectUrl::new(REDIRECT_URI.into()).unwrap());
    let (code, verifier) = code_for(&w, &w.spa, "profile email", None).await;
    let first = client
        .exchange_code(AuthorizationCode::new(code))
        .set_pkce_verifier(verifier)
        .request_async(&http())
        .await
        .unwrap();
    let old = first.refresh_token().unwrap().clone();
    let second = client
        .exchange_refresh_token(&old)
        .request_async(&http())
        .await
        .unwrap();
    let new = second.refresh_token().unwrap().clone();
    assert_ne!(new.secret(), old.secret());
    let replay = client
        .exchange_refresh_token(&old)
        .request_async(&http())
        .await;
    assert_eq!(server_error(replay), BasicErrorResponseType::InvalidGrant);
    let after = client
        .exchange_refresh_token(&new)
        .request_async(&http())
        .await;
    assert_eq!(server_error(after), BasicErrorResponseType::InvalidGrant);
    let info = introspect(&w, second.access_token().secret()).await;
    assert_eq!(
        info["active"], false,
        "the family's access tokens are revoked too"
    );
    w.app.stop().await;
}

async fn a_refresh_may_narrow_the_scope_but_never_widen_it(b: Backend) {
    let w = world(b).await;
    let client = oauth2_client(&w.app, &w.web)
        .set_redirect_uri(RedirectUrl::new(REDIRECT_URI.into()).unwrap());
    let (code, verifier) = code_for(&w, &w.web, "profile email", None).await;
    let first = client
        .exchange_code(AuthorizationCode::new(code))
        .set_pkce_verifier(verifier)
        .request_async(&http())
        .await
        .unwrap();
    let refresh: RefreshToken = first.refresh_token().unwrap().clone();
    let wider = client
        .exchange_refresh_token(&refresh)
        .add_scope(Scope::new("groups".into()))
        .request_async(&http())
        .await;
    assert_eq!(server_error(wider), BasicErrorResponseType::InvalidScope);
    let narrower = client
        .exchange_refresh_token(&refresh)
        .add_scope(Scope::new("email".into()))
        .request_async(&http())
        .await
        .unwrap();
    assert_eq!(narrower.scopes().unwrap().len(), 1);
    let info = introspect(&w, narrower.refresh_token().unwrap().secret()).await;
    assert_eq!(
        info["scope"], "email profile",
        "the refresh token keeps the original scope"
    );
    w.app.stop().await;
}

async fn a_grant_the_app_is_not_allowed_is_an_unauthorized_client(b: Backend) {
    let w = world(b).await;
    let code_only = new_client(&w.app, &w.user.id, &["authorization_code"], false).await;
    let r = oauth2_client(&w.app, &code_only)
        .exchange_client_credentials()
        .request_async(&http())
        .await;
    assert_eq!(server_error(r), BasicErrorResponseType::UnauthorizedClient);
    let id = code_only.client.client_id.as_str();
    let secret = code_only.secret.as_deref().unwrap();
    let (status, headers, body) = post_form(
        &w.app,
        "/oauth2/token",
        Some((id, secret)),
        &[("grant_type", "magic")],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("unsupported_grant_type"))
    );
    assert_eq!(headers["cache-control"], "no-store");
    w.app.stop().await;
}

async fn a_bad_client_secret_is_answered_401_with_www_authenticate(b: Backend) {
    let w = world(b).await;
    let (status, headers, body) = post_form(
        &w.app,
        "/oauth2/token",
        Some((&w.web.client.client_id, "not-the-secret")),
        &[("grant_type", "client_credentials")],
    )
    .await;
    assert_eq!(status, 401);
    assert_eq!(body["error"], "invalid_client");
    assert!(headers["www-authenticate"]
        .to_str()
        .unwrap()
        .starts_with("Basic"));
    assert_eq!(headers["cache-control"], "no-store");
    let (status, _, body) = post_form(
        &w.app,
        "/oauth2/token",
        None,
        &[("grant_type", "client_credentials")],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (401, Some("invalid_client"))
    );
    let (status, _, body) = post_form(&w.app, "/oauth2/token", None, &[]).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_request"))
    );
    w.app.stop().await;
}

/// RFC 6749 §3.2: a parameter sent without a value counts as omitted, so empty `client_id=`
/// and `client_secret=` beside HTTP Basic are not a second authentication method.
async fn empty_client_fields_beside_basic_count_as_omitted(b: Backend) {
    let w = world(b).await;
    let basic = Some((
        w.web.client.client_id.as_str(),
        w.web.secret.as_deref().unwrap(),
    ));
    let (status, _, body) = post_form(
        &w.app,
        "/oauth2/token",
        basic,
        &[
            ("grant_type", "client_credentials"),
            ("client_id", ""),
            ("client_secret", ""),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let access = body["access_token"].as_str().unwrap().to_owned();
    let (status, _, body) = post_form(
        &w.app,
        "/oauth2/introspect",
        basic,
        &[("token", &access), ("client_secret", "")],
    )
    .await;
    assert_eq!((status, body["active"].as_bool()), (200, Some(true)));
    // A secret with a value beside Basic is still two methods.
    let (status, _, body) = post_form(
        &w.app,
        "/oauth2/introspect",
        basic,
        &[("token", &access), ("client_secret", "x")],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_request"))
    );
    w.app.stop().await;
}

async fn the_password_grant_works_only_for_apps_that_enable_it(b: Backend) {
    let w = world(b).await;
    let (user, pass) = (
        ResourceOwnerUsername::new("alice@example.com".into()),
        ResourceOwnerPassword::new("a long enough password".into()),
    );
    let refused = oauth2_client(&w.app, &w.web)
        .exchange_password(&user, &pass)
        .request_async(&http())
        .await;
    assert_eq!(
        server_error(refused),
        BasicErrorResponseType::UnauthorizedClient
    );
    let legacy = new_client(&w.app, &w.user.id, &["password", "refresh_token"], false).await;
    let client = oauth2_client(&w.app, &legacy);
    let token = client
        .exchange_password(&user, &pass)
        .add_scope(Scope::new("profile".into()))
        .request_async(&http())
        .await
        .unwrap();
    assert!(token.refresh_token().is_some());
    let info = introspect(&w, token.access_token().secret()).await;
    assert_eq!(info["sub"], w.user.id.as_str());
    let wrong = ResourceOwnerPassword::new("not the password".into());
    let r = client
        .exchange_password(&user, &wrong)
        .request_async(&http())
        .await;
    assert_eq!(server_error(r), BasicErrorResponseType::InvalidGrant);
    w.app.stop().await;
}

async fn the_password_grant_is_throttled_like_the_login_page(b: Backend) {
    let w = world(b).await;
    let legacy = new_client(&w.app, &w.user.id, &["password"], false).await;
    let client = oauth2_client(&w.app, &legacy);
    let user = ResourceOwnerUsername::new("alice@example.com".into());
    let wrong = ResourceOwnerPassword::new("not the password".into());
    for _ in 0..5 {
        let r = client
            .exchange_password(&user, &wrong)
            .request_async(&http())
            .await;
        assert_eq!(server_error(r), BasicErrorResponseType::InvalidGrant);
    }
    // Now even the right password is refused until the window passes.
    let right = ResourceOwnerPassword::new("a long enough password".into());
    let (status, _, body) = post_form(
        &w.app,
        "/oauth2/token",
        Some((&legacy.client.client_id, legacy.secret.as_deref().unwrap())),
        &[
            ("grant_type", "password"),
            ("username", "alice@example.com"),
            ("password", "a long enough password"),
        ],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant"))
    );
    assert!(
        body["error_description"]
            .as_str()
            .unwrap()
            .contains("retry in"),
        "{body}"
    );
    let r = client
        .exchange_password(&user, &right)
        .request_async(&http())
        .await;
    assert_eq!(server_error(r), BasicErrorResponseType::InvalidGrant);
    w.app.stop().await;
}

async fn the_password_grant_is_throttled_per_client_ip_too(b: Backend) {
    let w = world(b).await;
    let legacy = new_client(&w.app, &w.user.id, &["password"], false).await;
    let basic = Some((
        legacy.client.client_id.as_str(),
        legacy.secret.as_deref().unwrap(),
    ));
    let grant = |username: String, password: &'static str| {
        let app = &w.app;
        async move {
            let form = [
                ("grant_type", "password"),
                ("username", username.as_str()),
                ("password", password),
            ];
            let (status, _, body) = post_form(app, "/oauth2/token", basic, &form).await;
            (status, body)
        }
    };
    // One guess on each of 100 accounts (the default per-IP limit), then the address waits.
    for i in 0..100 {
        let (status, body) = grant(format!("user{i}"), "Winter2026!").await;
        assert_eq!(
            (status, body["error"].as_str()),
            (400, Some("invalid_grant"))
        );
    }
    let (status, body) = grant("alice@example.com".into(), "a long enough password").await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant"))
    );
    let why = body["error_description"].as_str().unwrap();
    assert!(
        why.starts_with("too many failed attempts; retry in "),
        "{why}"
    );
    w.app.stop().await;
}

on_both_stores!(
    the_password_grant_is_throttled_like_the_login_page,
    the_password_grant_is_throttled_per_client_ip_too,
    the_password_grant_works_only_for_apps_that_enable_it,
    client_credentials_tokens_are_issued_to_basic_and_post_authentication,
    the_code_flow_with_pkce_yields_an_id_token_the_library_validates,
    a_reused_authorization_code_fails_and_revokes_the_tokens_it_issued,
    a_code_issued_to_another_client_is_an_invalid_grant,
    a_missing_or_wrong_pkce_verifier_is_an_invalid_grant,
    a_wrong_redirect_uri_at_the_token_endpoint_is_an_invalid_grant,
    a_public_client_gets_no_code_without_pkce,
    refresh_rotates_and_a_replayed_refresh_token_revokes_the_family,
    a_refresh_may_narrow_the_scope_but_never_widen_it,
    a_grant_the_app_is_not_allowed_is_an_unauthorized_client,
    a_bad_client_secret_is_answered_401_with_www_authenticate,
    empty_client_fields_beside_basic_count_as_omitted,
);
