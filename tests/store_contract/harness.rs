//! Runs one case against a fresh, private instance of a backend: SQLite in its own temporary
//! directory, MongoDB in its own database on the server named by
//! `AUTH_CENTER_TEST_MONGODB_URI`, dropped afterwards even when the case panics.

use std::future::Future;
use std::sync::Arc;

use auth_center::store::{mongo, sqlite, Stores};

#[path = "../shared/mongod.rs"]
mod mongod;

use mongod::{mongo_uri, unique_db_name};

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
    let uri = mongo_uri();
    let database = unique_db_name("contract");
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
