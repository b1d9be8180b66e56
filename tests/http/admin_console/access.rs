//! Who reaches the console: a visitor without a session is sent to the login page, which
//! leads back; a signed-in person who is not an administrator gets a 403 on every page and
//! every action (with a valid CSRF token) and changes nothing; the navigation links every
//! section, and the pages speak Chinese.

use super::{admin_browser, get, person_browser, post, PW};
use crate::helpers::accounts::location;
use crate::helpers::{Backend, TestApp};
use auth_center::service::groups;

/// Every page of the console, with the ids of the records they show.
fn pages(user: &str, group: &str, app_id: &str) -> Vec<String> {
    vec![
        "/admin/users/".into(),
        format!("/admin/users/{user}/"),
        format!("/admin/users/{user}/delete/"),
        "/admin/groups/".into(),
        format!("/admin/groups/{group}/"),
        format!("/admin/groups/{group}/delete/"),
        "/admin/apps/".into(),
        format!("/admin/apps/{app_id}/"),
        format!("/admin/apps/{app_id}/delete/"),
    ]
}

/// Every action of the console with a form that would change something.
fn actions(
    user: &str,
    group: &str,
    app_id: &str,
) -> Vec<(String, Vec<(&'static str, &'static str)>)> {
    vec![
        (
            format!("/admin/users/{user}/disabled/"),
            vec![("value", "true")],
        ),
        (
            format!("/admin/users/{user}/admin/"),
            vec![("value", "true")],
        ),
        (format!("/admin/users/{user}/second-factor/"), vec![]),
        (format!("/admin/users/{user}/verification/"), vec![]),
        (format!("/admin/users/{user}/delete/"), vec![]),
        ("/admin/groups/".into(), vec![("name", "Intruders")]),
        (
            format!("/admin/groups/{group}/rename/"),
            vec![("name", "Taken over")],
        ),
        (
            format!("/admin/groups/{group}/members/"),
            vec![("member", "joe")],
        ),
        (
            format!("/admin/groups/{group}/members/{user}/remove/"),
            vec![],
        ),
        (format!("/admin/groups/{group}/delete/"), vec![]),
        (
            format!("/admin/apps/{app_id}/settings/"),
            vec![("first_party", "true")],
        ),
        (format!("/admin/apps/{app_id}/delete/"), vec![]),
    ]
}

/// A member `joe` in group `Editors`, and an app of joe's: the records the console would act on.
async fn records(app: &TestApp) -> (String, String, String) {
    let joe = app.create_user("joe", "joe@example.com", PW).await;
    let new = groups::NewGroup {
        name: "Editors".into(),
        members: vec![joe.id.clone()],
        ..Default::default()
    };
    let group = groups::create_group(&app.services, new).await.unwrap();
    let input = auth_center::service::app_input::AppInput {
        name: "Joe's app".into(),
        redirect_uris: vec!["http://127.0.0.1:9/callback".into()],
        ..Default::default()
    };
    let owner = auth_center::service::access::Principal::session(joe.clone(), "arranged");
    let created = auth_center::service::apps::register_app(&app.services, &owner, input);
    (joe.id, group.id, created.await.unwrap().app.client_id)
}

async fn a_person_who_is_not_an_administrator_gets_403_everywhere(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (user, group, app_id) = records(&app).await;
    let (jane, csrf) = person_browser(&app, "jane").await;
    let (_, home) = get(&app, &jane, "/accounts/profile/").await;
    assert!(
        !home.contains("href=\"/admin/users/\""),
        "no console link for jane"
    );
    for path in pages(&user, &group, &app_id) {
        let (status, _) = get(&app, &jane, &path).await;
        assert_eq!(status, 403, "GET {path}");
    }
    for (path, form) in actions(&user, &group, &app_id) {
        let (status, ..) = post(&app, &jane, &path, &csrf, &form).await;
        assert_eq!(status, 403, "POST {path}");
    }
    let joe = app.stored_user("joe").await;
    assert!(!joe.disabled && !joe.is_admin);
    let stored = groups::get_group(&app.services, &group).await.unwrap();
    assert_eq!((stored.name.as_str(), stored.members.len()), ("Editors", 1));
    let client = app
        .services
        .stores
        .clients
        .get_client(&app_id)
        .await
        .unwrap();
    assert!(!client.first_party);
    app.stop().await;
}

async fn a_visitor_without_a_session_is_sent_to_the_login_page_and_back(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (user, group, app_id) = records(&app).await;
    for path in pages(&user, &group, &app_id) {
        let resp = app.get(&path).await;
        assert_eq!(resp.status(), 303, "GET {path}");
        let to = location(&resp);
        assert!(
            to.starts_with("/accounts/login/?next=%2Fadmin%2F"),
            "{path}: {to}"
        );
    }
    let resp = app.get("/admin/").await;
    assert_eq!(location(&resp), "/admin/users/");
    // A form posted without a session is refused (its CSRF token cannot be valid).
    for (path, form) in actions(&user, &group, &app_id) {
        let resp = app
            .client
            .post(app.url(&path))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 403, "POST {path}");
    }
    assert!(!app.stored_user("joe").await.disabled);
    app.stop().await;
}

async fn the_navigation_links_every_section_in_english_and_chinese(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (user, group, app_id) = records(&app).await;
    let (browser, _) = admin_browser(&app).await;
    for path in pages(&user, &group, &app_id)
        .into_iter()
        .chain(["/admin/resources/".into(), "/admin/audit/".into()])
    {
        let (status, html) = get(&app, &browser, &path).await;
        assert_eq!(status, 200, "{path}");
        for section in ["users", "groups", "apps", "resources", "audit"] {
            assert!(
                html.contains(&format!("href=\"/admin/{section}/\"")),
                "{path}: {section}"
            );
        }
    }
    let (_, zh) = get(&app, &browser, "/admin/users/?lang=zh-CN").await;
    assert!(zh.contains("用户组") && zh.contains("搜索"), "{zh}");
    let (_, zh) = get(&app, &browser, &format!("/admin/groups/{group}/")).await;
    assert!(zh.contains("添加成员"), "{zh}");
    let (_, zh) = get(&app, &browser, &format!("/admin/apps/{app_id}/")).await;
    assert!(zh.contains("仅管理员可更改的设置"), "{zh}");
    app.stop().await;
}

on_both_stores!(
    a_person_who_is_not_an_administrator_gets_403_everywhere,
    a_visitor_without_a_session_is_sent_to_the_login_page_and_back,
    the_navigation_links_every_section_in_english_and_chinese,
);
