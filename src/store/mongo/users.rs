//! Accounts in the `users` collection: `_id` is the user id; `username_key` and `email_key` hold
//! the case-folded username and email (`Username::key`, `EmailAddress::key`) under unique
//! indexes, which is how uniqueness is case-insensitive while the typed spelling is kept.
//! Listing searches username, email and display name case-insensitively with an escaped regex.

use async_trait::async_trait;
use mongodb::bson::{self, doc, Document};
use serde::{Deserialize, Serialize};

use super::ops::stored;
use super::{corrupt, find_page, from_bson_dt, to_bson_dt, MongoResultExt, MongoStore, USERS};
use crate::domain::{EmailAddress, Paged, User, Username};
use crate::store::{StoreResult, UserQuery, UserStore};

#[derive(Debug, Serialize, Deserialize)]
struct UserDoc {
    #[serde(rename = "_id")]
    id: String,
    username: String,
    username_key: String,
    email: String,
    email_key: String,
    email_verified: bool,
    display_name: Option<String>,
    password_hash: String,
    is_admin: bool,
    disabled: bool,
    /// Absent in documents written before the language was remembered: `None`.
    #[serde(default)]
    locale: Option<String>,
    created_at: bson::DateTime,
    updated_at: bson::DateTime,
}

impl UserDoc {
    fn from_domain(u: &User) -> Self {
        Self {
            id: u.id.clone(),
            username: u.username.as_str().to_string(),
            username_key: u.username.key(),
            email: u.email.as_str().to_string(),
            email_key: u.email.key(),
            email_verified: u.email_verified,
            display_name: u.display_name.clone(),
            password_hash: u.password_hash.clone(),
            is_admin: u.is_admin,
            disabled: u.disabled,
            locale: u.locale.clone(),
            created_at: to_bson_dt(u.created_at),
            updated_at: to_bson_dt(u.updated_at),
        }
    }

    fn into_domain(self) -> StoreResult<User> {
        let username = Username::parse(self.username).map_err(|e| corrupt("user", &self.id, e))?;
        let email = EmailAddress::parse(self.email).map_err(|e| corrupt("user", &self.id, e))?;
        Ok(User {
            username,
            email,
            email_verified: self.email_verified,
            display_name: self.display_name,
            password_hash: self.password_hash,
            is_admin: self.is_admin,
            disabled: self.disabled,
            locale: self.locale,
            created_at: from_bson_dt(self.created_at)?,
            updated_at: from_bson_dt(self.updated_at)?,
            id: self.id,
        })
    }
}

/// Every field an update replaces (all but `_id` and `created_at`).
fn update_fields(u: &User) -> Document {
    let d = UserDoc::from_domain(u);
    doc! {
        "username": d.username,
        "username_key": d.username_key,
        "email": d.email,
        "email_key": d.email_key,
        "email_verified": d.email_verified,
        "display_name": d.display_name,
        "password_hash": d.password_hash,
        "is_admin": d.is_admin,
        "disabled": d.disabled,
        "locale": d.locale,
        "updated_at": d.updated_at,
    }
}

/// Escapes every regex metacharacter so the search is a literal substring.
fn escape_regex(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for c in s.chars() {
        if "\\^$.|?*+()[]{}".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Case-insensitive substring match on username, email or display name.
fn search_filter(search: Option<&str>) -> Document {
    let Some(term) = search.map(str::trim).filter(|s| !s.is_empty()) else {
        return Document::new();
    };
    let regex = doc! { "$regex": escape_regex(term), "$options": "i" };
    doc! {
        "$or": [
            { "username": regex.clone() },
            { "email": regex.clone() },
            { "display_name": regex },
        ]
    }
}

stored!(UserDoc => User, USERS, "id");

#[async_trait]
impl UserStore for MongoStore {
    async fn insert_user(&self, user: &User) -> StoreResult<()> {
        self.insert_doc::<UserDoc>(user).await
    }

    async fn get_user(&self, id: &str) -> StoreResult<User> {
        self.get_doc::<UserDoc>(doc! { "_id": id }).await
    }

    async fn find_user_by_username(&self, username_key: &str) -> StoreResult<User> {
        self.get_doc::<UserDoc>(doc! { "username_key": username_key })
            .await
    }

    async fn find_user_by_email(&self, email_key: &str) -> StoreResult<User> {
        self.get_doc::<UserDoc>(doc! { "email_key": email_key })
            .await
    }

    async fn update_user(&self, user: &User) -> StoreResult<()> {
        self.set_by_id::<UserDoc>(&user.id, update_fields(user))
            .await
    }

    async fn delete_user(&self, id: &str) -> StoreResult<()> {
        self.delete_by_id::<UserDoc>(id).await
    }

    async fn list_users(&self, query: &UserQuery) -> StoreResult<Paged<User>> {
        let filter = search_filter(query.search.as_deref());
        find_page(
            &self.docs::<UserDoc>(),
            filter,
            doc! { "username_key": 1 },
            query.page,
            UserDoc::into_domain,
        )
        .await
    }

    async fn count_users(&self) -> StoreResult<u64> {
        self.docs::<UserDoc>()
            .count_documents(doc! {})
            .await
            .or_store()
    }

    async fn count_enabled_admins(&self) -> StoreResult<u64> {
        let filter = doc! { "is_admin": true, "disabled": false };
        self.docs::<UserDoc>()
            .count_documents(filter)
            .await
            .or_store()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_terms_are_matched_literally() {
        assert_eq!(escape_regex("a.b*c"), "a\\.b\\*c");
        assert_eq!(escape_regex("(x)[y]{z}"), "\\(x\\)\\[y\\]\\{z\\}");
        assert_eq!(escape_regex("jane"), "jane");
    }
}
