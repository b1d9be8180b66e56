//! `GET`/`POST /oauth2/authorize` (RFC 6749 §4.1, OIDC Core §3.1.2): the browser side of the
//! authorization code flow. Not logged in → the login page, then back here; consent needed →
//! the consent page, whose form posts back here with `decision=allow|deny` and the CSRF token;
//! authorized → a 303 to the client's redirect URI with `code` and/or tokens, `state` and `iss`
//! (RFC 9207), in the query or the fragment per the response mode (Multiple Response Type
//! Encoding Practices §2.1); errors travel the same way (OIDC Core §3.2.2.6).
//! Errors about the client or redirect URI are an error page, never a redirect. A pushed request
//! (RFC 9126) arrives as `client_id` + `request_uri` and is resolved by `service::oauth::par`.

use poem::handler;
use poem::http::StatusCode;
use poem::web::{Form, Query};
use poem::Response;
use serde::Deserialize;

use super::consent_view::consent_lists;
use super::context::{see_other, Ctx};
use crate::domain::ResponseMode;
use crate::service::oauth::authorize::{AuthorizeError, AuthorizeParams, Next, ValidRequest};
use crate::service::oauth::resources::{Resourced, TakesResources};
use crate::service::oauth::{par, OAuthError};

/// The consent form: the request's parameters again, the decision and the CSRF token.
#[derive(Default, Deserialize)]
pub struct ConsentForm {
    #[serde(flatten)]
    params: AuthorizeParams,
    decision: Option<String>,
    #[serde(default)]
    csrf_token: String,
}

impl TakesResources for ConsentForm {
    fn set_resources(&mut self, resources: Vec<String>) {
        self.params.resource = resources;
    }
}

/// The request's parameters as (name, value) pairs, `prompt=login` dropped when `drop_login`
/// (after the login it asked for, asking again would loop). A pushed request (RFC 9126) is
/// only its `client_id` and `request_uri`: the server ignores everything else.
fn param_pairs(p: &AuthorizeParams, drop_login: bool) -> Vec<(&'static str, String)> {
    if p.request_uri.is_some() {
        let fields = [("client_id", &p.client_id), ("request_uri", &p.request_uri)];
        return fields
            .into_iter()
            .filter_map(|(k, v)| v.clone().map(|v| (k, v)))
            .collect();
    }
    let prompt = p.prompt.as_ref().map(|v| {
        v.split(' ')
            .filter(|x| !(drop_login && *x == "login"))
            .collect::<Vec<_>>()
            .join(" ")
    });
    let fields: [(&'static str, &Option<String>); 15] = [
        ("response_type", &p.response_type),
        ("client_id", &p.client_id),
        ("redirect_uri", &p.redirect_uri),
        ("scope", &p.scope),
        ("state", &p.state),
        ("nonce", &p.nonce),
        ("code_challenge", &p.code_challenge),
        ("code_challenge_method", &p.code_challenge_method),
        ("prompt", &prompt),
        ("max_age", &p.max_age),
        ("acr_values", &p.acr_values),
        ("login_hint", &p.login_hint),
        ("ui_locales", &p.ui_locales),
        ("response_mode", &p.response_mode),
        ("dpop_jkt", &p.dpop_jkt),
    ];
    let resources = p.resource.iter().map(|r| ("resource", r.clone()));
    fields
        .into_iter()
        .filter_map(|(k, v)| v.as_ref().filter(|v| !v.is_empty()).map(|v| (k, v.clone())))
        .chain(resources)
        .collect()
}

/// This request again, as the local path a login or a step-up leads back to.
fn resume_path(p: &AuthorizeParams) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query.extend_pairs(param_pairs(p, true));
    format!("/oauth2/authorize?{}", query.finish())
}

fn login_redirect(p: &AuthorizeParams) -> Response {
    let next = resume_path(p);
    let mut login = url::form_urlencoded::Serializer::new(String::new());
    login.append_pair("next", &next);
    see_other(&format!("/accounts/login/?{}", login.finish()))
}

/// The second step of a login, asked of the signed-in person whose session has no second
/// factor; passing it starts a new session that has one, then the request resumes.
fn step_up(ctx: &Ctx<'_>, p: &AuthorizeParams) -> Response {
    let Ok(Some((_, user))) = &ctx.session else {
        return login_redirect(p);
    };
    let next = resume_path(p);
    let carried = super::two_factor::Carried {
        next: &next,
        lang: "",
    };
    super::two_factor::ask_for_code(ctx, user, &ctx.csrf_token(), carried)
}

/// The page of a person asked for a second factor they do not have: where to set one up
/// and the way back to the app, which gets the error.
fn second_factor_missing(ctx: &Ctx<'_>, e: AuthorizeError) -> Response {
    let AuthorizeError::Redirect {
        redirect_uri,
        mode,
        state,
        error,
    } = e
    else {
        return error_response(ctx, e);
    };
    let all = with_iss(ctx, &error_pairs(&error, state.as_deref()));
    // A form-post client gets the error from a button posting the same fields.
    let (back_href, back_fields) = match mode {
        ResponseMode::FormPost => (None, all),
        _ => (client_url(&redirect_uri, mode, &all), Vec::new()),
    };
    let page = minijinja::context! { back_href, back_fields, action => redirect_uri };
    ctx.render(StatusCode::FORBIDDEN, "second_factor_required.html", page)
}

/// `pairs` and `iss` (RFC 9207), as every response to the client carries it.
fn with_iss<'a>(ctx: &'a Ctx<'_>, pairs: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let iss = ("iss", ctx.svc.public_url.as_str());
    pairs.iter().copied().chain([iss]).collect()
}

/// The parameters of an error response (RFC 6749 §4.1.2.1).
fn error_pairs<'a>(error: &'a OAuthError, state: Option<&'a str>) -> Vec<(&'a str, &'a str)> {
    let mut pairs = vec![
        ("error", error.code.as_str()),
        ("error_description", error.description.as_str()),
    ];
    if let Some(s) = state {
        pairs.push(("state", s));
    }
    pairs
}

/// The redirect URI with `pairs` in its query or fragment (not for `form_post`).
fn client_url(redirect_uri: &str, mode: ResponseMode, pairs: &[(&str, &str)]) -> Option<String> {
    let mut url = url::Url::parse(redirect_uri).ok()?;
    match mode {
        ResponseMode::Query => {
            url.query_pairs_mut().extend_pairs(pairs);
        }
        ResponseMode::Fragment => {
            let mut f = url::form_urlencoded::Serializer::new(String::new());
            f.extend_pairs(pairs);
            url.set_fragment(Some(&f.finish()));
        }
        ResponseMode::FormPost => return None,
    }
    Some(url.into())
}

/// A 303 to the client with `pairs` and `iss` added to its redirect URI's query, or put in its
/// fragment; or, for `form_post`, a page whose form posts them to the redirect URI.
fn to_client(
    ctx: &Ctx<'_>,
    redirect_uri: &str,
    mode: ResponseMode,
    pairs: &[(&str, &str)],
) -> Response {
    let all = with_iss(ctx, pairs);
    if mode == ResponseMode::FormPost {
        return match url::Url::parse(redirect_uri) {
            Ok(url) => form_post(ctx, url.as_str(), all),
            Err(_) => ctx.error_page(StatusCode::BAD_REQUEST, "authorize.invalid"),
        };
    }
    match client_url(redirect_uri, mode, &all) {
        Some(url) => see_other(&url),
        None => ctx.error_page(StatusCode::BAD_REQUEST, "authorize.invalid"),
    }
}

/// The Form Post Response Mode page (§2): the parameters as hidden fields of a form that a
/// static script submits to `action`; never cached, since it carries the response.
fn form_post(ctx: &Ctx<'_>, action: &str, fields: Vec<(&str, &str)>) -> Response {
    let page = minijinja::context! { action, fields };
    let mut resp = ctx.render(StatusCode::OK, "form_post.html", page);
    let no_store = poem::http::HeaderValue::from_static("no-store");
    resp.headers_mut()
        .insert(poem::http::header::CACHE_CONTROL, no_store);
    resp
}

fn error_response(ctx: &Ctx<'_>, e: AuthorizeError) -> Response {
    match e {
        AuthorizeError::Page(reason) => ctx.refused_request_page(&reason),
        AuthorizeError::Redirect {
            redirect_uri,
            mode,
            state,
            error,
        } => to_client(
            ctx,
            &redirect_uri,
            mode,
            &error_pairs(&error, state.as_deref()),
        ),
    }
}

fn consent_page(ctx: &Ctx<'_>, p: &AuthorizeParams, v: &ValidRequest) -> Response {
    let host = url::Url::parse(&v.redirect_uri)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_default();
    let (scopes, resources) = consent_lists(ctx, &v.scopes, &v.resources);
    let params = param_pairs(p, true);
    // A client named by its metadata document's URL is shown by that URL's host: the name
    // in its document is only what it says of itself.
    let metadata_host = v
        .client
        .from_metadata_document()
        .then(|| url::Url::parse(&v.client.client_id).ok())
        .flatten()
        .and_then(|u| u.host_str().map(str::to_owned));
    let page = minijinja::context! {
        app => v.client.name, description => v.client.description,
        homepage => v.client.homepage_url, host, scopes, params, resources,
        metadata_host, client_id => v.client.client_id,
    };
    ctx.render(StatusCode::OK, "consent.html", page)
}

fn outcome(ctx: &Ctx<'_>, p: &AuthorizeParams, r: Result<Next, AuthorizeError>) -> Response {
    match r {
        Ok(Next::Login) => login_redirect(p),
        Ok(Next::StepUp) => step_up(ctx, p),
        Ok(Next::SecondFactorMissing(e)) => second_factor_missing(ctx, *e),
        Ok(Next::Consent(v)) => consent_page(ctx, p, &v),
        Ok(Next::Redirect {
            redirect_uri,
            mode,
            state,
            params,
        }) => {
            let mut pairs: Vec<(&str, &str)> =
                params.iter().map(|(k, v)| (*k, v.as_str())).collect();
            if let Some(s) = state.as_deref() {
                pairs.push(("state", s));
            }
            to_client(ctx, &redirect_uri, mode, &pairs)
        }
        Err(e) => error_response(ctx, e),
    }
}

async fn start(ctx: &Ctx<'_>, p: &AuthorizeParams) -> Response {
    let session = match &ctx.session {
        Ok(s) => s.as_ref(),
        Err(_) => return ctx.error_page(StatusCode::SERVICE_UNAVAILABLE, "error.unavailable"),
    };
    let r = par::authorize(ctx.svc, p, session).await;
    outcome(ctx, p, r)
}

#[handler]
pub async fn authorize_get(
    ctx: Ctx<'_>,
    Query(Resourced(p)): Query<Resourced<AuthorizeParams>>,
) -> Response {
    start(&ctx, &p).await
}

/// A form-posted authorization request (OIDC Core §3.1.2.1), or the consent page's answer.
/// Its parameters are the page's state: the language links repeat them as a GET request.
#[handler]
pub async fn authorize_post(
    mut ctx: Ctx<'_>,
    Form(Resourced(f)): Form<Resourced<ConsentForm>>,
) -> Response {
    ctx.keep(&param_pairs(&f.params, true));
    ctx.prefer_ui_locales(f.params.ui_locales.as_deref());
    let Some(decision) = f.decision.as_deref() else {
        return start(&ctx, &f.params).await;
    };
    if !ctx.csrf_ok(&f.csrf_token) {
        return ctx.error_page(StatusCode::FORBIDDEN, "error.csrf");
    }
    let session = match &ctx.session {
        Ok(Some(s)) => s,
        Ok(None) => return login_redirect(&f.params),
        Err(_) => return ctx.error_page(StatusCode::SERVICE_UNAVAILABLE, "error.unavailable"),
    };
    let r = par::answer_consent(ctx.svc, &f.params, session, decision == "allow").await;
    outcome(&ctx, &f.params, r)
}
