//! What runs beside the server for its lifetime: the sweeper of expired rows, and the signals
//! that end it.

use std::time::Duration;

use crate::service::Services;

/// Periodically deletes expired rows (SQLite; a no-op where TTL indexes do it).
pub(super) fn spawn_sweeper(services: Services, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            match services.stores.admin.sweep_expired(services.now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(deleted = n, "swept expired records"),
                Err(e) => tracing::warn!(error = %e, "sweeping expired records failed"),
            }
        }
    })
}

/// Resolves on SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutdown requested; finishing in-flight requests");
}
