//! The "manage my apps" step of the quickstart (sdk/rust/README.md): with a token carrying the
//! `apps` scope a user registers an app, lists and reads it, uses its credentials, rotates its
//! secret and deletes it.

use anyhow::{bail, ensure};
use auth_center_sdk::types;

use crate::quickstart::{bearer_client, error_body, password_token, token_client};
use crate::Env;

fn app_request(name: &str) -> types::AppRequest {
    types::AppRequest {
        name: name.into(),
        grant_types: vec!["client_credentials".into()],
        scopes: vec!["profile".into()],
        redirect_uris: vec![],
        post_logout_redirect_uris: vec![],
        client_type: None,
        description: None,
        homepage_url: None,
        logo_url: None,
        access_token_ttl_secs: None,
        refresh_token_ttl_secs: None,
        first_party: None,
        introspection: None,
        require_pushed_authorization_requests: None,
        require_mfa: None,
        dpop_bound_access_tokens: None,
        fapi2: None,
        token_endpoint_auth_method: None,
        jwks: None,
        jwks_uri: None,
    }
}

/// A client_credentials token of the app is accepted (introspection by the app says active).
async fn app_credentials_work(env: &Env, client_id: &str, secret: &str) -> anyhow::Result<()> {
    let oauth = token_client(&env.url, client_id, secret)?;
    let form = types::TokenForm {
        grant_type: Some("client_credentials".into()),
        ..Default::default()
    };
    let token = oauth.create_token(&form).await?.into_inner();
    let hint = types::TokenHintForm {
        token: Some(token.access_token),
        ..Default::default()
    };
    let info = oauth.introspect_token(&hint).await?.into_inner();
    ensure!(info.active, "the new app's token is not active: {info:?}");
    ensure!(info.client_id.as_deref() == Some(client_id), "{info:?}");
    Ok(())
}

pub async fn a_user_manages_an_app(env: &Env) -> anyhow::Result<()> {
    let token = password_token(env, &env.username, &env.password, "apps").await?;
    let api = bearer_client(&env.url, &token)?;
    let created = api
        .create_app(&app_request("Rust e2e app"))
        .await?
        .into_inner();
    let client_id = created.app.client_id;
    let Some(secret) = created.client_secret else {
        bail!("a confidential app was created without a secret");
    };
    let page = api.list_apps(Some(50), None).await?.into_inner();
    ensure!(page.total == 1, "total {}", page.total);
    ensure!(page.items[0].client_id == client_id, "{:?}", page.items);
    let app = api.get_app(&client_id).await?.into_inner();
    ensure!(app.name == "Rust e2e app", "name {:?}", app.name);
    ensure!(app.client_type == "confidential", "{:?}", app.client_type);
    app_credentials_work(env, &client_id, &secret).await?;

    let rotated = api.rotate_app_secret(&client_id, None).await?.into_inner();
    ensure!(
        rotated.client_secret != secret,
        "the rotated secret is the old one"
    );
    app_credentials_work(env, &client_id, &rotated.client_secret).await?;

    api.delete_app(&client_id).await?;
    let Err(err) = api.get_app(&client_id).await else {
        bail!("a deleted app is still there");
    };
    let (status, body) = error_body(err)?;
    ensure!(
        status == 404 && body.error == "not_found",
        "{status} {body:?}"
    );
    Ok(())
}

pub async fn an_invalid_app_is_a_typed_api_error(env: &Env) -> anyhow::Result<()> {
    let token = password_token(env, &env.username, &env.password, "apps").await?;
    let api = bearer_client(&env.url, &token)?;
    let Err(err) = api.create_app(&app_request("")).await else {
        bail!("an app without a name was registered");
    };
    let (status, body) = error_body(err)?;
    ensure!(status == 422, "status {status}");
    ensure!(body.error == "validation_failed", "error {:?}", body.error);
    ensure!(
        body.fields.iter().any(|f| f.field == "name"),
        "{:?}",
        body.fields
    );
    let page = api.list_apps(None, None).await?.into_inner();
    ensure!(
        page.total == 0,
        "an invalid app was stored: {:?}",
        page.items
    );
    Ok(())
}
