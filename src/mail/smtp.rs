//! SMTP delivery through lettre: `smtp://` (plain, or STARTTLS with `?tls=required`),
//! `smtps://` (implicit TLS), credentials in the URL's user-info.

use async_trait::async_trait;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use super::{build_message, MailError, Mailer, OutgoingEmail};

pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: String,
}

impl SmtpMailer {
    pub fn new(url: &str, from: String) -> Result<Self, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::Transport(format!("mail.smtp_url: {e}")))?
            .timeout(Some(super::SEND_TIMEOUT))
            .build();
        Ok(Self { transport, from })
    }
}

#[async_trait]
impl Mailer for SmtpMailer {
    async fn send(&self, email: &OutgoingEmail) -> Result<(), MailError> {
        let msg = build_message(&self.from, email)?;
        self.transport
            .send(msg)
            .await
            .map(|_| ())
            .map_err(|e| match e.is_permanent() {
                true => MailError::Rejected(e.to_string()),
                false => MailError::Transport(e.to_string()),
            })
    }
}
