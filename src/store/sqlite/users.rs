//! Users in SQLite: the `users` table and [`UserStore`]. Case-insensitive uniqueness of
//! usernames and emails rests on the UNIQUE `username_key` / `email_key` columns, filled from
//! `Username::key` and `EmailAddress::key`; search reads those keys and a lower-cased display
//! name so it is case-insensitive beyond ASCII, which SQLite's own `lower()`/`LIKE` are not.

use async_trait::async_trait;
use rusqlite::{params, Connection, Row};

use super::{count, execute_one, limit_offset, ms, query_all, query_one, time, SqliteStore};
use crate::domain::{EmailAddress, Paged, User, Username};
use crate::store::{StoreError, StoreResult, UserQuery, UserStore};

const INSERT: &str = "INSERT INTO users (id, username, username_key, email, email_key, \
     email_verified, display_name, display_name_key, password_hash, is_admin, disabled, locale, \
     created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";

// Binds the same 14 parameters as INSERT so both share `write_user`; ?13 (created_at) is
// deliberately unused because an update never changes it.
const UPDATE: &str = "UPDATE users SET username = ?2, username_key = ?3, email = ?4, \
     email_key = ?5, email_verified = ?6, display_name = ?7, display_name_key = ?8, \
     password_hash = ?9, is_admin = ?10, disabled = ?11, locale = ?12, updated_at = ?14 \
     WHERE id = ?1";

// ?1 is the lower-cased search text or NULL for no filter. instr() instead of LIKE: no
// wildcard in the search text can change its meaning, so nothing needs escaping.
const FILTER: &str = "?1 IS NULL OR instr(username_key, ?1) > 0 OR instr(email_key, ?1) > 0 \
     OR instr(display_name_key, ?1) > 0";

#[async_trait]
impl UserStore for SqliteStore {
    async fn insert_user(&self, user: &User) -> StoreResult<()> {
        let user = user.clone();
        self.call(move |c| write_user(c, INSERT, &user).map(drop))
            .await
    }

    async fn get_user(&self, id: &str) -> StoreResult<User> {
        let id = id.to_owned();
        self.call_read(move |c| {
            query_one(c, "SELECT * FROM users WHERE id = ?1", [id], user_from_row)
        })
        .await
    }

    async fn find_user_by_username(&self, username_key: &str) -> StoreResult<User> {
        let key = username_key.to_owned();
        self.call_read(move |c| {
            let sql = "SELECT * FROM users WHERE username_key = ?1";
            query_one(c, sql, [key], user_from_row)
        })
        .await
    }

    async fn find_user_by_email(&self, email_key: &str) -> StoreResult<User> {
        let key = email_key.to_owned();
        self.call_read(move |c| {
            query_one(
                c,
                "SELECT * FROM users WHERE email_key = ?1",
                [key],
                user_from_row,
            )
        })
        .await
    }

    async fn update_user(&self, user: &User) -> StoreResult<()> {
        let user = user.clone();
        self.call(move |c| match write_user(c, UPDATE, &user)? {
            0 => Err(StoreError::NotFound),
            _ => Ok(()),
        })
        .await
    }

    async fn delete_user(&self, id: &str) -> StoreResult<()> {
        let id = id.to_owned();
        self.call(move |c| execute_one(c, "DELETE FROM users WHERE id = ?1", [id]))
            .await
    }

    async fn list_users(&self, query: &UserQuery) -> StoreResult<Paged<User>> {
        let needle = query
            .search
            .as_deref()
            .filter(|s| !s.is_empty())
            .map(str::to_lowercase);
        let (limit, offset) = limit_offset(query.page);
        self.call_read(move |c| {
            let total = count(
                c,
                &format!("SELECT COUNT(*) FROM users WHERE {FILTER}"),
                params![needle],
            )?;
            let sql = format!(
                "SELECT * FROM users WHERE {FILTER} ORDER BY username_key LIMIT ?2 OFFSET ?3"
            );
            let items = query_all(c, &sql, params![needle, limit, offset], user_from_row)?;
            Ok(Paged { items, total })
        })
        .await
    }

    async fn count_users(&self) -> StoreResult<u64> {
        self.call_read(|c| count(c, "SELECT COUNT(*) FROM users", []))
            .await
    }

    async fn count_enabled_admins(&self) -> StoreResult<u64> {
        let sql = "SELECT COUNT(*) FROM users WHERE is_admin AND NOT disabled";
        self.call_read(move |c| count(c, sql, [])).await
    }
}

/// Runs INSERT or UPDATE with the user's 14 parameters; returns the rows touched.
fn write_user(c: &Connection, sql: &str, u: &User) -> StoreResult<usize> {
    let display_name_key = u.display_name.as_deref().map(str::to_lowercase);
    Ok(c.prepare_cached(sql)?.execute(params![
        u.id,
        u.username.as_str(),
        u.username.key(),
        u.email.as_str(),
        u.email.key(),
        u.email_verified,
        u.display_name,
        display_name_key,
        u.password_hash,
        u.is_admin,
        u.disabled,
        u.locale,
        ms(u.created_at),
        ms(u.updated_at),
    ])?)
}

fn user_from_row(r: &Row<'_>) -> StoreResult<User> {
    let username: String = r.get("username")?;
    let email: String = r.get("email")?;
    Ok(User {
        id: r.get("id")?,
        username: Username::parse(username).map_err(|e| super::corrupt("username", e))?,
        email: EmailAddress::parse(email).map_err(|e| super::corrupt("email", e))?,
        email_verified: r.get("email_verified")?,
        display_name: r.get("display_name")?,
        password_hash: r.get("password_hash")?,
        is_admin: r.get("is_admin")?,
        disabled: r.get("disabled")?,
        locale: r.get("locale")?,
        created_at: time(r, "created_at")?,
        updated_at: time(r, "updated_at")?,
    })
}
