//! Email through a REAL SMTP server (the aiosmtpd sink of `scripts/smtp-test-server.sh`), on both
//! stores: the delivered verification and reset messages are read from the sink's directory and
//! their links followed to the end. A missing sink FAILS these tests; it never skips them.
//! Mail asked for while the server is down waits in the outbox and arrives once, from either of
//! two servers sharing the store, when a sink of the test's own starts on the port.

use std::time::{Duration, Instant};

use crate::helpers::accounts::location;
use crate::helpers::mail::{mails_to, sink, spawn_with_smtp, unique_address, wait_for_mail, Mail};
use crate::helpers::{extract_hidden, Backend, TestApp};
use auth_center::store::{OutboxMessage, OutboxStore};
use secrecy::SecretString;
use std::sync::Arc;

const PASSWORD: &str = "correct horse battery staple";
const NEW_PASSWORD: &str = "a brand new passphrase";

async fn a_verification_email_delivered_over_smtp_verifies_the_account(backend: Backend) {
    let (port, dir) = sink();
    let app = spawn_with_smtp(backend, port).await;
    let email = unique_address("jane");
    assert_eq!(app.register("jane", &email, PASSWORD).await.status(), 303);
    let mail = wait_for_mail(&dir, &email, 1).await;
    assert!(mail.raw.contains("Subject: Verify your email address"));
    let page = mail.link_path("/accounts/verify-email/");
    let token = extract_hidden(&app.get(&page).await.text().await.unwrap(), "token").unwrap();
    let resp = app
        .submit(&page, "/accounts/verify-email/", &[("token", &token)])
        .await;
    assert_eq!(location(&resp), "/accounts/verify-email/done/");
    assert!(app.stored_user("jane").await.email_verified);
    app.stop().await;
}

async fn a_reset_email_delivered_over_smtp_sets_a_new_password(backend: Backend) {
    let (port, dir) = sink();
    let app = spawn_with_smtp(backend, port).await;
    let email = unique_address("bob");
    app.create_user("bob", &email, PASSWORD).await;
    let forgot = "/accounts/password_reset/";
    app.submit(forgot, forgot, &[("email", &email)]).await;
    let mail = wait_for_mail(&dir, &email, 1).await;
    reset_through_the_link(&app, &mail).await;
    app.stop().await;
}

/// Follows a reset email's link, sets `NEW_PASSWORD` for bob, and logs in with it.
async fn reset_through_the_link(app: &TestApp, mail: &Mail) {
    let page = mail.link_path("/accounts/reset/");
    let token = extract_hidden(&app.get(&page).await.text().await.unwrap(), "token").unwrap();
    let fields = [
        ("token", token.as_str()),
        ("password", NEW_PASSWORD),
        ("password_confirm", NEW_PASSWORD),
    ];
    let resp = app.submit(&page, "/accounts/reset/", &fields).await;
    assert_eq!(location(&resp), "/accounts/reset/done/");
    assert_eq!(app.login("bob", NEW_PASSWORD).await.status(), 303);
}

/// An SMTP sink of this test's own (`scripts/smtp-sink.py`, the shared sink's Python) on
/// `port`, writing to `dir`; killed when dropped.
struct OwnSink(std::process::Child);

impl OwnSink {
    async fn start(port: u16, dir: &std::path::Path) -> OwnSink {
        // The shared sink's directory is `.cache/smtp-PORT/mail` beside `.cache/smtp-venv`.
        let (_, shared) = sink();
        let cache = shared
            .parent()
            .and_then(|p| p.parent())
            .expect("a .cache dir");
        let child = std::process::Command::new(cache.join("smtp-venv/bin/python"))
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/smtp-sink.py"))
            .arg(port.to_string())
            .arg(dir)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("the SMTP sink starts");
        let sink = OwnSink(child);
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return sink;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the SMTP sink on port {port} did not start");
    }
}

impl Drop for OwnSink {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A queued message, claimed as of 1 s ahead with a lease that ends then: it stays due then.
async fn peek(outbox: &Arc<dyn OutboxStore>) -> OutboxMessage {
    for _ in 0..20 {
        let at = chrono::Utc::now() + chrono::Duration::seconds(1);
        if let Some(m) = outbox.claim_mail(None, "a look", at, at).await.unwrap() {
            return m;
        }
        // Held by a sender for the instant of a (failing) attempt.
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no queued message");
}

/// A port nothing listens on (yet).
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

/// Two servers on one store, both sending through `port`, retrying every ~100 ms.
async fn two_nodes_with_smtp(backend: Backend, port: u16) -> (TestApp, TestApp) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = crate::helpers::test_settings(backend, dir.path());
    settings.mail.smtp_url = Some(SecretString::from(format!("smtp://127.0.0.1:{port}")));
    settings.mail.retry_min = Duration::from_millis(100);
    settings.mail.retry_max = Duration::from_millis(400);
    settings.mail.outbox_poll = Duration::from_millis(100);
    let other = settings.clone();
    let a = TestApp::spawn_with(settings, dir).await;
    let b = TestApp::spawn_with(other, tempfile::tempdir().unwrap()).await;
    (a, b)
}

async fn mail_asked_for_while_the_mail_server_is_down_arrives_once_when_it_returns(
    backend: Backend,
) {
    let port = closed_port();
    let (a, b) = two_nodes_with_smtp(backend, port).await;
    let (jane, bob) = (unique_address("jane"), unique_address("bob"));
    a.create_user("bob", &bob, PASSWORD).await;
    let forgot = "/accounts/password_reset/";
    let asked = a.submit(forgot, forgot, &[("email", &bob)]).await;
    let unknown = b
        .submit(forgot, forgot, &[("email", "nobody@example.com")])
        .await;
    assert_eq!(location(&asked), "/accounts/password_reset/done/");
    assert_eq!(
        location(&asked),
        location(&unknown),
        "the same answer as ever"
    );
    let registered = b.register("jane", &jane, PASSWORD).await;
    assert_eq!(location(&registered), "/accounts/register/done/");

    // Both nodes keep failing to deliver; the messages wait in the shared outbox.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let outbox = a.services().await.stores.outbox;
    assert_eq!(
        outbox.count_mail().await.unwrap(),
        2,
        "nothing lost, nothing sent"
    );
    // A look at one (claimed as of 1 s ahead, past its retry time, with a lease that ends
    // then): the links are sealed at rest.
    let queued = peek(&outbox).await;
    for body in [&queued.text, &queued.html] {
        assert!(
            body.starts_with("enc:v1:") && !body.contains("token"),
            "{body}"
        );
    }

    let mail_dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let _sink = OwnSink::start(port, mail_dir.path()).await;
    let reset = wait_for_mail(mail_dir.path(), &bob, 1).await;
    wait_for_mail(mail_dir.path(), &jane, 1).await;
    let delay = started.elapsed();
    assert!(
        delay < Duration::from_secs(5),
        "delivered {delay:?} after the server returned"
    );
    // Several more polls of both nodes: nothing is sent again.
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(mails_to(mail_dir.path(), &bob).len(), 1, "one reset email");
    assert_eq!(
        mails_to(mail_dir.path(), &jane).len(),
        1,
        "one verification email"
    );
    assert_eq!(
        outbox.count_mail().await.unwrap(),
        0,
        "delivered mail is deleted"
    );

    reset_through_the_link(&a, &reset).await; // the late link works
    b.stop().await;
    a.stop().await;
}

on_both_stores!(
    a_verification_email_delivered_over_smtp_verifies_the_account,
    a_reset_email_delivered_over_smtp_sets_a_new_password,
    mail_asked_for_while_the_mail_server_is_down_arrives_once_when_it_returns,
);
