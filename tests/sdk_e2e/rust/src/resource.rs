//! The resource API step of the quickstart (sdk/rust/README.md): an app holding a user's token
//! with the `profile` scope reads that user's profile.

use anyhow::{bail, ensure};

use crate::quickstart::{bearer_client, error_body, password_token};
use crate::Env;

pub async fn resource_api_returns_the_tokens_user(env: &Env) -> anyhow::Result<()> {
    let token = password_token(env, &env.username, &env.password, "profile").await?;
    let api = bearer_client(&env.url, &token)?;
    let me = api.get_me().await?.into_inner();
    let profile = api.get_user_resource(&me.id).await?.into_inner();
    ensure!(profile.id == me.id, "id {:?}", profile.id);
    ensure!(
        profile.username == env.username,
        "username {:?}",
        profile.username
    );
    let Err(err) = api.get_user_resource("no-such-user").await else {
        bail!("an unknown user id answered");
    };
    let (status, body) = error_body(err)?;
    ensure!(
        status == 404 && body.error == "not_found",
        "{status} {body:?}"
    );
    Ok(())
}
