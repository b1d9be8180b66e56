//! The "revoke an authorization" step of the quickstart (sdk/rust/README.md): the user lists the
//! apps holding access to the account and revokes one; that app's token stops working at once.

use anyhow::{bail, ensure};
use auth_center_sdk::types;

use crate::quickstart::{bearer_client, error_body, password_token, token_client};
use crate::Env;

pub async fn revoking_an_authorization_makes_its_token_inactive(env: &Env) -> anyhow::Result<()> {
    // The other app obtains a token of the user: that is the authorization to revoke.
    let other = Env {
        client_id: env.other_client_id.clone(),
        client_secret: env.other_client_secret.clone(),
        ..env.clone()
    };
    let app_token = password_token(&other, &env.username, &env.password, "profile").await?;

    let token = password_token(env, &env.username, &env.password, "authorizations").await?;
    let api = bearer_client(&env.url, &token)?;
    let list = api.list_my_authorizations().await?.into_inner();
    let Some(authz) = list.items.iter().find(|a| a.client_id == other.client_id) else {
        bail!("listMyAuthorizations misses the app: {:?}", list.items);
    };
    ensure!(
        authz.client_name == "SDK e2e other",
        "name {:?}",
        authz.client_name
    );
    ensure!(authz.scopes == ["profile"], "scopes {:?}", authz.scopes);
    api.revoke_my_authorization(&authz.id).await?;

    let list = api.list_my_authorizations().await?.into_inner();
    ensure!(
        list.items.iter().all(|a| a.client_id != other.client_id),
        "a revoked authorization is still listed"
    );
    let oauth = token_client(&env.url, &other.client_id, &other.client_secret)?;
    let hint = types::TokenHintForm {
        token: Some(app_token.clone()),
        ..Default::default()
    };
    let info = oauth.introspect_token(&hint).await?.into_inner();
    ensure!(
        !info.active,
        "the token of a revoked authorization is active"
    );
    let Err(err) = bearer_client(&env.url, &app_token)?.get_me().await else {
        bail!("the token of a revoked authorization still reads getMe");
    };
    let (status, body) = error_body(err)?;
    ensure!(
        status == 401 && body.error == "invalid_token",
        "{status} {body:?}"
    );
    Ok(())
}
