//! Grants (the family of tokens one authorization produced) in `grants`, and their refresh
//! tokens and access-token records in `tokens` (`kind: "refresh"` / `"access"`, linked by an
//! indexed `grant_id`). Rotation inserts the new refresh token, then consumes the old one with a
//! single conditional `find_one_and_update`; the loser of a race removes its new token again and
//! reports reuse (RFC 6749 §10.4, OAuth 2.0 Security BCP §4.14). Revoking a grant marks it, then
//! revokes all of its tokens; re-running it repairs a partial failure.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use mongodb::bson::{doc, Document};
use mongodb::options::ReturnDocument;

use super::grant_records::{
    access_key, refresh_key, AccessDoc, GrantDoc, IdDoc, RefreshDoc, ACCESS, REFRESH,
};
use super::{
    collect, find_one, require_match, to_bson_dt, MongoResultExt, MongoStore, GRANTS, TOKENS,
};
use crate::domain::{AccessTokenRecord, Grant, RefreshToken};
use crate::store::{GrantStore, RefreshRotation, StoreError, StoreResult};

/// Grants revoked per round trip in bulk revocations.
const REVOKE_BATCH: usize = 500;

impl MongoStore {
    fn grants(&self) -> mongodb::Collection<GrantDoc> {
        self.coll(GRANTS)
    }

    fn refresh_tokens(&self) -> mongodb::Collection<RefreshDoc> {
        self.coll(TOKENS)
    }

    fn access_tokens(&self) -> mongodb::Collection<AccessDoc> {
        self.coll(TOKENS)
    }

    /// Revokes the refresh tokens and access tokens of these grants.
    async fn revoke_tokens_of(&self, grant_ids: &[String]) -> StoreResult<()> {
        let filter = doc! {
            "grant_id": { "$in": grant_ids },
            "kind": { "$in": [REFRESH, ACCESS] },
            "revoked": false,
        };
        self.coll::<Document>(TOKENS)
            .update_many(filter, doc! { "$set": { "revoked": true } })
            .await
            .or_store()?;
        Ok(())
    }

    /// Revokes every token matching `filter`, with or without a grant (as the SQLite adapter:
    /// revocation may over-reach, never under-reach).
    async fn revoke_tokens_carrying(&self, mut filter: Document) -> StoreResult<()> {
        filter.insert("kind", doc! { "$in": [REFRESH, ACCESS] });
        filter.insert("revoked", false);
        self.coll::<Document>(TOKENS)
            .update_many(filter, doc! { "$set": { "revoked": true } })
            .await
            .or_store()?;
        Ok(())
    }

    /// Revokes every grant matching `filter` and their tokens; returns how many grants were not
    /// revoked before. Already revoked grants are included so a retry repairs a partial failure.
    async fn revoke_grants_where(&self, filter: Document, now: DateTime<Utc>) -> StoreResult<u64> {
        let cursor = self
            .grants()
            .clone_with_type::<IdDoc>()
            .find(filter)
            .projection(doc! { "_id": 1 })
            .await
            .or_store()?;
        let ids = collect(cursor, |d| Ok(d.id)).await?;
        let mut revoked = 0;
        for batch in ids.chunks(REVOKE_BATCH) {
            let result = self
                .grants()
                .update_many(
                    doc! { "_id": { "$in": batch }, "revoked_at": null },
                    doc! { "$set": { "revoked_at": to_bson_dt(now) } },
                )
                .await
                .or_store()?;
            revoked += result.modified_count;
            self.revoke_tokens_of(batch).await?;
        }
        Ok(revoked)
    }

    async fn find_refresh(&self, digest: &str) -> StoreResult<Option<RefreshToken>> {
        let found = self.refresh_tokens().find_one(refresh_key(digest)).await;
        found.or_store()?.map(RefreshDoc::into_domain).transpose()
    }

    /// Marks one refresh token used when it is neither used nor revoked; the old state if so.
    async fn consume_refresh(&self, digest: &str) -> StoreResult<Option<RefreshDoc>> {
        let mut filter = refresh_key(digest);
        filter.insert("used", false);
        filter.insert("revoked", false);
        self.refresh_tokens()
            .find_one_and_update(filter, doc! { "$set": { "used": true } })
            .return_document(ReturnDocument::Before)
            .await
            .or_store()
    }
}

#[async_trait]
impl GrantStore for MongoStore {
    async fn insert_grant(&self, grant: &Grant) -> StoreResult<()> {
        self.grants()
            .insert_one(GrantDoc::from_domain(grant))
            .await
            .or_conflict("id")?;
        Ok(())
    }

    async fn get_grant(&self, id: &str) -> StoreResult<Grant> {
        find_one(&self.grants(), doc! { "_id": id }, GrantDoc::into_domain).await
    }

    async fn list_active_grants_for_user(
        &self,
        user_id: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<Grant>> {
        let filter = doc! {
            "user_id": user_id,
            "revoked_at": null,
            "expires_at": { "$gt": to_bson_dt(now) },
        };
        let cursor = self
            .grants()
            .find(filter)
            .sort(doc! { "created_at": -1, "_id": -1 })
            .await
            .or_store()?;
        collect(cursor, GrantDoc::into_domain).await
    }

    async fn touch_grant(&self, id: &str, now: DateTime<Utc>) -> StoreResult<()> {
        let result = self
            .grants()
            .update_one(
                doc! { "_id": id },
                doc! { "$set": { "last_used_at": to_bson_dt(now) } },
            )
            .await
            .or_store()?;
        require_match(result.matched_count)
    }

    async fn revoke_grant(&self, id: &str, now: DateTime<Utc>) -> StoreResult<()> {
        let result = self
            .grants()
            .update_one(
                doc! { "_id": id, "revoked_at": null },
                doc! { "$set": { "revoked_at": to_bson_dt(now) } },
            )
            .await
            .or_store()?;
        if result.matched_count == 0 {
            let exists = self
                .grants()
                .count_documents(doc! { "_id": id })
                .await
                .or_store()?;
            require_match(exists)?;
        }
        self.revoke_tokens_of(&[id.to_string()]).await
    }

    async fn revoke_grants_for_client(
        &self,
        client_id: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<u64> {
        let n = self
            .revoke_grants_where(doc! { "client_id": client_id }, now)
            .await?;
        // Tokens without a grant (client_credentials) carry only the client id.
        self.revoke_tokens_carrying(doc! { "client_id": client_id })
            .await?;
        Ok(n)
    }

    async fn revoke_grants_for_user(&self, user_id: &str, now: DateTime<Utc>) -> StoreResult<u64> {
        self.revoke_grants_where(doc! { "user_id": user_id }, now)
            .await
    }

    async fn insert_refresh(&self, token: &RefreshToken) -> StoreResult<()> {
        self.refresh_tokens()
            .insert_one(RefreshDoc::from_domain(token))
            .await
            .or_conflict("refresh_token")?;
        Ok(())
    }

    async fn get_refresh(&self, digest: &str) -> StoreResult<RefreshToken> {
        self.find_refresh(digest).await?.ok_or(StoreError::NotFound)
    }

    /// `Rotated` carries the old token as it was before (unused), like `CodeTake::Taken`.
    async fn rotate_refresh(
        &self,
        old_digest: &str,
        new: &RefreshToken,
    ) -> StoreResult<RefreshRotation> {
        // Stored first so that a winner never answers without its successor in place; nobody
        // knows the new token's value until this returns, so it cannot be used early.
        if let Err(e) = self.insert_refresh(new).await {
            if !matches!(e, StoreError::Conflict(_)) {
                return Err(e);
            }
            // The successor's digest exists, so nothing can be stored; reuse and an unknown old
            // token still answer as such, a usable one gets the conflict.
            return match self.find_refresh(old_digest).await? {
                None => Ok(RefreshRotation::NotFound),
                Some(old) if old.used || old.revoked => Ok(RefreshRotation::Reused(old)),
                Some(_) => Err(e),
            };
        }
        if let Some(old) = self.consume_refresh(old_digest).await? {
            return Ok(RefreshRotation::Rotated(old.into_domain()?));
        }
        self.refresh_tokens()
            .delete_one(refresh_key(&new.digest))
            .await
            .or_store()?;
        Ok(match self.find_refresh(old_digest).await? {
            Some(old) => RefreshRotation::Reused(old),
            None => RefreshRotation::NotFound,
        })
    }

    async fn revoke_refresh(&self, digest: &str) -> StoreResult<bool> {
        let result = self
            .refresh_tokens()
            .update_one(refresh_key(digest), doc! { "$set": { "revoked": true } })
            .await
            .or_store()?;
        Ok(result.matched_count > 0)
    }

    async fn insert_access(&self, token: &AccessTokenRecord) -> StoreResult<()> {
        self.access_tokens()
            .insert_one(AccessDoc::from_domain(token))
            .await
            .or_conflict("jti")?;
        Ok(())
    }

    async fn get_access(&self, jti: &str) -> StoreResult<AccessTokenRecord> {
        find_one(
            &self.access_tokens(),
            access_key(jti),
            AccessDoc::into_domain,
        )
        .await
    }

    async fn revoke_access(&self, jti: &str) -> StoreResult<bool> {
        let result = self
            .access_tokens()
            .update_one(access_key(jti), doc! { "$set": { "revoked": true } })
            .await
            .or_store()?;
        Ok(result.matched_count > 0)
    }
}
