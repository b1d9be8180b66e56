//! Self-service account operations: register, verify an email address, reset a forgotten
//! password (request + confirm), update the profile (`PATCH /api/v1/me`) and change the
//! password. Registration and reset need no credential; the profile needs `profile:write`, and
//! the password only the person's own browser session (never an access token, whatever its
//! scopes). Requests that could reveal whether an address is registered always answer alike.

use poem_openapi::payload::Json;
use poem_openapi::{Object, OpenApi};

use super::caller::{Anyone, Caller};
use super::me::{GetMe, Me};
use super::response::{api_response, WwwAuthenticate};
use super::ApiTags;
use crate::service::{email_verification, password_reset, profile, registration};

#[derive(Default)]
pub struct AccountApi;

/// A new account.
#[derive(Object)]
pub struct RegisterRequest {
    /// 3–32 letters, digits, `_`, `.`, `-`; unique case-insensitively.
    pub username: String,
    /// Unique case-insensitively; a verification link is sent to it.
    pub email: String,
    /// At least `accounts.min_password_length` (10) characters, not the username or email,
    /// not a common password.
    pub password: String,
    /// Language of the emails sent to the account: `en` or `zh-CN`.
    pub locale: Option<String>,
}

/// An email address to which a link may be sent.
#[derive(Object)]
pub struct EmailRequest {
    pub email: String,
}

/// A one-time token from an emailed link (the `token` query parameter).
#[derive(Object)]
pub struct TokenRequest {
    pub token: String,
}

/// A password reset: the emailed token and the new password.
#[derive(Object)]
pub struct ConfirmResetRequest {
    pub token: String,
    pub new_password: String,
}

/// Profile fields to change; absent fields stay as they are.
#[derive(Object)]
pub struct UpdateMeRequest {
    /// Up to 64 characters; an empty string removes it.
    pub display_name: Option<String>,
    /// The language of the person's pages and emails: `en` or `zh-CN`.
    pub locale: Option<String>,
}

/// A change of password.
#[derive(Object)]
pub struct ChangePasswordRequest {
    pub current_password: String,
    pub new_password: String,
}

api_response! {
    RegisterResponse {
        /// The account, created unverified; a verification email is on its way.
        201 Created(Json<Me>),
    }
    RegisterError as Register {
        /// The username or the email is taken (`fields` names which).
        409 Conflict,
        /// Invalid fields (`fields` lists every problem).
        422 Invalid,
        /// Too many accounts registered from this address in the last hour
        /// (`accounts.max_registrations_per_ip_per_hour`): nothing is created (`message` says
        /// when to retry).
        429 TooManyRequests,
        /// The store is unavailable; retry later.
        503 Unavailable,
        500 Internal,
    }
}

api_response! {
    DoneResponse {
        /// Done (for requests that send an email: accepted, whether or not the address is known).
        204 Done,
    }
    DoneError as Done {
        /// Invalid fields, or an invalid, used or expired `token`.
        422 | 409 Invalid,
        /// The store is unavailable; retry later.
        503 Unavailable,
        500 Internal,
    }
}

api_response! {
    MyAccountResponse {
        /// The account, after the change.
        200 Ok(Json<Me>),
    }
    MyAccountError as MyAccount {
        /// No valid credential (RFC 6750 `invalid_token`).
        401 Unauthorized(WwwAuthenticate),
        /// The credential lacks the scope (`profile:write`), or a session call lacks its CSRF
        /// header.
        403 Forbidden(WwwAuthenticate),
        /// Invalid fields (`fields` lists every problem).
        422 | 409 Invalid,
        /// The store is unavailable; retry later.
        503 Unavailable,
        500 Internal,
    }
}

api_response! {
    ChangePasswordResponse {
        /// The account; every other session of it ended.
        200 Ok(Json<Me>),
    }
    ChangePasswordError as ChangePassword {
        /// No valid credential (RFC 6750 `invalid_token`).
        401 Unauthorized(WwwAuthenticate),
        /// The call came with an access token instead of the browser session, or without its
        /// CSRF header.
        403 Forbidden(WwwAuthenticate),
        /// Invalid fields (`current_password` when it is wrong).
        422 | 409 Invalid,
        /// Too many wrong passwords for this account or from this address: nothing is checked
        /// until the window passes (`message` says when; `fields` names `current_password`).
        429 TooManyRequests,
        /// The store is unavailable, or too many passwords are being checked; retry later.
        503 Unavailable,
        500 Internal,
    }
}

#[OpenApi(tag = "ApiTags::Account")]
impl AccountApi {
    /// Register an account
    ///
    /// Creates an unverified account and emails a verification link to its address. Needs no
    /// credential.
    #[oai(
        path = "/api/v1/users/register",
        method = "post",
        operation_id = "registerUser"
    )]
    async fn register(&self, c: Anyone<'_>, body: Json<RegisterRequest>) -> Register {
        let b = body.0;
        let reg = registration::Registration {
            username: b.username,
            email: b.email,
            password: b.password,
            password_confirm: None,
            locale: b.locale.filter(|l| matches!(l.as_str(), "en" | "zh-CN")),
            client_ip: crate::client_ip::of(c.req),
            next: None,
        };
        let user = registration::register(&c, reg).await?;
        Ok(RegisterResponse::Created(Json(Me::from(&user))))
    }

    /// Verify an email address
    ///
    /// Consumes the token of a verification (or change-of-email) link and marks the address
    /// verified (or moves the account to the new address).
    #[oai(
        path = "/api/v1/users/verify-email",
        method = "post",
        operation_id = "verifyEmail"
    )]
    async fn verify_email(&self, c: Anyone<'_>, body: Json<TokenRequest>) -> Done {
        email_verification::verify_email(&c, &body.0.token, &crate::client_ip::client_info(c.req))
            .await?;
        Ok(DoneResponse::Done)
    }

    /// Request a password reset
    ///
    /// Emails a reset link when an account has this address. The answer is the same whether or
    /// not one does.
    #[oai(
        path = "/api/v1/users/password-reset",
        method = "post",
        operation_id = "requestPasswordReset"
    )]
    async fn request_reset(&self, c: Anyone<'_>, body: Json<EmailRequest>) -> Done {
        let ip = crate::client_ip::of(c.req);
        password_reset::request_reset(&c, &body.0.email, ip, None).await?;
        Ok(DoneResponse::Done)
    }

    /// Confirm a password reset
    ///
    /// Sets a new password with the token of a reset link. Every session of the account ends
    /// and its OAuth grants are revoked.
    #[oai(
        path = "/api/v1/users/password-reset/confirm",
        method = "post",
        operation_id = "confirmPasswordReset"
    )]
    async fn confirm_reset(&self, c: Anyone<'_>, body: Json<ConfirmResetRequest>) -> Done {
        let b = body.0;
        let client = crate::client_ip::client_info(c.req);
        password_reset::confirm_reset(&c, &b.token, &b.new_password, None, &client).await?;
        Ok(DoneResponse::Done)
    }

    /// Get my account
    ///
    /// Returns the account of the person the credential belongs to. Needs the `profile` scope;
    /// `email` and `email_verified` come only with the `email` scope, `is_admin` only with
    /// `admin` (the browser session sees all); `locale` once the person chose a language.
    #[oai(path = "/api/v1/me", method = "get", operation_id = "getMe")]
    async fn get_me(&self, c: Caller<'_>) -> GetMe {
        super::me::get_me(&c).await
    }

    /// Update my profile
    ///
    /// Changes the display name and the language (of the person's pages and emails) of the
    /// caller's account; absent fields stay. Needs the `profile:write` scope (the browser
    /// session has it). Every invalid field is reported at once and nothing changes.
    #[oai(path = "/api/v1/me", method = "patch", operation_id = "updateMe")]
    async fn update_me(&self, c: Caller<'_>, body: Json<UpdateMeRequest>) -> MyAccount {
        let p = c.scope("profile:write").await?;
        let change = profile::ProfileChange {
            display_name: body.0.display_name.as_deref(),
            locale: body.0.locale.as_deref(),
        };
        let user = profile::update_profile(&c, &p.user.id, change).await?;
        Ok(MyAccountResponse::Ok(Json(Me::seen_by(&user, &p))))
    }

    /// Change my password
    ///
    /// Checks the current password and sets the new one; every other browser session of the
    /// account ends and every app's access to it is revoked. Answers the account. Only the
    /// person's own browser session may call it (with `X-CSRF-Token`); an access token gets
    /// 403 whatever its scopes. Wrong current passwords count against the login throttle.
    #[oai(
        path = "/api/v1/me/password",
        method = "post",
        operation_id = "changeMyPassword"
    )]
    async fn change_password(
        &self,
        c: Caller<'_>,
        body: Json<ChangePasswordRequest>,
    ) -> ChangePassword {
        let p = c.session().await?;
        let change = profile::PasswordChange {
            current: &body.0.current_password,
            new: &body.0.new_password,
            confirm: None,
            keep_session: p.session_id(),
            client_ip: crate::client_ip::of(c.req),
            user_agent: c.req.header("user-agent"),
        };
        profile::change_password(&c, &p.user, change).await?;
        Ok(ChangePasswordResponse::Ok(Json(Me::seen_by(&p.user, &p))))
    }
}
