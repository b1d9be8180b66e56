//! First start: an empty store gets an admin account, so a fresh install can be used at once.

use secrecy::{ExposeSecret, SecretString};

use super::accounts::{create_user, NewUser};
use super::{ServiceError, Services};
use crate::crypto;

/// The admin created on first start; `generated_password` is set when none was configured and
/// must be shown to the operator once.
pub struct CreatedAdmin {
    pub username: String,
    pub generated_password: Option<SecretString>,
}

/// Creates the admin account when the store has no user at all; `None` otherwise.
pub async fn ensure_admin(
    svc: &Services,
    username: &str,
    email: &str,
    password: Option<&SecretString>,
) -> Result<Option<CreatedAdmin>, ServiceError> {
    if svc.stores.users.count_users().await? > 0 {
        return Ok(None);
    }
    let generated = password
        .is_none()
        .then(|| SecretString::from(crypto::random_string(15)));
    let pw = password
        .or(generated.as_ref())
        .map(|p| p.expose_secret().to_owned());
    let user = create_user(
        svc,
        NewUser {
            username: username.to_owned(),
            email: email.to_owned(),
            password: pw.unwrap_or_default(),
            display_name: Some("Administrator".into()),
            is_admin: true,
            email_verified: true,
        },
    )
    .await;
    match user {
        Ok(u) => Ok(Some(CreatedAdmin {
            username: u.username.to_string(),
            generated_password: generated,
        })),
        // Another process sharing the store created it first.
        Err(ServiceError::Conflict(_)) => Ok(None),
        Err(e) => Err(e),
    }
}
