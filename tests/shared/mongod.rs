//! The test MongoDB server every test binary uses (HTTP suites, store contract, CLI): its URI
//! comes from `AUTH_CENTER_TEST_MONGODB_URI`, and each test works in a database of its own. A
//! missing server FAILS the test: a backend is never silently skipped. One file included by each
//! binary's helpers, because separate test binaries cannot share a module otherwise.

pub const MONGODB_URI_VAR: &str = "AUTH_CENTER_TEST_MONGODB_URI";

/// The URI of the test mongod; panics with how to start one when it is not set.
pub fn mongo_uri() -> String {
    match std::env::var(MONGODB_URI_VAR) {
        Ok(uri) if !uri.trim().is_empty() => uri,
        _ => panic!(
            "{MONGODB_URI_VAR} is not set: the MongoDB tests need a real server. Run \
             scripts/test.sh, or start one with `scripts/mongo-test-server.sh start 27117` and \
             export {MONGODB_URI_VAR}=$(scripts/mongo-test-server.sh uri 27117)"
        ),
    }
}

/// A database name no other test uses: `prefix_<uuid>`.
pub fn unique_db_name(prefix: &str) -> String {
    format!("{prefix}_{}", uuid::Uuid::new_v4().simple())
}
