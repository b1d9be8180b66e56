//! End-to-end test of the generated Rust SDK (`auth_center_sdk`) against a live server, run by
//! scripts/sdk-e2e.sh: the quickstart of sdk/rust/README.md, asserting real results. The server
//! URL, the app and the user come from `AUTH_CENTER_E2E_*` variables. Each check is a sentence;
//! the first failure ends the run with a non-zero exit code.

mod authorizations;
#[path = "../../../shared/html.rs"]
mod html;
mod my_apps;
mod quickstart;
mod resource;
mod sign_in;

use std::future::Future;

use anyhow::Context;

/// What the checks need, read from the environment scripts/sdk-e2e.sh sets.
#[derive(Clone)]
pub struct Env {
    pub url: String,
    pub client_id: String,
    pub client_secret: String,
    pub other_client_id: String,
    pub other_client_secret: String,
    pub username: String,
    pub password: String,
    pub admin_username: String,
    pub admin_password: String,
    pub web_client_id: String,
    pub web_client_secret: String,
    pub redirect_uri: String,
}

fn var(name: &str) -> anyhow::Result<String> {
    std::env::var(name).with_context(|| format!("{name} is not set (run scripts/sdk-e2e.sh)"))
}

impl Env {
    fn from_env() -> anyhow::Result<Self> {
        Ok(Self {
            url: var("AUTH_CENTER_E2E_URL")?,
            client_id: var("AUTH_CENTER_E2E_CLIENT_ID")?,
            client_secret: var("AUTH_CENTER_E2E_CLIENT_SECRET")?,
            other_client_id: var("AUTH_CENTER_E2E_OTHER_CLIENT_ID")?,
            other_client_secret: var("AUTH_CENTER_E2E_OTHER_CLIENT_SECRET")?,
            username: var("AUTH_CENTER_E2E_USERNAME")?,
            password: var("AUTH_CENTER_E2E_PASSWORD")?,
            admin_username: var("AUTH_CENTER_E2E_ADMIN_USERNAME")?,
            admin_password: var("AUTH_CENTER_E2E_ADMIN_PASSWORD")?,
            web_client_id: var("AUTH_CENTER_E2E_WEB_CLIENT_ID")?,
            web_client_secret: var("AUTH_CENTER_E2E_WEB_CLIENT_SECRET")?,
            redirect_uri: var("AUTH_CENTER_E2E_REDIRECT_URI")?,
        })
    }
}

async fn check<F: Future<Output = anyhow::Result<()>>>(name: &str, f: F) -> anyhow::Result<()> {
    f.await.with_context(|| format!("not ok - {name}"))?;
    println!("ok - {name}");
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let env = Env::from_env()?;
    use quickstart::*;
    check(
        "a client_credentials token from createToken with HTTP Basic is active at introspectToken",
        client_credentials_token_is_active(&env),
    )
    .await?;
    check(
        "a wrong client secret is a typed OAuth error invalid_client",
        wrong_secret_is_invalid_client(&env),
    )
    .await?;
    check(
        "a user's password-grant token reads getMe with the created username",
        user_token_reads_me(&env),
    )
    .await?;
    check(
        "an invalid display name is a typed ApiError validation_failed naming the field",
        invalid_update_is_a_typed_api_error(&env),
    )
    .await?;
    check(
        "getMe without a token is a typed ApiError unauthorized",
        no_token_is_unauthorized(&env),
    )
    .await?;
    check(
        "the admin's token lists the user with listUsers and getUser",
        admin_lists_the_user(&env),
    )
    .await?;
    check(
        "getUserResource returns the token's user and not_found for another id",
        resource::resource_api_returns_the_tokens_user(&env),
    )
    .await?;
    check(
        "an app without a name is a typed ApiError validation_failed and nothing is stored",
        my_apps::an_invalid_app_is_a_typed_api_error(&env),
    )
    .await?;
    check(
        "a user creates, lists, gets, uses, rotates and deletes an app",
        my_apps::a_user_manages_an_app(&env),
    )
    .await?;
    check(
        "revoking my authorization of an app with revokeMyAuthorization makes its token inactive",
        authorizations::revoking_an_authorization_makes_its_token_inactive(&env),
    )
    .await?;
    check(
        "the README sign-in (oauth2 crate, PKCE) gives tokens the SDK uses, and refreshing rotates both",
        sign_in::the_readme_sign_in_gives_tokens_the_sdk_uses(&env),
    )
    .await?;
    check(
        "the README sign-in refuses a callback with another state and a code without its verifier",
        sign_in::the_readme_sign_in_refuses_another_state_and_a_wrong_verifier(&env),
    )
    .await?;
    println!("rust SDK e2e: all checks passed");
    Ok(())
}
