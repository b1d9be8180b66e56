//! Passkeys (WebAuthn) through the pages, on both stores, with the software authenticator of
//! `helpers::authenticator`: registered on the account page after the password, listed and
//! removed, signing in without a username (session `amr`), and every refusal — another origin,
//! another RP id, a bad signature, a replayed challenge, a counter going backwards, another
//! person's credential, a registration without the password — a passkey instead of the code
//! after the password, and the security emails.

#[path = "passkeys/second_step.rs"]
mod second_step;

use crate::helpers::accounts::location;
use crate::helpers::authenticator::{ceremony, post_sign_in, register, sign_in, Authenticator};
use crate::helpers::two_factor::{enrol, PASSWORD};
use crate::helpers::{Backend, TestApp};

/// `jane` signed in on `app.client` with one passkey registered.
async fn jane_with_a_passkey(app: &TestApp) -> Authenticator {
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    assert_eq!(app.login("jane", PASSWORD).await.status(), 303);
    let mut auth = Authenticator::new(app);
    let resp = register(app, &mut auth, "Work laptop", PASSWORD).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), "/accounts/profile/passkeys/?done=added");
    auth
}

pub(crate) async fn amr_of_sessions(app: &TestApp, user_id: &str) -> Vec<Vec<String>> {
    let sessions = app
        .services
        .stores
        .sessions
        .list_sessions_for_user(user_id)
        .await
        .unwrap();
    sessions.into_iter().map(|s| s.amr).collect()
}

async fn a_passkey_added_on_the_account_page_signs_in_without_a_username(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut auth = jane_with_a_passkey(&app).await;
    let html = app
        .get("/accounts/profile/passkeys/")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Work laptop"), "{html}");
    assert!(html.contains("Never"), "not used yet: {html}");
    let jane = app.stored_user("jane").await;

    let browser = app.new_browser();
    let resp = sign_in(&app, &browser, &mut auth).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), "/accounts/profile/");
    let page = browser
        .get(app.url("/accounts/profile/"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("jane"));
    let amrs = amr_of_sessions(&app, &jane.id).await;
    assert!(
        amrs.contains(&vec!["swk".into(), "user".into(), "mfa".into()]),
        "{amrs:?}"
    );

    let stored = app
        .services
        .stores
        .passkeys
        .list_passkeys(&jane.id)
        .await
        .unwrap();
    assert_eq!(
        (stored[0].counter, stored[0].last_used_at.is_some()),
        (1, true)
    );

    let mut bound = Authenticator::new(&app);
    bound.synced = false;
    bound.user_verified = false;
    assert_eq!(
        register(&app, &mut bound, "Security key", PASSWORD)
            .await
            .status(),
        303
    );
    let other = app.new_browser();
    assert_eq!(sign_in(&app, &other, &mut bound).await.status(), 303);
    let amrs = amr_of_sessions(&app, &jane.id).await;
    assert!(
        amrs.contains(&vec!["hwk".into()]),
        "device-bound, no UV: {amrs:?}"
    );
    app.stop().await;
}

async fn a_response_for_another_origin_or_rp_or_with_a_bad_signature_is_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut auth = jane_with_a_passkey(&app).await;
    let real_origin = auth.origin.clone();
    let browser = app.new_browser();

    auth.origin = format!("{real_origin}.evil.example");
    let resp = sign_in(&app, &browser, &mut auth).await;
    assert_eq!(resp.status(), 401, "another origin");
    auth.origin = real_origin.replace("http://", "https://");
    assert_eq!(
        sign_in(&app, &browser, &mut auth).await.status(),
        401,
        "another scheme"
    );
    auth.origin = real_origin.clone();

    let real_rp = auth.rp_id.clone();
    auth.rp_id = "example.com".into();
    assert_eq!(
        sign_in(&app, &browser, &mut auth).await.status(),
        401,
        "another RP id hash"
    );
    auth.rp_id = real_rp;

    auth.corrupt_signature = true;
    let resp = sign_in(&app, &browser, &mut auth).await;
    assert_eq!(resp.status(), 401, "a bad signature");
    assert!(resp
        .text()
        .await
        .unwrap()
        .contains("This passkey was not accepted"));
    auth.corrupt_signature = false;

    let page = browser
        .get(app.url("/accounts/profile/"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 303, "no session came of them");
    assert_eq!(
        sign_in(&app, &browser, &mut auth).await.status(),
        303,
        "the real one works"
    );

    let mut elsewhere = Authenticator::new(&app);
    elsewhere.origin = "http://localhost:1".into();
    let resp = register(&app, &mut elsewhere, "Phone", PASSWORD).await;
    assert_eq!(resp.status(), 422, "a registration from another origin");
    let jane = app.stored_user("jane").await;
    let stored = app
        .services
        .stores
        .passkeys
        .list_passkeys(&jane.id)
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    app.stop().await;
}

async fn a_challenge_answers_once_and_only_in_its_browser(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut auth = jane_with_a_passkey(&app).await;
    auth.counter = None;
    let browser = app.new_browser();
    let c = ceremony(&app, &browser, "/accounts/login/").await;
    let credential = auth.get(&c.challenge);

    let stranger = app.new_browser();
    let mut theirs = ceremony(&app, &stranger, "/accounts/login/").await;
    theirs.token = c.token.clone();
    let resp = post_sign_in(&app, &stranger, &theirs, &credential).await;
    assert_eq!(resp.status(), 400, "the challenge of another browser");

    assert_eq!(
        post_sign_in(&app, &browser, &c, &credential).await.status(),
        303
    );
    let resp = post_sign_in(&app, &browser, &c, &credential).await;
    assert_eq!(resp.status(), 400, "a replayed challenge");

    let late = ceremony(&app, &browser, "/accounts/login/").await;
    app.advance(std::time::Duration::from_secs(301));
    let credential = auth.get(&late.challenge);
    let resp = post_sign_in(&app, &browser, &late, &credential).await;
    assert_eq!(resp.status(), 400, "an expired challenge");
    app.stop().await;
}

async fn a_signature_counter_that_goes_backwards_is_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut auth = jane_with_a_passkey(&app).await;
    let browser = app.new_browser();
    auth.counter = Some(41);
    assert_eq!(
        sign_in(&app, &browser, &mut auth).await.status(),
        303,
        "counter 42"
    );
    auth.counter = Some(40);
    let cloned = app.new_browser();
    assert_eq!(
        sign_in(&app, &cloned, &mut auth).await.status(),
        401,
        "counter 41 < 42"
    );
    auth.counter = Some(41);
    assert_eq!(
        sign_in(&app, &cloned, &mut auth).await.status(),
        401,
        "counter 42 again"
    );
    assert_eq!(
        sign_in(&app, &cloned, &mut auth).await.status(),
        303,
        "counter 43"
    );
    app.stop().await;
}

async fn another_persons_credential_neither_signs_in_nor_is_removed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut janes = jane_with_a_passkey(&app).await;
    let jane = app.stored_user("jane").await;
    app.create_user("bob", "bob@example.com", PASSWORD).await;
    let bob = app.new_browser();
    let c = ceremony(&app, &bob, "/accounts/login/").await;
    janes.user_handle = bob_handle(&app).await;
    let resp = post_sign_in(&app, &bob, &c, &janes.get(&c.challenge)).await;
    assert_eq!(resp.status(), 401, "jane's credential presented as bob's");

    let bob_session = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .unwrap();
    let login = ceremony(&app, &bob_session, "/accounts/login/").await;
    let form = [
        ("username", "bob"),
        ("password", PASSWORD),
        ("csrf_token", &login.csrf),
    ];
    let resp = bob_session
        .post(app.url("/accounts/login/"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303);
    let id = crate::helpers::authenticator::b64(&janes.credential_id);
    let path = format!("/accounts/profile/passkeys/{id}/delete/");
    let resp = bob_session
        .post(app.url(&path))
        .form(&[("csrf_token", login.csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    let kept = app
        .services
        .stores
        .passkeys
        .list_passkeys(&jane.id)
        .await
        .unwrap();
    assert_eq!(kept.len(), 1, "jane's passkey is still there");
    app.stop().await;
}

pub(crate) async fn bob_handle(app: &TestApp) -> Vec<u8> {
    app.stored_user("bob").await.id.into_bytes()
}

async fn adding_a_passkey_needs_the_password_or_a_current_code(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    assert_eq!(app.login("jane", PASSWORD).await.status(), 303);
    let mut auth = Authenticator::new(&app);
    let resp = register(&app, &mut auth, "Phone", "not my password").await;
    assert_eq!(resp.status(), 422);
    let html = resp.text().await.unwrap();
    assert!(html.contains("href=\"#proof\""), "{html}");
    let resp = register(&app, &mut auth, "", PASSWORD).await;
    assert_eq!(resp.status(), 422, "a name is needed");
    let c = ceremony(&app, &app.client, "/accounts/profile/passkeys/").await;
    let credential = auth.create(&c.challenge, c.user_handle.as_deref().unwrap());
    let form = [
        ("passkey_name", "Phone"),
        ("proof", PASSWORD),
        ("token", &c.token),
        ("credential", &credential),
    ];
    let resp = app
        .client
        .post(app.url("/accounts/profile/passkeys/"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 403, "no CSRF token");
    let jane = app.stored_user("jane").await;
    assert!(app
        .services
        .stores
        .passkeys
        .list_passkeys(&jane.id)
        .await
        .unwrap()
        .is_empty());
    app.stop().await;
}

async fn a_passkey_without_user_verification_is_refused_for_a_person_with_two_steps(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    enrol(&app).await;
    let mut auth = Authenticator::new(&app);
    auth.user_verified = false;
    assert_eq!(
        register(&app, &mut auth, "Key", PASSWORD).await.status(),
        303
    );
    let browser = app.new_browser();
    let resp = sign_in(&app, &browser, &mut auth).await;
    assert_eq!(resp.status(), 401);
    assert!(resp
        .text()
        .await
        .unwrap()
        .contains("did not check that it is you"));
    auth.user_verified = true;
    assert_eq!(sign_in(&app, &browser, &mut auth).await.status(), 303);
    app.stop().await;
}

on_both_stores!(
    a_passkey_added_on_the_account_page_signs_in_without_a_username,
    a_response_for_another_origin_or_rp_or_with_a_bad_signature_is_refused,
    a_challenge_answers_once_and_only_in_its_browser,
    a_signature_counter_that_goes_backwards_is_refused,
    another_persons_credential_neither_signs_in_nor_is_removed,
    adding_a_passkey_needs_the_password_or_a_current_code,
    a_passkey_without_user_verification_is_refused_for_a_person_with_two_steps,
);
