//! The admin API for groups, through HTTP against a spawned app on both stores: the
//! membership lifecycle, paging, and bad input (empty, 10 000-character and duplicate names)
//! refused with field errors while nothing changes.

#[path = "admin_api/caller.rs"]
mod caller;
mod common;

use caller::{fields, names, Caller};
use common::{Backend, TestApp};
use serde_json::{json, Value};

const PW: &str = "a long enough password";

async fn create(admin: &Caller, name: &str) -> Value {
    let (status, g) = admin
        .post("/api/v1/admin/groups", json!({"name": name}))
        .await;
    assert_eq!(status, 201, "{g}");
    g
}

async fn a_group_gains_and_loses_members_is_renamed_and_is_deleted(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let jane = app.create_user("jane", "jane@example.com", PW).await.id;
    let bob = app.create_user("bob", "bob@example.com", PW).await.id;
    let admin = Caller::admin(&app).await;
    let (status, g) = admin
        .post(
            "/api/v1/admin/groups",
            json!({"name": " Staff ", "description": "Employees"}),
        )
        .await;
    assert_eq!(status, 201);
    assert_eq!(
        (g["name"].as_str(), g["member_count"].as_u64()),
        (Some("Staff"), Some(0))
    );
    let id = g["id"].as_str().unwrap().to_owned();
    for user in [&jane, &bob, &jane] {
        let (status, g) = admin
            .put(&format!("/api/v1/admin/groups/{id}/members/{user}"))
            .await;
        assert_eq!(status, 200);
        assert!(
            g["member_count"].as_u64().unwrap() <= 2,
            "adding twice is idempotent"
        );
    }
    let (_, members) = admin
        .get(&format!("/api/v1/admin/groups/{id}/members"))
        .await;
    assert_eq!(names(&members, "username"), ["jane", "bob"]);
    assert_eq!(members["items"][0]["id"], jane.as_str());
    let (_, second) = admin
        .get(&format!(
            "/api/v1/admin/groups/{id}/members?offset=1&limit=1"
        ))
        .await;
    assert_eq!(
        (names(&second, "username"), second["total"].as_u64()),
        (vec!["bob".into()], Some(2))
    );
    let (status, of_jane) = admin
        .get(&format!("/api/v1/admin/users/{jane}/groups"))
        .await;
    assert_eq!(
        (status.as_u16(), names(&of_jane, "name")),
        (200, vec!["Staff".into()])
    );
    let (status, _) = admin
        .delete(&format!("/api/v1/admin/groups/{id}/members/{jane}"))
        .await;
    assert_eq!(status, 204);
    let (_, members) = admin
        .get(&format!("/api/v1/admin/groups/{id}/members"))
        .await;
    assert_eq!(names(&members, "username"), ["bob"]);
    let (_, of_jane) = admin
        .get(&format!("/api/v1/admin/users/{jane}/groups"))
        .await;
    assert_eq!(of_jane["total"], 0);
    let (status, g) = admin
        .patch(
            &format!("/api/v1/admin/groups/{id}"),
            json!({"name": "Team"}),
        )
        .await;
    assert_eq!(
        (
            status.as_u16(),
            g["name"].as_str(),
            g["description"].as_str()
        ),
        (200, Some("Team"), Some("Employees"))
    );
    let (_, g) = admin
        .patch(
            &format!("/api/v1/admin/groups/{id}"),
            json!({"description": "Everyone"}),
        )
        .await;
    assert_eq!(
        (g["name"].as_str(), g["description"].as_str()),
        (Some("Team"), Some("Everyone"))
    );
    let (_, g) = admin.get(&format!("/api/v1/admin/groups/{id}")).await;
    assert_eq!(
        (g["name"].as_str(), g["member_count"].as_u64()),
        (Some("Team"), Some(1))
    );
    let (status, _) = admin.delete(&format!("/api/v1/admin/groups/{id}")).await;
    assert_eq!(status, 204);
    assert_eq!(
        admin.get(&format!("/api/v1/admin/groups/{id}")).await.0,
        404
    );
    let (_, of_bob) = admin
        .get(&format!("/api/v1/admin/users/{bob}/groups"))
        .await;
    assert_eq!(of_bob["total"], 0);
    app.stop().await;
}

async fn groups_are_listed_by_name_in_pages(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = Caller::admin(&app).await;
    for name in ["delta", "Alpha", "echo", "bravo", "Charlie"] {
        create(&admin, name).await;
    }
    let (status, page) = admin.get("/api/v1/admin/groups?limit=2").await;
    assert_eq!(status, 200);
    assert_eq!(names(&page, "name"), ["Alpha", "bravo"]);
    assert_eq!(
        (page["total"].as_u64(), page["limit"].as_u64()),
        (Some(5), Some(2))
    );
    let (_, page) = admin.get("/api/v1/admin/groups?offset=2&limit=2").await;
    assert_eq!(names(&page, "name"), ["Charlie", "delta"]);
    assert_eq!(page["offset"], 2);
    let (_, page) = admin.get("/api/v1/admin/groups?offset=4").await;
    assert_eq!(names(&page, "name"), ["echo"]);
    let (status, body) = admin.get("/api/v1/admin/groups?limit=0").await;
    assert_eq!(
        (status.as_u16(), fields(&body)),
        (422, vec!["limit".to_owned()])
    );
    app.stop().await;
}

async fn assert_refused(answer: (reqwest::StatusCode, Value), status: u16, field: &str) {
    let (got, body) = answer;
    assert_eq!(got, status, "{body}");
    assert_eq!(fields(&body), [field], "{body}");
}

async fn bad_group_input_is_refused_with_field_errors_and_changes_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = Caller::admin(&app).await;
    let staff = create(&admin, "Staff").await;
    let other = create(&admin, "Other").await;
    let post = |body: Value| admin.post("/api/v1/admin/groups", body);
    assert_refused(post(json!({"name": ""})).await, 422, "name").await;
    assert_refused(post(json!({"name": "   "})).await, 422, "name").await;
    assert_refused(post(json!({"name": "x".repeat(10_000)})).await, 422, "name").await;
    let long = json!({"name": "Long", "description": "d".repeat(1001)});
    assert_refused(post(long).await, 422, "description").await;
    let (status, body) = post(json!({"name": "sTAFF"})).await;
    assert_eq!(
        (status.as_u16(), fields(&body)),
        (409, vec!["name".to_owned()])
    );
    assert!(body["message"].as_str().unwrap().contains("name"));
    assert_eq!(post(json!({"description": "no name"})).await.0, 400);
    let other_path = format!("/api/v1/admin/groups/{}", other["id"].as_str().unwrap());
    assert_refused(
        admin.patch(&other_path, json!({"name": "STAFF"})).await,
        409,
        "name",
    )
    .await;
    assert_refused(
        admin.patch(&other_path, json!({"name": ""})).await,
        422,
        "name",
    )
    .await;
    let (_, unchanged) = admin.get(&other_path).await;
    assert_eq!(unchanged["name"], "Other");
    assert_eq!(unchanged["updated_at"], other["updated_at"]);
    let staff_id = staff["id"].as_str().unwrap();
    let jane = app.create_user("jane", "jane@example.com", PW).await.id;
    for (answer, what) in [
        (admin.get("/api/v1/admin/groups/nope").await, "get"),
        (
            admin
                .patch("/api/v1/admin/groups/nope", json!({"name": "N"}))
                .await,
            "patch",
        ),
        (admin.delete("/api/v1/admin/groups/nope").await, "delete"),
        (
            admin.get("/api/v1/admin/groups/nope/members").await,
            "members",
        ),
        (
            admin
                .put(&format!("/api/v1/admin/groups/nope/members/{jane}"))
                .await,
            "put to unknown group",
        ),
        (
            admin
                .put(&format!("/api/v1/admin/groups/{staff_id}/members/nobody"))
                .await,
            "put unknown user",
        ),
        (
            admin
                .delete(&format!("/api/v1/admin/groups/{staff_id}/members/nobody"))
                .await,
            "remove unknown user",
        ),
        (
            admin.get("/api/v1/admin/users/nobody/groups").await,
            "groups of unknown user",
        ),
    ] {
        assert_eq!(answer.0, 404, "{what}: {}", answer.1);
        assert_eq!(answer.1["error"], "not_found", "{what}");
    }
    let (_, g) = admin.get(&format!("/api/v1/admin/groups/{staff_id}")).await;
    assert_eq!(g["member_count"], 0);
    let (_, all) = admin.get("/api/v1/admin/groups").await;
    assert_eq!(names(&all, "name"), ["Other", "Staff"]);
    app.stop().await;
}

on_both_stores!(
    a_group_gains_and_loses_members_is_renamed_and_is_deleted,
    groups_are_listed_by_name_in_pages,
    bad_group_input_is_refused_with_field_errors_and_changes_nothing,
);
