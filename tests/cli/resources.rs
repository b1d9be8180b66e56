//! The `resource` operator commands of the binary on both stores: `resource create` with
//! scopes, `resource list`, `resource delete` by identifier, checked through the stores; an
//! invalid identifier or a taken one fails with one clear line and changes nothing.

use std::process::Output;

use crate::helpers::{bin, json, mongo_args, mongo_uri, sqlite_stores, unique_db_name};
use auth_center::store::Stores;

fn run(store_args: &[String], args: &[&str]) -> Output {
    bin()
        .args(store_args)
        .args(args)
        .output()
        .expect("binary runs")
}

const ORDERS: &str = "https://orders.example/api";

/// Creates a resource server, lists it, refuses a bad and a taken identifier; returns its id.
fn create_and_list(store_args: &[String]) -> String {
    let args = [
        "resource",
        "create",
        "--identifier",
        ORDERS,
        "--name",
        "Orders",
        "--scope",
        "orders:read=Read your orders",
        "--scope",
        "orders:write",
        "--access-token-ttl",
        "600",
    ];
    let created = json(&run(store_args, &args));
    assert_eq!(created["identifier"], ORDERS);
    assert_eq!(created["scopes"][0]["name"], "orders:read");
    assert_eq!(created["scopes"][0]["description"], "Read your orders");
    assert_eq!(created["access_token_ttl_secs"], 600);
    let listed = json(&run(store_args, &["resource", "list"]));
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["id"], created["id"]);

    for (identifier, needle) in [
        ("http://orders.example", "--identifier"),
        (ORDERS, "already"),
    ] {
        let out = run(
            store_args,
            &[
                "resource",
                "create",
                "--identifier",
                identifier,
                "--name",
                "X",
            ],
        );
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(err.contains(needle), "{err}");
    }
    created["id"].as_str().unwrap().to_owned()
}

async fn assert_stored_then_deleted(store_args: &[String], stores: &Stores, id: &str) {
    let r = stores
        .resource_servers
        .get_resource_server(id)
        .await
        .unwrap();
    assert_eq!(r.identifier.as_str(), ORDERS);
    assert_eq!(r.scopes.len(), 2);
    let listed = stores
        .resource_servers
        .list_resource_servers(Default::default());
    assert_eq!(
        listed.await.unwrap().total,
        1,
        "the refused ones were not stored"
    );

    let out = run(store_args, &["resource", "delete", ORDERS]);
    assert_eq!(json(&out)["deleted"], id);
    assert!(stores
        .resource_servers
        .get_resource_server(id)
        .await
        .is_err());
    let again = run(store_args, &["resource", "delete", ORDERS]);
    assert!(!again.status.success());
}

#[tokio::test]
async fn resource_create_list_and_delete_write_to_the_sqlite_store() {
    let dir = tempfile::tempdir().unwrap();
    let args = vec!["--data-dir".into(), dir.path().display().to_string()];
    let id = create_and_list(&args);
    assert_stored_then_deleted(&args, &sqlite_stores(&dir).await, &id).await;
}

#[tokio::test]
async fn resource_create_list_and_delete_write_to_mongodb_when_a_uri_is_given() {
    let db = unique_db_name("cli_resources");
    let args = mongo_args(&db);
    let id = create_and_list(&args);
    let store = auth_center::store::mongo::connect(&mongo_uri(), &db)
        .await
        .unwrap();
    let stores = Stores::from_backend(std::sync::Arc::new(store.clone()));
    assert_stored_then_deleted(&args, &stores, &id).await;
    store.drop_database().await.unwrap();
}
