//! Writes each email as an `.eml` file under `{data_dir}/mail`: the zero-configuration mailer.
//! The files hold live links (password reset, verification): the directory is created `0700`
//! and each file `0600`.

use std::io::Write as _;
use std::path::{Path, PathBuf};

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
        let name = format!(
            "{}-{}.eml",
            chrono::Utc::now().format("%Y%m%dT%H%M%S%.3f"),
            uuid::Uuid::new_v4().simple()
        );
        let path = self.dir.join(name);
        let (dir, file) = (self.dir.clone(), path.clone());
        tokio::task::spawn_blocking(move || write_private(&dir, &file, &msg.formatted()))
            .await
            .map_err(|e| MailError::Transport(e.to_string()))??;
        tracing::info!(path = %path.display(), subject = %email.subject, "email written to file");
        Ok(())
    }
}

fn write_private(dir: &Path, path: &Path, bytes: &[u8]) -> Result<(), MailError> {
    crate::data_dir::create_private_dir(dir)
        .map_err(|e| MailError::Transport(format!("{}: {e}", dir.display())))?;
    crate::data_dir::private_file_options()
        .create_new(true)
        .open(path)
        .and_then(|mut f| f.write_all(bytes))
        .map_err(|e| MailError::Transport(format!("{}: {e}", path.display())))
}
