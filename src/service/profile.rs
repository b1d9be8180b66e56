//! A person's own account: display name, language (of pages and emails), password change and change of email address (a link
//! to the NEW address, a notice without link to the old one; the account keeps the old address
//! until the link is followed, see `email_verification`).
//!
//! A password change is account recovery as much as a reset is: it ends the account's other
//! sessions, revokes every OAuth grant (an app authorized with a stolen password keeps
//! nothing) and deletes every outstanding emailed link (a pending change of email asked for by
//! whoever held the account), and tells the person by email. Checking the current password is a login: it goes through the
//! login throttle, with the account's login budget, in a place of the hashing queue taken
//! before the store is read.

use super::audit::{Entry, Kind};
use super::email::{send_change_notice, send_link, EmailKind};
use super::security_mail::{self, SecurityEvent};
use super::throttle::{Account, Check, ThrottleError};
use super::{login, password_policy, ServiceError, Services, Validation};
use crate::crypto::Admission;
use crate::domain::{parse_locale, ClientInfo, DomainError, EmailAddress, User};
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

/// Profile fields to change; `None` leaves a field as it is.
#[derive(Debug, Default, Clone, Copy)]
pub struct ProfileChange<'a> {
    /// The display name; blank removes it.
    pub display_name: Option<&'a str>,
    /// The language of the person's pages and emails (`en`, `zh-CN`).
    pub locale: Option<&'a str>,
}

fn check_display_name(name: &str) -> Result<(), DomainError> {
    if name.chars().count() > MAX_DISPLAY_NAME || name.chars().any(char::is_control) {
        return Err(DomainError::new(
            "display_name",
            format!("must be at most {MAX_DISPLAY_NAME} characters, without control characters"),
        )
        .with_code("too_long"));
    }
    Ok(())
}

/// Changes the profile fields given, after checking every one of them (all errors at once;
/// nothing is written when one is wrong). Answers the account as stored.
pub async fn update_profile(
    svc: &Services,
    user_id: &str,
    change: ProfileChange<'_>,
) -> Result<User, ServiceError> {
    let mut v = Validation::default();
    let name = change.display_name.map(str::trim);
    if let Some(n) = name.filter(|n| !n.is_empty()) {
        v.check(check_display_name(n));
    }
    let locale = change.locale.and_then(|l| v.check(parse_locale(l)));
    v.finish()?;
    let mut user = svc.stores.users.get_user(user_id).await?;
    let before = user.clone();
    if let Some(n) = name {
        user.display_name = Some(n).filter(|n| !n.is_empty()).map(str::to_owned);
    }
    if let Some(l) = locale {
        user.locale = Some(l.to_owned());
    }
    if user == before {
        return Ok(user);
    }
    user.updated_at = svc.now();
    svc.stores.users.update_user(&user).await?;
    Ok(user)
}

/// Sets (or, when blank, removes) the display name.
pub async fn update_display_name(
    svc: &Services,
    user_id: &str,
    display_name: Option<&str>,
) -> Result<User, ServiceError> {
    let change = ProfileChange {
        display_name: Some(display_name.unwrap_or("")),
        ..ProfileChange::default()
    };
    update_profile(svc, user_id, change).await
}

/// Remembers the language the person chose (the account page, or the language switch while
/// logged in): their pages follow it on every browser, and every email is written in it.
pub async fn set_locale(svc: &Services, user_id: &str, locale: &str) -> Result<User, ServiceError> {
    let change = ProfileChange {
        locale: Some(locale),
        ..ProfileChange::default()
    };
    update_profile(svc, user_id, change).await
}

/// A change of password: the current one, the new one and (on pages) its confirmation.
pub struct PasswordChange<'a> {
    pub current: &'a str,
    pub new: &'a str,
    pub confirm: Option<&'a str>,
    /// The digest-named session to keep (the one making the change); every other one ends.
    pub keep_session: Option<&'a str>,
    /// The client's address: wrong current passwords count against it as failed logins.
    pub client_ip: Option<std::net::IpAddr>,
    /// The client's User-Agent, told in the security email.
    pub user_agent: Option<&'a str>,
}

/// Checks the current password through the login throttle (reserve first, then verify): refused
/// while the account or the client's address is throttled; a wrong password counts as a failed
/// login, a right one clears the account's count.
async fn check_current_password(
    svc: &Services,
    place: Admission,
    user: &User,
    change: &PasswordChange<'_>,
    v: &mut Validation,
) -> Result<(), ServiceError> {
    let account = Account::User(&user.id);
    let reserved = svc
        .login_throttle
        .reserve(
            &svc.stores,
            Check::Password,
            account,
            change.client_ip,
            svc.now(),
        )
        .await;
    let attempt = match reserved {
        Ok(a) => a,
        Err(ThrottleError::Throttled(secs)) => {
            let entry = Entry::user(Kind::ThrottleRefused, &user.id).reason("throttled");
            svc.audit.record(entry.detail("check", "current_password"));
            let minutes = (secs + 59) / 60;
            let msg = format!("too many failed attempts; try again in {minutes} minutes");
            return Err(DomainError::new("current_password", msg)
                .with_code("throttled")
                .into());
        }
        Err(ThrottleError::Service(e)) => return Err(e),
    };
    if place
        .verify(change.current, Some(&user.password_hash))
        .await?
    {
        attempt.succeeded(&svc.stores).await?;
    } else {
        attempt.failed();
        let throttle = &svc.login_throttle;
        throttle.remember_failure(Some(user.username.as_str()), change.client_ip, svc.now());
        v.push(DomainError::new("current_password", "is not correct").with_code("wrong"));
    }
    Ok(())
}

/// Checks `password` as [`change_password`] checks the current one (the hashing queue, the
/// throttle); a wrong one is `Invalid` on `current_password`. For changes that need the
/// password again (turning off two-step verification).
pub async fn check_password(
    svc: &Services,
    user: &User,
    password: &str,
    client_ip: Option<std::net::IpAddr>,
) -> Result<(), ServiceError> {
    let mut v = Validation::default();
    let place = login::admit(svc, user.username.as_str(), client_ip)?;
    let user = svc.stores.users.get_user(&user.id).await?;
    let check = PasswordChange {
        current: password,
        new: "",
        confirm: None,
        keep_session: None,
        client_ip,
        user_agent: None,
    };
    check_current_password(svc, place, &user, &check, &mut v).await?;
    v.finish()
}

/// Changes the password after checking the current one. Ends the account's other sessions,
/// revokes its OAuth grants and deletes its outstanding emailed links.
pub async fn change_password(
    svc: &Services,
    user: &User,
    change: PasswordChange<'_>,
) -> Result<(), ServiceError> {
    let mut v = Validation::default();
    let place = login::admit(svc, user.username.as_str(), change.client_ip)?;
    let mut user = svc.stores.users.get_user(&user.id).await?;
    check_current_password(svc, place, &user, &change, &mut v).await?;
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
    super::sessions::end_account_access(svc, &user.id, change.keep_session, "password changed")
        .await?;
    let client = ClientInfo::new(change.client_ip, change.user_agent);
    svc.audit
        .record(Entry::user(Kind::PasswordChanged, &user.id));
    security_mail::notify(svc, &user, SecurityEvent::PasswordChanged, &client).await;
    Ok(())
}

/// Sends a confirmation link to `new_email` (unless the mail limits for that address or
/// `client_ip` are reached: the answer is the same); the address changes when it is followed.
pub async fn request_email_change(
    svc: &Services,
    user: &User,
    new_email: &str,
    client_ip: Option<std::net::IpAddr>,
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
    let (kind, now) = (EmailKind::ChangeEmail, svc.now());
    let limits = &svc.mail_limits;
    if limits
        .reserve(svc, kind, &address.key(), client_ip, now)
        .await?
    {
        send_link(svc, user, kind, address.as_str(), None).await?;
        send_change_notice(svc, user, address.as_str()).await?;
    }
    tracing::info!(user_id = %user.id, "email change requested");
    Ok(())
}
