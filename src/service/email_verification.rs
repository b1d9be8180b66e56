//! Proving ownership of an email address: the link sent at registration (or on request) marks
//! the address verified; the link sent for a change of email moves the account to the new
//! address, verified. Both links lead to the same page, `/accounts/verify-email/?token=...`.
//! A disabled account follows no link (the answer of an invalid one), and a completed change
//! of address deletes every other link mailed for the account (those sent to the old address
//! must not reach the account any more) and tells the OLD address what happened.
//! Resends are rate limited per address and per client IP (`mail_limits`), with the same answer.

use std::net::IpAddr;

use super::audit::{Entry, Kind};
use super::email::{delete_all_links, reserve_link, send_link, take_token, EmailKind};
use super::security_mail::{self, SecurityEvent};
use super::{ServiceError, Services};
use crate::domain::{ClientInfo, EmailAddress, EmailTokenPurpose, User};
use crate::store::StoreError;

/// Consumes a verification or change-of-email token and applies it.
pub async fn verify_email(
    svc: &Services,
    raw_token: &str,
    client: &ClientInfo,
) -> Result<User, ServiceError> {
    let purposes = [
        EmailTokenPurpose::VerifyEmail,
        EmailTokenPurpose::ChangeEmail,
    ];
    let token = take_token(svc, raw_token, &purposes).await?;
    let mut user = match svc.stores.users.get_user(&token.user_id).await {
        Ok(u) if !u.disabled => u,
        Ok(_) | Err(StoreError::NotFound) => return Err(super::email::invalid_token()),
        Err(e) => return Err(e.into()),
    };
    let address = EmailAddress::parse(&token.email)?;
    let old = user.email.clone();
    if address.key() != user.email.key() && token.purpose == EmailTokenPurpose::VerifyEmail {
        // The account changed address since this link was sent: it proves nothing any more.
        return Err(super::email::invalid_token());
    }
    user.email = address;
    user.email_verified = true;
    user.updated_at = svc.now();
    svc.stores.users.update_user(&user).await?;
    if token.purpose == EmailTokenPurpose::ChangeEmail {
        let links = delete_all_links(svc, &user.id).await?;
        tracing::info!(user_id = %user.id, email_links_deleted = links, "email address changed");
        svc.audit.record(Entry::user(Kind::EmailChanged, &user.id));
        let event = SecurityEvent::EmailChanged;
        let new = user.email.as_str();
        security_mail::notify_at(svc, &user, event, client, old.as_str(), new).await;
    }
    if token.purpose == EmailTokenPurpose::VerifyEmail {
        svc.audit.record(Entry::user(Kind::EmailVerified, &user.id));
    }
    tracing::info!(user_id = %user.id, "email verified");
    Ok(user)
}

/// Sends a new verification link to `email` if an unverified, enabled account has it and the
/// mail limits allow it. Says nothing about whether one does (no account enumeration).
/// `next` (a local path, checked by the caller) rides in the link.
pub async fn resend_verification(
    svc: &Services,
    email: &str,
    client_ip: Option<IpAddr>,
    next: Option<&str>,
) -> Result<(), ServiceError> {
    let kind = EmailKind::VerifyEmail;
    match reserve_link(svc, kind, email, client_ip).await? {
        Some(u) if !u.email_verified && !u.disabled => {
            send_link(svc, &u, kind, u.email.as_str(), next).await
        }
        _ => Ok(()),
    }
}

/// An administrator sending the account `user_id` a new verification link (the console's
/// "resend verification"): `NotFound` for no such account, `Refused` when its address is
/// verified already or it is disabled. The mail limits of [`resend_verification`] apply (a
/// refused reservation sends nothing, silently, as there).
pub async fn resend_verification_for(
    svc: &Services,
    user_id: &str,
    client_ip: Option<IpAddr>,
) -> Result<(), ServiceError> {
    let user = svc.stores.users.get_user(user_id).await?;
    if user.email_verified || user.disabled {
        return Err(ServiceError::Refused(
            "only an enabled account with an unverified address is sent a link".into(),
        ));
    }
    resend_verification(svc, user.email.as_str(), client_ip, None).await
}
