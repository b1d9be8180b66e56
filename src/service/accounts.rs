//! Account use cases: creating users (registration, operators, the first admin) and finding the
//! account a login names (the password check itself is `login`, behind the throttle).

use crate::domain::{DomainError, EmailAddress, User, Username};

use super::{ServiceError, Services, Validation};

/// Minimum password length when nothing else is configured.
pub const MIN_PASSWORD_LEN: usize = 10;

/// What it takes to create an account.
pub struct NewUser {
    pub username: String,
    pub email: String,
    pub password: String,
    pub display_name: Option<String>,
    pub is_admin: bool,
    pub email_verified: bool,
}

impl std::fmt::Debug for NewUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewUser")
            .field("username", &self.username)
            .field("email", &self.email)
            .field("password", &"<redacted>")
            .finish_non_exhaustive()
    }
}

/// Checks the password policy with the default minimum length (see
/// [`super::password_policy::check`] for the configured one).
pub fn check_password(password: &str, username: &str, email: &str) -> Result<(), DomainError> {
    super::password_policy::check(password, username, email, MIN_PASSWORD_LEN)
}

/// Validates every field, hashes the password and stores the account.
pub async fn create_user(svc: &Services, new: NewUser) -> Result<User, ServiceError> {
    create_user_in(svc, new, None, Validation::default()).await
}

/// `create_user` for an account whose emails are written in `locale`, adding the caller's own
/// validation failures (`v`) to the field checks so that every error is reported at once.
pub(crate) async fn create_user_in(
    svc: &Services,
    new: NewUser,
    locale: Option<String>,
    mut v: Validation,
) -> Result<User, ServiceError> {
    let username = v.check(Username::parse(new.username.trim()));
    let email = v.check(EmailAddress::parse(&new.email));
    v.check(super::password_policy::check(
        &new.password,
        new.username.trim(),
        new.email.trim(),
        svc.accounts.min_password_len,
    ));
    v.finish()?;
    let (Some(username), Some(email)) = (username, email) else {
        return Err(ServiceError::Internal(anyhow::anyhow!(
            "validated fields missing"
        )));
    };
    let password_hash = svc.hasher.hash(&new.password).await?;
    let now = svc.now();
    let user = User {
        id: uuid::Uuid::now_v7().to_string(),
        username,
        email,
        email_verified: new.email_verified,
        display_name: new.display_name.filter(|d| !d.trim().is_empty()),
        password_hash,
        is_admin: new.is_admin,
        disabled: false,
        locale,
        created_at: now,
        updated_at: now,
    };
    svc.stores.users.insert_user(&user).await?;
    tracing::info!(user_id = %user.id, admin = user.is_admin, "user created");
    Ok(user)
}

/// The account a login names: a username, or an email address when it has an `@`.
pub async fn find_by_login(svc: &Services, login: &str) -> Result<Option<User>, ServiceError> {
    let login = login.trim();
    let found = if login.contains('@') {
        svc.stores
            .users
            .find_user_by_email(&login.to_lowercase())
            .await
    } else {
        svc.stores
            .users
            .find_user_by_username(&login.to_ascii_lowercase())
            .await
    };
    match found {
        Ok(u) => Ok(Some(u)),
        Err(crate::store::StoreError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_must_be_long_and_differ_from_the_identifiers() {
        assert!(check_password("short", "jane", "j@x.io").is_err());
        assert!(check_password("JaneDoe123", "janedoe123", "j@x.io").is_err());
        assert!(check_password("a fine long password", "jane", "j@x.io").is_ok());
    }
}
