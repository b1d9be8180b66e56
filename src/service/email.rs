//! Emails that carry a one-time link: verification of an address, password reset and change of
//! email; and the notice to the old address that a change of email was asked for, which
//! carries no token at all (only a pointer to the password reset page). The token is random (256 bits), stored only as its SHA-256 digest, single use (consumed
//! by `EmailTokenStore::consume_email_token`) and expires after `accounts.email_token_ttl_secs`.
//! Links are absolute (built from the public URL) and carry the token in the query string only,
//! never in the path, because paths end up in access logs. A link may also carry `next`, the
//! local path the person was on their way to (an app's authorization request); the pages it
//! leads to check it again before using it.
//!
//! Delivery goes through the durable outbox (`email_outbox`): the request only writes the
//! message to the store, so it never waits for (or fails because of) the mail server, which
//! also keeps the response time the same whether or not an account exists; a mail server that
//! is down delays the email, it does not lose it.
//!
//! Rendering (text + HTML from templates, in the person's language) is behind [`EmailRenderer`],
//! implemented by the web layer's templates, so this module never imports poem or minijinja.

use std::net::IpAddr;

use super::security_mail::SecurityEvent;
use super::{ServiceError, Services};
use crate::crypto;
use crate::domain::{EmailAddress, EmailToken, EmailTokenPurpose, User};
use crate::mail::OutgoingEmail;
use crate::store::StoreError;

/// Which email to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailKind {
    VerifyEmail,
    ResetPassword,
    ChangeEmail,
    /// To the account's current address when a move to another one is asked for.
    ChangeEmailNotice,
    /// A security email (`security_mail`): no token, links to the reset and sessions pages.
    Security(SecurityEvent),
}

impl EmailKind {
    /// The template base name (`email/{name}.txt` and `.html`) and i18n section.
    pub fn name(self) -> &'static str {
        match self {
            Self::VerifyEmail => "verify_email",
            Self::ResetPassword => "reset_password",
            Self::ChangeEmail => "change_email",
            Self::ChangeEmailNotice => "change_email_notice",
            Self::Security(event) => event.name(),
        }
    }

    /// The template base name: one template tells every security event, from its section.
    pub fn template(self) -> &'static str {
        match self {
            Self::Security(_) => "security_notice",
            other => other.name(),
        }
    }

    /// The purpose of the token a link email carries; `None` for a notice.
    fn purpose(self) -> Option<EmailTokenPurpose> {
        match self {
            Self::VerifyEmail => Some(EmailTokenPurpose::VerifyEmail),
            Self::ResetPassword => Some(EmailTokenPurpose::ResetPassword),
            Self::ChangeEmail => Some(EmailTokenPurpose::ChangeEmail),
            Self::ChangeEmailNotice | Self::Security(_) => None,
        }
    }

    fn path(self) -> &'static str {
        match self {
            Self::VerifyEmail | Self::ChangeEmail => "/accounts/verify-email/",
            Self::ResetPassword => "/accounts/reset/",
            Self::ChangeEmailNotice | Self::Security(_) => RESET_REQUEST_PATH,
        }
    }
}

/// Where a person asks for a password reset link (no token: the page asks for the address).
pub const RESET_REQUEST_PATH: &str = "/accounts/password_reset/";

/// What a template gets to fill in.
#[derive(Debug, Clone, Default)]
pub struct EmailVars {
    pub username: String,
    pub link: String,
    pub ttl_minutes: i64,
    /// The address asked for, masked (`j***@example.com`); empty but in a notice.
    pub new_email: String,
    /// Security emails: when it happened (UTC), the browser and system families and the
    /// address it came from (empty when unknown), and the sessions page.
    pub when: String,
    pub browser: String,
    pub os: String,
    pub ip: String,
    pub sessions_link: String,
}

/// Subject, text and HTML of one email.
pub struct RenderedEmail {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Writes an email of a kind in a language (`en`, `zh-CN`; anything else falls back).
pub trait EmailRenderer: Send + Sync {
    fn render(
        &self,
        kind: EmailKind,
        lang: Option<&str>,
        vars: &EmailVars,
    ) -> anyhow::Result<RenderedEmail>;
}

/// Creates a token for `kind`, superseding older ones of the same kind, and sends the link to
/// `to` (the account's address, or the new one for a change of email) in the background.
/// `next` (a local path, checked by the caller) is added to the link.
pub async fn send_link(
    svc: &Services,
    user: &User,
    kind: EmailKind,
    to: &str,
    next: Option<&str>,
) -> Result<(), ServiceError> {
    let Some(purpose) = kind.purpose() else {
        return Err(ServiceError::Internal(anyhow::anyhow!(
            "{} carries no link",
            kind.name()
        )));
    };
    svc.stores
        .email_tokens
        .delete_email_tokens_for_user(&user.id, purpose)
        .await?;
    let raw = crypto::random_token();
    let now = svc.now();
    let token = EmailToken {
        digest: crypto::digest(&raw),
        user_id: user.id.clone(),
        purpose,
        email: to.to_owned(),
        created_at: now,
        expires_at: now + svc.accounts.email_token_ttl,
    };
    svc.stores.email_tokens.insert_email_token(&token).await?;
    let query = {
        // The serializer is not `Send`: it must be gone before the next await.
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        query.append_pair("token", &raw);
        if let Some(next) = next {
            query.append_pair("next", next);
        }
        query.finish()
    };
    let vars = EmailVars {
        username: user.username.to_string(),
        link: format!("{}{}?{}", svc.public_url, kind.path(), query),
        ttl_minutes: svc.accounts.email_token_ttl.num_minutes(),
        ..EmailVars::default()
    };
    send(svc, user, kind, to, &vars).await
}

/// Tells the account's current address that a move to `new_email` was asked for. It carries
/// no token: nothing in it can confirm or undo the change, it only points to the password
/// reset page (a reset deletes the pending link, see [`delete_all_links`]).
pub async fn send_change_notice(
    svc: &Services,
    user: &User,
    new_email: &str,
) -> Result<(), ServiceError> {
    let kind = EmailKind::ChangeEmailNotice;
    let vars = EmailVars {
        username: user.username.to_string(),
        link: format!("{}{}", svc.public_url, kind.path()),
        ttl_minutes: svc.accounts.email_token_ttl.num_minutes(),
        new_email: mask_address(new_email),
        ..EmailVars::default()
    };
    send(svc, user, kind, user.email.as_str(), &vars).await
}

/// `jane@example.com` -> `j***@example.com`: enough for the owner to recognise (or not) the
/// address, without handing it to whoever reads the old mailbox.
pub(super) fn mask_address(address: &str) -> String {
    match address.rsplit_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".to_owned(),
    }
}

/// Renders `kind` in the person's language and queues it to `to`.
pub(super) async fn send(
    svc: &Services,
    user: &User,
    kind: EmailKind,
    to: &str,
    vars: &EmailVars,
) -> Result<(), ServiceError> {
    let rendered = svc
        .emails
        .render(kind, user.locale.as_deref(), vars)
        .map_err(ServiceError::Internal)?;
    let email = OutgoingEmail {
        to: to.to_owned(),
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
    };
    super::email_outbox::enqueue(svc, email, kind.name(), &user.id).await
}

/// Deletes every link ever mailed for the account that is still outstanding (any purpose):
/// after a reset, a password change, a change of address or a disable, no earlier link may
/// be redeemed (someone who held the account briefly could have asked for one).
/// The account a link of `kind` may be mailed to: parses `email`, reserves the mail from
/// `client_ip` (counted whether or not an account has the address, so neither the limits nor
/// the answer tell), then looks the account up. `None`: no account has the address, or the
/// limits refuse the mail.
pub async fn reserve_link(
    svc: &Services,
    kind: EmailKind,
    email: &str,
    client_ip: Option<IpAddr>,
) -> Result<Option<User>, ServiceError> {
    let address = EmailAddress::parse(email)?;
    let allowed = svc
        .mail_limits
        .reserve(svc, kind, &address.key(), client_ip, svc.now())
        .await?;
    match svc.stores.users.find_user_by_email(&address.key()).await {
        Ok(u) if allowed => Ok(Some(u)),
        Ok(_) | Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

pub async fn delete_all_links(svc: &Services, user_id: &str) -> Result<u64, ServiceError> {
    Ok(svc
        .stores
        .email_tokens
        .delete_all_email_tokens_for_user(user_id)
        .await?)
}

/// Consumes a token of one of `purposes` and checks its expiry. Every failure is ONE error on
/// the `token` field: unknown, used, expired and malformed look the same.
pub async fn take_token(
    svc: &Services,
    raw: &str,
    purposes: &[EmailTokenPurpose],
) -> Result<EmailToken, ServiceError> {
    let raw = raw.trim();
    if raw.is_empty() || raw.len() > 128 {
        return Err(invalid_token());
    }
    let digest = crypto::digest(raw);
    for purpose in purposes {
        if let Some(token) = svc
            .stores
            .email_tokens
            .consume_email_token(&digest, *purpose)
            .await?
        {
            if token.is_expired(svc.now()) {
                return Err(invalid_token());
            }
            return Ok(token);
        }
    }
    Err(invalid_token())
}

/// The error of an unknown, used or expired link.
pub fn invalid_token() -> ServiceError {
    crate::domain::DomainError::new("token", "the link is invalid, used or expired")
        .with_code("invalid")
        .into()
}

#[cfg(test)]
mod tests {
    use super::mask_address;

    #[test]
    fn a_new_address_is_masked_but_its_domain() {
        assert_eq!(mask_address("mallory@evil.example"), "m***@evil.example");
        assert_eq!(mask_address("çé@例子.中国"), "ç***@例子.中国");
        assert_eq!(mask_address("no-at-sign"), "***");
    }
}
