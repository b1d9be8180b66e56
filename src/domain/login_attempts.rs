use chrono::{DateTime, Utc};

/// Failed logins counted under one key (`account:{login}` or `ip:{address}`) in a window that
/// starts at the first failure and ends at `expires_at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginAttempts {
    pub key: String,
    pub count: u32,
    pub window_start: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

impl LoginAttempts {
    /// Seconds until another attempt may be made, when `max` failures are reached in a window
    /// that has not ended; `None` when an attempt may be made now.
    pub fn refusal(&self, max: u32, now: DateTime<Utc>) -> Option<i64> {
        (self.count >= max && now < self.expires_at)
            .then(|| (self.expires_at - now).num_seconds().max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn attempts_are_refused_only_at_the_limit_and_inside_the_window() {
        let now = Utc::now();
        let a = LoginAttempts {
            key: "account:jane".into(),
            count: 5,
            window_start: now,
            expires_at: now + Duration::minutes(15),
        };
        assert_eq!(a.refusal(5, now), Some(900));
        assert_eq!(a.refusal(6, now), None);
        assert_eq!(a.refusal(5, now + Duration::minutes(15)), None);
    }
}
