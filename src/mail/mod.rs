//! Outgoing email behind the `Mailer` trait: SMTP through lettre (`smtp`), or .eml files under
//! the data directory when no SMTP server is configured (`file`), so every flow that sends mail
//! works on a fresh machine.
//!
//! Must not import the service, store or web layers.

mod file;
mod smtp;

pub use file::FileMailer;
pub use smtp::SmtpMailer;

use async_trait::async_trait;

/// One message: a text and an HTML alternative of the same content.
#[derive(Clone)]
pub struct OutgoingEmail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

impl std::fmt::Debug for OutgoingEmail {
    // Bodies carry one-time links: never print them.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutgoingEmail")
            .field("subject", &self.subject)
            .finish_non_exhaustive()
    }
}

/// The longest one delivery attempt may take (SMTP connect, dialogue and data).
pub const SEND_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// The message cannot be built (an invalid address): retrying cannot help.
    #[error("invalid message: {0}")]
    Message(String),
    /// The server refused the message for good (an SMTP 5xx reply): retrying cannot help.
    #[error("mail refused: {0}")]
    Rejected(String),
    /// The server could not be reached or answered "try later": worth retrying.
    #[error("mail transport failed: {0}")]
    Transport(String),
}

impl MailError {
    /// Whether a later attempt may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(self, Self::Transport(_))
    }
}

#[async_trait]
pub trait Mailer: Send + Sync {
    async fn send(&self, email: &OutgoingEmail) -> Result<(), MailError>;
}

/// Builds the MIME message both transports send.
pub(crate) fn build_message(
    from: &str,
    email: &OutgoingEmail,
) -> Result<lettre::Message, MailError> {
    use lettre::message::MultiPart;
    let from = from
        .parse()
        .map_err(|e| MailError::Message(format!("from address: {e}")))?;
    let to = email
        .to
        .parse()
        .map_err(|e| MailError::Message(format!("to address: {e}")))?;
    lettre::Message::builder()
        .from(from)
        .to(to)
        .subject(email.subject.clone())
        .multipart(MultiPart::alternative_plain_html(
            email.text.clone(),
            email.html.clone(),
        ))
        .map_err(|e| MailError::Message(e.to_string()))
}
