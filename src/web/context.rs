//! What every page handler starts from: the services, templates, the request's language, the
//! cookie jar, the CSRF token and the logged-in user (if any), the page's state that the
//! language links keep, and how a page is answered (HTML, security headers,
//! `Cache-Control: no-store`).

use poem::http::StatusCode;
use poem::web::cookie::{Cookie, CookieJar, SameSite};
use poem::web::{Html, Redirect};
use poem::{FromRequest, IntoResponse, Request, RequestBody, Response};
use serde::Serialize;

use super::i18n::{from_ui_locales, negotiate, Lang};
use super::journey::{lang_links, query_pairs, ui_locales_of, with_next};
use super::{csrf, session, with_security_headers, Templates};
use crate::domain::{ClientInfo, Session, User};
use crate::service::oauth::refusal;
use crate::service::{profile, sessions, ServiceError, Services};

/// Web settings every page needs.
#[derive(Debug, Clone)]
pub struct WebConfig {
    pub secure_cookies: bool,
    pub default_lang: Lang,
}

const LANG_COOKIE: &str = "ac_lang";

/// The per-request page context (an extractor).
pub struct Ctx<'a> {
    pub svc: &'a Services,
    pub templates: &'a Templates,
    pub cfg: &'a WebConfig,
    pub jar: &'a CookieJar,
    pub lang: Lang,
    /// The live session and its user; `None` when logged out. A store failure while looking
    /// it up is kept to be answered with a 503 page by handlers that need the user.
    pub session: Result<Option<(Session, User)>, String>,
    /// The client's address (see `client_ip`: the peer, or what a trusted proxy says).
    pub client_ip: Option<std::net::IpAddr>,
    /// The client's User-Agent header (bounded), for the sessions list and security emails.
    user_agent: Option<String>,
    /// Whether the person chose the language (`?lang=`, the account or the cookie), rather
    /// than a hint.
    lang_chosen: bool,
    /// What the language links keep: the request's query, or the state a page re-rendered
    /// after a POST names with [`Ctx::keep`].
    state: Vec<(String, String)>,
    /// The path of the language links: empty (the page's own) unless set by [`Ctx::page_at`].
    page_path: &'static str,
}

impl<'a> FromRequest<'a> for Ctx<'a> {
    async fn from_request(req: &'a Request, _body: &mut RequestBody) -> poem::Result<Self> {
        let svc = req.data::<Services>().ok_or_else(missing)?;
        let templates = req.data::<Templates>().ok_or_else(missing)?;
        let cfg = req.data::<WebConfig>().ok_or_else(missing)?;
        let jar = req.cookie();
        let state = query_pairs(req.uri().query().unwrap_or(""));
        let mut session = match session::cookie_value(jar) {
            Some(v) => sessions::resolve_session(svc, &v)
                .await
                .map_err(|e| e.to_string()),
            None => Ok(None),
        };
        if let Ok(Some((_, user))) = &session {
            admin_enrolment_first(svc, user, req.uri().path()).await?;
        }
        let choice = choose_lang(req, cfg, &state, &session);
        if choice.switched && !from_another_site(req) {
            set_lang_cookie(jar, choice.lang);
            if let Ok(Some((_, user))) = &mut session {
                remember_on_account(svc, user, choice.lang).await;
            }
        }
        Ok(Ctx {
            svc,
            templates,
            cfg,
            jar,
            lang: choice.lang,
            session,
            client_ip: crate::client_ip::of(req),
            user_agent: ClientInfo::new(None, req.header("user-agent")).user_agent,
            lang_chosen: choice.chosen,
            state,
            page_path: "",
        })
    }
}

/// Where an administrator who must turn on two-step verification may still go: its pages,
/// and signing out.
const ENROLMENT_PAGES: [&str; 2] = ["/accounts/profile/two-factor/", "/accounts/logout/"];

/// Sends an administrator who must turn on two-step verification
/// (`accounts.require_second_factor_for_admins`) to its page from any other page.
async fn admin_enrolment_first(svc: &Services, user: &User, path: &str) -> poem::Result<()> {
    if ENROLMENT_PAGES.iter().any(|p| path.starts_with(p)) {
        return Ok(());
    }
    match crate::service::two_factor::admin_must_enrol(svc, user).await {
        Ok(false) => Ok(()),
        Ok(true) => Err(poem::Error::from_response(see_other(ENROLMENT_PAGES[0]))),
        Err(e) => Err(poem::Error::from_string(
            e.to_string(),
            StatusCode::SERVICE_UNAVAILABLE,
        )),
    }
}

/// The language of a request, and how it was come to.
struct LangChoice {
    lang: Lang,
    /// The person chose it (query, account or cookie) rather than an app or the browser.
    chosen: bool,
    /// The person switched to it with this request (`?lang=`).
    switched: bool,
}

fn choose_lang(
    req: &Request,
    cfg: &WebConfig,
    state: &[(String, String)],
    session: &Result<Option<(Session, User)>, String>,
) -> LangChoice {
    let query = state
        .iter()
        .find(|(k, _)| k == "lang")
        .map(|(_, v)| v.as_str());
    let account = match session {
        Ok(Some((_, u))) => u.locale.as_deref(),
        _ => None,
    };
    let cookie = req.cookie().get(LANG_COOKIE);
    let cookie = cookie.as_ref().map(|c| c.value_str());
    let lang = negotiate(
        query,
        account,
        cookie,
        ui_locales_of(state).as_deref(),
        req.header("accept-language"),
        cfg.default_lang,
    );
    let valid = |l: Option<&str>| l.and_then(Lang::parse).is_some();
    LangChoice {
        lang,
        chosen: valid(query) || valid(account) || valid(cookie),
        switched: valid(query),
    }
}

/// Whether the browser says the request came from a link on another site (Fetch Metadata,
/// `Sec-Fetch-Site`): such a `?lang=` shows that page in the language, but neither the browser
/// nor the account remembers it, so a link elsewhere cannot change a person's language for
/// their pages and emails. Requests without the header (typed addresses, non-browser clients)
/// are the person's own.
fn from_another_site(req: &Request) -> bool {
    matches!(
        req.header("sec-fetch-site"),
        Some("cross-site" | "same-site")
    )
}

/// Remembers the page language in this browser for a year (logged out, it is all there is).
fn set_lang_cookie(jar: &CookieJar, lang: Lang) {
    let mut c = Cookie::new_with_str(LANG_COOKIE, lang.code());
    c.set_path("/");
    c.set_same_site(SameSite::Lax);
    c.set_max_age(std::time::Duration::from_secs(365 * 24 * 3600));
    jar.add(c);
}

/// A logged-in person who switches language has it remembered on the account (their pages on
/// any browser and their emails follow it). A store failure only loses the remembering: the
/// page is still answered in the chosen language.
async fn remember_on_account(svc: &Services, user: &mut User, lang: Lang) {
    if user.locale.as_deref() == Some(lang.code()) {
        return;
    }
    match profile::set_locale(svc, &user.id, lang.code()).await {
        Ok(stored) => *user = stored,
        Err(e) => {
            tracing::warn!(user_id = %user.id, error = %e, "language not remembered on the account")
        }
    }
}

fn missing() -> poem::Error {
    poem::Error::from_string(
        "web context not configured",
        StatusCode::INTERNAL_SERVER_ERROR,
    )
}

impl Ctx<'_> {
    /// Names the state the language links of a page re-rendered after a POST keep (the form's
    /// hidden fields), as the query of the same page; empty values are left out. An app's
    /// `ui_locales` in that state (in `next`) is followed as on the page the form came from, so
    /// the answer to the POST, and an account it registers, get the language the person saw.
    pub fn keep<K: AsRef<str>, V: AsRef<str>>(&mut self, pairs: &[(K, V)]) {
        self.state = pairs
            .iter()
            .filter(|(_, v)| !v.as_ref().is_empty())
            .map(|(k, v)| (k.as_ref().to_owned(), v.as_ref().to_owned()))
            .collect();
        let hint = ui_locales_of(&self.state);
        self.prefer_ui_locales(hint.as_deref());
    }

    /// Names the page a POST-only path answers with (a form re-rendered with its errors), so
    /// that its language links lead to that page rather than to the POST-only path.
    pub fn page_at(&mut self, path: &'static str) {
        self.page_path = path;
    }

    /// The `next` of the page's state (the header's login and register links carry it).
    fn state_next(&self) -> &str {
        self.state
            .iter()
            .find(|(k, _)| k == "next")
            .map_or("", |(_, v)| v.as_str())
    }

    /// Makes `lang` the language of this page and of this browser's next pages (the person's
    /// language, known once they log in or choose it on the account page).
    pub fn use_lang(&mut self, lang: Lang) {
        self.lang = lang;
        self.lang_chosen = true;
        set_lang_cookie(self.jar, lang);
    }

    /// Follows an app's `ui_locales` (a form-posted authorization request) unless the person
    /// chose a language.
    pub fn prefer_ui_locales(&mut self, ui_locales: Option<&str>) {
        if let Some(lang) = ui_locales.and_then(from_ui_locales) {
            if !self.lang_chosen {
                self.lang = lang;
            }
        }
    }

    /// Where the request comes from: the address and the User-Agent.
    pub fn client(&self) -> ClientInfo {
        ClientInfo {
            ip: self.client_ip,
            user_agent: self.user_agent.clone(),
        }
    }

    /// The logged-in user, if any (a store failure counts as logged out here).
    pub fn user(&self) -> Option<&User> {
        self.session
            .as_ref()
            .ok()
            .and_then(|s| s.as_ref().map(|(_, u)| u))
    }

    /// The live session and its user, or the answer for a page that needs one: to the login
    /// (`login_first`, which leads back) when logged out, 503 when the store failed.
    #[allow(clippy::result_large_err)] // a page answer, built once per request
    pub fn signed_in(&self, login_first: &str) -> Result<(&Session, &User), Response> {
        match &self.session {
            Ok(Some((s, u))) => Ok((s, u)),
            Ok(None) => Err(see_other(login_first)),
            Err(_) => Err(self.error_page(StatusCode::SERVICE_UNAVAILABLE, "error.unavailable")),
        }
    }

    /// [`Ctx::signed_in`] for an administrators' page: anyone else gets a 403 page saying
    /// `forbidden_key`.
    #[allow(clippy::result_large_err)] // a page answer, built once per request
    pub fn admin(&self, login_first: &str, forbidden_key: &str) -> Result<&User, Response> {
        let (_, user) = self.signed_in(login_first)?;
        if !user.is_admin {
            return Err(self.error_page(StatusCode::FORBIDDEN, forbidden_key));
        }
        Ok(user)
    }

    /// [`Ctx::signed_in`] for a posted form, whose CSRF token is checked first (403).
    #[allow(clippy::result_large_err)] // a page answer, built once per request
    pub fn posted(&self, csrf: &str, login_first: &str) -> Result<(&Session, &User), Response> {
        if !self.csrf_ok(csrf) {
            return Err(self.error_page(StatusCode::FORBIDDEN, "error.csrf"));
        }
        self.signed_in(login_first)
    }

    /// This browser's CSRF token for a form (sets the cookie when new).
    pub fn csrf_token(&self) -> String {
        csrf::ensure_token(self.jar, self.cfg.secure_cookies)
    }

    /// Whether a submitted form token is valid.
    pub fn csrf_ok(&self, submitted: &str) -> bool {
        csrf::verify(self.jar, submitted)
    }

    /// The 400 page of an OAuth request that cannot be answered at its redirect URI (unknown
    /// client, unregistered URI, tampered logout): never a redirect. The reason is shown in the
    /// page's language (WCAG 3.1.2); one without a translation is marked as English.
    pub fn refused_request_page(&self, reason: &str) -> Response {
        let tr = self.templates.translations();
        let message = tr.get(self.lang, "authorize.invalid");
        let (detail, detail_lang) = match refusal::name_of(reason) {
            Some(name) => (tr.format(self.lang, &format!("refused.{name}"), &[]), None),
            None => (
                reason.to_owned(),
                Some("en").filter(|_| self.lang != Lang::En),
            ),
        };
        self.render(
            StatusCode::BAD_REQUEST,
            "error.html",
            minijinja::context! { message, detail, detail_lang },
        )
    }

    /// Renders `template` with `page` plus the common values (`lang`, `csrf_token`, `user`).
    pub fn render<S: Serialize>(&self, status: StatusCode, template: &str, page: S) -> Response {
        let common = minijinja::context! {
            lang => self.lang.code(),
            lang_links => lang_links(self.page_path, &self.state),
            nav_login_href => with_next("/accounts/login/", self.state_next()),
            nav_register_href => with_next("/accounts/register/", self.state_next()),
            csrf_token => self.csrf_token(),
            min_password_len => self.svc.accounts.min_password_len,
            user => self.user().map(|u| minijinja::context! {
                username => u.username.as_str(),
                is_admin => u.is_admin,
            }),
        };
        let ctx = minijinja::context! { ..common, ..minijinja::Value::from_serialize(&page) };
        let resp = match self.templates.render(template, ctx) {
            Ok(html) => Html(html).with_status(status).into_response(),
            Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        };
        page_headers(resp)
    }

    /// The friendly error page with a translated message.
    pub fn error_page(&self, status: StatusCode, message_key: &str) -> Response {
        let message = self
            .templates
            .translations()
            .get(self.lang, message_key)
            .to_owned();
        self.render(status, "error.html", minijinja::context! { message })
    }

    /// Maps a service failure to the error page (503 for an unavailable store).
    pub fn service_error_page(&self, e: &ServiceError) -> Response {
        match e {
            ServiceError::Unavailable(cause) => {
                tracing::warn!(error = %format!("{cause:#}"), "page: dependency unavailable");
                self.error_page(StatusCode::SERVICE_UNAVAILABLE, "error.unavailable")
            }
            ServiceError::NotFound => self.error_page(StatusCode::NOT_FOUND, "error.not_found"),
            other => {
                tracing::error!(error = %other, "page: internal error");
                self.error_page(StatusCode::INTERNAL_SERVER_ERROR, "error.internal")
            }
        }
    }
}

/// Security headers plus `no-store`: pages may carry personal data and CSRF tokens.
pub fn page_headers(resp: Response) -> Response {
    let mut resp = with_security_headers(resp);
    resp.headers_mut().insert(
        poem::http::header::CACHE_CONTROL,
        poem::http::HeaderValue::from_static("no-store"),
    );
    resp
}

/// The arguments of a "try again" message (`{minutes}`, `{time}` in UTC) for a wait of `secs`.
pub fn retry_args(now: chrono::DateTime<chrono::Utc>, secs: i64) -> [(&'static str, String); 2] {
    let at = now + chrono::Duration::seconds(secs);
    [
        ("minutes", ((secs + 59) / 60).to_string()),
        ("time", at.format("%H:%M").to_string()),
    ]
}

/// Adds `Retry-After` (seconds, RFC 9110 §10.2.3) to a refusal.
pub fn with_retry_after(mut resp: Response, secs: i64) -> Response {
    if let Ok(v) = poem::http::HeaderValue::from_str(&secs.max(1).to_string()) {
        resp.headers_mut()
            .insert(poem::http::header::RETRY_AFTER, v);
    }
    resp
}

/// A 303 See Other (Post/Redirect/Get) to a local path.
pub fn see_other(location: &str) -> Response {
    page_headers(Redirect::see_other(location).into_response())
}
