//! Device authorization requests (RFC 8628) in SQLite: the `device_codes` table, keyed by the
//! device code's digest, unique by the user code's digest, and [`DeviceCodeStore`]. A poll is
//! recorded in one call that takes the write lock first (read, apply `DeviceCode::after_poll`,
//! write), so two concurrent polls cannot both look slow enough; approving, denying and consuming
//! are each one conditional `UPDATE`, so exactly one caller changes a row's status.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{params, Row};

use super::{corrupt, json, ms, opt_ms, opt_time, query_opt, time, to_json, SqliteStore};
use crate::domain::{DeviceApproval, DeviceCode, DeviceDecision, DeviceStatus};
use crate::store::{DeviceCodeStore, StoreResult};

const INSERT: &str = "INSERT INTO device_codes (digest, user_code_digest, client_id, scopes, \
     created_at, expires_at, interval_secs, last_polled_at, status, resources) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'pending', ?9)";

const BY_DIGEST: &str = "SELECT * FROM device_codes WHERE digest = ?1";

const APPROVE: &str = "UPDATE device_codes SET status = 'approved', user_id = ?2, \
     granted_scopes = ?3, auth_time = ?4, session_id = ?5 \
     WHERE user_code_digest = ?1 AND status = 'pending' AND expires_at > ?6";

const DENY: &str = "UPDATE device_codes SET status = 'denied' \
     WHERE user_code_digest = ?1 AND status = 'pending' AND expires_at > ?2";

const TAKE: &str = "UPDATE device_codes SET status = 'consumed' \
     WHERE digest = ?1 AND status = 'approved' RETURNING *";

#[async_trait]
impl DeviceCodeStore for SqliteStore {
    async fn insert_device_code(&self, code: &DeviceCode) -> StoreResult<()> {
        let k = code.clone();
        self.call(move |c| {
            c.prepare_cached(INSERT)?.execute(params![
                k.digest,
                k.user_code_digest,
                k.client_id,
                to_json(&k.scopes)?,
                ms(k.created_at),
                ms(k.expires_at),
                k.interval_secs,
                opt_ms(k.last_polled_at),
                to_json(&k.resources)?,
            ])?;
            Ok(())
        })
        .await
    }

    async fn find_device_code_by_user_code(
        &self,
        user_code_digest: &str,
    ) -> StoreResult<DeviceCode> {
        let d = user_code_digest.to_owned();
        self.call_read(move |c| {
            super::query_one(
                c,
                "SELECT * FROM device_codes WHERE user_code_digest = ?1",
                [&d],
                device_from_row,
            )
        })
        .await
    }

    async fn record_device_poll(
        &self,
        digest: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<DeviceCode>> {
        let digest = digest.to_owned();
        self.call_immediate(move |c| {
            let tx = c.savepoint()?;
            let Some(before) = query_opt(&tx, BY_DIGEST, [&digest], device_from_row)? else {
                return Ok(None);
            };
            let after = before.after_poll(now);
            tx.prepare_cached(
                "UPDATE device_codes SET interval_secs = ?2, last_polled_at = ?3 WHERE digest = ?1",
            )?
            .execute(params![
                digest,
                after.interval_secs,
                opt_ms(after.last_polled_at)
            ])?;
            tx.commit()?;
            Ok(Some(before))
        })
        .await
    }

    async fn decide_device_code(
        &self,
        user_code_digest: &str,
        decision: &DeviceDecision,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let (d, decision) = (user_code_digest.to_owned(), decision.clone());
        self.call(move |c| {
            let n = match decision {
                DeviceDecision::Approve(a) => c.prepare_cached(APPROVE)?.execute(params![
                    d,
                    a.user_id,
                    to_json(&a.scopes)?,
                    ms(a.auth_time),
                    a.session_id,
                    ms(now),
                ])?,
                DeviceDecision::Deny => c.prepare_cached(DENY)?.execute(params![d, ms(now)])?,
            };
            Ok(n == 1)
        })
        .await
    }

    async fn take_approved_device_code(&self, digest: &str) -> StoreResult<Option<DeviceCode>> {
        let digest = digest.to_owned();
        self.call(move |c| {
            // RETURNING shows the row after the update; report it as it was (approved).
            let taken = query_opt(c, TAKE, [&digest], |r| {
                Ok((device_from_row(r)?, approval_from_row(r)?))
            })?;
            match taken {
                None => Ok(None),
                Some((code, Some(a))) => Ok(Some(DeviceCode {
                    status: DeviceStatus::Approved(a),
                    ..code
                })),
                Some((_, None)) => Err(corrupt("device code approval", "missing")),
            }
        })
        .await
    }
}

/// The approval columns, when set.
fn approval_from_row(r: &Row<'_>) -> StoreResult<Option<DeviceApproval>> {
    let Some(user_id) = r.get::<_, Option<String>>("user_id")? else {
        return Ok(None);
    };
    let scopes: Option<String> = r.get("granted_scopes")?;
    let scopes = match scopes {
        Some(text) => serde_json::from_str(&text).map_err(|e| corrupt("granted_scopes", e))?,
        None => Vec::new(),
    };
    let auth_time = opt_time(r, "auth_time")?.ok_or_else(|| corrupt("auth_time", "missing"))?;
    Ok(Some(DeviceApproval {
        user_id,
        scopes,
        auth_time,
        session_id: r.get("session_id")?,
    }))
}

fn device_from_row(r: &Row<'_>) -> StoreResult<DeviceCode> {
    let status: String = r.get("status")?;
    let status = match status.as_str() {
        "pending" => DeviceStatus::Pending,
        "approved" => DeviceStatus::Approved(
            approval_from_row(r)?.ok_or_else(|| corrupt("device code approval", "missing"))?,
        ),
        "denied" => DeviceStatus::Denied,
        "consumed" => DeviceStatus::Consumed,
        other => return Err(corrupt("device code status", other)),
    };
    Ok(DeviceCode {
        digest: r.get("digest")?,
        user_code_digest: r.get("user_code_digest")?,
        client_id: r.get("client_id")?,
        scopes: json(r, "scopes")?,
        created_at: time(r, "created_at")?,
        expires_at: time(r, "expires_at")?,
        interval_secs: r.get("interval_secs")?,
        last_polled_at: opt_time(r, "last_polled_at")?,
        status,
        resources: json(r, "resources")?,
    })
}
