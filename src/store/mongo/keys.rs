//! Token-signing keys in `signing_keys`: `_id` is the `kid`. The private key is stored as given
//! (a PKCS#8 PEM, encrypted by the caller when a key-encryption key is configured). A TTL index
//! on `expires_at` drops a key once it is no longer published in the JWKS.

use async_trait::async_trait;
use mongodb::bson::{self, doc};
use serde::{Deserialize, Serialize};

use super::ops::stored;
use super::{collect, from_bson_dt, to_bson_dt, MongoResultExt, MongoStore, SIGNING_KEYS};
use crate::domain::SigningKey;
use crate::store::{SigningKeyStore, StoreResult};

#[derive(Serialize, Deserialize)]
struct SigningKeyDoc {
    #[serde(rename = "_id")]
    kid: String,
    alg: String,
    private_key: String,
    public_jwk: String,
    created_at: bson::DateTime,
    retire_at: bson::DateTime,
    expires_at: bson::DateTime,
}

impl SigningKeyDoc {
    fn from_domain(k: &SigningKey) -> Self {
        Self {
            kid: k.kid.clone(),
            alg: k.alg.clone(),
            private_key: k.private_key.clone(),
            public_jwk: k.public_jwk.clone(),
            created_at: to_bson_dt(k.created_at),
            retire_at: to_bson_dt(k.retire_at),
            expires_at: to_bson_dt(k.expires_at),
        }
    }

    fn into_domain(self) -> StoreResult<SigningKey> {
        Ok(SigningKey {
            kid: self.kid,
            alg: self.alg,
            private_key: self.private_key,
            public_jwk: self.public_jwk,
            created_at: from_bson_dt(self.created_at)?,
            retire_at: from_bson_dt(self.retire_at)?,
            expires_at: from_bson_dt(self.expires_at)?,
        })
    }
}

stored!(SigningKeyDoc => SigningKey, SIGNING_KEYS, "kid");

#[async_trait]
impl SigningKeyStore for MongoStore {
    async fn insert_key(&self, key: &SigningKey) -> StoreResult<()> {
        self.insert_doc::<SigningKeyDoc>(key).await
    }

    async fn list_keys(&self) -> StoreResult<Vec<SigningKey>> {
        let cursor = self
            .docs::<SigningKeyDoc>()
            .find(doc! {})
            .sort(doc! { "created_at": -1, "_id": -1 })
            .await
            .or_store()?;
        collect(cursor, SigningKeyDoc::into_domain).await
    }

    async fn delete_key(&self, kid: &str) -> StoreResult<()> {
        self.delete_by_id::<SigningKeyDoc>(kid).await
    }

    async fn seal_key(&self, kid: &str, plaintext: &str, sealed: &str) -> StoreResult<bool> {
        let result = self
            .docs::<SigningKeyDoc>()
            .update_one(
                doc! { "_id": kid, "private_key": plaintext },
                doc! { "$set": { "private_key": sealed } },
            )
            .await
            .or_store()?;
        Ok(result.modified_count == 1)
    }
}
