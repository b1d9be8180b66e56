//! How SQLite's errors map to [`StoreError`]: a UNIQUE violation names the field it is about,
//! a busy or failing database is `Unavailable`, everything else `Internal`.

use rusqlite::{ffi, ErrorCode};

use crate::store::StoreError;

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        if matches!(e, rusqlite::Error::QueryReturnedNoRows) {
            return StoreError::NotFound;
        }
        let Some(&ffi::Error {
            code,
            extended_code,
        }) = e.sqlite_error()
        else {
            return StoreError::Internal(e.into());
        };
        match code {
            ErrorCode::ConstraintViolation => match unique_conflict(extended_code, &e) {
                Some(field) => StoreError::Conflict(field),
                None => StoreError::Internal(e.into()),
            },
            ErrorCode::DatabaseBusy
            | ErrorCode::DatabaseLocked
            | ErrorCode::SystemIoFailure
            | ErrorCode::DiskFull => StoreError::Unavailable(e.into()),
            _ => StoreError::Internal(e.into()),
        }
    }
}

/// The field a UNIQUE / PRIMARY KEY violation is about, read from SQLite's message
/// ("UNIQUE constraint failed: users.username_key").
fn unique_conflict(extended: i32, e: &rusqlite::Error) -> Option<&'static str> {
    if extended != ffi::SQLITE_CONSTRAINT_UNIQUE && extended != ffi::SQLITE_CONSTRAINT_PRIMARYKEY {
        return None;
    }
    let rusqlite::Error::SqliteFailure(_, Some(msg)) = e else {
        return None;
    };
    let columns = msg.split_once("constraint failed: ")?.1;
    let (table, column) = columns.split(", ").next()?.split_once('.')?;
    conflict_field(table, column)
}

fn conflict_field(table: &str, column: &str) -> Option<&'static str> {
    Some(match (table, column) {
        ("users", "username_key") => "username",
        ("users", "email_key") => "email",
        ("user_groups", "name_key") => "name",
        ("clients", "client_id") => "client_id",
        ("codes", "digest") => "code",
        ("refresh_tokens", "digest") => "refresh_token",
        ("access_tokens", "jti") => "jti",
        ("email_tokens", "digest") => "email_token",
        ("signing_keys", "kid") => "kid",
        ("device_codes", "digest") => "device_code",
        ("device_codes", "user_code_digest") => "user_code",
        ("resource_servers", "identifier") => "identifier",
        ("pushed_requests", "digest") => "request_uri",
        ("initial_access_tokens", "digest") => "initial_access_token",
        ("initial_access_tokens", "id") => "initial_access_token",
        ("client_registrations", "client_id") => "client_id",
        ("passkeys", "credential_id") => "credential_id",
        (_, "id") => "id",
        _ => return None,
    })
}
