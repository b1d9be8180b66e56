//! The console's accounts: search and pages, one account's page, disable / enable, make /
//! remove administrator (never oneself, never the last enabled administrator), removing a
//! second factor, a new verification link, delete after confirming.

use super::{admin_browser, get, person_browser, post, PW};
use crate::helpers::mail::wait_for_text;
use crate::helpers::two_factor;
use crate::helpers::{escape_attr, Backend, TestApp};
use auth_center::service::accounts::{create_user, NewUser};
use auth_center::service::admin;

async fn searching_finds_accounts_by_part_of_a_name_in_pages_of_twenty(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for n in 1..=25 {
        let name = format!("reader{n:02}");
        app.create_user(&name, &format!("{name}@books.example"), PW)
            .await;
    }
    app.create_user("writer", "writer@pens.example", PW).await;
    let (browser, _) = admin_browser(&app).await;
    let (status, html) = get(&app, &browser, "/admin/users/?search=BOOKS").await;
    assert_eq!(status, 200);
    assert_eq!(html.matches("data-username=\"reader").count(), 20, "{html}");
    assert!(!html.contains("data-username=\"writer\""));
    assert!(
        html.contains(&escape_attr("/admin/users/?search=BOOKS&page=2")),
        "{html}"
    );
    let (_, second) = get(&app, &browser, "/admin/users/?search=BOOKS&page=2").await;
    assert_eq!(second.matches("data-username=\"reader").count(), 5);
    assert!(second.contains("data-username=\"reader25\""));

    let (status, html) = get(&app, &browser, "/admin/users/?page=soon").await;
    assert_eq!(status, 422);
    assert!(html.contains("id=\"search-error\""), "{html}");
    let long = "x".repeat(101);
    let (status, html) = get(&app, &browser, &format!("/admin/users/?search={long}")).await;
    assert_eq!(status, 422);
    assert!(html.contains("Use at most 100 characters"), "{html}");
    app.stop().await;
}

async fn an_account_is_disabled_with_its_sessions_and_enabled_again(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (jane_browser, _) = person_browser(&app, "jane").await;
    let jane = app.stored_user("jane").await;
    let (browser, csrf) = admin_browser(&app).await;
    let page = format!("/admin/users/{}/", jane.id);
    let (status, html) = get(&app, &browser, &page).await;
    assert_eq!(status, 200);
    assert!(html.contains("jane@example.com"));
    let audit = format!("/admin/audit/?user={}", jane.id);
    assert!(
        html.contains(&escape_attr(&audit)),
        "a link to the account's events"
    );

    let action = format!("{page}disabled/");
    let (status, to, _) = post(&app, &browser, &action, &csrf, &[("value", "true")]).await;
    assert_eq!(
        (status, to.as_str()),
        (303, &*format!("{page}?done=disabled"))
    );
    assert!(app.stored_user("jane").await.disabled);
    let (status, _) = get(&app, &jane_browser, "/accounts/profile/").await;
    assert_eq!(status, 303, "jane's session ended");

    let (status, _, _) = post(&app, &browser, &action, &csrf, &[("value", "maybe")]).await;
    assert_eq!(status, 422);
    assert!(app.stored_user("jane").await.disabled, "nothing changed");
    let (status, ..) = post(&app, &browser, &action, "", &[("value", "false")]).await;
    assert_eq!(status, 403, "no CSRF token");
    assert!(app.stored_user("jane").await.disabled, "nothing changed");
    let (status, ..) = post(&app, &browser, &action, &csrf, &[("value", "false")]).await;
    assert_eq!(status, 303);
    assert!(!app.stored_user("jane").await.disabled);
    app.stop().await;
}

async fn administrators_are_made_and_removed_but_never_the_last_one(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PW).await;
    let jane = app.stored_user("jane").await;
    let me = app.stored_user("admin").await;
    let (browser, csrf) = admin_browser(&app).await;
    let jane_admin = format!("/admin/users/{}/admin/", jane.id);
    let (status, to, _) = post(&app, &browser, &jane_admin, &csrf, &[("value", "true")]).await;
    assert_eq!(status, 303);
    assert!(to.ends_with("?done=promoted"));
    assert!(app.stored_user("jane").await.is_admin);
    let (status, _, _) = post(&app, &browser, &jane_admin, &csrf, &[("value", "false")]).await;
    assert_eq!(status, 303);
    assert!(!app.stored_user("jane").await.is_admin);

    // Oneself: refused on the account's page, nothing changed.
    let mine = format!("/admin/users/{}/", me.id);
    for (action, value) in [("admin/", "false"), ("disabled/", "true")] {
        let path = format!("{mine}{action}");
        let (status, _, html) = post(&app, &browser, &path, &csrf, &[("value", value)]).await;
        assert_eq!(status, 409, "{action}");
        assert!(html.contains("your own account"), "{html}");
    }
    let (status, _, _) = post(&app, &browser, &format!("{mine}delete/"), &csrf, &[]).await;
    assert_eq!(status, 409);
    let stored = app.stored_user("admin").await;
    assert!(stored.is_admin && !stored.disabled);

    // The rule the pages share with the API holds for any actor: the only enabled
    // administrator stays one.
    let svc = app.services().await;
    let refused = admin::set_user_admin(&svc, &jane, &me.id, false).await;
    assert!(matches!(
        refused,
        Err(auth_center::service::ServiceError::Refused(_))
    ));
    assert!(app.stored_user("admin").await.is_admin);
    app.stop().await;
}

async fn a_second_factor_is_removed_and_a_verification_link_resent(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    two_factor::enrol(&app).await;
    let jane = app.stored_user("jane").await;
    let svc = app.services().await;
    let joe = NewUser {
        username: "joe".into(),
        email: "joe@example.com".into(),
        password: PW.into(),
        display_name: None,
        is_admin: false,
        email_verified: false,
    };
    let joe = create_user(&svc, joe).await.unwrap();
    let (browser, csrf) = admin_browser(&app).await;

    let page = format!("/admin/users/{}/", jane.id);
    let (_, html) = get(&app, &browser, &page).await;
    assert!(html.contains(&format!("{page}second-factor/")), "{html}");
    let (status, to, _) = post(&app, &browser, &format!("{page}second-factor/"), &csrf, &[]).await;
    assert_eq!((status, to), (303, format!("{page}?done=second_factor")));
    assert!(!two_factor_on(&app, &jane.id).await);
    let (status, _) = get(&app, &app.client, "/accounts/profile/").await;
    assert_eq!(status, 303, "jane's sessions ended");
    wait_for_text(
        &app.mail_dir(),
        "jane@example.com",
        "Two-step verification was turned off",
    )
    .await;
    let (status, ..) = post(&app, &browser, &format!("{page}second-factor/"), &csrf, &[]).await;
    assert_eq!(status, 404, "no second factor left");

    let joe_page = format!("/admin/users/{}/", joe.id);
    let (_, html) = get(&app, &browser, &joe_page).await;
    assert!(!html.contains("second-factor/"), "joe has none");
    let resend = format!("{joe_page}verification/");
    let (status, to, _) = post(&app, &browser, &resend, &csrf, &[]).await;
    assert_eq!((status, to), (303, format!("{joe_page}?done=verification")));
    let mail = wait_for_text(&app.mail_dir(), "joe@example.com", "verify-email").await;
    assert!(mail.text.contains("/accounts/verify-email/"));
    let verified = format!("{page}verification/");
    let (status, _, html) = post(&app, &browser, &verified, &csrf, &[]).await;
    assert_eq!(status, 409, "jane's address is verified");
    assert!(html.contains("verified already"));
    app.stop().await;
}

async fn two_factor_on(app: &TestApp, user_id: &str) -> bool {
    let svc = app.services().await;
    auth_center::service::two_factor::is_on(&svc, user_id)
        .await
        .unwrap()
}

async fn an_account_is_deleted_after_its_confirmation_page(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PW).await;
    let jane = app.stored_user("jane").await;
    let (browser, csrf) = admin_browser(&app).await;
    let confirm = format!("/admin/users/{}/delete/", jane.id);
    let (status, html) = get(&app, &browser, &confirm).await;
    assert_eq!(status, 200);
    let action = format!("action=\"{}\"", escape_attr(&confirm));
    assert!(html.contains("jane") && html.contains(&action), "{html}");
    assert!(
        app.services.stores.users.get_user(&jane.id).await.is_ok(),
        "only asked"
    );
    let (status, ..) = post(&app, &browser, &confirm, "", &[]).await;
    assert_eq!(status, 403, "no CSRF token");
    let (status, to, _) = post(&app, &browser, &confirm, &csrf, &[]).await;
    assert_eq!((status, to.as_str()), (303, "/admin/users/?done=deleted"));
    assert!(app.services.stores.users.get_user(&jane.id).await.is_err());
    let (status, _) = get(&app, &browser, &format!("/admin/users/{}/", jane.id)).await;
    assert_eq!(status, 404);
    app.stop().await;
}

on_both_stores!(
    searching_finds_accounts_by_part_of_a_name_in_pages_of_twenty,
    an_account_is_disabled_with_its_sessions_and_enabled_again,
    administrators_are_made_and_removed_but_never_the_last_one,
    a_second_factor_is_removed_and_a_verification_link_resent,
    an_account_is_deleted_after_its_confirmation_page,
);
