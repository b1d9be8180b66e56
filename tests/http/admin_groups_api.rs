//! The admin API for groups, through HTTP against a spawned app on both stores: the
//! membership lifecycle, paging, and bad input (empty, 10 000-character and duplicate names)
//! refused with field errors while nothing changes.

use crate::helpers::caller;

use crate::helpers::{Backend, TestApp};
use caller::{fields, names, Caller};
use serde_json::{json, Value};

const PW: &str = "a long enough password";

async fn create(admin: &Caller, name: &str) -> Value {
    let (status, g) = admin
        .post("/api/v1/admin/groups", json!({"name": name}))
        .await;
    assert_eq!(status, 201, "{g}");
    g
}

/// The usernames of a group's members (first page).
async fn members(admin: &Caller, group: &str) -> Vec<String> {
    let (status, list) = admin
        .get(&format!("/api/v1/admin/groups/{group}/members"))
        .await;
    assert_eq!(status, 200, "{list}");
    names(&list, "username")
}

/// The names of a user's groups (first page).
async fn groups_of(admin: &Caller, user: &str) -> Vec<String> {
    let (status, list) = admin
        .get(&format!("/api/v1/admin/users/{user}/groups"))
        .await;
    assert_eq!(status, 200, "{list}");
    names(&list, "name")
}

async fn members_are_added_once_listed_in_pages_and_removed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let jane = app.create_user("jane", "jane@example.com", PW).await.id;
    let bob = app.create_user("bob", "bob@example.com", PW).await.id;
    let admin = Caller::admin(&app).await;
    let id = create(&admin, "Staff").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut counts = Vec::new();
    for user in [&jane, &bob, &jane] {
        let (status, g) = admin
            .put(&format!("/api/v1/admin/groups/{id}/members/{user}"))
            .await;
        assert_eq!(status, 200);
        counts.push(g["member_count"].as_u64().unwrap());
    }
    assert_eq!(counts, [1, 2, 2], "adding a member twice changes nothing");
    assert_eq!(members(&admin, &id).await, ["jane", "bob"]);
    let path = format!("/api/v1/admin/groups/{id}/members?offset=1&limit=1");
    let (_, second) = admin.get(&path).await;
    assert_eq!(names(&second, "username"), ["bob"]);
    assert_eq!(
        (second["total"].as_u64(), second["items"][0]["id"].as_str()),
        (Some(2), Some(bob.as_str()))
    );
    assert_eq!(groups_of(&admin, &jane).await, ["Staff"]);
    let removal = format!("/api/v1/admin/groups/{id}/members/{jane}");
    assert_eq!(admin.delete(&removal).await.0, 204);
    assert_eq!(
        admin.delete(&removal).await.0,
        204,
        "removing twice changes nothing"
    );
    assert_eq!(members(&admin, &id).await, ["bob"]);
    assert!(groups_of(&admin, &jane).await.is_empty());
    app.stop().await;
}

async fn a_group_is_renamed_described_and_deleted_with_its_memberships(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let bob = app.create_user("bob", "bob@example.com", PW).await.id;
    let admin = Caller::admin(&app).await;
    let (status, g) = admin
        .post(
            "/api/v1/admin/groups",
            json!({"name": " Staff ", "description": "Employees"}),
        )
        .await;
    assert_eq!((status.as_u16(), g["name"].as_str()), (201, Some("Staff")));
    let path = format!("/api/v1/admin/groups/{}", g["id"].as_str().unwrap());
    admin.put(&format!("{path}/members/{bob}")).await;
    let (status, g) = admin.patch(&path, json!({"name": "Team"})).await;
    assert_eq!(status, 200);
    assert_eq!(
        (g["name"].as_str(), g["description"].as_str()),
        (Some("Team"), Some("Employees"))
    );
    let (_, g) = admin.patch(&path, json!({"description": "Everyone"})).await;
    assert_eq!(
        (g["name"].as_str(), g["description"].as_str()),
        (Some("Team"), Some("Everyone"))
    );
    let (_, g) = admin.get(&path).await;
    assert_eq!(
        (g["name"].as_str(), g["member_count"].as_u64()),
        (Some("Team"), Some(1))
    );
    assert_eq!(admin.delete(&path).await.0, 204);
    assert_eq!(admin.get(&path).await.0, 404);
    assert!(groups_of(&admin, &bob).await.is_empty());
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

fn assert_refused(answer: (reqwest::StatusCode, Value), status: u16, field: &str) {
    let (got, body) = answer;
    assert_eq!(got, status, "{body}");
    assert_eq!(fields(&body), [field], "{body}");
}

async fn bad_or_duplicate_group_names_are_refused_with_field_errors(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = Caller::admin(&app).await;
    create(&admin, "Staff").await;
    let other = create(&admin, "Other").await;
    let post = |body: Value| admin.post("/api/v1/admin/groups", body);
    assert_refused(post(json!({"name": ""})).await, 422, "name");
    assert_refused(post(json!({"name": "   "})).await, 422, "name");
    assert_refused(post(json!({"name": "x".repeat(10_000)})).await, 422, "name");
    let long = json!({"name": "Long", "description": "d".repeat(1001)});
    assert_refused(post(long).await, 422, "description");
    let (status, body) = post(json!({"name": "sTAFF"})).await;
    assert_refused((status, body.clone()), 409, "name");
    assert!(body["message"].as_str().unwrap().contains("name"));
    assert_refused(post(json!({"description": "no name"})).await, 422, "name");
    assert_refused(post(json!({"name": false})).await, 422, "name");
    let other_path = format!("/api/v1/admin/groups/{}", other["id"].as_str().unwrap());
    assert_refused(
        admin.patch(&other_path, json!({"name": "STAFF"})).await,
        409,
        "name",
    );
    assert_refused(
        admin.patch(&other_path, json!({"name": ""})).await,
        422,
        "name",
    );
    let (_, unchanged) = admin.get(&other_path).await;
    assert_eq!(unchanged["name"], "Other");
    assert_eq!(unchanged["updated_at"], other["updated_at"]);
    let (_, all) = admin.get("/api/v1/admin/groups").await;
    assert_eq!(names(&all, "name"), ["Other", "Staff"]);
    app.stop().await;
}

async fn unknown_group_and_user_ids_are_not_found_and_change_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = Caller::admin(&app).await;
    let staff = create(&admin, "Staff").await;
    let staff = staff["id"].as_str().unwrap();
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
            "add to unknown group",
        ),
        (
            admin
                .put(&format!("/api/v1/admin/groups/{staff}/members/nobody"))
                .await,
            "add unknown user",
        ),
        (
            admin
                .delete(&format!("/api/v1/admin/groups/{staff}/members/nobody"))
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
    let (_, g) = admin.get(&format!("/api/v1/admin/groups/{staff}")).await;
    assert_eq!(g["member_count"], 0);
    let (_, all) = admin.get("/api/v1/admin/groups").await;
    assert_eq!(names(&all, "name"), ["Staff"]);
    app.stop().await;
}

on_both_stores!(
    members_are_added_once_listed_in_pages_and_removed,
    a_group_is_renamed_described_and_deleted_with_its_memberships,
    groups_are_listed_by_name_in_pages,
    bad_or_duplicate_group_names_are_refused_with_field_errors,
    unknown_group_and_user_ids_are_not_found_and_change_nothing,
);
