//! Two auth-center processes on one replica set are one service: what one node issues, starts,
//! revokes, deletes or rotates holds at the other, within the bound the README states (1 s for
//! anything a node caches). Each test prints the delay it measured.

use std::future::Future;
use std::time::{Duration, Instant};

use super::flows::{self, client, Creds};
use super::nodes::{Node, Pair};

/// What any node may keep of a change made at another.
const BOUND: Duration = Duration::from_secs(1);

/// How long after now `check` first holds (polled every 10 ms for up to 10 s), or `None`.
async fn until<F, Fut>(mut check: F) -> Option<Duration>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        if check().await {
            return Some(start.elapsed());
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    None
}

fn within_bound(what: &str, took: Option<Duration>) {
    let took = took.unwrap_or_else(|| panic!("{what}: still not seen after 10 s"));
    println!(
        "{what}: seen at the other node after {} ms",
        took.as_millis()
    );
    assert!(took <= BOUND, "{what}: took {took:?}, more than {BOUND:?}");
}

/// A browser logged in as `username` at `node`.
async fn logged_in(node: &Node, username: &str) -> reqwest::Client {
    let browser = client(true);
    let a = flows::log_in(&browser, node, username).await.unwrap();
    assert_eq!(a.status, 303, "login: {}", a.text);
    browser
}

/// Calls the apps API as the logged-in browser (session cookie + its CSRF token).
async fn as_session(
    browser: &reqwest::Client,
    node: &Node,
    method: reqwest::Method,
    path: &str,
) -> flows::Answer {
    let page = flows::get(browser, node, "/accounts/profile/")
        .await
        .unwrap();
    let csrf = crate::helpers::html::extract_hidden(&page.text, "csrf_token").expect("csrf field");
    let resp = browser
        .request(method, node.url(path))
        .header("x-csrf-token", csrf)
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    let text = resp.text().await.unwrap();
    let body = serde_json::from_str(&text).unwrap_or_default();
    flows::Answer {
        status,
        location: String::new(),
        body,
        text,
    }
}

async fn status_of(sent: flows::Sent) -> u16 {
    sent.expect("the node answers").status
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_code_issued_through_node_a_is_redeemed_at_node_b() {
    let p = Pair::start(&[]).await;
    let alice = p.user("alice").await;
    let app = Creds::from(&p.app(&alice).await);
    let browser = logged_in(&p.a, "alice").await;
    let code = flows::authorize(&browser, &p.a, &app, "openid profile offline_access")
        .await
        .unwrap_or_else(|e| panic!("no code: {e:?}"));
    let http = client(false);
    let tokens = flows::exchange(&http, &p.b, &app, &code).await.unwrap();
    assert_eq!(tokens.status, 200, "{}", tokens.text);
    let access = tokens.body["access_token"].as_str().unwrap();
    let info = flows::introspect(&http, &p.a, &app, access).await.unwrap();
    assert_eq!(info.body["active"], true, "{}", info.text);
    assert_eq!(info.body["sub"], alice.id.as_str(), "{}", info.text);
    // And it was spent: the same code again at A is refused.
    let again = flows::exchange(&http, &p.a, &app, &code).await.unwrap();
    assert_eq!(
        (again.status, again.body["error"].as_str()),
        (400, Some("invalid_grant"))
    );
    p.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_made_on_node_a_works_on_node_b() {
    let p = Pair::start(&[]).await;
    p.user("alice").await;
    let stranger = client(true);
    let page = flows::get(&stranger, &p.b, "/accounts/profile/")
        .await
        .unwrap();
    assert_eq!(page.status, 303, "no session, no account page");
    let browser = logged_in(&p.a, "alice").await;
    let page = flows::get(&browser, &p.b, "/accounts/profile/")
        .await
        .unwrap();
    assert_eq!(page.status, 200, "{}", page.location);
    assert!(page.text.contains("alice"), "{}", page.text);
    p.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_revoked_at_node_a_is_rejected_at_node_b_within_a_second() {
    let p = Pair::start(&[]).await;
    let alice = p.user("alice").await;
    let app = Creds::from(&p.app(&alice).await);
    let http = client(false);
    let code = flows::authorize(
        &logged_in(&p.a, "alice").await,
        &p.a,
        &app,
        "profile offline_access",
    )
    .await
    .unwrap_or_else(|e| panic!("no code: {e:?}"));
    let tokens = flows::exchange(&http, &p.a, &app, &code)
        .await
        .unwrap()
        .body;
    let access = tokens["access_token"].as_str().unwrap().to_owned();
    let refresh = tokens["refresh_token"].as_str().unwrap().to_owned();
    let seen = flows::introspect(&http, &p.b, &app, &access).await.unwrap();
    assert_eq!(seen.body["active"], true, "B knows the token first");
    assert_eq!(
        status_of(flows::revoke(&http, &p.a, &app, &refresh).await).await,
        200
    );
    let took = until(|| async {
        let info = flows::introspect(&http, &p.b, &app, &access).await.unwrap();
        info.body["active"] == false
    })
    .await;
    within_bound(
        "revocation (introspection of the grant's access token)",
        took,
    );
    let refused = flows::refresh(&http, &p.b, &app, &refresh).await.unwrap();
    assert_eq!(refused.body["error"], "invalid_grant", "{}", refused.text);
    p.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_app_deleted_at_node_a_is_refused_at_node_b_within_a_second() {
    let p = Pair::start(&[]).await;
    let alice = p.user("alice").await;
    let app = Creds::from(&p.app(&alice).await);
    let http = client(false);
    // B has used (and may keep) the app before it is deleted.
    assert_eq!(
        status_of(flows::client_credentials(&http, &p.b, &app).await).await,
        200
    );
    let owner = logged_in(&p.a, "alice").await;
    let deleted = as_session(
        &owner,
        &p.a,
        reqwest::Method::DELETE,
        &format!("/api/v1/apps/{}", app.id),
    )
    .await;
    assert_eq!(deleted.status, 204, "{}", deleted.text);
    let took = until(|| async {
        let a = flows::client_credentials(&http, &p.b, &app).await.unwrap();
        a.status == 401 && a.body["error"] == "invalid_client"
    })
    .await;
    within_bound("app deletion", took);
    p.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_secret_rotated_at_node_a_with_revoke_previous_works_at_node_b_within_a_second() {
    let p = Pair::start(&[]).await;
    let alice = p.user("alice").await;
    let old = Creds::from(&p.app(&alice).await);
    let http = client(false);
    assert_eq!(
        status_of(flows::client_credentials(&http, &p.b, &old).await).await,
        200
    );
    let owner = logged_in(&p.a, "alice").await;
    let path = format!("/api/v1/apps/{}/rotate-secret?revoke_previous=true", old.id);
    let rotated = as_session(&owner, &p.a, reqwest::Method::POST, &path).await;
    assert_eq!(rotated.status, 200, "{}", rotated.text);
    let new = Creds {
        id: old.id.clone(),
        secret: rotated.body["client_secret"].as_str().unwrap().to_owned(),
    };
    let took = until(|| async {
        let refused = flows::client_credentials(&http, &p.b, &old).await.unwrap();
        let accepted = flows::client_credentials(&http, &p.b, &new).await.unwrap();
        refused.status == 401 && accepted.status == 200
    })
    .await;
    within_bound("secret rotation (old refused, new accepted)", took);
    p.stop().await;
}

/// B's JWKS kids, fetched every 250 ms (as a relying party refreshes it, far less often than a
/// node signs) until `stop`, each with when it was fetched.
async fn watch_jwks(
    node: &Node,
    start: Instant,
    stop: &tokio::sync::Notify,
) -> Vec<(Duration, Vec<String>)> {
    let http = client(false);
    let mut seen = Vec::new();
    loop {
        let jwks = flows::get(&http, node, "/oauth2/jwks").await.unwrap().body;
        let kids = jwks["keys"].as_array().unwrap().iter();
        let kids = kids
            .filter_map(|k| k["kid"].as_str().map(str::to_owned))
            .collect();
        seen.push((start.elapsed(), kids));
        tokio::select! {
            _ = stop.notified() => return seen,
            _ = tokio::time::sleep(Duration::from_millis(250)) => {}
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signing_key_rotated_at_node_a_is_in_node_b_jwks_before_it_signs_and_verifies_there() {
    let p = Pair::start(&[("AUTH_CENTER__OAUTH__KEY_ROTATION_SECS", "4")]).await;
    let alice = p.user("alice").await;
    let app = Creds::from(&p.app(&alice).await);
    let http = client(false);
    let first = flows::client_credentials(&http, &p.a, &app).await.unwrap();
    let first_kid = flows::kid_of(first.body["access_token"].as_str().unwrap());
    let start = Instant::now();
    let stop = tokio::sync::Notify::new();
    let signer = async {
        loop {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "A never rotated its key"
            );
            let token = flows::client_credentials(&http, &p.a, &app).await.unwrap();
            assert_eq!(token.status, 200, "{}", token.text);
            let access = token.body["access_token"].as_str().unwrap().to_owned();
            if flows::kid_of(&access) != first_kid {
                stop.notify_one();
                return (start.elapsed(), access);
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    let (seen, (signed_at, access)) = tokio::join!(watch_jwks(&p.b, start, &stop), signer);
    let kid = flows::kid_of(&access);
    let served_at = seen
        .iter()
        .find(|(_, kids)| kids.contains(&kid))
        .map(|(t, _)| *t);
    let lead = served_at.map(|t| signed_at.as_millis() as i128 - t.as_millis() as i128);
    println!("A first signed with the new key {kid} at {signed_at:?}; B's JWKS served it {lead:?} ms before");
    assert!(
        served_at.is_some_and(|t| t < signed_at),
        "A signed with {kid} before B's JWKS served it: {seen:?}"
    );
    let info = flows::introspect(&http, &p.b, &app, &access).await.unwrap();
    assert_eq!(
        info.body["active"], true,
        "B verifies A's new key: {}",
        info.text
    );
    p.stop().await;
}
