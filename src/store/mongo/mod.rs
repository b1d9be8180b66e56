//! MongoDB adapter: the production store. [`MongoStore`] implements every trait of
//! [`crate::store`] over one database, one collection per aggregate (`users`, `groups`, `apps`,
//! `tokens`, `grants`, `consents`, `sessions`, `email_tokens`, `signing_keys`, `device_codes`,
//! `revoked_tokens`, `resources`).
//! `second_factors`, `known_devices`, `initial_access_tokens`, `client_registrations`,
//! `audit_events`, `passkeys`).
//! Each aggregate lives in its own file with private `*Doc` types (serde shapes, `_id`) and their
//! conversion to and from the domain; this file owns connecting, the mapping of driver errors
//! onto [`StoreError`] and the shared conversions, and `indexes` the index set created
//! idempotently at start-up. One-time credentials are consumed with a single `find_one_and_update` /
//! `find_one_and_delete`, never get-then-delete. Timestamps are `bson::DateTime` (milliseconds),
//! so the TTL indexes on `expires_at` collect expired documents; expiry itself is decided by the
//! domain. Must not import poem, the service or the web layers; the sibling `sqlite` adapter
//! mirrors this one file for file.

mod admin;
mod assertion_jtis;
mod audit;
mod changes;
mod clients;
mod codes;
mod consents;
mod device_codes;
mod durability;
mod email_tokens;
mod grant_records;
mod grants;
mod groups;
mod indexes;
mod keys;
mod login_attempts;
mod monitor;
mod ops;
mod outbox;
mod passkeys;
mod pushed_requests;
mod registrations;
mod resource_servers;
mod revoked;
mod second_factors;
mod sessions;
mod users;

use anyhow::{anyhow, Context as _};
use chrono::{DateTime, TimeZone, Utc};
use futures_util::TryStreamExt;
use mongodb::bson::{self, doc, Document};
use mongodb::error::{Error as MongoError, ErrorKind, WriteFailure};
use mongodb::options::ClientOptions;
use mongodb::{Client, Collection, Cursor, Database};
use serde::de::DeserializeOwned;

use super::{StoreError, StoreResult};
use crate::domain::Page;
use crate::metrics::StoreBackend;

const USERS: &str = "users";
const GROUPS: &str = "groups";
const APPS: &str = "apps";
const TOKENS: &str = "tokens";
const GRANTS: &str = "grants";
const CONSENTS: &str = "consents";
const SESSIONS: &str = "sessions";
const EMAIL_TOKENS: &str = "email_tokens";
const SIGNING_KEYS: &str = "signing_keys";
const LOGIN_ATTEMPTS: &str = "login_attempts";
const DEVICE_CODES: &str = "device_codes";
const REVOKED_TOKENS: &str = "revoked_tokens";
const RESOURCES: &str = "resources";
const PUSHED_REQUESTS: &str = "pushed_requests";
const SECOND_FACTORS: &str = "second_factors";
const ASSERTION_JTIS: &str = "assertion_jtis";
const KNOWN_DEVICES: &str = "known_devices";
const INITIAL_ACCESS_TOKENS: &str = "initial_access_tokens";
const CLIENT_REGISTRATIONS: &str = "client_registrations";
const AUDIT_EVENTS: &str = "audit_events";
const PASSKEYS: &str = "passkeys";

/// The MongoDB store. Cheap to clone: the driver's client is a shared connection pool.
#[derive(Clone)]
pub struct MongoStore {
    db: Database,
}

impl std::fmt::Debug for MongoStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MongoStore")
            .field("database", &self.db.name())
            .finish_non_exhaustive()
    }
}

pub use durability::Timeouts;

/// Connects to `uri` with the default timeouts, proves the server answers, and creates the
/// indexes (idempotently). An unreachable server fails within a few seconds with the driver's
/// reason.
pub async fn connect(uri: &str, database: &str) -> anyhow::Result<MongoStore> {
    connect_with(uri, database, Timeouts::default()).await
}

/// Like [`connect`], with the configured timeouts (see `durability` for the whole policy).
pub async fn connect_with(
    uri: &str,
    database: &str,
    timeouts: Timeouts,
) -> anyhow::Result<MongoStore> {
    let mut options = ClientOptions::parse(uri)
        .await
        .context("invalid MongoDB connection string")?;
    durability::apply(&mut options, &timeouts);
    options.command_event_handler = Some(monitor::time_commands());
    if options.app_name.is_none() {
        options.app_name = Some("auth-center".to_string());
    }
    let client = Client::with_options(options).context("cannot create the MongoDB client")?;
    let store = MongoStore {
        db: client.database(database),
    };
    store
        .db
        .run_command(doc! { "ping": 1 })
        .await
        .with_context(|| format!("MongoDB at {} does not answer", redact_uri(uri)))?;
    store
        .create_indexes()
        .await
        .context("cannot create the MongoDB indexes")?;
    Ok(store)
}

/// The connection string without its credentials, for error messages. Credentials end at the
/// last `@` of the authority (the part before the first `/` or `?`, which must be escaped in a
/// user name or password).
fn redact_uri(uri: &str) -> String {
    let Some((scheme, rest)) = uri.split_once("://") else {
        return uri.to_string();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{scheme}://<redacted>{}", &rest[at..]),
        None => uri.to_string(),
    }
}

impl MongoStore {
    /// The underlying database handle (tests and tooling).
    pub fn database(&self) -> &mongodb::Database {
        &self.db
    }

    /// Drops the whole database (tests use it to clean up after themselves).
    pub async fn drop_database(&self) -> anyhow::Result<()> {
        self.db
            .drop()
            .await
            .with_context(|| format!("cannot drop database {}", self.db.name()))
    }

    fn coll<T: Send + Sync>(&self, name: &str) -> Collection<T> {
        self.db.collection::<T>(name)
    }
}

// ---------------------------------------------------------------------------------------------
// Error mapping

const DUPLICATE_KEY: i32 = 11000;

/// Server codes meaning "not now": the node is stepping down, shutting down or unreachable.
const UNAVAILABLE_CODES: &[i32] = &[
    6,     // HostUnreachable
    7,     // HostNotFound
    64,    // WriteConcernFailed: no majority acknowledged within the write timeout
    89,    // NetworkTimeout
    91,    // ShutdownInProgress
    189,   // PrimarySteppedDown
    262,   // ExceededTimeLimit
    9001,  // SocketException
    10107, // NotWritablePrimary
    11600, // InterruptedAtShutdown
    11602, // InterruptedDueToReplStateChange
    13435, // NotPrimaryNoSecondaryOk
    13436, // NotPrimaryOrSecondary
];

/// Maps a driver error. `id_field` names what a duplicate `_id` means for this collection
/// (`client_id`, `code`, `kid`...).
/// Every driver error passes here, so this is where the errors that are not answers (a
/// duplicate key is a conflict, an answer) are counted in the metrics.
fn map_error(err: MongoError, id_field: &'static str) -> StoreError {
    if let Some(message) = duplicate_key_message(&err) {
        return StoreError::Conflict(conflict_field(&message, id_field));
    }
    let error = if is_unavailable(&err) {
        StoreError::Unavailable(anyhow::Error::new(err))
    } else {
        StoreError::Internal(anyhow::Error::new(err))
    };
    error.count(StoreBackend::Mongodb);
    error
}

/// The server's message of a duplicate-key error, wherever the driver put it.
fn duplicate_key_message(err: &MongoError) -> Option<String> {
    match err.kind.as_ref() {
        ErrorKind::Write(WriteFailure::WriteError(we)) if we.code == DUPLICATE_KEY => {
            Some(we.message.clone())
        }
        ErrorKind::Command(ce) if ce.code == DUPLICATE_KEY => Some(ce.message.clone()),
        ErrorKind::InsertMany(e) => e
            .write_errors
            .as_ref()?
            .iter()
            .find(|we| we.code == DUPLICATE_KEY)
            .map(|we| we.message.clone()),
        _ => None,
    }
}

fn is_unavailable(err: &MongoError) -> bool {
    if err.contains_label(mongodb::error::RETRYABLE_WRITE_ERROR)
        || err.contains_label(mongodb::error::TRANSIENT_TRANSACTION_ERROR)
    {
        return true;
    }
    match err.kind.as_ref() {
        ErrorKind::ServerSelection { .. }
        | ErrorKind::Io(_)
        | ErrorKind::ConnectionPoolCleared { .. }
        | ErrorKind::DnsResolve { .. }
        | ErrorKind::Shutdown => true,
        ErrorKind::Command(ce) => UNAVAILABLE_CODES.contains(&ce.code),
        ErrorKind::Write(WriteFailure::WriteConcernError(wce)) => {
            UNAVAILABLE_CODES.contains(&wce.code)
        }
        _ => false,
    }
}

/// The field a unique index protects, from the server's message
/// (`E11000 duplicate key error collection: db.users index: username_key dup key: ...`).
fn conflict_field(message: &str, id_field: &'static str) -> &'static str {
    let index = message
        .split_once("index: ")
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .unwrap_or("_id_");
    match index {
        "username_key" => "username",
        "email_key" => "email",
        "name_key" => "name",
        "user_client" => "consent",
        "user_code_digest" => "user_code",
        "identifier" => "identifier",
        _ => id_field,
    }
}

/// `?`-friendly mapping of driver results.
trait MongoResultExt<T> {
    /// Maps errors; a duplicate `_id` becomes `Conflict(id_field)`.
    fn or_conflict(self, id_field: &'static str) -> StoreResult<T>;
    /// Maps errors of operations that cannot hit a unique index.
    fn or_store(self) -> StoreResult<T>;
}

impl<T> MongoResultExt<T> for Result<T, MongoError> {
    fn or_conflict(self, id_field: &'static str) -> StoreResult<T> {
        self.map_err(|e| map_error(e, id_field))
    }

    fn or_store(self) -> StoreResult<T> {
        self.map_err(|e| map_error(e, "id"))
    }
}

/// A stored document that does not convert back into the domain.
fn corrupt(what: &str, id: &str, cause: impl std::fmt::Display) -> StoreError {
    StoreError::Internal(anyhow!("corrupt {what} document {id}: {cause}"))
}

// ---------------------------------------------------------------------------------------------
// Shared conversions and helpers

fn to_bson_dt(t: DateTime<Utc>) -> bson::DateTime {
    bson::DateTime::from_millis(t.timestamp_millis())
}

fn to_bson_opt(t: Option<DateTime<Utc>>) -> Option<bson::DateTime> {
    t.map(to_bson_dt)
}

fn from_bson_dt(t: bson::DateTime) -> StoreResult<DateTime<Utc>> {
    Utc.timestamp_millis_opt(t.timestamp_millis())
        .single()
        .ok_or_else(|| StoreError::Internal(anyhow!("timestamp out of range: {t}")))
}

fn from_bson_opt(t: Option<bson::DateTime>) -> StoreResult<Option<DateTime<Utc>>> {
    t.map(from_bson_dt).transpose()
}

/// Drains a cursor, converting each document into the domain.
async fn collect<D, T>(cursor: Cursor<D>, convert: fn(D) -> StoreResult<T>) -> StoreResult<Vec<T>>
where
    D: DeserializeOwned + Send + Sync + Unpin,
{
    let docs: Vec<D> = cursor.try_collect().await.or_store()?;
    docs.into_iter().map(convert).collect()
}

/// The document matching `filter`, converted; `NotFound` when there is none.
async fn find_one<D, T>(
    coll: &Collection<D>,
    filter: Document,
    convert: fn(D) -> StoreResult<T>,
) -> StoreResult<T>
where
    D: DeserializeOwned + Send + Sync,
{
    match coll.find_one(filter).await.or_store()? {
        Some(d) => convert(d),
        None => Err(StoreError::NotFound),
    }
}

/// One page of `filter`, sorted by `sort`, with the total number of matches.
async fn find_page<D, T>(
    coll: &Collection<D>,
    filter: Document,
    sort: Document,
    page: Page,
    convert: fn(D) -> StoreResult<T>,
) -> StoreResult<crate::domain::Paged<T>>
where
    D: DeserializeOwned + Send + Sync + Unpin,
{
    let total = coll.count_documents(filter.clone()).await.or_store()?;
    // A limit of 0 means "no limit" to MongoDB; to the caller it means an empty page.
    if page.limit == 0 {
        return Ok(crate::domain::Paged {
            items: Vec::new(),
            total,
        });
    }
    let cursor = coll
        .find(filter)
        .sort(sort)
        .skip(page.offset)
        .limit(i64::try_from(page.limit).unwrap_or(i64::MAX))
        .await
        .or_store()?;
    let items = collect(cursor, convert).await?;
    Ok(crate::domain::Paged { items, total })
}

/// The `_id` of a document in `tokens`: codes, refresh tokens and access-token records share the
/// collection but not a key space, so a code digest can never collide with a `jti`.
fn token_id(kind: &str, key: &str) -> String {
    format!("{kind}:{key}")
}

/// `NotFound` when an update or delete matched nothing.
fn require_match(count: u64) -> StoreResult<()> {
    if count == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_key_messages_name_the_field_of_their_index() {
        let msg = "E11000 duplicate key error collection: t.users index: username_key dup key: \
                   { username_key: \"jane\" }";
        assert_eq!(conflict_field(msg, "id"), "username");
        let msg = "E11000 duplicate key error collection: t.users index: email_key dup key: {}";
        assert_eq!(conflict_field(msg, "id"), "email");
        let msg = "E11000 duplicate key error collection: t.apps index: _id_ dup key: { _id: 1 }";
        assert_eq!(conflict_field(msg, "client_id"), "client_id");
        assert_eq!(conflict_field("E11000 something else", "kid"), "kid");
    }

    #[test]
    fn credentials_are_removed_from_connection_strings_in_messages() {
        assert_eq!(
            redact_uri("mongodb://u:p@db.example:27017/?tls=true"),
            "mongodb://<redacted>@db.example:27017/?tls=true"
        );
        assert_eq!(redact_uri("mongodb://127.0.0.1:1"), "mongodb://127.0.0.1:1");
        assert_eq!(
            redact_uri("mongodb://h:1/?appName=a@b"),
            "mongodb://h:1/?appName=a@b"
        );
        assert_eq!(
            redact_uri("mongodb+srv://u:p%40x@c.example/db"),
            "mongodb+srv://<redacted>@c.example/db"
        );
    }
}
