//! One-time email tokens (verify email, reset password, change email) in `email_tokens`: `_id`
//! is the SHA-256 digest of the token. Consumption is one `find_one_and_delete` matching digest
//! and purpose, so exactly one of concurrent consumers gets the token; a TTL index on
//! `expires_at` removes the ones never used.

use async_trait::async_trait;
use mongodb::bson::{self, doc};
use serde::{Deserialize, Serialize};

use super::ops::stored;
use super::{corrupt, from_bson_dt, to_bson_dt, MongoResultExt, MongoStore, EMAIL_TOKENS};
use crate::domain::{EmailToken, EmailTokenPurpose};
use crate::store::{EmailTokenStore, StoreResult};

#[derive(Debug, Serialize, Deserialize)]
struct EmailTokenDoc {
    #[serde(rename = "_id")]
    digest: String,
    user_id: String,
    purpose: String,
    email: String,
    created_at: bson::DateTime,
    expires_at: bson::DateTime,
}

impl EmailTokenDoc {
    fn from_domain(t: &EmailToken) -> Self {
        Self {
            digest: t.digest.clone(),
            user_id: t.user_id.clone(),
            purpose: t.purpose.as_str().to_string(),
            email: t.email.clone(),
            created_at: to_bson_dt(t.created_at),
            expires_at: to_bson_dt(t.expires_at),
        }
    }

    fn into_domain(self) -> StoreResult<EmailToken> {
        let purpose = EmailTokenPurpose::parse(&self.purpose)
            .map_err(|e| corrupt("email token of user", &self.user_id, e))?;
        Ok(EmailToken {
            digest: self.digest,
            user_id: self.user_id,
            purpose,
            email: self.email,
            created_at: from_bson_dt(self.created_at)?,
            expires_at: from_bson_dt(self.expires_at)?,
        })
    }
}

stored!(EmailTokenDoc => EmailToken, EMAIL_TOKENS, "email_token");

#[async_trait]
impl EmailTokenStore for MongoStore {
    async fn insert_email_token(&self, token: &EmailToken) -> StoreResult<()> {
        self.insert_doc::<EmailTokenDoc>(token).await
    }

    async fn consume_email_token(
        &self,
        digest: &str,
        purpose: EmailTokenPurpose,
    ) -> StoreResult<Option<EmailToken>> {
        self.docs::<EmailTokenDoc>()
            .find_one_and_delete(doc! { "_id": digest, "purpose": purpose.as_str() })
            .await
            .or_store()?
            .map(EmailTokenDoc::into_domain)
            .transpose()
    }

    async fn delete_email_tokens_for_user(
        &self,
        user_id: &str,
        purpose: EmailTokenPurpose,
    ) -> StoreResult<()> {
        let filter = doc! { "user_id": user_id, "purpose": purpose.as_str() };
        self.delete_docs::<EmailTokenDoc>(filter).await?;
        Ok(())
    }

    async fn delete_all_email_tokens_for_user(&self, user_id: &str) -> StoreResult<u64> {
        self.delete_docs::<EmailTokenDoc>(doc! { "user_id": user_id })
            .await
    }
}
