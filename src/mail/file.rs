//! Writes each email as an `.eml` file under `{data_dir}/mail`: the zero-configuration mailer.

use std::path::PathBuf;

use async_trait::async_trait;

use super::{build_message, MailError, Mailer, OutgoingEmail};

pub struct FileMailer {
    dir: PathBuf,
    from: String,
}

impl FileMailer {
    pub fn new(dir: PathBuf, from: String) -> Self {
        Self { dir, from }
    }
}

#[async_trait]
impl Mailer for FileMailer {
    async fn send(&self, email: &OutgoingEmail) -> Result<(), MailError> {
        let msg = build_message(&self.from, email)?;
        tokio::fs::create_dir_all(&self.dir)
            .await
            .map_err(|e| MailError::Transport(format!("{}: {e}", self.dir.display())))?;
        let name = format!(
            "{}-{}.eml",
            chrono::Utc::now().format("%Y%m%dT%H%M%S%.3f"),
            uuid::Uuid::new_v4().simple()
        );
        let path = self.dir.join(name);
        tokio::fs::write(&path, msg.formatted())
            .await
            .map_err(|e| MailError::Transport(format!("{}: {e}", path.display())))?;
        tracing::info!(path = %path.display(), subject = %email.subject, "email written to file");
        Ok(())
    }
}
