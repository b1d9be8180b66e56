//! Account recovery on the account page (security findings 3 and 4): a password change or a
//! confirmed change of email deletes the account's other emailed links, the old address hears
//! of a change of email (without any link that could confirm or undo it), a password change
//! revokes the apps' grants while its own session stays, and it counts against the login
//! throttle. Part of the `web_account` suite (which runs each case on both stores).

use super::{NEW_PASSWORD, PASSWORD, PROFILE};
use crate::helpers::accounts::location;
use crate::helpers::mail::wait_for_mail;
use crate::helpers::{extract_hidden, Backend, TestApp};

/// Asks, on the account page, to move the account to `new_email`; returns the path of the
/// confirmation link mailed there.
async fn request_email_change(app: &TestApp, new_email: &str) -> String {
    let resp = app
        .submit(
            PROFILE,
            "/accounts/profile/email/",
            &[("new_email", new_email)],
        )
        .await;
    assert_eq!(location(&resp), "/accounts/profile/?done=email");
    let mail = wait_for_mail(&app.mail_dir(), new_email, 1).await;
    mail.link_path("/accounts/verify-email/")
}

/// Follows an emailed verify-email link through its page; the response of the form post.
async fn follow_verify_link(app: &TestApp, page: &str) -> reqwest::Response {
    let html = app.get(page).await.text().await.unwrap();
    let token = extract_hidden(&html, "token").expect("the form carries the token");
    app.submit(page, "/accounts/verify-email/", &[("token", &token)])
        .await
}

async fn change_password(app: &TestApp, current: &str, new: &str) -> reqwest::Response {
    let fields = [
        ("current_password", current),
        ("password", new),
        ("password_confirm", new),
    ];
    app.submit(PROFILE, "/accounts/profile/password/", &fields)
        .await
}

/// Security finding 3: someone who briefly held the session asks to move the account to their
/// own address; the owner's password change must kill that link.
pub async fn finding_3_a_password_change_deletes_a_pending_email_change_link(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    app.login("jane", PASSWORD).await;
    let link = request_email_change(&app, "mallory@evil.example").await;
    let resp = change_password(&app, PASSWORD, NEW_PASSWORD).await;
    assert_eq!(location(&resp), "/accounts/profile/?done=password");
    let resp = follow_verify_link(&app, &link).await;
    assert_eq!(resp.status(), 400, "the link died with the password change");
    assert_eq!(
        app.stored_user("jane").await.email.as_str(),
        "jane@example.com"
    );
    app.stop().await;
}

/// Security finding 3: once the account has moved to a new address, a reset link mailed to
/// the old one must not work any more (whoever reads the old mailbox cannot take it back).
pub async fn finding_3_confirming_a_new_address_deletes_the_links_sent_before(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    app.login("jane", PASSWORD).await;
    let forgot = "/accounts/password_reset/";
    let resp = app
        .submit(forgot, forgot, &[("email", "jane@example.com")])
        .await;
    assert_eq!(location(&resp), "/accounts/password_reset/done/");
    let reset = wait_for_mail(&app.mail_dir(), "jane@example.com", 1).await;
    let reset_page = reset.link_path("/accounts/reset/");
    let link = request_email_change(&app, "jane@new.example").await;
    let resp = follow_verify_link(&app, &link).await;
    assert_eq!(location(&resp), "/accounts/verify-email/done/");
    let html = app.get(&reset_page).await.text().await.unwrap();
    let token = extract_hidden(&html, "token").expect("the form carries the token");
    let fields = [
        ("token", token.as_str()),
        ("password", NEW_PASSWORD),
        ("password_confirm", NEW_PASSWORD),
    ];
    let resp = app.submit(&reset_page, "/accounts/reset/", &fields).await;
    assert_eq!(resp.status(), 422, "the old address's reset link is dead");
    assert_eq!(app.login("jane", PASSWORD).await.status(), 303);
    app.stop().await;
}

/// Security finding 3: the old address hears of a change of email, with a pointer to the
/// password reset page and no link that could undo or confirm anything.
pub async fn finding_3_a_change_of_email_is_announced_to_the_old_address(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    app.login("jane", PASSWORD).await;
    request_email_change(&app, "mallory@evil.example").await;
    let notice = wait_for_mail(&app.mail_dir(), "jane@example.com", 1).await;
    assert!(
        notice
            .raw
            .contains("Subject: Your email address is being changed"),
        "{}",
        notice.raw
    );
    let reset = notice.link("/accounts/password_reset/");
    assert_eq!(reset, format!("{}/accounts/password_reset/", app.address));
    assert!(notice.text.contains("m***@evil.example"), "{}", notice.text);
    for mail in [&notice.text, &notice.html] {
        assert!(!mail.contains("token="), "no one-time link: {mail}");
        assert!(!mail.contains("/accounts/verify-email/"), "{mail}");
    }
    app.stop().await;
}

/// Security finding 4: a password stolen and used to authorize an app must not leave that
/// app's grant alive once the owner changes the password; the session making the change stays.
pub async fn finding_4_a_password_change_revokes_the_grants_and_keeps_this_session(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let jane = app.create_user("jane", "jane@example.com", PASSWORD).await;
    let svc = app.services().await;
    let grant = grant_of(&svc, &jane).await;
    app.login("jane", PASSWORD).await;
    let resp = change_password(&app, PASSWORD, NEW_PASSWORD).await;
    assert_eq!(location(&resp), "/accounts/profile/?done=password");
    let g = svc.stores.grants.get_grant(&grant).await.unwrap();
    assert!(g.revoked_at.is_some(), "the app's grant is revoked");
    let page = app.get("/accounts/profile/?done=password").await;
    assert_eq!(page.status(), 200, "this session stays signed in");
    let html = page.text().await.unwrap();
    assert!(
        html.contains("every app you had authorized must ask you again"),
        "{html}"
    );
    app.stop().await;
}

/// A live grant of `user` to an app of their own; returns its id.
async fn grant_of(
    svc: &auth_center::service::Services,
    user: &auth_center::domain::User,
) -> String {
    use auth_center::service::clients::{create_client, NewClient};
    let new = NewClient {
        name: "Some app".into(),
        description: String::new(),
        owner_id: user.id.clone(),
        homepage_url: None,
        redirect_uris: vec!["https://app.example/cb".into()],
        grant_types: vec![],
        scopes: "openid profile".into(),
        public: false,
        first_party: false,
        introspection: false,
    };
    let client = create_client(svc, new).await.unwrap().client;
    let now = svc.now();
    let g = auth_center::domain::Grant {
        id: uuid::Uuid::now_v7().to_string(),
        user_id: Some(user.id.clone()),
        client_id: client.client_id,
        scopes: vec!["openid".into()],
        created_at: now,
        last_used_at: now,
        expires_at: now + chrono::Duration::days(1),
        revoked_at: None,
        auth_time: Some(now),
        resources: vec![],
    };
    svc.stores.grants.insert_grant(&g).await.unwrap();
    g.id
}

/// A password change is a password check: it shares the login page's throttle (wrong current
/// passwords count, refusals say to retry later, a success clears the count).
pub async fn a_password_change_goes_through_the_login_throttle(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = crate::helpers::test_settings(backend, dir.path());
    settings.accounts.login_max_failures = 3;
    let app = TestApp::spawn_with(settings, dir).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    app.login("jane", PASSWORD).await;
    for _ in 0..2 {
        let resp = change_password(&app, "not my password", NEW_PASSWORD).await;
        assert_eq!(resp.status(), 422);
    }
    let resp = change_password(&app, PASSWORD, NEW_PASSWORD).await;
    assert_eq!(location(&resp), "/accounts/profile/?done=password");
    // The success cleared the two failures: two failed logins are still below the limit...
    for _ in 0..2 {
        assert_eq!(app.login("jane", "wrong password 123").await.status(), 401);
    }
    // ...and count here: with one more wrong current password the limit is reached.
    let resp = change_password(&app, "not my password", PASSWORD).await;
    assert_eq!(resp.status(), 422);
    let resp = change_password(&app, NEW_PASSWORD, PASSWORD).await;
    assert_eq!(resp.status(), 429, "even the right password waits");
    let html = resp.text().await.unwrap();
    assert!(html.contains("id=\"current_password-error\""), "{html}");
    assert!(html.contains("Too many failed attempts. Try again later."));
    let resp = app.login("jane", NEW_PASSWORD).await;
    assert_eq!(resp.status(), 429, "the login page is refused too");
    let svc = app.services().await;
    let stored = app.stored_user("jane").await;
    assert!(
        svc.hasher
            .verify(NEW_PASSWORD, Some(&stored.password_hash))
            .await
            .unwrap(),
        "the refused change changed nothing"
    );
    app.stop().await;
}
