//! The `group` operator commands of the binary on both stores: `group create` with first
//! members and `group add-member` by group name or id, checked through the stores; unknown
//! users and groups fail with one clear line and change nothing.

use std::process::Output;

use crate::helpers::{bin, json, mongo_args, mongo_uri, sqlite_stores, unique_db_name};
use auth_center::store::Stores;
use serde_json::Value;

fn run(store_args: &[String], args: &[&str]) -> Output {
    bin()
        .args(store_args)
        .args(args)
        .output()
        .expect("binary runs")
}

fn one_line_error(o: &Output, needles: &[&str]) {
    assert!(!o.status.success(), "should fail");
    let err = String::from_utf8_lossy(&o.stderr);
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line expected, got: {err}");
    assert!(lines[0].starts_with("error: "), "{err}");
    for needle in needles {
        assert!(lines[0].contains(needle), "'{needle}' not in: {err}");
    }
}

fn create_user(store_args: &[String], username: &str) -> String {
    let email = format!("{username}@example.com");
    let args = ["user", "create", "--username", username, "--email", &email];
    let out = run(
        store_args,
        &[&args[..], &["--password", "a long enough password"]].concat(),
    );
    json(&out)["id"].as_str().unwrap().to_owned()
}

fn member_names(group: &Value) -> Vec<&str> {
    group["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["username"].as_str().unwrap())
        .collect()
}

/// Creates a group with one member, adds another by name and the first again by id; returns
/// the group id and the two user ids.
fn create_and_add(store_args: &[String]) -> (String, String, String) {
    let jane = create_user(store_args, "jane");
    let bob = create_user(store_args, "Bob");
    let created = json(&run(
        store_args,
        &[
            "group",
            "create",
            "--name",
            "Staff",
            "--description",
            "Employees",
            "--member",
            "JANE",
        ],
    ));
    assert_eq!(created["name"], "Staff");
    assert_eq!(created["description"], "Employees");
    assert_eq!(member_names(&created), ["jane"]);
    assert_eq!(created["members"][0]["id"], jane.as_str());
    let id = created["id"].as_str().unwrap().to_owned();
    let added = json(&run(
        store_args,
        &[
            "group",
            "add-member",
            "--group",
            "staff",
            "--username",
            "bob",
        ],
    ));
    assert_eq!(member_names(&added), ["jane", "Bob"]);
    let again = json(&run(
        store_args,
        &["group", "add-member", "--group", &id, "--username", "jane"],
    ));
    assert_eq!(member_names(&again), ["jane", "Bob"]);
    (id, jane, bob)
}

async fn assert_stored(stores: &Stores, (id, jane, bob): &(String, String, String)) {
    let g = stores.groups.get_group(id).await.unwrap();
    assert_eq!(g.name.as_str(), "Staff");
    let mut members = g.members.clone();
    members.sort();
    let mut expected = vec![jane.clone(), bob.clone()];
    expected.sort();
    assert_eq!(members, expected);
}

fn sqlite_args(dir: &tempfile::TempDir) -> Vec<String> {
    vec!["--data-dir".into(), dir.path().display().to_string()]
}

#[tokio::test]
async fn group_create_and_add_member_write_to_the_sqlite_store() {
    let dir = tempfile::tempdir().unwrap();
    let ids = create_and_add(&sqlite_args(&dir));
    assert_stored(&sqlite_stores(&dir).await, &ids).await;
}

#[tokio::test]
async fn group_create_and_add_member_write_to_mongodb_when_a_uri_is_given() {
    let db = unique_db_name("cli_groups");
    let args = mongo_args(&db);
    let ids = create_and_add(&args);
    let store = auth_center::store::mongo::connect(&mongo_uri(), &db)
        .await
        .unwrap();
    assert_stored(
        &Stores::from_backend(std::sync::Arc::new(store.clone())),
        &ids,
    )
    .await;
    store.drop_database().await.unwrap();
}

#[tokio::test]
async fn unknown_users_and_groups_fail_with_one_clear_line_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let args = sqlite_args(&dir);
    create_user(&args, "jane");
    let out = run(
        &args,
        &[
            "group", "create", "--name", "Staff", "--member", "jane", "--member", "nobody",
        ],
    );
    one_line_error(&out, &["--member", "nobody"]);
    let stores = sqlite_stores(&dir).await;
    assert_eq!(
        stores
            .groups
            .list_groups(Default::default())
            .await
            .unwrap()
            .total,
        0
    );
    json(&run(&args, &["group", "create", "--name", "Staff"]));
    let out = run(
        &args,
        &[
            "group",
            "add-member",
            "--group",
            "nope",
            "--username",
            "jane",
        ],
    );
    one_line_error(&out, &["--group", "nope"]);
    let out = run(
        &args,
        &[
            "group",
            "add-member",
            "--group",
            "Staff",
            "--username",
            "nobody",
        ],
    );
    one_line_error(&out, &["--username", "nobody"]);
    let all = stores.groups.list_groups(Default::default()).await.unwrap();
    assert_eq!(all.total, 1);
    assert!(all.items[0].members.is_empty());
}

#[tokio::test]
async fn a_bad_or_duplicate_group_name_fails_naming_it_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let args = sqlite_args(&dir);
    json(&run(&args, &["group", "create", "--name", "Staff"]));
    one_line_error(
        &run(&args, &["group", "create", "--name", "STAFF"]),
        &["name is already taken"],
    );
    one_line_error(&run(&args, &["group", "create", "--name", ""]), &["--name"]);
    let long = "x".repeat(10_000);
    one_line_error(
        &run(&args, &["group", "create", "--name", &long]),
        &["--name"],
    );
    let stores = sqlite_stores(&dir).await;
    assert_eq!(
        stores
            .groups
            .list_groups(Default::default())
            .await
            .unwrap()
            .total,
        1
    );
}
