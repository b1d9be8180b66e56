//! "Forgot password": a reset link by email, then a new password. Asking never reveals whether
//! an address is registered (same answer, and the email is sent in the background so the time
//! taken is the same too). A completed reset ends every browser session of the account,
//! revokes its OAuth grants, deletes every other link mailed for it (a pending change of email
//! included), marks the address verified (the person proved they read it) and tells the
//! person by email.
//! Links are rate limited per address and per client IP (`mail_limits`), with the same answer.

use std::net::IpAddr;

use super::audit::{Entry, Kind};
use super::email::{reserve_link, send_link, take_token, EmailKind};
use super::security_mail::{self, SecurityEvent};
use super::{password_policy, ServiceError, Services, Validation};
use crate::domain::{ClientInfo, EmailTokenPurpose};
use crate::store::StoreError;

/// Sends a reset link if an enabled account has this address and the mail limits allow it;
/// always answers the same. `next` (a local path, checked by the caller) rides in the link.
pub async fn request_reset(
    svc: &Services,
    email: &str,
    client_ip: Option<IpAddr>,
    next: Option<&str>,
) -> Result<(), ServiceError> {
    let kind = EmailKind::ResetPassword;
    match reserve_link(svc, kind, email, client_ip).await? {
        Some(u) if !u.disabled => {
            send_link(svc, &u, kind, u.email.as_str(), next).await?;
        }
        _ => {
            // Comparable store round trips (the token, the outbox), so timing does not tell
            // the cases apart.
            svc.stores
                .email_tokens
                .delete_email_tokens_for_user("-", EmailTokenPurpose::ResetPassword)
                .await?;
            svc.stores.outbox.ack_mail("-", "-").await?;
        }
    }
    tracing::info!("password reset requested");
    Ok(())
}

/// Sets a new password with a reset token. Every fault is told at once: a mismatched
/// confirmation, the password policy and a dead link together. When only the password is at
/// fault the token is put back, so the person can correct it without asking for a new link.
pub async fn confirm_reset(
    svc: &Services,
    raw_token: &str,
    new_password: &str,
    confirm: Option<&str>,
    client: &ClientInfo,
) -> Result<(), ServiceError> {
    let mut v = Validation::default();
    if let Err(ServiceError::Invalid(errs)) =
        super::profile::check_confirmation(new_password, confirm)
    {
        errs.into_iter().for_each(|e| v.push(e));
    }
    let min_len = svc.accounts.min_password_len;
    let token = match take_token(svc, raw_token, &[EmailTokenPurpose::ResetPassword]).await {
        Ok(t) => t,
        Err(ServiceError::Invalid(errs)) => {
            // Without the account only the rules that do not name it can be checked.
            errs.into_iter().for_each(|e| v.push(e));
            v.check(password_policy::check(new_password, "", "", min_len));
            return v.finish().and(Err(super::email::invalid_token()));
        }
        Err(e) => return Err(e),
    };
    let mut user = match svc.stores.users.get_user(&token.user_id).await {
        Ok(u) if !u.disabled => u,
        Ok(_) | Err(StoreError::NotFound) => return Err(super::email::invalid_token()),
        Err(e) => return Err(e.into()),
    };
    let (name, email) = (user.username.as_str(), user.email.as_str());
    v.check(password_policy::check(new_password, name, email, min_len));
    if let Err(e) = v.finish() {
        svc.stores.email_tokens.insert_email_token(&token).await?;
        return Err(e);
    }
    user.password_hash = match svc.hasher.hash(new_password).await {
        Ok(h) => h,
        Err(e) => {
            // Busy hashing: the link stays usable for a retry.
            svc.stores.email_tokens.insert_email_token(&token).await?;
            return Err(e.into());
        }
    };
    if token.email.eq_ignore_ascii_case(user.email.as_str()) {
        user.email_verified = true;
    }
    user.updated_at = svc.now();
    svc.stores.users.update_user(&user).await?;
    super::sessions::end_account_access(svc, &user.id, None, "password reset").await?;
    svc.audit.record(Entry::user(Kind::PasswordReset, &user.id));
    security_mail::notify(svc, &user, SecurityEvent::PasswordReset, client).await;
    Ok(())
}
