//! The sign-in example of sdk/rust/README.md, run as written (`build.rs` takes it from the
//! README): the `oauth2` crate signs the person in with PKCE, their browser's part (the login
//! and consent pages) driven over HTTP with a cookie jar, the SDK reads who they are with the
//! access token, and refreshed tokens keep working.

use std::collections::BTreeMap;

use anyhow::{bail, ensure};
use oauth2::basic::{BasicErrorResponse, BasicErrorResponseType};
use oauth2::url::{form_urlencoded, Url};
use oauth2::{HttpClientError, RequestTokenError, TokenResponse};
use reqwest::header::{CONTENT_TYPE, COOKIE, LOCATION, SET_COOKIE};

use crate::html::{consent_form, extract_hidden, unescape_attr};
use crate::Env;

/// What the `oauth2` crate's token requests fail with.
type TokenError = RequestTokenError<HttpClientError<oauth2::reqwest::Error>, BasicErrorResponse>;

mod example {
    include!(concat!(env!("OUT_DIR"), "/authorization_code.rs"));
}

/// The person's browser: opens `url`, follows the server's redirects, signs in on the login
/// page and allows on the consent page, and returns the URL the server sends the browser back
/// to at the redirect URI (the app's callback, not fetched).
async fn authorize_in_browser(env: &Env, url: &Url) -> anyhow::Result<Url> {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let mut jar = BTreeMap::<String, String>::new();
    let (mut next, mut form) = (url.clone(), None::<Vec<(String, String)>>);
    for _ in 0..8 {
        let cookies: Vec<String> = jar.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let mut req = match &form {
            None => http.get(next.as_str()),
            Some(fields) => http
                .post(next.as_str())
                .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(
                    form_urlencoded::Serializer::new(String::new())
                        .extend_pairs(fields)
                        .finish(),
                ),
        };
        req = req.header(COOKIE, cookies.join("; "));
        let resp = req.send().await?;
        for line in resp.headers().get_all(SET_COOKIE) {
            let pair = line.to_str()?.split(';').next().unwrap_or_default();
            if let Some((name, value)) = pair.split_once('=') {
                jar.insert(name.trim().to_owned(), value.trim().to_owned());
            }
        }
        if let Some(location) = resp.headers().get(LOCATION) {
            let target = next.join(location.to_str()?)?;
            if target.as_str().starts_with(&env.redirect_uri) {
                return Ok(target);
            }
            (next, form) = (target, None);
            continue;
        }
        let status = resp.status();
        let html = resp.text().await?;
        ensure!(status == 200, "{status} at {next}: {html:.2000}");
        (next, form) = if html.contains("action=\"/accounts/login/\"") {
            let mut fields = vec![
                ("username".to_owned(), env.username.clone()),
                ("password".to_owned(), env.password.clone()),
            ];
            for name in ["csrf_token", "next", "lang"] {
                if let Some(value) = extract_hidden(&html, name) {
                    fields.push((name.to_owned(), unescape_attr(&value)));
                }
            }
            (next.join("/accounts/login/")?, Some(fields))
        } else if html.contains("action=\"/oauth2/authorize\"") {
            (
                next.join("/oauth2/authorize")?,
                Some(consent_form(&html, "allow")),
            )
        } else {
            bail!("neither the login nor the consent page at {next}: {html:.2000}");
        };
    }
    bail!(
        "the browser was not sent back to {} within 8 requests",
        env.redirect_uri
    )
}

async fn signed_in(
    env: &Env,
) -> anyhow::Result<(example::OAuthClient, example::PendingSignIn, Url)> {
    let oauth = example::oauth_client(
        &env.url,
        &env.web_client_id,
        &env.web_client_secret,
        &env.redirect_uri,
    )
    .await?;
    let pending = example::start_sign_in(&oauth);
    let query: BTreeMap<_, _> = pending.url.query_pairs().into_owned().collect();
    ensure!(
        query.get("code_challenge_method").map(String::as_str) == Some("S256"),
        "{query:?}"
    );
    ensure!(
        !query.contains_key("code_verifier"),
        "the verifier left the app: {query:?}"
    );
    let callback = authorize_in_browser(env, &pending.url).await?;
    Ok((oauth, pending, callback))
}

pub async fn the_readme_sign_in_gives_tokens_the_sdk_uses(env: &Env) -> anyhow::Result<()> {
    let (oauth, pending, callback) = signed_in(env).await?;
    let http = example::oauth_http()?;
    let first = example::finish_sign_in(&oauth, &http, &callback, pending).await?;
    let me = example::who_signed_in(&example::api_client(&env.url, &first)?).await?;
    ensure!(
        me.username == env.username,
        "signed in as {:?}",
        me.username
    );

    let second = example::refresh(&oauth, &http, &first).await?;
    let secret = |t: &oauth2::basic::BasicTokenResponse| t.access_token().secret().clone();
    ensure!(
        secret(&second) != secret(&first),
        "the same access token after a refresh"
    );
    let rotated = second.refresh_token().map(|t| t.secret());
    ensure!(
        rotated.is_some() && rotated != first.refresh_token().map(|t| t.secret()),
        "the refresh token was not rotated"
    );
    let again = example::who_signed_in(&example::api_client(&env.url, &second)?).await?;
    ensure!(
        again.id == me.id,
        "the refreshed token is of {:?}",
        again.id
    );
    Ok(())
}

pub async fn the_readme_sign_in_refuses_another_state_and_a_wrong_verifier(
    env: &Env,
) -> anyhow::Result<()> {
    let (oauth, pending, callback) = signed_in(env).await?;
    let http = example::oauth_http()?;
    let again = |verifier: String| example::PendingSignIn {
        url: pending.url.clone(),
        state: pending.state.clone(),
        verifier: oauth2::PkceCodeVerifier::new(verifier),
    };
    let mut forged = callback.clone();
    let pairs: Vec<(String, String)> = callback
        .query_pairs()
        .into_owned()
        .map(|(k, v)| match k.as_str() {
            "state" => (k, "not-the-state".to_owned()),
            _ => (k, v),
        })
        .collect();
    forged.query_pairs_mut().clear().extend_pairs(&pairs);
    let own = again(pending.verifier.secret().clone());
    let Err(err) = example::finish_sign_in(&oauth, &http, &forged, own).await else {
        bail!("a callback with another state was accepted");
    };
    ensure!(err.to_string().contains("state"), "{err:#}");

    let wrong = again("x".repeat(48));
    let Err(err) = example::finish_sign_in(&oauth, &http, &callback, wrong).await else {
        bail!("the code was redeemed without its verifier");
    };
    let refused = match err.downcast_ref::<TokenError>() {
        Some(RequestTokenError::ServerResponse(body)) => body.error().clone(),
        _ => bail!("not an error response of the server: {err:#}"),
    };
    ensure!(refused == BasicErrorResponseType::InvalidGrant, "{err:#}");
    Ok(())
}
