//! What an authorized request returns to the client (RFC 6749 §4.1.2, §4.2.2; OIDC Core
//! §3.2.2.5, §3.3.2.5): a code (its grant is stored at the exchange), an access token, an id_token, or any
//! combination the response type asks for. Tokens issued alongside a code join its grant, so a
//! replayed code revokes them too; implicit access tokens never come with a refresh token
//! (RFC 6749 §4.2.2). The id_token carries `nonce`, `auth_time`, `azp`, `sid`, and `at_hash` /
//! `c_hash` for what was issued with it (OIDC Core §3.3.2.11).

use super::codes::{issue_code, issue_code_and_grant, CodeRequest};
use super::issue::{self, IdTokenInput, Subject};
use super::resources::identifiers;
use super::valid_request::ValidRequest;
use super::OAuthError;
use crate::domain::{Grant, Session, User};
use crate::service::Services;

/// The response parameters, without `state` and `iss` (the web layer adds them).
pub async fn respond(
    svc: &Services,
    v: &ValidRequest,
    session: &Session,
    user: &User,
) -> Result<Vec<(&'static str, String)>, OAuthError> {
    let mut out = Vec::new();
    let (grant, code) = if v.response_type.code && v.response_type.token {
        let (code, grant) = issue_code_and_grant(svc, code_request(v, session, user)).await?;
        out.push(("code", code.clone()));
        (Some(grant), Some(code))
    } else if v.response_type.code {
        let code = issue_code(svc, code_request(v, session, user)).await?;
        out.push(("code", code.clone()));
        (None, Some(code))
    } else if v.response_type.token {
        (Some(implicit_grant(svc, v, session, user).await?), None)
    } else {
        (None, None)
    };
    let who = Subject {
        client: &v.client,
        user_id: Some(&user.id),
        grant_id: grant.as_ref().map(|g| g.id.as_str()),
        auth_time: Some(session.auth_time),
        acr: Some(crate::domain::acr_of(&session.amr).to_owned()),
        resources: &v.resources,
        jkt: None,
    };
    let access = if v.response_type.token {
        let (token, expires_in) = issue::access_token(svc, &who, &v.scopes).await?;
        crate::metrics::metrics().token_issued(crate::domain::GrantType::Implicit);
        out.push(("access_token", token.clone()));
        out.push(("token_type", "Bearer".to_owned()));
        out.push(("expires_in", expires_in.to_string()));
        out.push(("scope", v.scopes.to_string()));
        Some(token)
    } else {
        None
    };
    if v.response_type.id_token {
        let input = IdTokenInput {
            nonce: v.nonce.as_deref(),
            session_id: Some(&session.id),
            amr: Some(&session.amr),
            access_token: access.as_deref(),
            code: code.as_deref(),
        };
        out.push(("id_token", issue::id_token(svc, &who, &input).await?));
    }
    Ok(out)
}

fn code_request(v: &ValidRequest, session: &Session, user: &User) -> CodeRequest {
    CodeRequest {
        client_id: v.client.client_id.clone(),
        user_id: user.id.clone(),
        redirect_uri: v.redirect_uri.clone(),
        scopes: v.scopes.clone(),
        code_challenge: v.challenge.clone(),
        nonce: v.nonce.clone(),
        auth_time: session.auth_time,
        session_id: Some(session.id.clone()),
        resources: identifiers(&v.resources),
        dpop_jkt: v.dpop_jkt.clone(),
    }
}

/// The grant of an implicit access token: it cannot be refreshed, so it lasts as long as the
/// token, and it lets the user see and revoke what the app holds.
async fn implicit_grant(
    svc: &Services,
    v: &ValidRequest,
    session: &Session,
    user: &User,
) -> Result<Grant, OAuthError> {
    let now = svc.now();
    let grant = Grant {
        id: uuid::Uuid::now_v7().to_string(),
        user_id: Some(user.id.clone()),
        client_id: v.client.client_id.clone(),
        scopes: v.scopes.to_vec(),
        created_at: now,
        last_used_at: now,
        expires_at: now + issue::access_ttl(svc, &v.client, &v.resources),
        revoked_at: None,
        auth_time: Some(session.auth_time),
        resources: identifiers(&v.resources),
    };
    svc.stores.grants.insert_grant(&grant).await?;
    Ok(grant)
}
