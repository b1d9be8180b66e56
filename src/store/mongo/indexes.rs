//! The index set of the MongoDB store, created idempotently at start-up: unique indexes for
//! case-insensitive usernames, emails and group names (on the stored lower-cased keys) and one
//! consent per (user, app); TTL indexes on `expires_at` that collect expired
//! grants, sessions, known devices, email tokens, keys, deny-list entries, pushed authorization
//! requests, client assertion ids, initial access tokens and audit events
//! (and on `purge_at` for codes, tokens and device codes,
//! past a grace); the unique user code of device codes; and the look-up indexes the queries
//! use. Index names are part of the contract with `conflict_field` (in `mod.rs`), which names
//! the conflicting field from the index a duplicate-key error reports.

use std::time::Duration;

use anyhow::Context as _;
use mongodb::bson::{doc, Document};
use mongodb::options::IndexOptions;
use mongodb::IndexModel;

use super::PASSKEYS;
use super::{
    MongoStore, APPS, ASSERTION_JTIS, AUDIT_EVENTS, CONSENTS, DEVICE_CODES, EMAIL_TOKENS, GRANTS,
    GROUPS, INITIAL_ACCESS_TOKENS, KNOWN_DEVICES, LOGIN_ATTEMPTS, PUSHED_REQUESTS, REVOKED_TOKENS,
    SESSIONS, SIGNING_KEYS, TOKENS, USERS,
};

impl MongoStore {
    /// Creates every index by name; re-creating an identical index is a no-op on the server.
    pub(super) async fn create_indexes(&self) -> anyhow::Result<()> {
        // Before the purge grace, `tokens` was collected right at `expires_at`; drop that index
        // where an older version created it (an error means it is not there).
        let tokens = self.db.collection::<Document>(TOKENS);
        let _ = tokens.drop_index("expires_at_ttl").await;
        // Ids first: the unique index on `id` holds only once every token has one.
        self.backfill_initial_token_ids()
            .await
            .context("ids of initial access tokens")?;
        for collection in COLLECTIONS {
            self.db
                .collection::<Document>(collection)
                .create_indexes(indexes_of(collection))
                .await
                .with_context(|| format!("indexes of {collection}"))?;
        }
        self.create_outbox_indexes()
            .await
            .context("indexes of outbox")?;
        self.create_resource_server_indexes()
            .await
            .context("indexes of resources")?;
        Ok(())
    }
}

fn index(name: &str, keys: Document) -> IndexModel {
    index_with(name, keys, IndexOptions::builder().build())
}

fn unique(name: &str, keys: Document) -> IndexModel {
    index_with(name, keys, IndexOptions::builder().unique(true).build())
}

/// The TTL index `expires_at_ttl`: the server deletes a document once its `expires_at` has
/// passed (the monitor runs every 60 s by default).
fn ttl() -> IndexModel {
    let options = IndexOptions::builder().expire_after(Duration::ZERO).build();
    index_with("expires_at_ttl", doc! { "expires_at": 1 }, options)
}

/// The TTL index of the `tokens` collection: codes and token records are kept for a grace
/// period after they expire (`purge_at`, see `domain::TOKEN_PURGE_GRACE_SECS`) so a replay of
/// an expired one is still recognised and revokes its grant.
fn purge_ttl() -> IndexModel {
    let options = IndexOptions::builder().expire_after(Duration::ZERO).build();
    index_with("purge_at_ttl", doc! { "purge_at": 1 }, options)
}

fn index_with(name: &str, keys: Document, mut options: IndexOptions) -> IndexModel {
    options.name = Some(name.to_string());
    IndexModel::builder().keys(keys).options(options).build()
}

const COLLECTIONS: [&str; 18] = [
    USERS,
    GROUPS,
    APPS,
    TOKENS,
    GRANTS,
    CONSENTS,
    SESSIONS,
    EMAIL_TOKENS,
    SIGNING_KEYS,
    LOGIN_ATTEMPTS,
    DEVICE_CODES,
    REVOKED_TOKENS,
    PUSHED_REQUESTS,
    ASSERTION_JTIS,
    KNOWN_DEVICES,
    INITIAL_ACCESS_TOKENS,
    AUDIT_EVENTS,
    PASSKEYS,
];

/// Every index the store relies on, per collection. Names matter: a duplicate-key error is
/// mapped back to the conflicting field through the index name (see `conflict_field`).
fn indexes_of(collection: &str) -> Vec<IndexModel> {
    match collection {
        USERS => vec![
            unique("username_key", doc! { "username_key": 1 }),
            unique("email_key", doc! { "email_key": 1 }),
            index("admins", doc! { "is_admin": 1, "disabled": 1 }),
        ],
        GROUPS => vec![
            unique("name_key", doc! { "name_key": 1 }),
            index("members", doc! { "members": 1 }),
        ],
        APPS => {
            let by_owner = doc! { "owner_id": 1, "created_at": 1, "_id": 1 };
            vec![index("owner_created", by_owner)]
        }
        TOKENS => vec![
            purge_ttl(),
            index("grant_id", doc! { "grant_id": 1 }),
            index("client_id", doc! { "client_id": 1 }),
        ],
        GRANTS => vec![
            index("user_id", doc! { "user_id": 1, "created_at": -1 }),
            index("client_id", doc! { "client_id": 1 }),
            ttl(),
        ],
        CONSENTS => vec![
            unique("user_client", doc! { "user_id": 1, "client_id": 1 }),
            index("client_id", doc! { "client_id": 1 }),
        ],
        SESSIONS => vec![
            ttl(),
            index("user_id", doc! { "user_id": 1 }),
            index("user_public", doc! { "user_id": 1, "public_id": 1 }),
        ],
        KNOWN_DEVICES => vec![ttl(), index("user_id", doc! { "user_id": 1 })],
        PASSKEYS => vec![index(
            "user_created",
            doc! { "user_id": 1, "created_at": 1 },
        )],
        EMAIL_TOKENS => vec![
            ttl(),
            index("user_purpose", doc! { "user_id": 1, "purpose": 1 }),
        ],
        SIGNING_KEYS => vec![ttl()],
        // An entry is useless once the token it revokes has expired.
        REVOKED_TOKENS => vec![ttl()],
        LOGIN_ATTEMPTS => vec![ttl()],
        DEVICE_CODES => vec![
            unique("user_code_digest", doc! { "user_code_digest": 1 }),
            purge_ttl(),
        ],
        PUSHED_REQUESTS => vec![ttl()],
        // An assertion id is only needed while its assertion could still be accepted.
        ASSERTION_JTIS => vec![ttl()],
        // An initial access token past its expiry registers nothing (RFC 7591 §3).
        // Listed newest first and revoked by `id` (a string once backfilled).
        INITIAL_ACCESS_TOKENS => vec![
            ttl(),
            index_with(
                "id",
                doc! { "id": 1 },
                IndexOptions::builder()
                    .unique(true)
                    .partial_filter_expression(doc! { "id": { "$type": "string" } })
                    .build(),
            ),
            index("created", doc! { "created_at": -1, "id": -1 }),
        ],
        // Events past their retention period go; listings filter by subject, app or type
        // and page newest first.
        AUDIT_EVENTS => vec![
            ttl(),
            index("time", doc! { "time": -1, "_id": -1 }),
            index("subject_time", doc! { "subject": 1, "time": -1, "_id": -1 }),
            index("app_time", doc! { "app": 1, "time": -1, "_id": -1 }),
            index("type_time", doc! { "type": 1, "time": -1, "_id": -1 }),
        ],
        _ => Vec::new(),
    }
}
