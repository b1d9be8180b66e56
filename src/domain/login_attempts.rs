use chrono::{DateTime, Utc};

/// Counts under one key (`account:{user id}`, `ip:{address}`, `mail-min:...`) in a fixed window
/// that starts at the first count and ends at `expires_at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginAttempts {
    pub key: String,
    pub count: u32,
    pub window_start: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

impl LoginAttempts {
    /// For a counter just incremented by a reservation: the seconds until the window ends when
    /// this reservation went past `max` (it must be refused), `None` when it is within `max`.
    pub fn refusal(&self, max: u32, now: DateTime<Utc>) -> Option<i64> {
        (self.count > max).then(|| (self.expires_at - now).num_seconds().max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn a_reservation_is_refused_only_past_the_limit_with_the_rest_of_its_window() {
        let now = Utc::now();
        let a = |count| LoginAttempts {
            key: "account:jane".into(),
            count,
            window_start: now,
            expires_at: now + Duration::minutes(15),
        };
        assert_eq!(a(5).refusal(5, now), None, "the 5th attempt is evaluated");
        assert_eq!(a(6).refusal(5, now), Some(900));
        assert_eq!(a(6).refusal(5, now + Duration::minutes(10)), Some(300));
    }
}
