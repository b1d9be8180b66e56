//! `/metrics` (Prometheus text format): the exposition after real requests passes
//! `promtool check metrics` (Debian package `prometheus`; a missing promtool fails the test),
//! the counters move for real requests (tokens by grant type, sign-in outcomes, a 404, a
//! throttle refusal, an email delivered and one held back by a mail limit, cache look-ups, store
//! operations), the bearer token is required when configured, and no label carries an id, an
//! email or a token.
//!
//! The registry is the process's, and the tests of this binary may share a process (`cargo
//! test` runs them on threads; nextest gives each its own): counters are compared before and
//! after, and must have moved by at least what this test did.

use std::io::Write as _;
use std::process::{Command, Stdio};

use oauth2::TokenResponse as _;

use crate::helpers::mail::wait_for_mail;
use crate::helpers::oauth::{http, new_client, oauth2_client, world_on, World};
use crate::helpers::totp::code_at_step;
use crate::helpers::{test_settings, two_factor, Backend, TestApp};

const TOKEN: &str = "a-scrape-token-of-some-length";

/// An app whose `/metrics` is on, with `token` required when given, and its OAuth world.
async fn world_with_metrics(b: Backend, token: Option<&str>) -> World {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = test_settings(b, dir.path());
    s.metrics.enabled = true;
    s.metrics.token = token.map(|t| secrecy::SecretString::from(t.to_owned()));
    world_on(TestApp::spawn_with(s, dir).await).await
}

/// `GET /metrics` with the test token; the body, after checking the answer is the text format.
async fn scrape(app: &TestApp) -> String {
    let r = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let ct = r.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(ct.starts_with("text/plain; version=0.0.4"), "{ct}");
    r.text().await.unwrap()
}

/// The sum of the samples of `name` whose labels include every pair of `labels`.
fn sample(text: &str, name: &str, labels: &[(&str, &str)]) -> f64 {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (series, value) = l.rsplit_once(' ')?;
            let (metric, rest) = series.split_once('{').unwrap_or((series, "}"));
            let wanted = labels
                .iter()
                .all(|(k, v)| rest.contains(&format!("{k}=\"{v}\"")));
            (metric == name && wanted).then(|| value.parse::<f64>().unwrap())
        })
        .sum()
}

/// How much `name{labels}` grew between two scrapes.
fn grew(before: &str, after: &str, name: &str, labels: &[(&str, &str)]) -> f64 {
    sample(after, name, labels) - sample(before, name, labels)
}

/// `promtool check metrics` on `text`: its verdict and what it printed.
fn promtool_check(text: &str) -> (bool, String) {
    let bin = std::env::var("AUTH_CENTER_TEST_PROMTOOL").unwrap_or_else(|_| "promtool".into());
    let mut child = Command::new(&bin)
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run {bin} ({e}): install Debian's `prometheus` package (scripts/test.sh \
                 does) or set AUTH_CENTER_TEST_PROMTOOL"
            )
        });
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), printed)
}

/// A token from `client_credentials`, through the `oauth2` crate.
async fn client_credentials(w: &World) -> String {
    let token = oauth2_client(&w.app, &w.web)
        .exchange_client_credentials()
        .request_async(&http())
        .await
        .expect("a client_credentials token");
    token.access_token().secret().clone()
}

/// Posts the login form of a fresh browser.
async fn sign_in(app: &TestApp, username: &str, password: &str) -> u16 {
    let browser = app.new_browser();
    let resp = app.login_in(&browser, username, password).await;
    resp.status().as_u16()
}

async fn the_exposition_after_real_requests_passes_promtool(b: Backend) {
    let w = world_with_metrics(b, Some(TOKEN)).await;
    client_credentials(&w).await;
    assert_eq!(
        sign_in(&w.app, "alice", "a long enough password").await,
        303
    );
    assert_eq!(sign_in(&w.app, "alice", "not the password").await, 401);
    assert_eq!(w.app.get("/no/such/page").await.status(), 404);
    let text = scrape(&w.app).await;
    for family in [
        "auth_center_build_info",
        "auth_center_http_requests_total",
        "auth_center_http_request_duration_seconds",
        "auth_center_tokens_issued_total",
        "auth_center_sign_ins_total",
        "auth_center_password_hash_wait_seconds",
        "auth_center_store_operation_duration_seconds",
        "auth_center_cache_lookups_total",
    ] {
        assert!(
            text.contains(&format!("# TYPE {family} ")),
            "{family}:\n{text}"
        );
    }
    let (ok, printed) = promtool_check(&text);
    assert!(
        ok && printed.trim().is_empty(),
        "promtool: {printed}\n{text}"
    );
    // promtool does find problems: a counter without `_total` and a bad line fail it.
    let broken = format!("{text}# TYPE auth_center_broken counter\nauth_center_broken 1\n");
    assert!(
        !promtool_check(&broken).0,
        "promtool accepted a counter without _total"
    );
    w.app.stop().await;
}

async fn counters_move_for_tokens_sign_ins_a_404_and_a_throttle_refusal(b: Backend) {
    let w = world_with_metrics(b, Some(TOKEN)).await;
    let backend = match b {
        Backend::Sqlite => "sqlite",
        Backend::Mongo => "mongodb",
    };
    let before = scrape(&w.app).await;
    client_credentials(&w).await;
    client_credentials(&w).await;
    assert_eq!(
        sign_in(&w.app, "alice", "a long enough password").await,
        303
    );
    assert_eq!(w.app.get("/no/such/page/42").await.status(), 404);
    // A second account, failing past `accounts.login_max_failures` (5): the sixth is refused.
    w.app
        .create_user("bob", "bob@example.com", "bob's long password")
        .await;
    for _ in 0..5 {
        assert_eq!(sign_in(&w.app, "bob", "not bob's password").await, 401);
    }
    assert_eq!(sign_in(&w.app, "bob", "not bob's password").await, 429);
    let after = scrape(&w.app).await;

    let tokens = "auth_center_tokens_issued_total";
    assert!(
        grew(
            &before,
            &after,
            tokens,
            &[("grant_type", "client_credentials")]
        ) >= 2.0
    );
    let sign_ins = "auth_center_sign_ins_total";
    let outcome = |o| [("step", "password"), ("outcome", o)];
    assert!(grew(&before, &after, sign_ins, &outcome("success")) >= 1.0);
    assert!(grew(&before, &after, sign_ins, &outcome("bad_credentials")) >= 5.0);
    assert!(grew(&before, &after, sign_ins, &outcome("throttled")) >= 1.0);
    let refusals = "auth_center_throttle_refusals_total";
    let by_account = [("check", "password"), ("limit", "account")];
    assert!(grew(&before, &after, refusals, &by_account) >= 1.0);
    let requests = "auth_center_http_requests_total";
    let not_found = [("route", "unmatched"), ("method", "GET"), ("status", "404")];
    assert!(grew(&before, &after, requests, &not_found) >= 1.0);
    let token_ok = [
        ("route", "/oauth2/token"),
        ("method", "POST"),
        ("status", "200"),
    ];
    assert!(grew(&before, &after, requests, &token_ok) >= 2.0, "{after}");
    let latency = "auth_center_http_request_duration_seconds_count";
    let token_route = [("route", "/oauth2/token"), ("method", "POST")];
    assert!(grew(&before, &after, latency, &token_route) >= 2.0);
    // The second token request found the app in the client cache.
    let lookups = "auth_center_cache_lookups_total";
    assert!(
        grew(
            &before,
            &after,
            lookups,
            &[("cache", "client"), ("result", "hit")]
        ) >= 1.0
    );
    let store = "auth_center_store_operation_duration_seconds_count";
    assert!(grew(&before, &after, store, &[("backend", backend)]) >= 1.0);
    let waits = "auth_center_password_hash_wait_seconds_count";
    assert!(grew(&before, &after, waits, &[]) >= 6.0);
    w.app.stop().await;
}

async fn the_steps_of_a_two_step_sign_in_are_counted_by_outcome(b: Backend) {
    let w = world_with_metrics(b, Some(TOKEN)).await;
    let app = &w.app;
    let (secret, _) = two_factor::enrol(app).await;
    let before = scrape(app).await;
    let browser = app.new_browser();
    let (pending, csrf) = two_factor::password_step(app, &browser).await;
    // The step of the code that confirmed the enrolment is used: a wrong code now.
    let used = code_at_step(&secret, two_factor::step_now(app));
    let r = two_factor::second_step(app, &browser, &pending, &csrf, &used).await;
    assert_eq!(r.status(), 401);
    let next = code_at_step(&secret, two_factor::step_now(app) + 1);
    let r = two_factor::second_step(app, &browser, &pending, &csrf, &next).await;
    assert_eq!(r.status(), 303);
    let after = scrape(app).await;
    let sign_ins = "auth_center_sign_ins_total";
    let counted = |step, outcome| {
        grew(
            &before,
            &after,
            sign_ins,
            &[("step", step), ("outcome", outcome)],
        )
    };
    assert!(counted("password", "second_step") >= 1.0, "{after}");
    assert!(counted("second_factor", "bad_code") >= 1.0, "{after}");
    assert!(counted("second_factor", "success") >= 1.0, "{after}");
    w.app.stop().await;
}

async fn an_email_delivered_and_a_mail_limit_refusal_are_counted(b: Backend) {
    let w = world_with_metrics(b, Some(TOKEN)).await;
    let before = scrape(&w.app).await;
    // Two resets for one address within a minute: the second is not sent.
    let forgot = "/accounts/password_reset/";
    for _ in 0..2 {
        let r = w
            .app
            .submit(forgot, forgot, &[("email", "alice@example.com")])
            .await;
        assert_eq!(r.status(), 303);
    }
    wait_for_mail(&w.app.mail_dir(), "alice@example.com", 1).await;
    // The outbox counts a delivery once the mailer took it and the message is acknowledged.
    let (deliveries, sent) = ("auth_center_mail_deliveries_total", [("outcome", "sent")]);
    let mut after = scrape(&w.app).await;
    for _ in 0..100 {
        if grew(&before, &after, deliveries, &sent) >= 1.0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        after = scrape(&w.app).await;
    }
    assert!(grew(&before, &after, deliveries, &sent) >= 1.0, "{after}");
    let refusals = "auth_center_throttle_refusals_total";
    let per_minute = [("check", "mail"), ("limit", "recipient_minute")];
    assert!(
        grew(&before, &after, refusals, &per_minute) >= 1.0,
        "{after}"
    );
    w.app.stop().await;
}

async fn the_token_is_required_when_configured_and_metrics_are_off_by_default(b: Backend) {
    let w = world_with_metrics(b, Some(TOKEN)).await;
    let url = w.app.url("/metrics");
    let r = http().get(&url).send().await.unwrap();
    assert_eq!(r.status(), 401);
    assert!(r.headers()["www-authenticate"]
        .to_str()
        .unwrap()
        .starts_with("Bearer"));
    assert!(!r.text().await.unwrap().contains("auth_center_"));
    for wrong in [&TOKEN[1..], "a-scrape-token-of-some-lengtH", "Bearer"] {
        let r = http().get(&url).bearer_auth(wrong).send().await.unwrap();
        assert_eq!(r.status(), 401, "{wrong}");
    }
    let basic = http().get(&url).basic_auth(TOKEN, Some("")).send().await;
    assert_eq!(basic.unwrap().status(), 401);
    assert!(scrape(&w.app).await.contains("auth_center_build_info"));
    w.app.stop().await;

    // Without `metrics.enabled`, there is no `/metrics` at all.
    let off = TestApp::spawn(b).await;
    let r = off.get("/metrics").await;
    assert_eq!(r.status(), 404);
    assert!(!r.text().await.unwrap().contains("auth_center_"));
    off.stop().await;
}

async fn no_label_carries_an_id_an_email_or_a_token(b: Backend) {
    let w = world_with_metrics(b, Some(TOKEN)).await;
    let access = client_credentials(&w).await;
    let other = new_client(&w.app, &w.user.id, &["client_credentials"], false).await;
    assert_eq!(
        sign_in(&w.app, "alice@example.com", "a long enough password").await,
        303
    );
    // Pages and API operations whose paths carry ids, and a path no route has.
    let browser = w.app.client.clone();
    w.app.login("alice", "a long enough password").await;
    let id = &other.client.client_id;
    for path in [
        format!("/oauth/applications/{id}/"),
        format!("/api/v1/apps/{id}"),
        format!("/accounts/resource/user/{}/", w.user.id),
        format!("/no/such/{access}"),
    ] {
        let r = browser
            .get(w.app.url(&path))
            .bearer_auth(&access)
            .send()
            .await;
        assert!(r.unwrap().status().as_u16() < 500, "{path}");
    }
    let text = scrape(&w.app).await;
    for secret in [
        id.as_str(),
        w.web.client.client_id.as_str(),
        w.web.secret.as_deref().unwrap(),
        w.user.id.as_str(),
        "alice",
        "example.com",
        &access,
        "a long enough password",
        TOKEN,
    ] {
        assert!(!text.contains(secret), "{secret} is in the metrics");
    }
    let routes: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("auth_center_http_requests_total{"))
        .filter_map(|l| l.split("route=\"").nth(1)?.split('"').next())
        .collect();
    assert!(routes.contains(&"/oauth/applications/:id/"), "{routes:?}");
    // An original path served by an API operation is named once, by the operation.
    assert!(
        routes.contains(&"/accounts/resource/user/:param0"),
        "{routes:?}"
    );
    assert!(routes.contains(&"/api/v1/apps/:param0"), "{routes:?}");
    for route in &routes {
        assert!(*route == "unmatched" || route.starts_with('/'), "{route}");
        assert!(!route.contains("//"), "{route}");
    }
    assert!(routes.contains(&"unmatched"), "{routes:?}");
    w.app.stop().await;
}

on_both_stores!(
    the_exposition_after_real_requests_passes_promtool,
    counters_move_for_tokens_sign_ins_a_404_and_a_throttle_refusal,
    the_steps_of_a_two_step_sign_in_are_counted_by_outcome,
    an_email_delivered_and_a_mail_limit_refusal_are_counted,
    the_token_is_required_when_configured_and_metrics_are_off_by_default,
    no_label_carries_an_id_an_email_or_a_token,
);
