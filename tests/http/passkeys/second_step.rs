//! A passkey instead of the two-step code after the password, and the security emails of
//! adding and removing a passkey, on both stores.

use super::{amr_of_sessions, bob_handle};
use crate::helpers::accounts::location;
use crate::helpers::authenticator::{
    ceremony, data_attr, register, sign_in, Authenticator, Ceremony,
};
use crate::helpers::mail::{sink, spawn_with_smtp, unique_address, wait_for_text};
use crate::helpers::two_factor::{enrol, submit_password, PASSWORD};
use crate::helpers::{extract_hidden, unescape_attr, Backend, TestApp};

async fn a_passkey_of_the_person_finishes_a_login_instead_of_the_code(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    enrol(&app).await;
    let mut auth = Authenticator::new(&app);
    auth.user_verified = false;
    assert_eq!(
        register(&app, &mut auth, "Key", PASSWORD).await.status(),
        303
    );
    app.create_user("bob", "bob@example.com", PASSWORD).await;
    let mut bobs = Authenticator::new(&app);
    bobs.user_handle = bob_handle(&app).await;
    let jane = app.stored_user("jane").await;

    let browser = app.new_browser();
    let second_page = |html: &str| Ceremony {
        challenge: data_attr(html, "challenge"),
        token: extract_hidden(html, "token").expect("the passkey form"),
        csrf: extract_hidden(html, "csrf_token").unwrap(),
        user_handle: None,
    };
    let resp = submit_password(&app, &browser, "/accounts/profile/").await;
    let html = resp.text().await.unwrap();
    let pending = unescape_attr(&extract_hidden(&html, "pending").unwrap());
    let c = second_page(&html);
    let post = |c: &Ceremony, credential: String| {
        let form = [
            ("pending", pending.clone()),
            ("token", c.token.clone()),
            ("credential", credential),
            ("csrf_token", c.csrf.clone()),
            ("next", "/accounts/profile/".to_owned()),
        ];
        browser
            .post(app.url("/accounts/login/passkey/"))
            .form(&form)
            .send()
    };
    let resp = post(&c, bobs.get(&c.challenge)).await.unwrap();
    assert_eq!(resp.status(), 401, "another person's passkey");
    let resp = submit_password(&app, &browser, "/accounts/profile/").await;
    let html = resp.text().await.unwrap();
    let pending_now = unescape_attr(&extract_hidden(&html, "pending").unwrap());
    assert_ne!(pending_now, "");
    let c = second_page(&html);
    let form = [
        ("pending", pending_now.as_str()),
        ("token", c.token.as_str()),
        ("credential", &auth.get(&c.challenge)),
        ("csrf_token", c.csrf.as_str()),
        ("next", "/accounts/profile/"),
    ];
    let resp = browser
        .post(app.url("/accounts/login/passkey/"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), "/accounts/profile/");
    let amrs = amr_of_sessions(&app, &jane.id).await;
    assert!(
        amrs.contains(&vec!["pwd".into(), "swk".into(), "mfa".into()]),
        "{amrs:?}"
    );
    app.stop().await;
}

async fn adding_and_removing_a_passkey_are_mailed(backend: Backend) {
    let (port, dir) = sink();
    let app = spawn_with_smtp(backend, port).await;
    let email = unique_address("jane");
    app.create_user("jane", &email, PASSWORD).await;
    assert_eq!(app.login("jane", PASSWORD).await.status(), 303);
    let mut auth = Authenticator::new(&app);
    assert_eq!(
        register(&app, &mut auth, "Phone", PASSWORD).await.status(),
        303
    );
    let added = wait_for_text(&dir, &email, "A passkey was added to your account").await;
    assert!(added.raw.contains("Subject: A passkey was added"));
    let c = ceremony(&app, &app.client, "/accounts/profile/passkeys/").await;
    let id = crate::helpers::authenticator::b64(&auth.credential_id);
    let path = format!("/accounts/profile/passkeys/{id}/delete/");
    let form = [("csrf_token", c.csrf.as_str())];
    let resp = app
        .client
        .post(app.url(&path))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(location(&resp), "/accounts/profile/passkeys/?done=removed");
    wait_for_text(&dir, &email, "A passkey was removed from your account").await;
    let browser = app.new_browser();
    assert_eq!(
        sign_in(&app, &browser, &mut auth).await.status(),
        401,
        "removed"
    );
    app.stop().await;
}

on_both_stores!(
    a_passkey_of_the_person_finishes_a_login_instead_of_the_code,
    adding_and_removing_a_passkey_are_mailed,
);
