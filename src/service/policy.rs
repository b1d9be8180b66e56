//! Account rules chosen by the operator (`accounts.*` settings, where their defaults are), as
//! the use cases consume them.

use chrono::Duration;

#[derive(Debug, Clone, Copy)]
pub struct AccountPolicy {
    /// Shortest accepted password.
    pub min_password_len: usize,
    /// Lifetime of a verification, reset or change-of-email link.
    pub email_token_ttl: Duration,
    /// Unverified accounts cannot log in when true.
    pub require_email_verification: bool,
    /// Registrations from one client IP in an hour (`accounts.max_registrations_per_ip_per_hour`).
    pub registrations_per_ip: super::throttle::Limit,
    /// Administrators must have a second factor: until they turn one on, their session leads
    /// only to the enrolment page and nothing of theirs acts as an administrator.
    pub require_second_factor_for_admins: bool,
}
