//! The authorization endpoint's decisions (RFC 6749 §4.1.1–4.1.2, OIDC Core §3.1.2): validate
//! the request, decide between login, consent and issuing a code, and remember consent.
//! A request whose client or redirect_uri cannot be trusted is answered with an error page,
//! never a redirect (RFC 6749 §4.1.2.1); every other error is redirected with `state` and `iss`.
//! Every response type of OIDC Core §3 is served (`code`, implicit and hybrid), each only for a
//! client whose grant types allow it; tokens travel in the fragment (Multiple Response Type
//! Encoding Practices §5), and a `nonce` is required whenever an id_token is returned from this
//! endpoint (OIDC Core §3.2.2.1, §3.3.2.11).

use crate::service::audit::{Entry, Kind};
use chrono::{DateTime, Utc};

use super::assurance::{self, Shortfall};
use super::authorization_response::respond;
use super::resources::{identifiers, resolve};
use super::scopes::requested_scopes;
pub use super::valid_request::ValidRequest;
use super::{refusal, OAuthError, OAuthErrorCode};
use crate::domain::{
    acr_values_require_mfa, oversized_param, redirect_uri_matches, Client, ClientType,
    CodeChallenge, Consent, GrantType, Prompt, ResponseMode, ResponseType, ScopeSet, Session, User,
    MAX_PARAM_BYTES,
};
use crate::service::clients::ClientLookupError;
use crate::service::{access, Services};
use crate::store::StoreError;

/// The raw parameters of an authorization request.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
pub struct AuthorizeParams {
    pub response_type: Option<String>,
    pub client_id: Option<String>,
    pub redirect_uri: Option<String>,
    pub scope: Option<String>,
    pub state: Option<String>,
    pub nonce: Option<String>,
    pub code_challenge: Option<String>,
    pub code_challenge_method: Option<String>,
    pub prompt: Option<String>,
    pub max_age: Option<String>,
    /// Requested authentication context classes (OIDC Core §3.1.2.1), space-separated.
    pub acr_values: Option<String>,
    pub login_hint: Option<String>,
    pub ui_locales: Option<String>,
    pub response_mode: Option<String>,
    /// A pushed request's reference (RFC 9126 §4); the other parameters are then ignored.
    pub request_uri: Option<String>,
    /// `resource` (RFC 8707 §2), repeatable, so not read by serde: the web layer collects the
    /// values (`web::resource_params`), a pushed request keeps them space-separated.
    #[serde(skip)]
    pub resource: Vec<String>,
    /// The thumbprint of the DPoP key the code is for (RFC 9449 §10): its exchange must
    /// present a proof of that key.
    pub dpop_jkt: Option<String>,
}

impl super::resources::TakesResources for AuthorizeParams {
    fn set_resources(&mut self, resources: Vec<String>) {
        self.resource = resources;
    }
}

/// Why a request fails.
#[derive(Debug)]
pub enum AuthorizeError {
    /// The client or redirect URI cannot be trusted: show an error page, do not redirect.
    Page(String),
    /// Redirect the error to the client.
    Redirect {
        redirect_uri: String,
        mode: ResponseMode,
        state: Option<String>,
        error: OAuthError,
    },
}

/// What the endpoint does next.
#[derive(Debug)]
pub enum Next {
    /// Send the browser to the login page, then back to this request.
    Login,
    /// Ask the signed-in person for their second factor (a step-up), then back to this request.
    StepUp,
    /// A second factor is required and the person has none: tell them how to add one, and
    /// offer to take the error back to the client.
    SecondFactorMissing(Box<AuthorizeError>),
    /// Ask the user; the page shows the client and the scopes.
    Consent(Box<ValidRequest>),
    /// Redirect to the client with the response parameters (code and/or tokens).
    Redirect {
        redirect_uri: String,
        mode: ResponseMode,
        state: Option<String>,
        params: Vec<(&'static str, String)>,
    },
}

pub(super) fn redirect_err(v: &ValidRequest, error: OAuthError) -> AuthorizeError {
    AuthorizeError::Redirect {
        redirect_uri: v.redirect_uri.clone(),
        mode: v.response_mode,
        state: v.state.clone(),
        error,
    }
}

/// The client and the redirect URI, or an error page.
async fn trusted_target(
    svc: &Services,
    p: &AuthorizeParams,
) -> Result<(Client, String), AuthorizeError> {
    let id = p.client_id.as_deref().filter(|s| !s.is_empty());
    let id = id.ok_or_else(|| AuthorizeError::Page(refusal::MISSING_CLIENT_ID.into()))?;
    let client = match crate::service::clients::find_client(svc, id).await {
        Ok(c) => c,
        Err(ClientLookupError::Metadata(e)) => {
            tracing::info!(client_id = id, error = %e, "client metadata document refused");
            return Err(AuthorizeError::Page(refusal::CLIENT_METADATA.into()));
        }
        Err(ClientLookupError::Store(StoreError::NotFound)) => {
            return Err(AuthorizeError::Page(refusal::UNKNOWN_CLIENT.into()))
        }
        Err(ClientLookupError::Store(e)) => {
            return Err(AuthorizeError::Page(format!(
                "{}: {}",
                refusal::UNAVAILABLE,
                OAuthError::from(e).description
            )))
        }
    };
    let uri = match p.redirect_uri.as_deref() {
        Some(u) => client
            .redirect_uris
            .iter()
            .any(|r| redirect_uri_matches(r, u))
            .then(|| u.to_owned()),
        None if client.redirect_uris.len() == 1 => Some(client.redirect_uris[0].clone()),
        None => None,
    };
    let uri = uri.ok_or_else(|| AuthorizeError::Page(refusal::REDIRECT_URI.into()))?;
    Ok((client, uri))
}

/// Validates every parameter (RFC 6749 §4.1.1, RFC 7636 §4.3, OIDC Core §3.1.2.1).
pub async fn validate(svc: &Services, p: &AuthorizeParams) -> Result<ValidRequest, AuthorizeError> {
    let (client, redirect_uri) = trusted_target(svc, p).await?;
    let oversized = oversized_param(&[
        ("state", p.state.as_deref()),
        ("nonce", p.nonce.as_deref()),
        ("login_hint", p.login_hint.as_deref()),
        ("scope", p.scope.as_deref()),
        ("prompt", p.prompt.as_deref()),
        ("ui_locales", p.ui_locales.as_deref()),
        ("response_type", p.response_type.as_deref()),
        ("response_mode", p.response_mode.as_deref()),
        ("code_challenge", p.code_challenge.as_deref()),
        ("code_challenge_method", p.code_challenge_method.as_deref()),
        ("max_age", p.max_age.as_deref()),
        ("dpop_jkt", p.dpop_jkt.as_deref()),
        ("acr_values", p.acr_values.as_deref()),
    ]);
    let mut v = ValidRequest {
        response_type: ResponseType::default(),
        response_mode: ResponseMode::Query,
        scopes: ScopeSet::default(),
        // An over-long state is not echoed back.
        state: p.state.clone().filter(|_| oversized != Some("state")),
        nonce: p.nonce.clone(),
        challenge: None,
        prompt: Prompt::default(),
        max_age: None,
        require_mfa: false,
        client,
        redirect_uri,
        resources: Vec::new(),
        dpop_jkt: None,
    };
    if let Some(name) = oversized {
        let why = format!("{name} is longer than {MAX_PARAM_BYTES} bytes");
        return Err(redirect_err(&v, OAuthError::invalid_request(why)));
    }
    response_shape(&mut v, p)?;
    v.resources = resolve(svc, &p.resource)
        .await
        .map_err(|e| redirect_err(&v, e))?;
    v.scopes = requested_scopes(&v.client, p.scope.as_deref(), &v.resources)
        .map_err(|e| redirect_err(&v, e))?;
    oidc_requirements(&v).map_err(|e| redirect_err(&v, e))?;
    v.challenge = match (&p.code_challenge, v.client.client_type) {
        _ if !v.response_type.code => None,
        (Some(c), _) => Some(
            CodeChallenge::parse(c, p.code_challenge_method.as_deref())
                .map_err(|e| redirect_err(&v, OAuthError::invalid_request(e.message)))?,
        ),
        (None, ClientType::Public) => {
            return Err(redirect_err(
                &v,
                OAuthError::invalid_request(
                    "public clients must use PKCE (code_challenge with S256)",
                ),
            ))
        }
        (None, ClientType::Confidential) => None,
    };
    v.dpop_jkt = super::dpop::parse_jkt(p.dpop_jkt.as_deref()).map_err(|e| redirect_err(&v, e))?;
    v.prompt = Prompt::parse(p.prompt.as_deref())
        .map_err(|e| redirect_err(&v, OAuthError::invalid_request(e.message)))?;
    v.max_age = match p.max_age.as_deref() {
        None | Some("") => None,
        Some(s) => Some(s.parse::<i64>().ok().filter(|n| *n >= 0).ok_or_else(|| {
            redirect_err(
                &v,
                OAuthError::invalid_request("max_age must be a non-negative integer"),
            )
        })?),
    };
    v.require_mfa =
        v.client.require_mfa || p.acr_values.as_deref().is_some_and(acr_values_require_mfa);
    Ok(v)
}

/// The response type and mode, and whether the client's grant types allow them: the code part
/// needs `authorization_code`, any token from this endpoint needs `implicit`.
fn response_shape(v: &mut ValidRequest, p: &AuthorizeParams) -> Result<(), AuthorizeError> {
    let rt = match p.response_type.as_deref().filter(|s| !s.is_empty()) {
        None => {
            let e = OAuthError::invalid_request("response_type is required");
            return Err(redirect_err(v, e));
        }
        Some(s) => ResponseType::parse(s).map_err(|e| {
            redirect_err(
                v,
                OAuthError::new(OAuthErrorCode::UnsupportedResponseType, e.message),
            )
        })?,
    };
    v.response_type = rt;
    v.response_mode = rt.default_mode();
    v.response_mode = ResponseMode::choose(p.response_mode.as_deref(), rt)
        .map_err(|e| redirect_err(v, OAuthError::invalid_request(e.message)))?;
    let refused = if rt.code && !v.client.allows_grant(GrantType::AuthorizationCode) {
        Some("this client may not use the authorization code grant")
    } else if rt.returns_tokens() && !v.client.allows_grant(GrantType::Implicit) {
        Some("this client may not receive tokens from the authorization endpoint (implicit)")
    } else {
        None
    };
    match refused {
        Some(why) => Err(redirect_err(v, OAuthError::unauthorized_client(why))),
        None => Ok(()),
    }
}

/// An id_token from this endpoint needs the `openid` scope and a `nonce` (OIDC Core
/// §3.2.2.1, §3.3.2.11): the nonce is what binds it to the client's session.
fn oidc_requirements(v: &ValidRequest) -> Result<(), OAuthError> {
    if !v.response_type.id_token {
        return Ok(());
    }
    if !v.scopes.contains("openid") {
        return Err(OAuthError::invalid_scope(
            "a response type with id_token needs the openid scope",
        ));
    }
    if v.nonce.as_deref().is_none_or(str::is_empty) {
        return Err(OAuthError::invalid_request(
            "nonce is required when an id_token is returned from the authorization endpoint",
        ));
    }
    Ok(())
}

/// Whether the session is recent enough for `max_age` and `prompt=login` was not asked.
fn session_usable(v: &ValidRequest, session: &Session, now: DateTime<Utc>) -> bool {
    let fresh = v
        .max_age
        .is_none_or(|m| (now - session.auth_time).num_seconds() <= m);
    fresh && !v.prompt.login
}

/// Decides what happens to a validated request given the browser's session.
pub async fn decide(
    svc: &Services,
    mut v: ValidRequest,
    session: Option<&(Session, User)>,
) -> Result<Next, AuthorizeError> {
    let now = svc.now();
    let Some((session, user)) = session.filter(|(s, _)| session_usable(&v, s, now)) else {
        if v.prompt.none {
            return Err(redirect_err(
                &v,
                OAuthError::new(OAuthErrorCode::LoginRequired, "the user is not logged in"),
            ));
        }
        return Ok(Next::Login);
    };
    if let Some(next) = unmet_assurance(svc, &v, session, user).await? {
        return Ok(next);
    }
    v.scopes = access::grantable(user, v.scopes.iter());
    let remembered = match svc
        .stores
        .consents
        .get_consent(&user.id, &v.client.client_id)
        .await
    {
        Ok(c) => {
            v.scopes.iter().all(|s| c.scopes.iter().any(|x| x == s))
                && identifiers(&v.resources)
                    .iter()
                    .all(|r| c.resources.contains(r))
        }
        Err(StoreError::NotFound) => false,
        Err(e) => return Err(redirect_err(&v, e.into())),
    };
    // A client described by a metadata document is whoever controls its URL today: what a
    // person allowed earlier is asked again each time.
    let consented = !v.client.from_metadata_document()
        && (v.client.first_party || (remembered && !v.prompt.consent));
    if !consented {
        if v.prompt.none {
            return Err(redirect_err(
                &v,
                OAuthError::new(
                    OAuthErrorCode::ConsentRequired,
                    "the user has not consented to these scopes",
                ),
            ));
        }
        return Ok(Next::Consent(Box::new(v)));
    }
    grant_code(svc, v, session, user).await
}

/// What happens instead of consent or a code when the session lacks the second factor the
/// request needs (`assurance::shortfall`).
async fn unmet_assurance(
    svc: &Services,
    v: &ValidRequest,
    session: &Session,
    user: &User,
) -> Result<Option<Next>, AuthorizeError> {
    let shortfall = assurance::shortfall(svc, v, session, user).await;
    match shortfall.map_err(|e| redirect_err(v, e))? {
        Shortfall::None => Ok(None),
        Shortfall::StepUp => Ok(Some(Next::StepUp)),
        Shortfall::Missing(e) => Ok(Some(Next::SecondFactorMissing(Box::new(redirect_err(
            v, e,
        ))))),
        Shortfall::Refused(e) => Err(redirect_err(v, e)),
    }
}

/// Issues the code and/or tokens for an authorized request.
async fn grant_code(
    svc: &Services,
    v: ValidRequest,
    session: &Session,
    user: &User,
) -> Result<Next, AuthorizeError> {
    let params = respond(svc, &v, session, user)
        .await
        .map_err(|e| redirect_err(&v, e))?;
    Ok(Next::Redirect {
        redirect_uri: v.redirect_uri,
        mode: v.response_mode,
        state: v.state,
        params,
    })
}

/// The user's answer on the consent page: allow remembers the scopes and issues a code; deny
/// redirects `access_denied`.
pub async fn answer_consent(
    svc: &Services,
    v: ValidRequest,
    session: &(Session, User),
    allow: bool,
) -> Result<Next, AuthorizeError> {
    let (session, user) = session;
    if let Some(next) = unmet_assurance(svc, &v, session, user).await? {
        return Ok(next);
    }
    if !allow {
        return Err(redirect_err(
            &v,
            OAuthError::new(OAuthErrorCode::AccessDenied, "the user denied the request"),
        ));
    }
    let v = ValidRequest {
        scopes: access::grantable(user, v.scopes.iter()),
        ..v
    };
    let now = svc.now();
    let previous = match svc
        .stores
        .consents
        .get_consent(&user.id, &v.client.client_id)
        .await
    {
        Ok(c) => Some(c),
        Err(StoreError::NotFound) => None,
        Err(e) => return Err(redirect_err(&v, e.into())),
    };
    let mut scopes = previous
        .as_ref()
        .map(|c| c.scopes.clone())
        .unwrap_or_default();
    scopes.extend(v.scopes.iter().map(str::to_owned));
    scopes.sort();
    scopes.dedup();
    let mut resources = previous
        .as_ref()
        .map(|c| c.resources.clone())
        .unwrap_or_default();
    resources.extend(identifiers(&v.resources));
    resources.sort();
    resources.dedup();
    let consent = Consent {
        user_id: user.id.clone(),
        client_id: v.client.client_id.clone(),
        scopes,
        resources,
        created_at: previous.map_or(now, |c| c.created_at),
        updated_at: now,
    };
    svc.stores
        .consents
        .put_consent(&consent)
        .await
        .map_err(|e| redirect_err(&v, e.into()))?;
    let granted = Entry::user(Kind::ConsentGranted, &user.id).app(&consent.client_id);
    svc.audit
        .record(granted.detail("scope", consent.scopes.join(" ")));
    grant_code(svc, v, session, user).await
}
