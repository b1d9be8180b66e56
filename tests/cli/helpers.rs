//! What the operator-command suites share: the binary isolated from the developer's
//! environment with cheap hashing, its JSON output, the test mongod and each test's own database.

use std::process::{Command, Output};

use serde_json::Value;

#[path = "../shared/html.rs"]
pub mod html;
#[path = "../shared/mongod.rs"]
mod mongod;

pub use mongod::{mongo_uri, unique_db_name};

/// The SQLite stores the binary wrote to with `--data-dir DIR`, opened as the server opens them.
pub async fn sqlite_stores(dir: &tempfile::TempDir) -> auth_center::store::Stores {
    let mut s = auth_center::config::Settings::default();
    s.store.data_dir = dir.path().to_path_buf();
    auth_center::startup::open_stores(&s).await.unwrap()
}

/// The global flags that point the binary at the database `db` of the test mongod.
pub fn mongo_args(db: &str) -> Vec<String> {
    let uri = mongo_uri();
    ["--mongodb-uri", &uri, "--mongodb-database", db]
        .map(str::to_owned)
        .to_vec()
}

/// The `auth-center` binary of this build, with no `AUTH_CENTER_*` setting of the developer's
/// environment but the test mongod's URI, and cheap argon2 parameters.
pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_auth-center"));
    // Isolate from the developer's environment.
    for (k, _) in std::env::vars() {
        if k.starts_with("AUTH_CENTER_") && k != "AUTH_CENTER_TEST_MONGODB_URI" {
            c.env_remove(k);
        }
    }
    c.env("AUTH_CENTER__SECURITY__ARGON2_MEMORY_KIB", "64")
        .env("AUTH_CENTER__SECURITY__ARGON2_ITERATIONS", "1")
        .env("AUTH_CENTER__LOG__LEVEL", "warn");
    c
}

/// The JSON a successful command printed on stdout.
pub fn json(o: &Output) -> Value {
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "command failed: {err}");
    serde_json::from_slice(&o.stdout).expect("JSON on stdout")
}
