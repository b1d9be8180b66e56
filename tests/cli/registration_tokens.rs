//! The `registration-token` operator commands of the binary on both stores: `create` with a
//! label, `list` (id, label, uses, creator; never the token), `revoke` by id, and a revoked or
//! unknown id refused with one clear line. On MongoDB, a token stored before tokens had ids
//! gets one when the binary starts, and is listed and revoked like the others.

use std::process::Output;

use crate::helpers::{bin, json, mongo_args, mongo_uri, unique_db_name};

fn run(store_args: &[String], args: &[&str]) -> Output {
    bin()
        .args(store_args)
        .args(args)
        .output()
        .expect("binary runs")
}

/// Mints a labelled token, lists it without the token, revokes it; `others` tokens were
/// there before. Returns the listing before the revocation.
fn create_list_and_revoke(store_args: &[String], others: usize) -> serde_json::Value {
    let args = [
        "registration-token",
        "create",
        "--uses",
        "3",
        "--expires-in",
        "2h",
        "--label",
        "partner onboarding",
    ];
    let created = json(&run(store_args, &args));
    let token = created["initial_access_token"].as_str().unwrap();
    let id = created["id"].as_str().unwrap();
    assert_eq!(created["label"], "partner onboarding");
    let listed = json(&run(store_args, &["registration-token", "list"]));
    let items = listed.as_array().unwrap();
    assert_eq!(items.len(), others + 1, "{listed}");
    assert_eq!(items[0]["id"], id, "newest first");
    assert_eq!(items[0]["label"], "partner onboarding");
    assert_eq!(
        (&items[0]["uses"], &items[0]["uses_left"]),
        (&3.into(), &3.into())
    );
    assert_eq!(items[0]["created_by"], "operator");
    let text = listed.to_string();
    assert!(!text.contains(token), "the token is never listed");
    assert!(
        !text.contains(&auth_center::crypto::digest(token)),
        "nor its digest"
    );

    let revoked = json(&run(store_args, &["registration-token", "revoke", id]));
    assert_eq!(revoked["revoked"], id);
    let after = json(&run(store_args, &["registration-token", "list"]));
    assert_eq!(after.as_array().unwrap().len(), others);
    let again = run(store_args, &["registration-token", "revoke", id]);
    assert!(!again.status.success());
    let err = String::from_utf8_lossy(&again.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains(id), "{err}");
    listed
}

#[test]
fn registration_tokens_are_created_listed_and_revoked_in_the_sqlite_store() {
    let dir = tempfile::tempdir().unwrap();
    let args = vec!["--data-dir".into(), dir.path().display().to_string()];
    create_list_and_revoke(&args, 0);
    let long = "x".repeat(101);
    let out = run(&args, &["registration-token", "create", "--label", &long]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--label"), "{err}");
}

#[tokio::test]
async fn a_token_stored_before_ids_gets_one_at_start_and_is_revoked_like_the_others() {
    use mongodb::bson::{doc, DateTime};

    let db = unique_db_name("cli_registration_tokens");
    let args = mongo_args(&db);
    let client = mongodb::Client::with_uri_str(mongo_uri()).await.unwrap();
    let coll = client
        .database(&db)
        .collection::<mongodb::bson::Document>("initial_access_tokens");
    let now = chrono::Utc::now();
    let legacy = doc! {
        "_id": auth_center::crypto::digest("a token minted before ids"),
        "max_uses": 1_i64,
        "uses_left": 1_i64,
        "created_by": "operator",
        "created_at": DateTime::from_millis((now - chrono::Duration::hours(1)).timestamp_millis()),
        "expires_at": DateTime::from_millis((now + chrono::Duration::hours(1)).timestamp_millis()),
    };
    coll.insert_one(legacy).await.unwrap();
    let listed = create_list_and_revoke(&args, 1);
    let old_id = listed[1]["id"].as_str().unwrap().to_owned();
    assert_eq!(old_id.len(), 32, "a random id: {listed}");
    let revoked = json(&run(&args, &["registration-token", "revoke", &old_id]));
    assert_eq!(revoked["revoked"], old_id.as_str());
    assert_eq!(coll.count_documents(doc! {}).await.unwrap(), 0);
    client.database(&db).drop().await.unwrap();
}
