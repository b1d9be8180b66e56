//! The `auth-center` binary as an operator uses it: the spec command, the admin commands on both
//! stores, clear one-line errors for bad configuration, and a graceful stop on SIGTERM.

use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};

use crate::helpers::{bin, json, mongo_uri, unique_db_name};
use serde_json::Value;

fn run(c: &mut Command) -> Output {
    c.output().expect("binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_openapi_command_prints_the_committed_spec() {
    let out = run(bin().arg("openapi"));
    assert!(out.status.success());
    let committed = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi.yaml")).unwrap();
    assert!(
        out.stdout == committed,
        "openapi.yaml is stale: run scripts/gen-openapi.sh"
    );
}

fn create_user_and_client(store_args: &[String]) -> (Value, Value) {
    let user = json(&run(bin().args(store_args).args([
        "user",
        "create",
        "--username",
        "Jane.Doe",
        "--email",
        "jane@example.com",
        "--password",
        "a long enough password",
        "--admin",
    ])));
    let client = json(&run(bin().args(store_args).args([
        "client",
        "create",
        "--name",
        "Demo",
        "--owner",
        "jane.doe",
        "--redirect-uri",
        "https://app.example/cb",
        "--grant-type",
        "authorization_code",
        "--grant-type",
        "client_credentials",
        "--scope",
        "openid profile",
    ])));
    (user, client)
}

fn assert_created(user: &Value, client: &Value) {
    assert_eq!(user["username"], "Jane.Doe");
    assert_eq!(user["is_admin"], true);
    assert_eq!(client["owner"], "Jane.Doe");
    assert_eq!(client["client_type"], "confidential");
    assert!(client["client_secret"].as_str().unwrap().len() >= 43);
    assert_eq!(
        client["grant_types"],
        serde_json::json!(["authorization_code", "client_credentials"])
    );
    assert_eq!(client["scope"], "openid profile");
}

#[tokio::test]
async fn user_and_client_create_write_to_the_sqlite_store_the_flags_select() {
    let dir = tempfile::tempdir().unwrap();
    let args = vec!["--data-dir".to_string(), dir.path().display().to_string()];
    let (user, client) = create_user_and_client(&args);
    assert_created(&user, &client);
    let stores = crate::helpers::sqlite_stores(&dir).await;
    let c = stores
        .clients
        .get_client(client["client_id"].as_str().unwrap())
        .await
        .unwrap();
    assert_eq!(c.owner_id, user["id"].as_str().unwrap());
    assert_eq!(c.secrets.len(), 1);
    assert_ne!(
        c.secrets[0].digest,
        client["client_secret"].as_str().unwrap()
    );
    // The same username again, in another case: refused, naming the field.
    let again = run(bin().args(&args).args([
        "user",
        "create",
        "--username",
        "jane.doe",
        "--email",
        "other@example.com",
        "--password",
        "another long password",
    ]));
    assert!(!again.status.success());
    assert!(stderr(&again).contains("username"), "{}", stderr(&again));
}

#[tokio::test]
async fn user_and_client_create_write_to_mongodb_when_a_uri_is_given() {
    let db = unique_db_name("cli");
    let args = vec![
        "--mongodb-uri".to_string(),
        mongo_uri(),
        "--mongodb-database".to_string(),
        db.clone(),
    ];
    let (user, client) = create_user_and_client(&args);
    assert_created(&user, &client);
    let store = auth_center::store::mongo::connect(&mongo_uri(), &db)
        .await
        .unwrap();
    let stores = auth_center::store::Stores::from_backend(std::sync::Arc::new(store.clone()));
    let u = stores
        .users
        .find_user_by_email("jane@example.com")
        .await
        .unwrap();
    assert_eq!(u.id, user["id"].as_str().unwrap());
    store.drop_database().await.unwrap();
}

#[test]
fn bad_input_to_the_admin_commands_names_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(bin()
        .args(["--data-dir", &dir.path().display().to_string()])
        .args([
            "user",
            "create",
            "--username",
            "x",
            "--email",
            "nope",
            "--password",
            "short",
        ]));
    assert!(!out.status.success());
    let err = stderr(&out);
    for flag in ["--username", "--email", "--password"] {
        assert!(err.contains(flag), "{err}");
    }
}

fn assert_one_line_error(out: &Output, needle: &str) {
    assert!(!out.status.success(), "should fail");
    let err = stderr(out);
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line expected, got: {err}");
    assert!(lines[0].starts_with("error: "), "{err}");
    assert!(lines[0].contains(needle), "'{needle}' not in: {err}");
}

#[test]
fn a_bad_flag_value_exits_non_zero_naming_the_key() {
    let out = run(bin().args(["--bind", "not-an-address", "serve"]));
    assert_one_line_error(&out, "server.bind");
    let out = run(bin().args(["--public-url", "ftp://x", "serve"]));
    assert_one_line_error(&out, "server.public_url");
    let out = run(bin().args(["--mongodb-uri", "postgres://x", "serve"]));
    assert_one_line_error(&out, "store.mongodb_uri");
}

#[test]
fn an_unknown_config_key_in_the_file_or_environment_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("auth-center.toml");
    std::fs::write(&file, "[server]\nbindd = \"127.0.0.1:1\"\n").unwrap();
    let out = run(bin().args(["--config", &file.display().to_string(), "serve"]));
    assert_one_line_error(&out, "bindd");
    let out = run(bin()
        .env("AUTH_CENTER__STORE__SWEEP_INTERVAL_SECS", "often")
        .arg("serve"));
    assert_one_line_error(&out, "store.sweep_interval_secs");
    let out = run(bin().env("AUTH_CENTER__LOG__FORMAT", "xml").arg("serve"));
    assert_one_line_error(&out, "log.format");
}

#[test]
fn an_unwritable_data_dir_is_named_in_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, "").unwrap();
    let data = blocker.join("data");
    let out = run(bin().args([
        "--data-dir",
        &data.display().to_string(),
        "--bind",
        "127.0.0.1:0",
    ]));
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains(&data.display().to_string()),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_unreachable_mongodb_at_start_is_a_clear_error() {
    let out = run(bin().args([
        "--mongodb-uri",
        "mongodb://127.0.0.1:1/?connectTimeoutMS=500&serverSelectionTimeoutMS=1000",
        "--bind",
        "127.0.0.1:0",
    ]));
    assert!(!out.status.success());
    assert!(stderr(&out).contains("MongoDB"), "{}", stderr(&out));
}

#[test]
fn serve_prints_the_admin_and_urls_then_stops_cleanly_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = bin()
        .args([
            "--data-dir",
            &dir.path().display().to_string(),
            "--bind",
            "127.0.0.1:0",
        ])
        .arg("serve")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut printed = Vec::new();
    let addr = loop {
        let line = lines.next().expect("server prints its address").unwrap();
        printed.push(line.clone());
        if let Some(rest) = line.strip_prefix("auth-center listening on ") {
            break rest.to_owned();
        }
    };
    let text = printed.join("\n");
    assert!(text.contains("Created the admin account 'admin'"), "{text}");
    assert!(text.contains("one-time generated password: "), "{text}");
    let health = reqwest::blocking_get(&format!("{addr}/healthz"));
    assert_eq!(health, 200);
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = child.wait().unwrap();
    assert!(exit.success(), "exit status {exit:?}");
}

mod reqwest {
    /// A tiny blocking GET over a fresh runtime, returning the status.
    pub fn blocking_get(url: &str) -> u16 {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async { ::reqwest::get(url).await.unwrap().status().as_u16() })
    }
}
