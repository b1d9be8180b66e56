//! Smoke tests of the SQLite adapter's own mechanics: opening, migrating and reopening a data
//! directory, and the error mapping. The behaviour every backend shares is checked by the
//! contract suite in `tests/store_contract/`.

use chrono::{Duration, Utc};

use super::{open, DB_FILE};
use crate::domain::{truncate_millis, AuthorizationCode, EmailAddress, User, Username};
use crate::store::{CodeStore, CodeTake, StoreAdmin, StoreError, UserStore};

fn user(username: &str, email: &str) -> User {
    let t = truncate_millis(Utc::now());
    User {
        id: uuid::Uuid::new_v4().to_string(),
        username: Username::parse(username).unwrap(),
        email: EmailAddress::parse(email).unwrap(),
        email_verified: false,
        display_name: None,
        password_hash: "$argon2id$test".into(),
        is_admin: false,
        disabled: false,
        locale: None,
        created_at: t,
        updated_at: t,
    }
}

pub(super) fn code() -> AuthorizationCode {
    let t = truncate_millis(Utc::now());
    AuthorizationCode {
        digest: uuid::Uuid::new_v4().simple().to_string(),
        grant_id: "grant".into(),
        client_id: "client".into(),
        user_id: "user".into(),
        redirect_uri: "https://app.example.com/cb".into(),
        scopes: vec!["openid".into()],
        code_challenge: None,
        nonce: None,
        auth_time: t,
        session_id: None,
        created_at: t,
        expires_at: t + Duration::seconds(60),
        used: false,
        resources: vec![],
        dpop_jkt: None,
    }
}

#[tokio::test]
async fn a_user_round_trips_and_a_recased_username_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path()).await.unwrap();
    let jane = user("Jane", "jane@example.com");
    store.insert_user(&jane).await.unwrap();
    assert_eq!(store.get_user(&jane.id).await.unwrap(), jane);
    let twin = user("jANE", "other@example.com");
    let err = store.insert_user(&twin).await.unwrap_err();
    assert!(matches!(err, StoreError::Conflict("username")), "{err:?}");
    let same_id = User {
        id: jane.id.clone(),
        ..user("someone", "someone@example.com")
    };
    let err = store.insert_user(&same_id).await.unwrap_err();
    assert!(matches!(err, StoreError::Conflict("id")), "{err:?}");
}

#[tokio::test]
async fn a_code_is_taken_then_already_used() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path()).await.unwrap();
    let c = code();
    store.insert_code(&c).await.unwrap();
    assert_eq!(
        store.take_code(&c.digest).await.unwrap(),
        CodeTake::Taken(c.clone())
    );
    let used = AuthorizationCode { used: true, ..c };
    assert_eq!(
        store.take_code(&used.digest).await.unwrap(),
        CodeTake::AlreadyUsed(used)
    );
    assert_eq!(store.take_code("nope").await.unwrap(), CodeTake::NotFound);
}

#[tokio::test]
async fn reopening_keeps_the_data_and_the_schema_version() {
    let dir = tempfile::tempdir().unwrap();
    let jane = user("jane", "jane@example.com");
    open(dir.path())
        .await
        .unwrap()
        .insert_user(&jane)
        .await
        .unwrap();
    let store = open(dir.path()).await.unwrap();
    assert_eq!(store.get_user(&jane.id).await.unwrap(), jane);
    store.ping().await.unwrap();
    assert!(dir.path().join(DB_FILE).exists());
    let version = store
        .call(|c| Ok(c.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))?))
        .await
        .unwrap();
    assert_eq!(version, i64::try_from(super::MIGRATIONS.len()).unwrap());
}

#[tokio::test]
async fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path()).await.unwrap();
    store
        .call(|c| Ok(c.pragma_update(None, "user_version", 999)?))
        .await
        .unwrap();
    drop(store);
    let err = open(dir.path()).await.unwrap_err();
    assert!(format!("{err:#}").contains("newer"), "{err:#}");
}

#[tokio::test]
async fn an_unwritable_data_directory_is_named_in_the_error() {
    let dir = tempfile::tempdir().unwrap();
    // A regular file where a directory is expected fails for every user, root included.
    let file = dir.path().join("file");
    std::fs::write(&file, b"").unwrap();
    let err = open(&file.join("data")).await.unwrap_err();
    let msg = format!("{err:#}");
    assert!(msg.contains(&file.display().to_string()), "{msg}");
}

/// Commits stay in the WAL until the checkpoint thread copies them into the database file; the
/// writes themselves never wait for that copy (or its `fsync`).
#[tokio::test]
async fn the_wal_is_copied_into_the_database_file_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path()).await.unwrap();
    let db = dir.path().join(DB_FILE);
    let size = || std::fs::metadata(&db).unwrap().len();
    // The migrations' pages reach the file first.
    let settled = wait_for(|| size() > 0).await;
    assert!(settled, "the migrations never reached the database file");
    let mut before = size();
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    before = before.max(size());
    // Far fewer WAL frames than SQLite's own checkpoint threshold (1,000), which is off anyway.
    for i in 0..50 {
        let u = user(&format!("user{i}"), &format!("user{i}@example.com"));
        store.insert_user(&u).await.unwrap();
    }
    let grew = wait_for(|| size() > before).await;
    assert!(grew, "the new rows never left the WAL ({before} bytes)");
}

async fn wait_for(mut done: impl FnMut() -> bool) -> bool {
    for _ in 0..100 {
        if done() {
            return true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    false
}

/// The migration that gives initial access tokens an id gives each token stored before it a
/// different random one, and leaves them usable and revocable by it.
#[tokio::test]
async fn initial_access_tokens_stored_before_ids_get_one_each() {
    use crate::store::RegistrationStore;

    let dir = tempfile::tempdir().unwrap();
    let before = super::MIGRATIONS
        .iter()
        .position(|m| m.contains("initial_access_tokens_id"))
        .unwrap();
    let now = truncate_millis(Utc::now());
    {
        let mut c = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
        let tx = c.transaction().unwrap();
        for sql in &super::MIGRATIONS[..before] {
            tx.execute_batch(sql).unwrap();
        }
        tx.pragma_update(None, "user_version", before as i64)
            .unwrap();
        for digest in ["d1", "d2"] {
            tx.execute(
                "INSERT INTO initial_access_tokens (digest, max_uses, uses_left, created_by, \
                 created_at, expires_at) VALUES (?1, 1, 1, 'operator', ?2, ?3)",
                rusqlite::params![digest, super::ms(now), super::ms(now + Duration::hours(1))],
            )
            .unwrap();
        }
        tx.commit().unwrap();
    }
    let store = open(dir.path()).await.unwrap();
    let listed = store
        .list_initial_tokens(now, crate::domain::Page::new(0, 10))
        .await
        .unwrap();
    let ids: Vec<&str> = listed.items.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids.len(), 2);
    assert!(
        ids.iter().all(|id| id.len() == 32) && ids[0] != ids[1],
        "{ids:?}"
    );
    assert!(store.revoke_initial_token(ids[0]).await.unwrap());
    let left = store.get_initial_token("d1").await.unwrap().is_some() as u8
        + store.get_initial_token("d2").await.unwrap().is_some() as u8;
    assert_eq!(left, 1);
}
