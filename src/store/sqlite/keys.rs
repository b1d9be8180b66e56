//! Token-signing keys in SQLite: the `signing_keys` table, keyed by `kid`, and
//! [`SigningKeyStore`]. The private key is stored as given (a PKCS#8 PEM, possibly encrypted
//! by the caller); which key signs and which are published is the domain's decision.

use async_trait::async_trait;
use rusqlite::{params, Row};

use super::{execute, execute_one, ms, query_all, time, SqliteStore};
use crate::domain::SigningKey;
use crate::store::{SigningKeyStore, StoreResult};

const INSERT: &str = "INSERT INTO signing_keys (kid, alg, private_key, public_jwk, created_at, \
     retire_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

#[async_trait]
impl SigningKeyStore for SqliteStore {
    async fn insert_key(&self, key: &SigningKey) -> StoreResult<()> {
        let k = key.clone();
        self.call(move |c| {
            let p = params![
                k.kid,
                k.alg,
                k.private_key,
                k.public_jwk,
                ms(k.created_at),
                ms(k.retire_at),
                ms(k.expires_at),
            ];
            execute(c, INSERT, p).map(drop)
        })
        .await
    }

    async fn list_keys(&self) -> StoreResult<Vec<SigningKey>> {
        self.call_read(|c| {
            let sql = "SELECT * FROM signing_keys ORDER BY created_at DESC, kid DESC";
            query_all(c, sql, [], key_from_row)
        })
        .await
    }

    async fn delete_key(&self, kid: &str) -> StoreResult<()> {
        let kid = kid.to_owned();
        self.call(move |c| execute_one(c, "DELETE FROM signing_keys WHERE kid = ?1", [kid]))
            .await
    }

    async fn seal_key(&self, kid: &str, plaintext: &str, sealed: &str) -> StoreResult<bool> {
        let p = (kid.to_owned(), plaintext.to_owned(), sealed.to_owned());
        self.call(move |c| {
            let sql =
                "UPDATE signing_keys SET private_key = ?3 WHERE kid = ?1 AND private_key = ?2";
            execute(c, sql, params![p.0, p.1, p.2]).map(|n| n == 1)
        })
        .await
    }
}

fn key_from_row(r: &Row<'_>) -> StoreResult<SigningKey> {
    Ok(SigningKey {
        kid: r.get("kid")?,
        alg: r.get("alg")?,
        private_key: r.get("private_key")?,
        public_jwk: r.get("public_jwk")?,
        created_at: time(r, "created_at")?,
        retire_at: time(r, "retire_at")?,
        expires_at: time(r, "expires_at")?,
    })
}
