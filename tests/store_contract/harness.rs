//! Runs one case against a fresh, private instance of a backend: SQLite in its own temporary
//! directory, MongoDB in its own database on the server named by
//! `AUTH_CENTER_TEST_MONGODB_URI`, dropped afterwards even when the case panics.

use std::future::Future;
use std::sync::Arc;

use auth_center::store::{mongo, sqlite, Stores};
use uuid::Uuid;

pub const MONGODB_URI_VAR: &str = "AUTH_CENTER_TEST_MONGODB_URI";

pub async fn run_sqlite<F, Fut>(case: F)
where
    F: FnOnce(Stores) -> Fut,
    Fut: Future<Output = ()>,
{
    let dir = tempfile::tempdir().expect("create a temporary directory");
    let store = sqlite::open(dir.path())
        .await
        .expect("open the SQLite store");
    case(Stores::from_backend(Arc::new(store))).await;
}

/// The MongoDB server every mongo test uses. A missing server fails the test: a backend is
/// never silently skipped.
pub fn mongodb_uri() -> String {
    match std::env::var(MONGODB_URI_VAR) {
        Ok(uri) if !uri.trim().is_empty() => uri,
        _ => panic!(
            "{MONGODB_URI_VAR} is not set: the MongoDB contract tests need a real server. \
             Run scripts/test.sh, or start one with `scripts/mongo-test-server.sh start 27017` \
             and export {MONGODB_URI_VAR}=$(scripts/mongo-test-server.sh uri 27017)"
        ),
    }
}

/// What a mongo case may use: the stores, and where they live for raw inspection.
pub struct MongoCtx {
    pub stores: Stores,
    pub uri: String,
    pub database: String,
}

pub async fn run_mongo<F, Fut>(case: F)
where
    F: FnOnce(MongoCtx) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let uri = mongodb_uri();
    let database = format!("contract_{}", Uuid::new_v4().simple());
    let store = Arc::new(
        mongo::connect(&uri, &database)
            .await
            .expect("connect to the MongoDB test server"),
    );
    let ctx = MongoCtx {
        stores: Stores::from_backend(store.clone()),
        uri,
        database: database.clone(),
    };
    // The case runs in its own task so that a panic comes back as a JoinError and the database
    // is dropped before the panic resumes.
    let outcome = tokio::spawn(case(ctx)).await;
    let dropped = store.drop_database().await;
    match outcome {
        Ok(()) => {
            if let Err(e) = dropped {
                panic!("could not drop test database {database}: {e:#}");
            }
        }
        Err(join_error) => {
            if let Err(e) = dropped {
                eprintln!("could not drop test database {database}: {e:#}");
            }
            match join_error.try_into_panic() {
                Ok(payload) => std::panic::resume_unwind(payload),
                Err(e) => panic!("the case did not finish: {e}"),
            }
        }
    }
}
