//! `[audit]`: how long audit events are kept, and how many may wait in memory for the
//! background writer before new ones are dropped (and counted).

use std::time::Duration;

use serde::Deserialize;

use super::units;
use super::ConfigError;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AuditSettings {
    /// How long an event is kept (then a TTL index or the SQLite sweeper removes it).
    #[serde(rename = "retention_secs", deserialize_with = "units::secs")]
    pub retention: Duration,
    /// Events waiting to be written; past it, new events are dropped and counted
    /// (`auth_center_audit_events_dropped_total`), never failing the request.
    pub queue_size: usize,
}

impl Default for AuditSettings {
    fn default() -> Self {
        Self {
            retention: Duration::from_secs(90 * 86_400),
            queue_size: 10_000,
        }
    }
}

impl AuditSettings {
    pub(super) fn validate(&self) -> Result<(), ConfigError> {
        if self.retention < Duration::from_secs(60) {
            return Err(ConfigError::at(
                "audit.retention_secs",
                "must be at least 60 seconds",
            ));
        }
        if !(1..=1_000_000).contains(&self.queue_size) {
            return Err(ConfigError::at("audit.queue_size", "must be 1 to 1000000"));
        }
        Ok(())
    }
}
