//! Pushed authorization requests (RFC 9126). A client posts its authorization parameters to
//! the PAR endpoint, authenticated exactly as at the token endpoint; they are validated by the
//! authorization endpoint's own rules (`authorize::validate`, one rule set for both) and kept
//! under a random `request_uri`, bound to the client, short-lived and good for one
//! authorization response. At the authorization endpoint a `request_uri` brings back the pushed
//! parameters and only those (§4); the login and consent pages carry just `client_id` and
//! `request_uri`, and the request is used up (one atomic store call) when the answer goes back
//! to the client, so of two uses racing to that point only one gets a response.
//! An app, or the whole server, may require every authorization request to be pushed (§5); a
//! FAPI 2.0 app always must (`fapi`).
//!
//! Must not import poem or a concrete store backend.

use std::collections::BTreeMap;

use super::authorize::{self, AuthorizeError, AuthorizeParams, Next, ValidRequest};
use super::client_auth::{authenticate_client, ClientCredentials};
use super::dpop::{self, ProofInput};
use super::{fapi, refusal, OAuthError};
use crate::crypto::{digest, random_token};
use crate::domain::{request_uri_reference, PushedRequest, Session, User, REQUEST_URI_PREFIX};
use crate::service::Services;

/// The answer of the PAR endpoint (RFC 9126 §2.2).
#[derive(Debug, Clone)]
pub struct Pushed {
    pub request_uri: String,
    pub expires_in: i64,
}

/// Authenticates the client, validates `params` as the authorization endpoint would, and
/// stores them (RFC 9126 §2.1–2.3). Errors are token-endpoint style OAuth errors. A DPoP
/// proof (`dpop`, RFC 9449 §10.1) binds the code to its key, as `dpop_jkt` does.
pub async fn push(
    svc: &Services,
    creds: &ClientCredentials,
    mut params: AuthorizeParams,
    dpop: &ProofInput,
) -> Result<Pushed, OAuthError> {
    let client = authenticate_client(svc, creds).await?.client;
    if params.request_uri.is_some() {
        return Err(OAuthError::invalid_request(
            "request_uri must not be sent to the pushed authorization request endpoint",
        ));
    }
    params.client_id = Some(client.client_id.clone());
    fapi::check_request(&client, &params)?;
    let v = authorize::validate(svc, &params)
        .await
        .map_err(|e| match e {
            AuthorizeError::Page(reason) => OAuthError::invalid_request(reason),
            AuthorizeError::Redirect { error, .. } => error,
        })?;
    if let Some(proof) = dpop::check(svc, dpop, None).await? {
        if v.dpop_jkt.as_ref().is_some_and(|j| *j != proof.jkt) {
            return Err(OAuthError::invalid_request(
                "dpop_jkt is not the thumbprint of the DPoP proof's key (RFC 9449 §10.1)",
            ));
        }
        params.dpop_jkt = Some(proof.jkt);
    }
    let reference = random_token();
    let now = svc.now();
    let lifetime = svc.oauth.policy.par_lifetime;
    let request = PushedRequest {
        digest: digest(&reference),
        client_id: client.client_id,
        params: to_map(&params)?,
        created_at: now,
        expires_at: now + lifetime,
    };
    svc.stores
        .pushed_requests
        .insert_pushed_request(&request)
        .await?;
    Ok(Pushed {
        request_uri: format!("{REQUEST_URI_PREFIX}{reference}"),
        expires_in: lifetime.num_seconds(),
    })
}

/// The parameters that were sent, as stored: every present one by its wire name; the
/// `resource` values space-separated (they contain no white space: `resources::resolve`).
fn to_map(p: &AuthorizeParams) -> Result<BTreeMap<String, String>, OAuthError> {
    let value = serde_json::to_value(p).map_err(|e| OAuthError::internal(e.into()))?;
    let serde_json::Value::Object(fields) = value else {
        let why = anyhow::anyhow!("authorization parameters are not an object");
        return Err(OAuthError::internal(why));
    };
    let mut map: BTreeMap<String, String> = fields
        .into_iter()
        .filter_map(|(k, v)| v.as_str().map(|s| (k, s.to_owned())))
        .collect();
    if !p.resource.is_empty() {
        map.insert("resource".into(), p.resource.join(" "));
    }
    Ok(map)
}

fn from_map(m: &BTreeMap<String, String>) -> Result<AuthorizeParams, AuthorizeError> {
    let value = serde_json::to_value(m).and_then(serde_json::from_value::<AuthorizeParams>);
    let mut params = value.map_err(|e| {
        tracing::error!(error = %e, "a stored pushed request does not parse");
        AuthorizeError::Page(refusal::REQUEST_URI_INVALID.into())
    })?;
    params.resource = m
        .get("resource")
        .map(|r| r.split(' ').map(str::to_owned).collect())
        .unwrap_or_default();
    Ok(params)
}

/// The request the authorization endpoint serves: its parameters, and the pushed request
/// they came from, if any.
struct Resolved {
    params: AuthorizeParams,
    pushed: Option<PushedRequest>,
}

fn unavailable(e: impl Into<OAuthError>) -> AuthorizeError {
    let e: OAuthError = e.into();
    AuthorizeError::Page(format!("{}: {}", refusal::UNAVAILABLE, e.description))
}

/// The pushed parameters for `client_id` + `request_uri`, or the request as sent. A
/// `request_uri` that is not usable has no trusted redirect URI: an error page (§4).
async fn resolve(svc: &Services, p: &AuthorizeParams) -> Result<Resolved, AuthorizeError> {
    let Some(request_uri) = p.request_uri.as_deref() else {
        return Ok(Resolved {
            params: p.clone(),
            pushed: None,
        });
    };
    let invalid = || AuthorizeError::Page(refusal::REQUEST_URI_INVALID.into());
    let reference = request_uri_reference(request_uri).ok_or_else(invalid)?;
    let key = digest(reference);
    let stored = svc.stores.pushed_requests.get_pushed_request(&key);
    let pushed = stored.await.map_err(unavailable)?.ok_or_else(invalid)?;
    if !pushed.is_live(svc.now()) {
        return Err(invalid());
    }
    match p.client_id.as_deref().filter(|c| !c.is_empty()) {
        None => return Err(AuthorizeError::Page(refusal::MISSING_CLIENT_ID.into())),
        Some(c) if c != pushed.client_id => {
            return Err(AuthorizeError::Page(
                refusal::REQUEST_URI_OTHER_CLIENT.into(),
            ))
        }
        Some(_) => {}
    }
    let mut params = from_map(&pushed.params)?;
    params.client_id = Some(pushed.client_id.clone());
    Ok(Resolved {
        params,
        pushed: Some(pushed),
    })
}

/// Validates the resolved request; a request that was not pushed is refused when the server
/// or the app requires PAR (§5), redirected since its redirect URI is registered.
async fn validate(
    svc: &Services,
    r: &Resolved,
    session: Option<&(Session, User)>,
) -> Result<ValidRequest, AuthorizeError> {
    let mut v = authorize::validate(svc, &r.params).await?;
    let required = svc.oauth.policy.require_par || v.client.require_pushed_authorization_requests;
    if r.pushed.is_none() {
        if let Some(e) = fapi::push_required(&v.client) {
            return Err(authorize::redirect_err(&v, e));
        }
    }
    if r.pushed.is_none() && required {
        let why = "this client must push its authorization requests to /oauth2/par first";
        return Err(authorize::redirect_err(
            &v,
            OAuthError::invalid_request(why),
        ));
    }
    fapi::check_request(&v.client, &r.params).map_err(|e| authorize::redirect_err(&v, e))?;
    // The pushed parameters cannot change, so `prompt=login` is satisfied by a login that
    // happened after the request was pushed, instead of by dropping it from the next request.
    if let (Some(pushed), Some((s, _))) = (&r.pushed, session) {
        if s.auth_time >= pushed.created_at {
            v.prompt.login = false;
        }
    }
    Ok(v)
}

/// Uses up the pushed request once the answer goes back to the client; losing the race to
/// another use of the same `request_uri` turns the answer into an error page. A code issued
/// for the losing use is stored but never delivered, and simply expires.
async fn finish(
    svc: &Services,
    r: &Resolved,
    outcome: Result<Next, AuthorizeError>,
) -> Result<Next, AuthorizeError> {
    let answers = matches!(
        outcome,
        Ok(Next::Redirect { .. }) | Err(AuthorizeError::Redirect { .. })
    );
    let Some(pushed) = r.pushed.as_ref().filter(|_| answers) else {
        return outcome;
    };
    let taken = svc
        .stores
        .pushed_requests
        .take_pushed_request(&pushed.digest);
    match taken.await.map_err(unavailable)? {
        Some(_) => outcome,
        None => Err(AuthorizeError::Page(refusal::REQUEST_URI_INVALID.into())),
    }
}

/// The authorization endpoint: a pushed or direct request, decided for this browser.
pub async fn authorize(
    svc: &Services,
    p: &AuthorizeParams,
    session: Option<&(Session, User)>,
) -> Result<Next, AuthorizeError> {
    let r = resolve(svc, p).await?;
    let outcome = match validate(svc, &r, session).await {
        Ok(v) => authorize::decide(svc, v, session).await,
        Err(e) => Err(e),
    };
    finish(svc, &r, outcome).await
}

/// The consent page's answer for a pushed or direct request.
pub async fn answer_consent(
    svc: &Services,
    p: &AuthorizeParams,
    session: &(Session, User),
    allow: bool,
) -> Result<Next, AuthorizeError> {
    let r = resolve(svc, p).await?;
    let outcome = match validate(svc, &r, Some(session)).await {
        Ok(v) => authorize::answer_consent(svc, v, session, allow).await,
        Err(e) => Err(e),
    };
    finish(svc, &r, outcome).await
}
