//! How durable and how patient the MongoDB store is, set once on the client so every database
//! and collection handle (and so every operation, `find_one_and_update` included) inherits it.
//! Every write waits for a journaled majority (`w: "majority", j: true`): an acknowledged code
//! take, refresh rotation, revocation, grant or app change, session or throttle count survives
//! the loss of the primary. Every read goes to the primary with majority read concern, so a
//! decision never rests on a write that an election could roll back. Writes and reads are
//! retried once by the driver after a transient error (a failover). The timeouts bound how
//! long a request waits before it fails as `Unavailable` (503): an election takes up to ~12 s,
//! and a request should end in a clean 503 well within that instead of hanging.

use std::time::Duration;

use mongodb::options::{
    Acknowledgment, ClientOptions, ReadConcern, ReadPreference, SelectionCriteria, WriteConcern,
};

/// The store's waits (`store.mongodb_*timeout_ms`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// Looking for a primary; also the wait of the driver's one retry.
    pub server_selection: Duration,
    /// Opening a TCP (and TLS) connection to a member.
    pub connect: Duration,
    /// Waiting for a majority to acknowledge a write; past it the write fails as
    /// `Unavailable` (it may still have been applied on the primary).
    pub write_majority: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            server_selection: Duration::from_secs(3),
            connect: Duration::from_secs(3),
            write_majority: Duration::from_secs(5),
        }
    }
}

/// The write concern of every write.
pub fn write_concern(timeouts: &Timeouts) -> WriteConcern {
    WriteConcern::builder()
        .w(Acknowledgment::Majority)
        .journal(true)
        .w_timeout(timeouts.write_majority)
        .build()
}

/// Sets the durability policy on parsed client options. Timeouts the connection string sets
/// itself (`serverSelectionTimeoutMS`, `connectTimeoutMS`) win over the configured ones; the
/// concerns, the primary read preference and retries do not: the security decisions depend
/// on them.
pub fn apply(options: &mut ClientOptions, timeouts: &Timeouts) {
    options.server_selection_timeout = options
        .server_selection_timeout
        .or(Some(timeouts.server_selection));
    options.connect_timeout = options.connect_timeout.or(Some(timeouts.connect));
    options.write_concern = Some(write_concern(timeouts));
    options.read_concern = Some(ReadConcern::majority());
    options.selection_criteria = Some(SelectionCriteria::ReadPreference(ReadPreference::Primary));
    options.retry_writes = Some(true);
    options.retry_reads = Some(true);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_connection_string_cannot_weaken_the_concerns_but_may_set_its_own_timeouts() {
        let uri = "mongodb://127.0.0.1:1/?w=1&readConcernLevel=local&readPreference=secondary\
                   &retryWrites=false&retryReads=false&serverSelectionTimeoutMS=700";
        let mut options = ClientOptions::parse(uri).await.unwrap();
        apply(&mut options, &Timeouts::default());
        let wc = options.write_concern.unwrap();
        assert_eq!(wc.w, Some(Acknowledgment::Majority));
        assert_eq!(wc.journal, Some(true));
        assert_eq!(wc.w_timeout, Some(Duration::from_secs(5)));
        assert_eq!(options.read_concern, Some(ReadConcern::majority()));
        assert!(matches!(
            options.selection_criteria,
            Some(SelectionCriteria::ReadPreference(ReadPreference::Primary))
        ));
        assert_eq!(
            (options.retry_writes, options.retry_reads),
            (Some(true), Some(true))
        );
        assert_eq!(
            options.server_selection_timeout,
            Some(Duration::from_millis(700))
        );
        assert_eq!(options.connect_timeout, Some(Duration::from_secs(3)));
    }
}
