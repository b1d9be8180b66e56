//! The console's groups: create (a duplicate or empty name answered with the field's error),
//! rename, add and remove members by username (an unknown one answered with the field's
//! error), delete after confirming; nothing changes on bad input.

use super::{admin_browser, get, post, PW};
use crate::helpers::{Backend, TestApp};
use auth_center::service::groups;

async fn stored_names(app: &TestApp) -> Vec<String> {
    let listed = groups::list_groups(&app.services, Default::default());
    let items = listed.await.unwrap().items;
    items.into_iter().map(|g| g.name.to_string()).collect()
}

async fn a_group_is_created_renamed_and_deleted_and_bad_names_change_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (browser, csrf) = admin_browser(&app).await;
    let (status, html) = get(&app, &browser, "/admin/groups/").await;
    assert_eq!(status, 200);
    assert!(html.contains("action=\"/admin/groups/\""));
    let (status, to, _) = post(
        &app,
        &browser,
        "/admin/groups/",
        &csrf,
        &[("name", "Editors")],
    )
    .await;
    assert_eq!(status, 303);
    assert!(
        to.starts_with("/admin/groups/") && to.ends_with("/?done=created"),
        "{to}"
    );
    let page = to.trim_end_matches("?done=created").to_owned();

    let (status, _, html) = post(
        &app,
        &browser,
        "/admin/groups/",
        &csrf,
        &[("name", "EDITORS")],
    )
    .await;
    assert_eq!(status, 409);
    assert!(
        html.contains("id=\"name-error\"") && html.contains("value=\"EDITORS\""),
        "{html}"
    );
    let (status, _, html) = post(&app, &browser, "/admin/groups/", &csrf, &[("name", "  ")]).await;
    assert_eq!(status, 422);
    assert!(html.contains("id=\"name-error\""), "{html}");
    let (status, ..) = post(&app, &browser, "/admin/groups/", "", &[("name", "Readers")]).await;
    assert_eq!(status, 403, "no CSRF token");
    assert_eq!(stored_names(&app).await, ["Editors"]);

    let rename = format!("{page}rename/");
    let (status, _, html) =
        post(&app, &browser, &rename, &csrf, &[("name", &"x".repeat(65))]).await;
    assert_eq!(status, 422);
    assert!(html.contains("id=\"name-error\""), "{html}");
    assert_eq!(stored_names(&app).await, ["Editors"]);
    let (status, to, _) = post(&app, &browser, &rename, &csrf, &[("name", "Copy editors")]).await;
    assert_eq!((status, to), (303, format!("{page}?done=renamed")));
    assert_eq!(stored_names(&app).await, ["Copy editors"]);

    let confirm = format!("{page}delete/");
    let (status, html) = get(&app, &browser, &confirm).await;
    assert_eq!(status, 200);
    assert!(html.contains("Copy editors"));
    assert_eq!(stored_names(&app).await.len(), 1, "only asked");
    let (status, to, _) = post(&app, &browser, &confirm, &csrf, &[]).await;
    assert_eq!((status, to.as_str()), (303, "/admin/groups/?done=deleted"));
    assert!(stored_names(&app).await.is_empty());
    app.stop().await;
}

async fn members_are_added_by_username_and_removed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let jane = app.create_user("jane", "jane@example.com", PW).await;
    let group = groups::create_group(
        &app.services,
        groups::NewGroup {
            name: "Editors".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let (browser, csrf) = admin_browser(&app).await;
    let page = format!("/admin/groups/{}/", group.id);
    let add = format!("{page}members/");
    let (status, _, html) = post(&app, &browser, &add, &csrf, &[("member", "nobody")]).await;
    assert_eq!(status, 422);
    assert!(
        html.contains("id=\"member-error\"") && html.contains("value=\"nobody\""),
        "{html}"
    );
    let members = || async {
        groups::get_group(&app.services, &group.id)
            .await
            .unwrap()
            .members
    };
    assert!(members().await.is_empty());

    let (status, to, _) = post(&app, &browser, &add, &csrf, &[("member", "JANE")]).await;
    assert_eq!((status, to), (303, format!("{page}?done=member_added")));
    assert_eq!(members().await, [jane.id.as_str()]);
    let (_, html) = get(&app, &browser, &page).await;
    assert!(html.contains("data-member=\"jane\""), "{html}");

    let remove = format!("{page}members/{}/remove/", jane.id);
    let (status, ..) = post(&app, &browser, &remove, "", &[]).await;
    assert_eq!(status, 403, "no CSRF token");
    assert_eq!(members().await.len(), 1);
    let (status, to, _) = post(&app, &browser, &remove, &csrf, &[]).await;
    assert_eq!((status, to), (303, format!("{page}?done=member_removed")));
    assert!(members().await.is_empty());
    app.stop().await;
}

on_both_stores!(
    a_group_is_created_renamed_and_deleted_and_bad_names_change_nothing,
    members_are_added_by_username_and_removed,
);
