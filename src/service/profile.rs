//! A person's own account: display name, password change (the other sessions end) and change
//! of email address (a link to the NEW address; the account keeps the old one until it is
//! followed, see `email_verification`).

use super::email::{send_link, EmailKind};
use super::{password_policy, ServiceError, Services, Validation};
use crate::domain::{DomainError, EmailAddress, User};
use crate::store::StoreError;

/// Longest display name, in characters.
pub const MAX_DISPLAY_NAME: usize = 64;

/// A repeated password must match (pages send one; the API does not).
pub fn check_confirmation(password: &str, confirm: Option<&str>) -> Result<(), ServiceError> {
    match confirm {
        Some(c) if c != password => Err(DomainError::new(
            "password_confirm",
            "does not match the password",
        )
        .with_code("mismatch")
        .into()),
        _ => Ok(()),
    }
}

/// Sets (or, when blank, removes) the display name.
pub async fn update_display_name(
    svc: &Services,
    user_id: &str,
    display_name: Option<&str>,
) -> Result<User, ServiceError> {
    let name = display_name.map(str::trim).filter(|d| !d.is_empty());
    if let Some(n) = name {
        if n.chars().count() > MAX_DISPLAY_NAME || n.chars().any(char::is_control) {
            return Err(DomainError::new(
                "display_name",
                format!(
                    "must be at most {MAX_DISPLAY_NAME} characters, without control characters"
                ),
            )
            .with_code("too_long")
            .into());
        }
    }
    let mut user = svc.stores.users.get_user(user_id).await?;
    user.display_name = name.map(str::to_owned);
    user.updated_at = svc.now();
    svc.stores.users.update_user(&user).await?;
    Ok(user)
}

/// A change of password: the current one, the new one and (on pages) its confirmation.
pub struct PasswordChange<'a> {
    pub current: &'a str,
    pub new: &'a str,
    pub confirm: Option<&'a str>,
    /// The digest-named session to keep (the one making the change); every other one ends.
    pub keep_session: Option<&'a str>,
}

/// Changes the password after checking the current one; ends the account's other sessions.
pub async fn change_password(
    svc: &Services,
    user: &User,
    change: PasswordChange<'_>,
) -> Result<(), ServiceError> {
    let mut v = Validation::default();
    let mut user = svc.stores.users.get_user(&user.id).await?;
    if !svc
        .hasher
        .verify(change.current, Some(&user.password_hash))
        .await?
    {
        v.push(DomainError::new("current_password", "is not correct").with_code("wrong"));
    }
    if let Err(ServiceError::Invalid(errs)) = check_confirmation(change.new, change.confirm) {
        errs.into_iter().for_each(|e| v.push(e));
    }
    v.check(password_policy::check(
        change.new,
        user.username.as_str(),
        user.email.as_str(),
        svc.accounts.min_password_len,
    ));
    v.finish()?;
    user.password_hash = svc.hasher.hash(change.new).await?;
    user.updated_at = svc.now();
    svc.stores.users.update_user(&user).await?;
    let ended = svc
        .stores
        .sessions
        .delete_sessions_for_user(&user.id, change.keep_session)
        .await?;
    tracing::info!(user_id = %user.id, sessions_ended = ended, "password changed");
    Ok(())
}

/// Sends a confirmation link to `new_email`; the address changes when it is followed.
pub async fn request_email_change(
    svc: &Services,
    user: &User,
    new_email: &str,
) -> Result<(), ServiceError> {
    let address = EmailAddress::parse(new_email)?;
    if address.key() == user.email.key() {
        return Err(
            DomainError::new("email", "is already the address of the account")
                .with_code("unchanged")
                .into(),
        );
    }
    match svc.stores.users.find_user_by_email(&address.key()).await {
        Ok(_) => return Err(ServiceError::Conflict("email")),
        Err(StoreError::NotFound) => {}
        Err(e) => return Err(e.into()),
    }
    send_link(svc, user, EmailKind::ChangeEmail, address.as_str()).await?;
    tracing::info!(user_id = %user.id, "email change requested");
    Ok(())
}
