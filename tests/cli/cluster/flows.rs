//! What a browser and an app do against a node, over plain HTTP, answering with the status and
//! body instead of panicking: the multi-node tests assert on them, and the failover load counts
//! them (a 503 during an election is an answer, not a test failure).

use std::time::Duration;

use oauth2::PkceCodeChallenge;
use serde_json::Value;

use super::nodes::{Node, PASSWORD, REDIRECT_URI};
use crate::helpers::html::{consent_form, extract_hidden};

/// An app's credentials.
#[derive(Clone)]
pub struct Creds {
    pub id: String,
    pub secret: String,
}

impl From<&auth_center::service::clients::CreatedClient> for Creds {
    fn from(c: &auth_center::service::clients::CreatedClient) -> Self {
        Creds {
            id: c.client.client_id.clone(),
            secret: c.secret.clone().expect("a confidential app"),
        }
    }
}

/// One answer of a node.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub location: String,
    pub body: Value,
    pub text: String,
}

/// A request that got no answer (connection refused, timeout) is an `Err` with its cause.
pub type Sent = Result<Answer, String>;

/// A client that never follows redirects and gives up after 15 s; with a cookie jar, a browser.
pub fn client(cookies: bool) -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(cookies)
        .timeout(Duration::from_secs(15))
        .build()
        .expect("http client")
}

async fn answer(req: reqwest::RequestBuilder) -> Sent {
    let resp = req.send().await.map_err(|e| format!("{e:#}"))?;
    let status = resp.status().as_u16();
    let location = resp
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let text = resp.text().await.map_err(|e| format!("{e:#}"))?;
    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
    Ok(Answer {
        status,
        location,
        body,
        text,
    })
}

/// POSTs an OAuth form to `path`, authenticated as `app` with HTTP Basic.
pub async fn oauth_form(
    http: &reqwest::Client,
    node: &Node,
    path: &str,
    app: &Creds,
    form: &[(&str, &str)],
) -> Sent {
    answer(
        http.post(node.url(path))
            .basic_auth(&app.id, Some(&app.secret))
            .form(form),
    )
    .await
}

pub async fn client_credentials(http: &reqwest::Client, node: &Node, app: &Creds) -> Sent {
    oauth_form(
        http,
        node,
        "/oauth2/token",
        app,
        &[("grant_type", "client_credentials")],
    )
    .await
}

pub async fn exchange(http: &reqwest::Client, node: &Node, app: &Creds, code: &Code) -> Sent {
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.code.as_str()),
        ("redirect_uri", REDIRECT_URI),
        ("code_verifier", code.verifier.as_str()),
    ];
    oauth_form(http, node, "/oauth2/token", app, &form).await
}

pub async fn refresh(http: &reqwest::Client, node: &Node, app: &Creds, token: &str) -> Sent {
    let form = [("grant_type", "refresh_token"), ("refresh_token", token)];
    oauth_form(http, node, "/oauth2/token", app, &form).await
}

pub async fn revoke(http: &reqwest::Client, node: &Node, app: &Creds, token: &str) -> Sent {
    oauth_form(http, node, "/oauth2/revoke", app, &[("token", token)]).await
}

pub async fn introspect(http: &reqwest::Client, node: &Node, app: &Creds, token: &str) -> Sent {
    oauth_form(http, node, "/oauth2/introspect", app, &[("token", token)]).await
}

pub async fn get(http: &reqwest::Client, node: &Node, path: &str) -> Sent {
    answer(http.get(node.url(path))).await
}

/// Logs `username` in through `node`'s login page with `browser`'s cookie jar (303 on success).
pub async fn log_in(browser: &reqwest::Client, node: &Node, username: &str) -> Sent {
    let page = get(browser, node, "/accounts/login/").await?;
    let Some(csrf) = extract_hidden(&page.text, "csrf_token") else {
        return Ok(page);
    };
    let form = [
        ("username", username),
        ("password", PASSWORD),
        ("csrf_token", &csrf),
        ("next", "/accounts/profile/"),
    ];
    answer(browser.post(node.url("/accounts/login/")).form(&form)).await
}

/// An authorization code and the PKCE verifier it was asked with.
pub struct Code {
    pub code: String,
    pub verifier: String,
}

/// The authorization request of `app` for `scope` with a fresh PKCE challenge, as `browser`
/// (logged in) sends it to `node`, allowing on the consent page when it is shown. The code, or
/// the answer that was not a redirect with one.
pub async fn authorize(
    browser: &reqwest::Client,
    node: &Node,
    app: &Creds,
    scope: &str,
) -> Result<Code, Sent> {
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let mut url = url::Url::parse(&node.url("/oauth2/authorize")).unwrap();
    url.query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", &app.id)
        .append_pair("redirect_uri", REDIRECT_URI)
        .append_pair("scope", scope)
        .append_pair("state", "s")
        .append_pair("code_challenge", challenge.as_str())
        .append_pair("code_challenge_method", "S256");
    let mut got = answer(browser.get(url.as_str())).await;
    if let Ok(page) = &got {
        if page.status == 200 && page.text.contains("name=\"decision\"") {
            got = consent(browser, node, &page.text).await;
        }
    }
    match &got {
        Ok(a) if a.status == 303 => match code_of(&a.location) {
            Some(code) => Ok(Code {
                code,
                verifier: verifier.secret().clone(),
            }),
            None => Err(got),
        },
        _ => Err(got),
    }
}

/// Submits the consent page with "allow": its hidden fields as the page carries them.
async fn consent(browser: &reqwest::Client, node: &Node, html: &str) -> Sent {
    let form = consent_form(html, "allow");
    answer(browser.post(node.url("/oauth2/authorize")).form(&form)).await
}

fn code_of(location: &str) -> Option<String> {
    let url = url::Url::parse(location).ok()?;
    url.query_pairs()
        .find(|(k, _)| k == "code")
        .map(|(_, v)| v.into_owned())
}

/// The `kid` in a JWT's header.
pub fn kid_of(jwt: &str) -> String {
    use base64::Engine as _;
    let header = jwt.split('.').next().expect("a JWT");
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(header)
        .expect("base64url header");
    let v: Value = serde_json::from_slice(&bytes).expect("JSON header");
    v["kid"].as_str().expect("a kid").to_owned()
}
