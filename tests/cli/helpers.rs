//! What the operator-command suites share: the test mongod, and each test's own database.

#[path = "../shared/mongod.rs"]
mod mongod;

pub use mongod::{mongo_uri, unique_db_name};

/// The SQLite stores the binary wrote to with `--data-dir DIR`, opened as the server opens them.
pub async fn sqlite_stores(dir: &tempfile::TempDir) -> auth_center::store::Stores {
    let mut s = auth_center::config::Settings::default();
    s.store.data_dir = dir.path().to_path_buf();
    auth_center::startup::open_stores(&s).await.unwrap()
}
