//! The time the use cases see. Every expiry, lifetime, throttle window and mail limit is decided
//! against `Services::now()`, which reads one `Clock`: the system's in production, a shifted
//! one where the passage of time itself is under test (a token's expiry, a key's rotation), so
//! such a test moves the clock instead of waiting. JWTs this server issues carry `iat`/`exp`
//! from the same clock and are verified against it.
//!
//! Must not import poem or a store backend.

use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Duration, Utc};

/// A source of the current time.
pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> DateTime<Utc>;
}

/// The system's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// The system's clock moved ahead by an amount that only grows: time still passes between two
/// readings (so orderings and "issued later" stay true), and `advance` skips a wait. It never
/// goes back, as the system clock of a server should not.
#[derive(Debug, Default)]
pub struct ShiftedClock {
    ahead_ms: AtomicI64,
}

impl ShiftedClock {
    /// Moves the clock `by` further ahead (a negative amount is ignored).
    pub fn advance(&self, by: Duration) {
        self.ahead_ms
            .fetch_add(by.num_milliseconds().max(0), Ordering::SeqCst);
    }
}

impl Clock for ShiftedClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + Duration::milliseconds(self.ahead_ms.load(Ordering::SeqCst))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shifted_clock_moves_ahead_by_what_it_is_advanced_and_never_back() {
        let clock = ShiftedClock::default();
        let start = Utc::now();
        clock.advance(Duration::hours(2));
        clock.advance(Duration::hours(-5));
        let shifted = clock.now();
        assert!(shifted >= start + Duration::hours(2), "{start} {shifted}");
        assert!(shifted < Utc::now() + Duration::hours(2) + Duration::seconds(1));
        assert!(clock.now() >= shifted, "time still passes");
    }
}
