//! Pushed authorization requests (RFC 9126) in the `pushed_requests` collection, `_id` the
//! SHA-256 digest of the `request_uri`. Consumption is one `find_one_and_delete`, so exactly
//! one of any number of concurrent uses gets the request; the TTL index on `expires_at`
//! collects the ones never used.

use std::collections::BTreeMap;

use async_trait::async_trait;
use mongodb::bson::{self, doc};
use serde::{Deserialize, Serialize};

use super::ops::stored;
use super::{from_bson_dt, to_bson_dt, MongoResultExt, MongoStore, PUSHED_REQUESTS};
use crate::domain::PushedRequest;
use crate::store::{PushedRequestStore, StoreResult};

#[derive(Debug, Serialize, Deserialize)]
struct PushedRequestDoc {
    #[serde(rename = "_id")]
    digest: String,
    client_id: String,
    params: BTreeMap<String, String>,
    created_at: bson::DateTime,
    expires_at: bson::DateTime,
}

impl PushedRequestDoc {
    fn from_domain(r: &PushedRequest) -> Self {
        Self {
            digest: r.digest.clone(),
            client_id: r.client_id.clone(),
            params: r.params.clone(),
            created_at: to_bson_dt(r.created_at),
            expires_at: to_bson_dt(r.expires_at),
        }
    }

    fn into_domain(self) -> StoreResult<PushedRequest> {
        Ok(PushedRequest {
            digest: self.digest,
            client_id: self.client_id,
            params: self.params,
            created_at: from_bson_dt(self.created_at)?,
            expires_at: from_bson_dt(self.expires_at)?,
        })
    }
}

stored!(PushedRequestDoc => PushedRequest, PUSHED_REQUESTS, "request_uri");

#[async_trait]
impl PushedRequestStore for MongoStore {
    async fn insert_pushed_request(&self, request: &PushedRequest) -> StoreResult<()> {
        self.insert_doc::<PushedRequestDoc>(request).await
    }

    async fn get_pushed_request(&self, digest: &str) -> StoreResult<Option<PushedRequest>> {
        self.docs::<PushedRequestDoc>()
            .find_one(doc! { "_id": digest })
            .await
            .or_store()?
            .map(PushedRequestDoc::into_domain)
            .transpose()
    }

    async fn take_pushed_request(&self, digest: &str) -> StoreResult<Option<PushedRequest>> {
        self.docs::<PushedRequestDoc>()
            .find_one_and_delete(doc! { "_id": digest })
            .await
            .or_store()?
            .map(PushedRequestDoc::into_domain)
            .transpose()
    }
}
