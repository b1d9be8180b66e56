//! The resource owner password credentials grant (RFC 6749 §4.3), OFF unless the app enables
//! it: the user's password is verified exactly as on the login page (`login::login`: the same
//! argon2 pool, a dummy hash for unknown users, the throttle per account and per client IP,
//! the email-verification switch), and a new grant is created. Accounts with two-step
//! verification on are refused (`invalid_grant`): the grant cannot carry the second step. Its place in the hashing queue
//! is taken before the client is authenticated ([`admit`]), so a flood is refused before it
//! costs a store read. A throttled request keeps
//! RFC 6749's `invalid_grant` (§5.2 has no rate-limit error) with the wait in
//! `error_description`.

use super::issue::{self, Subject, TokenSet};
use super::resources::{identifiers, permitted_scopes, resolve};
use super::scopes::narrow;
use super::token_request::TokenRequest;
use super::OAuthError;
use crate::crypto::Admission;
use crate::domain::{Client, Grant, GrantType, ResourceServer, ScopeSet, User};
use crate::service::audit::{Entry, Kind};
use crate::service::login::{self, login_admitted, LoginError};
use crate::service::{access, Services};

/// A password grant's place in the hashing queue, taken before any store work (the client's
/// authentication included); 503 `temporarily_unavailable` when full.
pub fn admit(svc: &Services, req: &TokenRequest) -> Result<Admission, OAuthError> {
    let username = req.username.as_deref().unwrap_or_default();
    Ok(login::admit(svc, username, req.client_ip)?)
}

/// A password grant that took a place and whose client then failed to authenticate counts
/// against its address's place in line, as a wrong password would.
pub fn client_refused(svc: &Services, req: &TokenRequest) {
    let throttle = &svc.login_throttle;
    throttle.remember_failure(None, req.client_ip, svc.now());
}

/// Requested scopes (absent or blank: the client's), all registered (for resources: all they
/// permit); `admin` only for admins.
fn scopes_for(
    client: &Client,
    asked: Option<&str>,
    user: &User,
    servers: &[ResourceServer],
) -> Result<ScopeSet, OAuthError> {
    let registered = access::grantable(user, permitted_scopes(client, servers)?.iter());
    narrow(&registered, asked, || {
        "a requested scope is not registered for this client or not grantable"
    })
}

/// A password alone does not sign in an account with two-step verification on, and this grant
/// has no way to ask for the code: such accounts use the browser (authorization code flow).
async fn refuse_second_factor(svc: &Services, user: &User) -> Result<(), OAuthError> {
    if crate::service::two_factor::is_on(svc, &user.id).await? {
        return Err(OAuthError::invalid_grant(
            "this account uses two-step verification, which the password grant cannot ask \
             for; sign in through the browser (authorization code flow) instead",
        ));
    }
    Ok(())
}

/// Issues tokens for a username (or email) and password, in the place taken with [`admit`]
/// (taken here when `None`).
pub async fn password_grant(
    svc: &Services,
    client: &Client,
    req: &TokenRequest,
    place: Option<Admission>,
    jkt: Option<&str>,
) -> Result<TokenSet, OAuthError> {
    let scope = req.scope.as_deref();
    let (Some(username), Some(password)) = (req.username.as_deref(), req.password.as_deref())
    else {
        return Err(OAuthError::invalid_request(
            "username and password are required",
        ));
    };
    // Refused before the password costs a hash.
    let servers = resolve(svc, &req.resources).await?;
    // Per account, and per address: the app's, or the person's for a native app; either way
    // spraying guesses over many accounts from one place is bounded.
    let place = match place {
        Some(p) => p,
        None => admit(svc, req)?,
    };
    let user = match login_admitted(svc, place, username, password, req.client_ip).await {
        Ok(u) => u,
        Err(LoginError::InvalidCredentials | LoginError::Disabled) => {
            return Err(OAuthError::invalid_grant("invalid username or password"))
        }
        Err(LoginError::Unverified) => {
            return Err(OAuthError::invalid_grant(
                "the email address is not verified",
            ))
        }
        Err(LoginError::Throttled(secs)) => {
            return Err(OAuthError::invalid_grant(format!(
                "too many failed attempts; retry in {secs} seconds"
            )))
        }
        Err(LoginError::Service(e)) => return Err(e.into()),
    };
    refuse_second_factor(svc, &user).await?;
    let entry = Entry::user(Kind::LoginSucceeded, &user.id).app(&client.client_id);
    svc.audit.record(entry.detail("grant_type", "password"));
    let scopes = scopes_for(client, scope, &user, &servers)?;
    let now = svc.now();
    let grant = Grant {
        id: uuid::Uuid::now_v7().to_string(),
        user_id: Some(user.id.clone()),
        client_id: client.client_id.clone(),
        scopes: scopes.to_vec(),
        created_at: now,
        last_used_at: now,
        expires_at: now + svc.oauth.policy.grant_ttl,
        revoked_at: None,
        auth_time: Some(now),
        resources: identifiers(&servers),
    };
    svc.stores.grants.insert_grant(&grant).await?;
    let who = Subject {
        client,
        user_id: Some(&user.id),
        grant_id: Some(&grant.id),
        auth_time: Some(now),
        acr: Some(crate::domain::ACR_PASSWORD.to_owned()),
        resources: &servers,
        jkt,
    };
    let (access_token, expires_in) = issue::access_token(svc, &who, &scopes).await?;
    let refresh_token = if client.allows_grant(GrantType::RefreshToken) {
        let (value, record) = issue::new_refresh(svc, client, &grant, &scopes.to_vec(), jkt);
        svc.stores.grants.insert_refresh(&record).await?;
        Some(value)
    } else {
        None
    };
    Ok(TokenSet {
        access_token,
        expires_in,
        refresh_token,
        scope: scopes.to_string(),
        id_token: None,
        token_type: who.token_type(),
    })
}
