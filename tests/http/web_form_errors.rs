//! Every error of a form at once, on both stores: one submit of the app form (register and
//! edit), the registration page and the reset page names every faulty field, the summary at
//! the top is a focused list of links to those fields, each field keeps its hint beside its
//! error (aria-describedby names both), and nothing is stored. WCAG 2.1 SC 3.3.1 and 3.3.3.

use crate::helpers::accounts::location;
use crate::helpers::mail::wait_for_mail;
use crate::helpers::{extract_hidden, Backend, TestApp};
use auth_center::service::admin::PageRequest;
use auth_center::service::app_input::AppInput;
use auth_center::service::apps;

const PW: &str = "a long enough password";
const REGISTER_APP: &str = "/oauth/applications/register/";

async fn logged_in_app(b: Backend, username: &str) -> TestApp {
    let app = TestApp::spawn(b).await;
    app.create_user(username, &format!("{username}@example.com"), PW)
        .await;
    assert_eq!(app.login(username, PW).await.status(), 303);
    app
}

/// The error summary of a page: its opening tag and the fields its links point at, in order.
fn summary(html: &str) -> (String, Vec<String>) {
    let start = html
        .find(r#"<div class="error-summary""#)
        .expect("an error summary");
    let end = html[start..].find("</div>").unwrap() + start;
    let tag = html[start..html[start..].find('>').unwrap() + start + 1].to_owned();
    let links = html[start..end]
        .split(r##"<a href="#"##)
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_owned())
        .collect();
    (tag, links)
}

/// The `aria-describedby` of the element with this `id`.
fn described_by(html: &str, id: &str) -> String {
    let at = html.find(&format!(r#"id="{id}""#)).expect(id);
    let tag_end = html[at..].find('>').unwrap() + at;
    let tag = &html[at..tag_end];
    let start = tag.find(r#"aria-describedby=""#).expect("aria-describedby") + 18;
    tag[start..start + tag[start..].find('"').unwrap()].to_owned()
}

/// Five faulty fields of the app form, one of them a lifetime that is not even a number.
const BAD_APP: [(&str, &str); 6] = [
    ("name", ""),
    ("homepage_url", "ftp://files.example"),
    ("redirect_uris", "http://printer.example/cb"),
    ("client_type", "confidential"),
    ("access_token_ttl_secs", "soon"),
    ("refresh_token_ttl_secs", "5"),
];
const BAD_APP_FIELDS: [&str; 5] = [
    "name",
    "homepage_url",
    "redirect_uris",
    "access_token_ttl_secs",
    "refresh_token_ttl_secs",
];

fn assert_every_app_error(html: &str) {
    for field in BAD_APP_FIELDS {
        assert!(
            html.contains(&format!(r#"id="{field}-error""#)),
            "{field}: {html}"
        );
    }
    let (tag, links) = summary(html);
    assert!(
        tag.contains(r#"tabindex="-1""#) && tag.contains("autofocus"),
        "{tag}"
    );
    assert_eq!(
        links, BAD_APP_FIELDS,
        "the summary links every field, in order"
    );
    assert!(
        html.contains("Enter a whole number of seconds."),
        "the form's own message"
    );
    assert_eq!(
        described_by(html, "access_token_ttl_secs"),
        "access_token_ttl_secs-hint access_token_ttl_secs-error",
        "the hint stays beside the error"
    );
    assert_eq!(
        described_by(html, "redirect_uris"),
        "redirect_uris-hint redirect_uris-error"
    );
    assert!(html.contains(r#"id="redirect_uris-hint""#));
}

async fn one_submit_of_the_app_form_shows_every_field_error_and_registers_nothing(b: Backend) {
    let app = logged_in_app(b, "dave").await;
    let resp = app.submit(REGISTER_APP, REGISTER_APP, &BAD_APP).await;
    assert_eq!(resp.status(), 422);
    assert_every_app_error(&resp.text().await.unwrap());
    let svc = app.services().await;
    let user = app.stored_user("dave").await;
    let paging = PageRequest {
        offset: None,
        limit: None,
    };
    let listed = apps::list_my_apps(&svc, &user, paging).await.unwrap();
    assert_eq!(listed.total, 0, "nothing registered");
    app.stop().await;
}

async fn one_submit_of_the_edit_form_shows_every_field_error_and_changes_nothing(b: Backend) {
    let app = logged_in_app(b, "dave").await;
    let svc = app.services().await;
    let owner =
        auth_center::service::access::Principal::session(app.stored_user("dave").await, "arranged");
    let input = AppInput {
        name: "Arranged app".into(),
        redirect_uris: vec!["https://printer.example/cb".into()],
        ..AppInput::default()
    };
    let id = apps::register_app(&svc, &owner, input)
        .await
        .unwrap()
        .app
        .client_id;
    let page = format!("/oauth/applications/{id}/update/");
    let resp = app.submit(&page, &page, &BAD_APP).await;
    assert_eq!(resp.status(), 422);
    assert_every_app_error(&resp.text().await.unwrap());
    let stored = svc.stores.clients.get_client(&id).await.unwrap();
    assert_eq!(
        (stored.name.as_str(), stored.homepage_url.as_deref()),
        ("Arranged app", None)
    );
    app.stop().await;
}

async fn one_submit_of_the_registration_page_shows_every_field_error(b: Backend) {
    let app = TestApp::spawn(b).await;
    let page = "/accounts/register/";
    let bad = [
        ("username", "a"),
        ("email", "not-an-address"),
        ("password", "short"),
        ("password_confirm", "shorter"),
    ];
    let resp = app.submit(page, page, &bad).await;
    assert_eq!(resp.status(), 422);
    let html = resp.text().await.unwrap();
    let (_, links) = summary(&html);
    assert_eq!(links, ["username", "email", "password", "password_confirm"]);
    assert_eq!(
        described_by(&html, "password"),
        "password-hint password-error"
    );
    assert!(app
        .services()
        .await
        .stores
        .users
        .find_user_by_email("not-an-address")
        .await
        .is_err());
    app.stop().await;
}

/// The reset link of a fresh request for `email`, and its token.
async fn reset_link(app: &TestApp, email: &str) -> (String, String) {
    let forgot = "/accounts/password_reset/";
    let resp = app.submit(forgot, forgot, &[("email", email)]).await;
    assert_eq!(location(&resp), "/accounts/password_reset/done/");
    let mail = wait_for_mail(&app.mail_dir(), email, 1).await;
    let page = mail.link_path("/accounts/reset/");
    let html = app.get(&page).await.text().await.unwrap();
    let token = extract_hidden(&html, "token").expect("the form carries the token");
    (page, token)
}

async fn one_submit_of_the_reset_page_shows_the_mismatch_and_the_policy_and_keeps_the_link(
    b: Backend,
) {
    let app = TestApp::spawn(b).await;
    app.create_user("jane", "jane@example.com", PW).await;
    let (page, token) = reset_link(&app, "jane@example.com").await;
    let bad = [
        ("token", token.as_str()),
        ("password", "short"),
        ("password_confirm", "shorter"),
    ];
    let resp = app.submit(&page, "/accounts/reset/", &bad).await;
    assert_eq!(resp.status(), 422);
    let html = resp.text().await.unwrap();
    let (_, links) = summary(&html);
    assert_eq!(links, ["password", "password_confirm"], "{html}");
    assert_eq!(
        described_by(&html, "password"),
        "password-hint password-error"
    );
    let good = [
        ("token", token.as_str()),
        ("password", "a brand new passphrase"),
        ("password_confirm", "a brand new passphrase"),
    ];
    let resp = app.submit(&page, "/accounts/reset/", &good).await;
    assert_eq!(
        location(&resp),
        "/accounts/reset/done/",
        "the link survived"
    );
    app.stop().await;
}

async fn a_dead_reset_link_is_told_together_with_the_passwords_faults(b: Backend) {
    let app = TestApp::spawn(b).await;
    let page = "/accounts/reset/?token=no-such-token";
    let bad = [
        ("token", "no-such-token"),
        ("password", "short"),
        ("password_confirm", "other"),
    ];
    let resp = app.submit(page, "/accounts/reset/", &bad).await;
    assert_eq!(resp.status(), 422);
    let html = resp.text().await.unwrap();
    let (_, links) = summary(&html);
    assert_eq!(links, ["token", "password", "password_confirm"], "{html}");
    assert!(
        html.contains(r#"<p class="error" id="token">"#),
        "the link target exists"
    );
    app.stop().await;
}

on_both_stores!(
    one_submit_of_the_app_form_shows_every_field_error_and_registers_nothing,
    one_submit_of_the_edit_form_shows_every_field_error_and_changes_nothing,
    one_submit_of_the_registration_page_shows_every_field_error,
    one_submit_of_the_reset_page_shows_the_mismatch_and_the_policy_and_keeps_the_link,
    a_dead_reset_link_is_told_together_with_the_passwords_faults,
);
