//! Prometheus metrics of this process, served at `/metrics` in the Prometheus text exposition
//! format (version 0.0.4) by [`endpoint`]. The registry is the process's: a process serves one
//! server, and the counters describe that process, like `process_*` metrics would.
//!
//! Recording is what the hot paths pay, so it is atomics only: a metric whose labels are a
//! closed set (grant types, cache names, outcomes…) is resolved to its child once, here, and a
//! record is one atomic add; only the HTTP metrics, whose route label comes from the router,
//! look their child up per request (a hash of the labels under a read lock, no allocation once
//! the route was seen). No label ever carries an id, an email, a token or a raw path: routes
//! are the router's templates (`/oauth/applications/:id/`), unmatched paths are `unmatched`.
//!
//! May be imported by every layer; it imports only `domain` (grant types), and `endpoint` alone
//! knows poem.

mod audit;
pub mod endpoint;
mod families;

use std::sync::LazyLock;
use std::time::Duration;

pub use families::{
    CacheName, MailOutcome, Metrics, SignInOutcome, SignInStep, StoreBackend, StoreErrorKind,
    ThrottleLimit,
};

static METRICS: LazyLock<Metrics> = LazyLock::new(Metrics::new);

/// The metrics of this process.
pub fn metrics() -> &'static Metrics {
    &METRICS
}

/// The registry in the Prometheus text format.
pub fn render() -> String {
    metrics().render()
}

/// Seconds as Prometheus wants them.
fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

/// One in a gauge from [`GaugeGuard::start`] until dropped: a waiting caller, a running hash
/// (the future that waits may be cancelled at any point, and the count stays right).
pub struct GaugeGuard(&'static prometheus::IntGauge);

impl GaugeGuard {
    pub fn start(gauge: &'static prometheus::IntGauge) -> Self {
        gauge.inc();
        Self(gauge)
    }
}

impl Drop for GaugeGuard {
    fn drop(&mut self) {
        self.0.dec();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_family_is_registered_and_rendered_with_its_prefix() {
        let m = metrics();
        m.token_issued(crate::domain::GrantType::ClientCredentials);
        m.cache(CacheName::Client, true);
        let text = render();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            assert!(line.starts_with("auth_center_"), "{line}");
        }
        assert!(text.contains("auth_center_build_info{version=\""), "{text}");
        assert!(
            text.contains("auth_center_tokens_issued_total{grant_type=\"client_credentials\"}"),
            "{text}"
        );
    }
}
