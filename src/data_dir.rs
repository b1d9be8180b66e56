//! The data directory on disk and what in it is secret: the directory is created `0700`, and
//! the files that hold secrets (the SQLite database with its WAL, the `.eml` files with reset
//! links, the generated key-encryption key) are created `0600`, whatever the umask. On other
//! platforms than Unix the modes are left to the system.
//!
//! When no `oauth.key_encryption_key` is configured, one is generated into
//! `{data_dir}/key-encryption-key` and used, so signing keys are never stored in plaintext.
//! Must not import the service, store or web layers.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use rand::RngCore;
use secrecy::SecretString;

/// The file a generated key-encryption key is kept in, inside the data directory.
pub const KEK_FILE: &str = "key-encryption-key";

/// Creates `dir` (and missing parents) readable by this user only; an existing directory is
/// left as it is.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Options that create a file readable and writable by this user only.
pub fn private_file_options() -> std::fs::OpenOptions {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

/// Makes an existing file readable and writable by this user only.
pub fn restrict_file(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// The key-encryption key kept in `{dir}/key-encryption-key`, generated (256 random bits) on
/// first use. Two processes starting at once on one directory agree on one key.
pub fn load_or_create_kek(dir: &Path) -> anyhow::Result<SecretString> {
    let path = dir.join(KEK_FILE);
    if let Some(key) = read_kek(&path)? {
        return Ok(key);
    }
    create_private_dir(dir)
        .with_context(|| format!("data directory {} cannot be created", dir.display()))?;
    let mut raw = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut raw);
    let key = URL_SAFE_NO_PAD.encode(raw);
    match private_file_options().create_new(true).open(&path) {
        Ok(mut file) => {
            file.write_all(format!("{key}\n").as_bytes())
                .and_then(|()| file.sync_all())
                .with_context(|| format!("cannot write {}", path.display()))?;
            tracing::warn!(
                path = %path.display(),
                "generated a key-encryption key for the signing keys: back it up with the \
                 database, or set oauth.key_encryption_key"
            );
            Ok(SecretString::from(key))
        }
        // Another process created it first: use that one.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            read_kek(&path)?.with_context(|| format!("{} is empty", path.display()))
        }
        Err(e) => Err(e).with_context(|| format!("cannot create {}", path.display())),
    }
}

fn read_kek(path: &PathBuf) -> anyhow::Result<Option<SecretString>> {
    match std::fs::read_to_string(path) {
        Ok(text) if !text.trim().is_empty() => Ok(Some(SecretString::from(text.trim().to_owned()))),
        Ok(_) => Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
}
