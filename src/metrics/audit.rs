//! The audit log's counters: events written to the store, events dropped because the queue was
//! full, and events lost because the store refused their batch (`service::audit`).

use prometheus::{IntCounter, Registry};

use super::families::{counter, Metrics};

pub(super) struct AuditCounters {
    written: IntCounter,
    dropped: IntCounter,
    failed: IntCounter,
}

impl AuditCounters {
    pub(super) fn new(r: &Registry) -> Self {
        Self {
            written: counter(
                r,
                "audit_events_written_total",
                "Audit events written to the store.",
            ),
            dropped: counter(
                r,
                "audit_events_dropped_total",
                "Audit events dropped because the audit queue was full.",
            ),
            failed: counter(
                r,
                "audit_events_failed_total",
                "Audit events lost because the store failed to write their batch.",
            ),
        }
    }
}

impl Metrics {
    pub fn audit_written(&self, n: u64) {
        self.audit.written.inc_by(n);
    }

    pub fn audit_dropped(&self) {
        self.audit.dropped.inc();
    }

    pub fn audit_failed(&self, n: u64) {
        self.audit.failed.inc_by(n);
    }

    /// Events dropped so far by this process (tests and the once-a-minute warning).
    pub fn audit_dropped_count(&self) -> u64 {
        self.audit.dropped.get()
    }
}
