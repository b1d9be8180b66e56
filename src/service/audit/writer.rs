//! The one background task that writes audit events: it takes what the bounded queue holds in
//! batches and appends each batch to the store. A batch the store refuses is retried once,
//! then counted as failed and logged; the request that caused its events answered long
//! before. On shutdown it takes what is still queued and writes it, within a bounded time.

use std::sync::Arc;

use tokio::sync::{mpsc, Notify};

use crate::domain::AuditEvent;
use crate::metrics::metrics;
use crate::store::AuditStore;

/// Events written per store call at most.
const BATCH: usize = 200;

pub(super) async fn run(
    store: Arc<dyn AuditStore>,
    mut rx: mpsc::Receiver<AuditEvent>,
    shutdown: Arc<Notify>,
) {
    let mut batch = Vec::with_capacity(BATCH);
    loop {
        tokio::select! {
            biased;
            () = shutdown.notified() => break,
            received = rx.recv_many(&mut batch, BATCH) => {
                if received == 0 {
                    return;
                }
                write(store.as_ref(), &mut batch).await;
            }
        }
    }
    // No new event gets in; what is queued is written.
    rx.close();
    while rx.recv_many(&mut batch, BATCH).await > 0 {
        write(store.as_ref(), &mut batch).await;
    }
}

async fn write(store: &dyn AuditStore, batch: &mut Vec<AuditEvent>) {
    let n = batch.len() as u64;
    let mut result = store.insert_audit_events(batch).await;
    if result.is_err() {
        // Ids make the retry idempotent: a batch half-written before is not duplicated.
        result = store.insert_audit_events(batch).await;
    }
    match result {
        Ok(()) => metrics().audit_written(n),
        Err(e) => {
            metrics().audit_failed(n);
            tracing::warn!(error = %e, events = n, "writing audit events failed");
        }
    }
    batch.clear();
}
