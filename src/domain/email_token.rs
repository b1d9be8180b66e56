use chrono::{DateTime, Utc};

use super::redact::debug_redacted;
use super::DomainError;

/// What a one-time email token is good for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EmailTokenPurpose {
    VerifyEmail,
    ResetPassword,
    ChangeEmail,
}

impl EmailTokenPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::VerifyEmail => "verify_email",
            Self::ResetPassword => "reset_password",
            Self::ChangeEmail => "change_email",
        }
    }

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        match s {
            "verify_email" => Ok(Self::VerifyEmail),
            "reset_password" => Ok(Self::ResetPassword),
            "change_email" => Ok(Self::ChangeEmail),
            _ => Err(DomainError::new(
                "purpose",
                format!("unknown purpose '{s}'"),
            )),
        }
    }
}

/// A single-use token sent by email, stored under the SHA-256 digest of its value.
#[derive(Clone, PartialEq, Eq)]
pub struct EmailToken {
    pub digest: String,
    pub user_id: String,
    pub purpose: EmailTokenPurpose,
    /// The address the token was sent to (the new one for a change of email).
    pub email: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

debug_redacted!(EmailToken, redact digest, show user_id, purpose, expires_at);

impl EmailToken {
    pub fn is_expired(&self, now: DateTime<Utc>) -> bool {
        now >= self.expires_at
    }
}
