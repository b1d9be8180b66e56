//! How JSON API callers authenticate, as declared in the spec and checked at run time.
//!
//! Two ways in, resolved to one [`Principal`]: the browser session cookie set by the login
//! page (a person using our own pages; unsafe methods must repeat the CSRF token in
//! `X-CSRF-Token`), and an OAuth 2.0 access token, added by the authorization server: a bearer
//! token (RFC 6750), or a DPoP-bound one with its proof (RFC 9449 §7). Handlers call [`authorize`] with the scope they need, and pass the
//! principal on to the use case, which decides the rest (`service::access`).

use poem::http::Method;
use poem::Request;
use poem_openapi::auth::{ApiKey, Bearer};
use poem_openapi::{OAuthScopes, SecurityScheme};

use super::dpop::proof_input;
use crate::domain::ScopeSet;
pub use crate::service::access::{Credential, Principal};
use crate::service::oauth::dpop::resource::{
    answers_with_dpop, verify_presented, Presented, Scheme,
};
use crate::service::oauth::dpop::ProofInput;
use crate::service::oauth::introspect::VerifiedAccess;
use crate::service::oauth::{OAuthError, OAuthErrorCode};
use crate::service::{sessions, ServiceError, Services};
use crate::web::csrf;

/// The browser session cookie set by `/accounts/login/`. For POST, PUT, PATCH and DELETE the
/// page's CSRF token must also be sent in the `X-CSRF-Token` header.
#[derive(SecurityScheme)]
#[oai(ty = "api_key", key_name = "ac_session", key_in = "cookie")]
pub struct SessionCookie(ApiKey);

/// The scopes an access token may carry.
#[derive(OAuthScopes)]
pub enum ApiScopes {
    /// OpenID Connect: who the user is.
    #[oai(rename = "openid")]
    Openid,
    /// Name, username and language.
    #[oai(rename = "profile")]
    Profile,
    /// Change the display name (a write permission; never the password or email).
    #[oai(rename = "profile:write")]
    ProfileWrite,
    /// Email address.
    #[oai(rename = "email")]
    Email,
    /// Group memberships.
    #[oai(rename = "groups")]
    Groups,
    /// A refresh token for access while the user is away.
    #[oai(rename = "offline_access")]
    OfflineAccess,
    /// Manage the user's registered apps.
    #[oai(rename = "apps")]
    Apps,
    /// See and revoke the user's authorized apps.
    #[oai(rename = "authorizations")]
    Authorizations,
    /// Administration (admin users only).
    #[oai(rename = "admin")]
    Admin,
}

/// An OAuth 2.0 access token (RFC 6750 `Authorization: Bearer`), a JWT issued by this server's
/// token endpoint. Swagger UI obtains one with the authorization code flow and PKCE.
#[derive(SecurityScheme)]
#[oai(
    ty = "oauth2",
    flows(authorization_code(
        authorization_url = "/oauth2/authorize",
        token_url = "/oauth2/token",
        scopes = "ApiScopes"
    ))
)]
pub struct BearerToken(Bearer);

/// A DPoP-bound access token (RFC 9449 §7.1): `Authorization: DPoP <token>`, with a `DPoP`
/// header holding a proof for this request (`htm`, `htu`, `ath`) signed by the token's key.
#[derive(SecurityScheme)]
#[oai(ty = "api_key", key_name = "Authorization", key_in = "header")]
pub struct DpopToken(ApiKey);

/// Every accepted way to authenticate an API call.
#[derive(SecurityScheme)]
pub enum ApiAuth {
    BearerToken(BearerToken),
    SessionCookie(SessionCookie),
    DpopToken(DpopToken),
}

/// The access token of an app, as a bearer or a DPoP-bound token (APIs for apps).
#[derive(SecurityScheme)]
pub enum AppToken {
    BearerToken(BearerToken),
    DpopToken(DpopToken),
}

/// Why a call is refused; `response::Failure` maps it to RFC 6750 §3.1 errors.
#[derive(Debug)]
pub enum AuthFailure {
    /// 401 `invalid_token`: missing, unknown, expired or revoked credential.
    InvalidToken(String),
    /// 401 with a `DPoP` challenge (RFC 9449 §7.1): `invalid_token` of a token sent with the
    /// DPoP scheme, `invalid_dpop_proof` or `use_dpop_nonce`.
    Dpop {
        error: &'static str,
        message: String,
    },
    /// 403 `insufficient_scope`: the credential lacks the named scope.
    InsufficientScope(&'static str),
    /// 403: a session-authenticated unsafe request without a valid CSRF token.
    Csrf,
    /// 403: the action changes a credential, which only the person's own browser session may
    /// do; an access token never may, whatever its scopes.
    SessionOnly,
    /// 403: an administrator without the second factor `accounts.require_second_factor_for_admins`
    /// requires asked to act as one.
    SecondFactorRequired,
    /// The store could not be asked.
    Service(ServiceError),
}

/// `principal` as it may act now: an administrator who must turn on two-step verification
/// first (`two_factor::admin_must_enrol`) acts as a plain user, through any credential; asked
/// for the `admin` scope, that is said plainly.
async fn enforce_admin_policy(
    svc: &Services,
    mut principal: Principal,
    scope: &str,
) -> Result<Principal, AuthFailure> {
    let must_enrol = crate::service::two_factor::admin_must_enrol(svc, &principal.user)
        .await
        .map_err(AuthFailure::Service)?;
    if must_enrol {
        if scope == crate::service::access::ADMIN_SCOPE {
            return Err(AuthFailure::SecondFactorRequired);
        }
        principal.user.is_admin = false;
    }
    Ok(principal)
}

/// A refused token as the API answers it.
fn token_refusal(scheme: Scheme, e: OAuthError) -> AuthFailure {
    match e.code {
        OAuthErrorCode::InvalidToken
        | OAuthErrorCode::InvalidDpopProof
        | OAuthErrorCode::UseDpopNonce
            if answers_with_dpop(Some(scheme), &e) =>
        {
            AuthFailure::Dpop {
                error: e.code.as_str(),
                message: e.description,
            }
        }
        OAuthErrorCode::InvalidToken => AuthFailure::InvalidToken(e.description),
        OAuthErrorCode::TemporarilyUnavailable => {
            AuthFailure::Service(ServiceError::Unavailable(anyhow::anyhow!(e.description)))
        }
        _ => AuthFailure::Service(ServiceError::Internal(anyhow::anyhow!(e.description))),
    }
}

/// Resolves an access token sent as `Bearer` or `DPoP` (the value of `Authorization`).
async fn token_principal(
    svc: &Services,
    req: &Request,
    authorization: &str,
) -> Result<Principal, AuthFailure> {
    let proof = proof_input(req);
    let presented = Presented::parse(authorization, &proof).ok_or_else(|| {
        AuthFailure::InvalidToken(
            "send the access token as 'Bearer <token>' or 'DPoP <token>'".into(),
        )
    })?;
    match verify_presented(svc, &presented).await {
        Ok(access) => principal_of(svc, access).await,
        Err(e) => Err(token_refusal(presented.scheme, e)),
    }
}

/// Resolves a bearer access token: signature, expiry, not revoked (by `jti`), grant active,
/// and a user who still exists and is not disabled; a DPoP-bound token is refused.
async fn bearer_principal(svc: &Services, token: &str) -> Result<Principal, AuthFailure> {
    let proof = ProofInput::default();
    let presented = Presented {
        scheme: Scheme::Bearer,
        token,
        proof: &proof,
    };
    match verify_presented(svc, &presented).await {
        Ok(access) => principal_of(svc, access).await,
        Err(e) => Err(token_refusal(Scheme::Bearer, e)),
    }
}

/// The principal of a verified token: its user, still existing and enabled, and its scopes.
async fn principal_of(svc: &Services, access: VerifiedAccess) -> Result<Principal, AuthFailure> {
    let Some(user_id) = access.record.user_id.as_deref() else {
        return Err(AuthFailure::InvalidToken(
            "this API needs a token issued for a user".into(),
        ));
    };
    let user = match svc.stores.users.get_user(user_id).await {
        Ok(u) if !u.disabled => {
            crate::service::audit::context::identify(&u.id);
            u
        }
        Ok(_) | Err(crate::store::StoreError::NotFound) => {
            return Err(AuthFailure::InvalidToken(
                "the user no longer exists or is disabled".into(),
            ))
        }
        Err(e) => return Err(AuthFailure::Service(e.into())),
    };
    let scopes = ScopeSet::from_strings(&access.record.scopes).unwrap_or_default();
    Ok(Principal {
        user,
        credential: Credential::Token {
            scopes,
            jti: access.record.jti,
            client_id: access.record.client_id,
        },
    })
}

/// Resolves the caller and checks it holds `scope`.
pub async fn authorize(
    svc: &Services,
    req: &Request,
    auth: &ApiAuth,
    scope: &'static str,
) -> Result<Principal, AuthFailure> {
    let principal = match auth {
        ApiAuth::BearerToken(BearerToken(bearer)) => bearer_principal(svc, &bearer.token).await?,
        ApiAuth::DpopToken(DpopToken(key)) => token_principal(svc, req, &key.key).await?,
        ApiAuth::SessionCookie(SessionCookie(key)) => {
            let unsafe_method =
                !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
            if unsafe_method
                && !csrf::verify(req.cookie(), req.header(csrf::CSRF_HEADER).unwrap_or(""))
            {
                return Err(AuthFailure::Csrf);
            }
            match sessions::resolve_session(svc, &key.key).await {
                Ok(Some((session, user))) => Principal::session(user, session.id),
                Ok(None) => {
                    return Err(AuthFailure::InvalidToken(
                        "the session has ended; log in again".into(),
                    ))
                }
                Err(e) => return Err(AuthFailure::Service(e)),
            }
        }
    };
    let principal = enforce_admin_policy(svc, principal, scope).await?;
    if !principal.has_scope(scope) {
        return Err(AuthFailure::InsufficientScope(scope));
    }
    Ok(principal)
}

/// Resolves the person's own browser session (CSRF-checked) for an action that changes a
/// credential: a bearer token is refused whatever its scopes (`Principal::may_change_credentials`).
pub async fn authorize_session(
    svc: &Services,
    req: &Request,
    auth: &ApiAuth,
) -> Result<Principal, AuthFailure> {
    let principal = authorize(svc, req, auth, "profile").await?;
    if !principal.may_change_credentials() {
        return Err(AuthFailure::SessionOnly);
    }
    Ok(principal)
}

/// Resolves an app's access token only (APIs for apps, not for our pages) and checks it holds
/// `scope`.
pub async fn authorize_app(
    svc: &Services,
    req: &Request,
    auth: &AppToken,
    scope: &'static str,
) -> Result<Principal, AuthFailure> {
    let principal = match auth {
        AppToken::BearerToken(BearerToken(bearer)) => bearer_principal(svc, &bearer.token).await?,
        AppToken::DpopToken(DpopToken(key)) => token_principal(svc, req, &key.key).await?,
    };
    let principal = enforce_admin_policy(svc, principal, scope).await?;
    if !principal.has_scope(scope) {
        return Err(AuthFailure::InsufficientScope(scope));
    }
    Ok(principal)
}
