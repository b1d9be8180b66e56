//! The checks: the same calls as the quickstart of sdk/rust/README.md (a token client with
//! HTTP Basic, bearer clients, typed errors), with assertions on what the server answered.

use anyhow::{anyhow, bail, ensure};
use auth_center_sdk::{types, Client, Error};
use base64::Engine;
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};

use crate::Env;

/// A client whose every request carries `Authorization: <value>`.
fn client_with_authorization(url: &str, value: &str) -> anyhow::Result<Client> {
    let mut headers = HeaderMap::new();
    let mut value = HeaderValue::from_str(value)?;
    value.set_sensitive(true);
    headers.insert(AUTHORIZATION, value);
    let http = reqwest::Client::builder()
        .default_headers(headers)
        .build()?;
    Ok(Client::new_with_client(url, http))
}

/// For the token endpoint: client_secret_basic (RFC 6749 §2.3.1, each part form-encoded).
pub fn token_client(url: &str, client_id: &str, secret: &str) -> anyhow::Result<Client> {
    let pair = format!("{}:{}", form_encode(client_id), form_encode(secret));
    let basic = base64::engine::general_purpose::STANDARD.encode(pair);
    client_with_authorization(url, &format!("Basic {basic}"))
}

/// For the JSON API: `Authorization: Bearer <access token>`.
pub fn bearer_client(url: &str, access_token: &str) -> anyhow::Result<Client> {
    client_with_authorization(url, &format!("Bearer {access_token}"))
}

fn form_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                (b as char).to_string()
            }
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The body of an error response: `Some` when the server answered a documented error status.
pub fn error_body<E: std::fmt::Debug>(err: Error<E>) -> anyhow::Result<(u16, E)> {
    match err {
        Error::ErrorResponse(resp) => Ok((resp.status().as_u16(), resp.into_inner())),
        other => Err(anyhow!("expected an error response, got {other:?}")),
    }
}

pub async fn password_token(
    env: &Env,
    user: &str,
    password: &str,
    scope: &str,
) -> anyhow::Result<String> {
    let oauth = token_client(&env.url, &env.client_id, &env.client_secret)?;
    let form = types::TokenForm {
        grant_type: Some("password".into()),
        username: Some(user.into()),
        password: Some(password.into()),
        scope: Some(scope.into()),
        ..Default::default()
    };
    let token = oauth.create_token(&form).await?.into_inner();
    ensure!(
        token.token_type == "Bearer",
        "token_type {}",
        token.token_type
    );
    Ok(token.access_token)
}

pub async fn client_credentials_token_is_active(env: &Env) -> anyhow::Result<()> {
    let oauth = token_client(&env.url, &env.client_id, &env.client_secret)?;
    let form = types::TokenForm {
        grant_type: Some("client_credentials".into()),
        scope: Some("profile".into()),
        ..Default::default()
    };
    let token = oauth.create_token(&form).await?.into_inner();
    ensure!(token.scope == "profile", "scope {:?}", token.scope);
    ensure!(token.expires_in > 0, "expires_in {}", token.expires_in);
    let hint = types::TokenHintForm {
        token: Some(token.access_token),
        ..Default::default()
    };
    let info = oauth.introspect_token(&hint).await?.into_inner();
    ensure!(info.active, "the token is not active: {info:?}");
    ensure!(
        info.client_id.as_deref() == Some(env.client_id.as_str()),
        "{info:?}"
    );
    Ok(())
}

pub async fn wrong_secret_is_invalid_client(env: &Env) -> anyhow::Result<()> {
    let oauth = token_client(&env.url, &env.client_id, "not-the-secret")?;
    let form = types::TokenForm {
        grant_type: Some("client_credentials".into()),
        ..Default::default()
    };
    let Err(err) = oauth.create_token(&form).await else {
        bail!("a wrong secret obtained a token");
    };
    let (status, body) = error_body(err)?;
    ensure!(status == 401, "status {status}");
    ensure!(body.error == "invalid_client", "error {:?}", body.error);
    Ok(())
}

pub async fn user_token_reads_me(env: &Env) -> anyhow::Result<()> {
    let token = password_token(env, &env.username, &env.password, "profile").await?;
    let me = bearer_client(&env.url, &token)?
        .get_me()
        .await?
        .into_inner();
    ensure!(me.username == env.username, "username {:?}", me.username);
    // is_admin and email come only with the `admin` and `email` scopes.
    ensure!(me.is_admin.is_none(), "is_admin {:?}", me.is_admin);
    ensure!(me.email.is_none(), "email {:?}", me.email);
    Ok(())
}

pub async fn invalid_update_is_a_typed_api_error(env: &Env) -> anyhow::Result<()> {
    let token = password_token(env, &env.username, &env.password, "profile profile:write").await?;
    let api = bearer_client(&env.url, &token)?;
    let body = types::UpdateMeRequest {
        display_name: Some("x".repeat(65)),
        locale: None,
    };
    let Err(err) = api.update_me(&body).await else {
        bail!("a 65-character display name was accepted");
    };
    let (status, body) = error_body(err)?;
    ensure!(status == 422, "status {status}");
    ensure!(body.error == "validation_failed", "error {:?}", body.error);
    ensure!(
        body.fields.iter().any(|f| f.field == "display_name"),
        "fields {:?}",
        body.fields
    );
    Ok(())
}

pub async fn no_token_is_unauthorized(env: &Env) -> anyhow::Result<()> {
    let Err(err) = Client::new(&env.url).get_me().await else {
        bail!("getMe answered without a credential");
    };
    let (status, body) = error_body(err)?;
    ensure!(status == 401, "status {status}");
    ensure!(body.error == "unauthorized", "error {:?}", body.error);
    Ok(())
}

pub async fn admin_lists_the_user(env: &Env) -> anyhow::Result<()> {
    let token = password_token(env, &env.admin_username, &env.admin_password, "admin").await?;
    let admin = bearer_client(&env.url, &token)?;
    let search: types::ListUsersSearch = env.username.parse()?;
    let page = admin
        .list_users(std::num::NonZeroU64::new(10), None, Some(&search))
        .await?
        .into_inner();
    ensure!(
        page.total == 1,
        "total {} for {:?}",
        page.total,
        env.username
    );
    let user = admin.get_user(&page.items[0].id).await?.into_inner();
    ensure!(
        user.username == env.username,
        "username {:?}",
        user.username
    );
    Ok(())
}
