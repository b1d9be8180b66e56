//! `[security]` and `[session]`: the cost and the queue of password hashing, and how long a
//! browser session lasts.

use std::time::Duration;

use serde::Deserialize;

use super::units;
use super::ConfigError;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SecuritySettings {
    /// argon2id memory cost in KiB (OWASP: 19456).
    pub argon2_memory_kib: u32,
    /// argon2id iterations (OWASP: 2).
    pub argon2_iterations: u32,
    /// argon2id lanes (OWASP: 1).
    pub argon2_parallelism: u32,
    /// Password hashes computed at once; more wait. 0 = number of CPUs.
    pub hash_concurrency: usize,
    /// Password checks that may wait for a hashing turn; beyond that they are refused at once
    /// (503). 0 = 4 × hash_concurrency.
    pub hash_queue_length: usize,
    /// How long a password check waits for a hashing turn before it is refused (503).
    #[serde(rename = "hash_wait_timeout_ms", deserialize_with = "units::millis")]
    pub hash_wait_timeout: Duration,
}

impl Default for SecuritySettings {
    fn default() -> Self {
        Self {
            argon2_memory_kib: 19456,
            argon2_iterations: 2,
            argon2_parallelism: 1,
            hash_concurrency: 0,
            hash_queue_length: 0,
            hash_wait_timeout: Duration::from_millis(1000),
        }
    }
}

impl SecuritySettings {
    pub(super) fn validate(&self) -> Result<(), ConfigError> {
        if self.argon2_memory_kib < 8 * self.argon2_parallelism.max(1)
            || self.argon2_iterations == 0
        {
            return Err(ConfigError::at(
                "security.argon2_*",
                "memory must be >= 8 KiB per lane and iterations >= 1",
            ));
        }
        if !(1..=255).contains(&self.argon2_parallelism) {
            return Err(ConfigError::at(
                "security.argon2_parallelism",
                "must be 1 to 255",
            ));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SessionSettings {
    /// A browser session ends after this long without a request.
    #[serde(rename = "idle_timeout_secs", deserialize_with = "units::secs")]
    pub idle_timeout: Duration,
    /// A browser session ends this long after login, active or not.
    #[serde(rename = "absolute_timeout_secs", deserialize_with = "units::secs")]
    pub absolute_timeout: Duration,
}

impl Default for SessionSettings {
    fn default() -> Self {
        Self {
            idle_timeout: Duration::from_secs(8 * 3600),
            absolute_timeout: Duration::from_secs(7 * 24 * 3600),
        }
    }
}

impl SessionSettings {
    pub(super) fn validate(&self) -> Result<(), ConfigError> {
        if self.idle_timeout.is_zero() || self.absolute_timeout < self.idle_timeout {
            return Err(ConfigError::at(
                "session.*",
                "idle_timeout_secs must be > 0 and <= absolute_timeout_secs",
            ));
        }
        Ok(())
    }
}
