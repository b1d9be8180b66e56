//! Authorization codes in the `tokens` collection (`kind: "code"`), keyed by the SHA-256 digest
//! of the code. A code is consumed by one `find_one_and_update` that flips `used` only when it is
//! still false, so exactly one of any number of concurrent redeemers gets it; a later attempt
//! finds the used record and learns which grant to revoke (RFC 6749 §4.1.2, §10.5).

use async_trait::async_trait;
use mongodb::bson::{self, doc};
use mongodb::options::ReturnDocument;
use serde::{Deserialize, Serialize};

use super::ops::stored;
use super::{from_bson_dt, to_bson_dt, token_id, MongoResultExt, MongoStore, TOKENS};
use crate::domain::{token_purge_at, AuthorizationCode};
use crate::store::{CodeStore, CodeTake, StoreResult};

const KIND: &str = "code";

#[derive(Debug, Serialize, Deserialize)]
struct CodeDoc {
    /// `code:<digest>`: the three token kinds share the collection, not a key space.
    #[serde(rename = "_id")]
    id: String,
    kind: String,
    digest: String,
    grant_id: String,
    client_id: String,
    user_id: String,
    redirect_uri: String,
    scopes: Vec<String>,
    code_challenge: Option<String>,
    nonce: Option<String>,
    auth_time: bson::DateTime,
    session_id: Option<String>,
    created_at: bson::DateTime,
    expires_at: bson::DateTime,
    /// `expires_at` + the grace period: the TTL index collects on this.
    purge_at: bson::DateTime,
    used: bool,
    /// The resources (RFC 8707); absent in documents stored before they were recorded.
    #[serde(default)]
    resources: Vec<String>,
    /// The authorization request's `dpop_jkt` (RFC 9449 §10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    dpop_jkt: Option<String>,
}

impl CodeDoc {
    fn from_domain(c: &AuthorizationCode) -> Self {
        Self {
            id: token_id(KIND, &c.digest),
            kind: KIND.to_string(),
            digest: c.digest.clone(),
            grant_id: c.grant_id.clone(),
            client_id: c.client_id.clone(),
            user_id: c.user_id.clone(),
            redirect_uri: c.redirect_uri.clone(),
            scopes: c.scopes.clone(),
            code_challenge: c.code_challenge.clone(),
            nonce: c.nonce.clone(),
            auth_time: to_bson_dt(c.auth_time),
            session_id: c.session_id.clone(),
            created_at: to_bson_dt(c.created_at),
            expires_at: to_bson_dt(c.expires_at),
            purge_at: to_bson_dt(token_purge_at(c.expires_at)),
            used: c.used,
            resources: c.resources.clone(),
            dpop_jkt: c.dpop_jkt.clone(),
        }
    }

    fn into_domain(self) -> StoreResult<AuthorizationCode> {
        Ok(AuthorizationCode {
            digest: self.digest,
            grant_id: self.grant_id,
            client_id: self.client_id,
            user_id: self.user_id,
            redirect_uri: self.redirect_uri,
            scopes: self.scopes,
            code_challenge: self.code_challenge,
            nonce: self.nonce,
            auth_time: from_bson_dt(self.auth_time)?,
            session_id: self.session_id,
            created_at: from_bson_dt(self.created_at)?,
            expires_at: from_bson_dt(self.expires_at)?,
            used: self.used,
            resources: self.resources,
            dpop_jkt: self.dpop_jkt,
        })
    }
}

stored!(CodeDoc => AuthorizationCode, TOKENS, "code");

#[async_trait]
impl CodeStore for MongoStore {
    async fn insert_code(&self, code: &AuthorizationCode) -> StoreResult<()> {
        self.insert_doc::<CodeDoc>(code).await
    }

    async fn take_code(&self, digest: &str) -> StoreResult<CodeTake> {
        let id = token_id(KIND, digest);
        let before = self
            .docs::<CodeDoc>()
            .find_one_and_update(
                doc! { "_id": &id, "kind": KIND, "used": false },
                doc! { "$set": { "used": true } },
            )
            .return_document(ReturnDocument::Before)
            .await
            .or_store()?;
        if let Some(doc) = before {
            return Ok(CodeTake::Taken(doc.into_domain()?));
        }
        match self
            .docs::<CodeDoc>()
            .find_one(doc! { "_id": &id, "kind": KIND })
            .await
            .or_store()?
        {
            Some(doc) => Ok(CodeTake::AlreadyUsed(doc.into_domain()?)),
            None => Ok(CodeTake::NotFound),
        }
    }
}
