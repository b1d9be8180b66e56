//! Second factors in SQLite: `second_factors` (one row per person) and `recovery_codes` (one
//! row per unused code's digest), and [`SecondFactorStore`]. Whether a code counts is decided
//! by one conditional statement: `UPDATE ... WHERE last_step < ?` for a TOTP step, a single-row
//! `DELETE` for a recovery code; writes of several rows run in one savepoint that took the
//! write lock first.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Row};

use super::{execute, ms, opt_time, query_opt, time, SqliteStore};
use crate::domain::SecondFactor;
use crate::store::{SecondFactorStore, StoreResult};

/// A new enrolment replaces an unconfirmed one only: the `WHERE` of the upsert leaves a
/// confirmed row (and its recovery codes) as it is.
const ENROL: &str = "INSERT INTO second_factors (user_id, secret, confirmed_at, last_step, \
     created_at) VALUES (?1, ?2, NULL, 0, ?3) ON CONFLICT (user_id) DO UPDATE SET \
     secret = excluded.secret, last_step = 0, created_at = excluded.created_at \
     WHERE second_factors.confirmed_at IS NULL";
const CONFIRM: &str = "UPDATE second_factors SET confirmed_at = ?3, last_step = ?4 \
     WHERE user_id = ?1 AND secret = ?2 AND confirmed_at IS NULL";
const USE_STEP: &str = "UPDATE second_factors SET last_step = ?2 \
     WHERE user_id = ?1 AND confirmed_at IS NOT NULL AND last_step < ?2";
const TAKE_RECOVERY: &str = "DELETE FROM recovery_codes WHERE user_id = ?1 AND digest = ?2 \
     AND EXISTS (SELECT 1 FROM second_factors f WHERE f.user_id = ?1 \
     AND f.confirmed_at IS NOT NULL)";

#[async_trait]
impl SecondFactorStore for SqliteStore {
    async fn get_second_factor(&self, user_id: &str) -> StoreResult<Option<SecondFactor>> {
        let user_id = user_id.to_owned();
        self.call_read(move |c| {
            let sql = "SELECT * FROM second_factors WHERE user_id = ?1";
            let Some(mut factor) = query_opt(c, sql, [&user_id], factor_from_row)? else {
                return Ok(None);
            };
            factor.recovery_codes = recovery_codes(c, &user_id)?;
            Ok(Some(factor))
        })
        .await
    }

    async fn put_enrolment(&self, factor: &SecondFactor) -> StoreResult<bool> {
        let f = factor.clone();
        self.call(move |c| {
            let p = params![f.user_id, f.secret, ms(f.created_at)];
            Ok(execute(c, ENROL, p)? == 1)
        })
        .await
    }

    async fn confirm_enrolment(
        &self,
        user_id: &str,
        secret: &str,
        step: i64,
        recovery_codes: &[String],
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let (user_id, secret) = (user_id.to_owned(), secret.to_owned());
        let codes = recovery_codes.to_vec();
        self.call_immediate(move |c| {
            let tx = c.savepoint()?;
            let confirmed = execute(&tx, CONFIRM, params![user_id, secret, ms(now), step])? == 1;
            if confirmed {
                put_recovery_codes(&tx, &user_id, &codes)?;
            }
            tx.commit()?;
            Ok(confirmed)
        })
        .await
    }

    async fn use_totp_step(&self, user_id: &str, step: i64) -> StoreResult<bool> {
        let user_id = user_id.to_owned();
        self.call(move |c| Ok(execute(c, USE_STEP, params![user_id, step])? == 1))
            .await
    }

    async fn take_recovery_code(&self, user_id: &str, digest: &str) -> StoreResult<bool> {
        let (user_id, digest) = (user_id.to_owned(), digest.to_owned());
        self.call(move |c| Ok(execute(c, TAKE_RECOVERY, params![user_id, digest])? == 1))
            .await
    }

    async fn replace_recovery_codes(&self, user_id: &str, digests: &[String]) -> StoreResult<bool> {
        let (user_id, codes) = (user_id.to_owned(), digests.to_vec());
        self.call_immediate(move |c| {
            let tx = c.savepoint()?;
            let sql = "SELECT 1 FROM second_factors WHERE user_id = ?1 \
                 AND confirmed_at IS NOT NULL";
            let active = query_opt(&tx, sql, [&user_id], |_| Ok(()))?.is_some();
            if active {
                execute(
                    &tx,
                    "DELETE FROM recovery_codes WHERE user_id = ?1",
                    [&user_id],
                )?;
                put_recovery_codes(&tx, &user_id, &codes)?;
            }
            tx.commit()?;
            Ok(active)
        })
        .await
    }

    async fn delete_second_factor(&self, user_id: &str) -> StoreResult<bool> {
        let user_id = user_id.to_owned();
        self.call(move |c| {
            // The recovery codes go with the row (ON DELETE CASCADE).
            let sql = "DELETE FROM second_factors WHERE user_id = ?1";
            Ok(execute(c, sql, [&user_id])? == 1)
        })
        .await
    }
}

fn put_recovery_codes(c: &Connection, user_id: &str, digests: &[String]) -> StoreResult<()> {
    let sql = "INSERT OR IGNORE INTO recovery_codes (user_id, digest) VALUES (?1, ?2)";
    for d in digests {
        execute(c, sql, params![user_id, d])?;
    }
    Ok(())
}

fn recovery_codes(c: &Connection, user_id: &str) -> StoreResult<Vec<String>> {
    let sql = "SELECT digest FROM recovery_codes WHERE user_id = ?1 ORDER BY digest";
    let mut stmt = c.prepare_cached(sql)?;
    let rows = stmt.query_map([user_id], |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn factor_from_row(r: &Row<'_>) -> StoreResult<SecondFactor> {
    Ok(SecondFactor {
        user_id: r.get("user_id")?,
        secret: r.get("secret")?,
        confirmed_at: opt_time(r, "confirmed_at")?,
        last_step: r.get("last_step")?,
        recovery_codes: Vec::new(),
        created_at: time(r, "created_at")?,
    })
}
