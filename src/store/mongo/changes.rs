//! The change feed of the MongoDB store: one change stream on the database, filtered on the
//! server to the collections whose records processes cache (`apps`, `signing_keys`, `users`,
//! `grants`, `revoked_tokens` for the deny-list), so
//! several nodes on one replica set see each other's changes within a round trip. Change
//! streams deliver only majority-committed changes, so an announced change survives an
//! election. The driver resumes the stream by itself after a transient error; what it cannot
//! resume ends the stream, and the feed then falls back (see `store::feed`).

use std::time::Duration;

use async_trait::async_trait;
use futures_util::StreamExt;
use mongodb::bson::{doc, Bson, Document};
use mongodb::change_stream::event::{ChangeStreamEvent, OperationType};

use super::{
    from_bson_dt, MongoResultExt, MongoStore, APPS, GRANTS, REVOKED_TOKENS, SIGNING_KEYS, USERS,
};
use crate::store::feed::{Change, ChangeSource, ChangeStream};
use crate::store::{StoreError, StoreResult};

/// How long the server holds an empty `getMore` of the stream: an event is returned as soon as
/// it is committed, so this only bounds how often an idle stream proves it is still open.
const MAX_AWAIT: Duration = Duration::from_millis(500);

#[async_trait]
impl ChangeSource for MongoStore {
    async fn open_changes(&self) -> StoreResult<ChangeStream> {
        let pipeline = [
            // Deny-list entries are only inserted; their expiry (a TTL delete) changes nothing.
            // A new grant is not announced: no cache holds a grant before it is stored (a
            // lookup that finds none caches nothing), and every code exchange stores one.
            doc! { "$match": { "$or": [
                { "ns.coll": { "$in": [APPS, SIGNING_KEYS, USERS] } },
                { "ns.coll": GRANTS, "operationType": { "$ne": "insert" } },
                { "ns.coll": REVOKED_TOKENS, "operationType": "insert" },
            ] } },
            // Only what says which record changed: full documents would carry secret digests,
            // password hashes and private keys over the wire for nothing. A deny-list entry's
            // expiry is not a secret, and the other nodes need it to forget the entry.
            doc! { "$project": {
                "operationType": 1, "ns": 1, "documentKey": 1, "fullDocument.expires_at": 1,
            } },
        ];
        let stream = self
            .db
            .watch()
            .pipeline(pipeline)
            .max_await_time(MAX_AWAIT)
            .await
            .or_store()?;
        Ok(stream.map(|event| to_change(event.or_store()?)).boxed())
    }
}

/// What an event means to the caches; a stream that the server invalidated is over.
fn to_change(event: ChangeStreamEvent<Document>) -> StoreResult<Change> {
    let coll = event.ns.as_ref().and_then(|ns| ns.coll.as_deref());
    match (&event.operation_type, coll) {
        (OperationType::Invalidate, _) => Err(StoreError::Unavailable(anyhow::anyhow!(
            "the change stream was invalidated"
        ))),
        (
            OperationType::Insert
            | OperationType::Update
            | OperationType::Replace
            | OperationType::Delete,
            Some(APPS),
        ) => Ok(match document_id(&event) {
            Some(id) => Change::Client(id),
            None => Change::Everything,
        }),
        (_, Some(SIGNING_KEYS)) => Ok(Change::SigningKeys),
        (
            OperationType::Insert
            | OperationType::Update
            | OperationType::Replace
            | OperationType::Delete,
            Some(USERS),
        ) => Ok(match document_id(&event) {
            Some(id) => Change::User(id),
            None => Change::Everything,
        }),
        (
            OperationType::Insert
            | OperationType::Update
            | OperationType::Replace
            | OperationType::Delete,
            Some(GRANTS),
        ) => Ok(match document_id(&event) {
            Some(id) => Change::Grant(id),
            None => Change::Everything,
        }),
        (OperationType::Insert, Some(REVOKED_TOKENS)) => Ok(revoked_token(&event)),
        _ => Ok(Change::Everything),
    }
}

/// The string `_id` of the changed document.
fn document_id(event: &ChangeStreamEvent<Document>) -> Option<String> {
    match event.document_key.as_ref().and_then(|k| k.get("_id")) {
        Some(Bson::String(id)) => Some(id.clone()),
        _ => None,
    }
}

/// A new deny-list entry; one that cannot be read makes every cache reload.
fn revoked_token(event: &ChangeStreamEvent<Document>) -> Change {
    let expires_at = event
        .full_document
        .as_ref()
        .and_then(|d| d.get_datetime("expires_at").ok())
        .and_then(|t| from_bson_dt(*t).ok());
    match (document_id(event), expires_at) {
        (Some(jti), Some(expires_at)) => Change::RevokedToken { jti, expires_at },
        _ => Change::Everything,
    }
}
