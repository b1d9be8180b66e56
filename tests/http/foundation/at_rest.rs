//! Secrets at rest, on both stores: without a configured key-encryption key one is generated
//! into the data directory and the signing key is stored sealed; a key stored in plaintext by
//! an older start is sealed at the next one and keeps its kid; the data directory, the
//! key-encryption key, the SQLite files and the `.eml` files are private to the server's user.

use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;

use auth_center::crypto::keys;
use auth_center::domain::SigningKey;

use crate::helpers::{test_settings, Backend, TestApp};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// Settings whose data directory does not exist yet (the server creates it).
fn fresh(backend: Backend) -> (auth_center::config::Settings, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(backend, dir.path());
    settings.store.data_dir = dir.path().join("data");
    (settings, dir)
}

async fn the_signing_key_is_sealed_on_a_fresh_start_with_a_generated_key(backend: Backend) {
    let (settings, dir) = fresh(backend);
    assert!(settings.oauth.key_encryption_key.is_none());
    let data = settings.store.data_dir.clone();
    let app = TestApp::spawn_with(settings, dir).await;
    let stored = app.services.stores.keys.list_keys().await.unwrap();
    assert!(!stored.is_empty());
    for k in &stored {
        assert!(
            keys::is_sealed(&k.private_key),
            "{} is stored in plaintext",
            k.kid
        );
        assert!(!k.private_key.contains("PRIVATE KEY"));
    }
    let kek = data.join(auth_center::data_dir::KEK_FILE);
    assert_eq!(mode(&kek), 0o600);
    assert!(std::fs::read_to_string(&kek).unwrap().trim().len() >= 43);
    // Tokens are signed with it: the discovery document's JWKS publishes the key.
    let jwks: serde_json::Value = app.get("/oauth2/jwks").await.json().await.unwrap();
    assert_eq!(jwks["keys"][0]["kid"], stored[0].kid.as_str());
    app.stop().await;
}

async fn a_signing_key_stored_in_plaintext_is_sealed_at_the_next_start(backend: Backend) {
    let (settings, dir) = fresh(backend);
    let stores = auth_center::startup::open_stores(&settings).await.unwrap();
    let now = chrono::Utc::now();
    let generated = keys::generate(keys::SigningAlg::Es256, "plain-kid").unwrap();
    let plain = SigningKey {
        kid: "plain-kid".into(),
        alg: "ES256".into(),
        private_key: generated.private_pem.clone(),
        public_jwk: generated.public_jwk.to_string(),
        created_at: now - chrono::Duration::seconds(60),
        retire_at: now + chrono::Duration::days(30),
        expires_at: now + chrono::Duration::days(31),
    };
    stores.keys.insert_key(&plain).await.unwrap();
    stores.admin.close().await;
    let app = TestApp::spawn_with(settings, dir).await;
    let stored = app.services.stores.keys.list_keys().await.unwrap();
    assert_eq!(stored.len(), 1, "the same key, not a new one");
    assert_eq!(stored[0].kid, "plain-kid");
    assert!(keys::is_sealed(&stored[0].private_key));
    let jwks: serde_json::Value = app.get("/oauth2/jwks").await.json().await.unwrap();
    assert_eq!(jwks["keys"][0]["kid"], "plain-kid");
    app.stop().await;
}

async fn the_data_directory_database_and_mail_files_are_private(backend: Backend) {
    let (settings, dir) = fresh(backend);
    let data = settings.store.data_dir.clone();
    let app = TestApp::spawn_with(settings, dir).await;
    assert_eq!(mode(&data), 0o700);
    if backend == Backend::Sqlite {
        let mut db_files = 0;
        for entry in std::fs::read_dir(&data).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if name.contains(".sqlite") || name.contains(".db") {
                assert_eq!(mode(&path), 0o600, "{name}");
                db_files += 1;
            }
        }
        assert!(db_files >= 1, "the database file is in the data directory");
    }
    let body = serde_json::json!({
        "username": "mailme", "email": "mailme@example.com", "password": "a long enough password"
    });
    let resp = app
        .client
        .post(app.url("/api/v1/users/register"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    let mail = data.join("mail");
    crate::helpers::mail::wait_for_mail(&mail, "mailme@example.com", 1).await;
    assert_eq!(mode(&mail), 0o700);
    let emails: Vec<_> = std::fs::read_dir(&mail)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(!emails.is_empty(), "the verification email is written");
    for eml in emails {
        assert_eq!(mode(&eml), 0o600, "{}", eml.display());
    }
    app.stop().await;
}

on_both_stores!(
    the_signing_key_is_sealed_on_a_fresh_start_with_a_generated_key,
    a_signing_key_stored_in_plaintext_is_sealed_at_the_next_start,
    the_data_directory_database_and_mail_files_are_private,
);
