//! What keeps a person's place while they move between pages: the language links (the page's
//! own state with only `lang` replaced), the app's `ui_locales` hint (OIDC Core §3.1.2.1), and
//! `next`, the local path a login leads back to (RFC 9700 §4.11: local paths only), carried
//! from login to registration, verification and password reset and back.

use serde::{Deserialize, Serialize};

use super::i18n::Lang;
use crate::service::oauth::authorize::{self, AuthorizeParams};
use crate::service::Services;

/// The pairs of a query string, decoded, in order.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect()
}

/// One link of the language switch.
#[derive(Debug, Serialize)]
pub struct LangLink {
    pub code: &'static str,
    pub label: &'static str,
    pub href: String,
}

/// The language links of a page whose state is `state`: every pair kept, `lang` replaced. With
/// an empty `path` the links are relative (`?…`) and stay on the page's own path; a page
/// answered by a POST-only path names the page it shows (a fixed local path).
pub fn lang_links(path: &str, state: &[(String, String)]) -> Vec<LangLink> {
    Lang::ALL
        .into_iter()
        .map(|lang| {
            let mut q = url::form_urlencoded::Serializer::new(String::new());
            q.extend_pairs(state.iter().filter(|(k, _)| k != "lang"));
            q.append_pair("lang", lang.code());
            LangLink {
                code: lang.code(),
                label: lang.label(),
                href: format!("{path}?{}", q.finish()),
            }
        })
        .collect()
}

/// The app's `ui_locales` of a request: its own, or that of the authorization request in its
/// `next` (the login and registration pages of a flow that started at an app).
pub fn ui_locales_of(query: &[(String, String)]) -> Option<String> {
    let get = |pairs: &[(String, String)], name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    get(query, "ui_locales").or_else(|| {
        let next = get(query, "next").filter(|n| is_local_path(n))?;
        let (_, q) = next.split_once('?')?;
        get(&query_pairs(q), "ui_locales")
    })
}

/// The `next` of a page's query.
#[derive(Debug, Default, Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    pub next: String,
}

/// `next` when it is a safe local path, else `None`.
pub fn local_next(next: &str) -> Option<&str> {
    Some(next).filter(|n| is_local_path(n))
}

/// `path` with `next` in its query when `next` is a local path.
pub fn with_next(path: &str, next: &str) -> String {
    match local_next(next) {
        Some(n) => {
            let mut q = url::form_urlencoded::Serializer::new(String::new());
            q.append_pair("next", n);
            format!("{path}?{}", q.finish())
        }
        None => path.to_owned(),
    }
}

/// The authorization request in `next`, when `next` is one (`/oauth2/authorize?…`).
fn authorize_params(next: &str) -> Option<AuthorizeParams> {
    let next = local_next(next)?;
    let (path, query) = next.split_once('?')?;
    if path != "/oauth2/authorize" {
        return None;
    }
    let mut p = AuthorizeParams::default();
    for (k, v) in query_pairs(query) {
        let slot = match k.as_str() {
            "response_type" => &mut p.response_type,
            "client_id" => &mut p.client_id,
            "redirect_uri" => &mut p.redirect_uri,
            "scope" => &mut p.scope,
            "state" => &mut p.state,
            "nonce" => &mut p.nonce,
            "code_challenge" => &mut p.code_challenge,
            "code_challenge_method" => &mut p.code_challenge_method,
            "prompt" => &mut p.prompt,
            "max_age" => &mut p.max_age,
            "acr_values" => &mut p.acr_values,
            "login_hint" => &mut p.login_hint,
            "ui_locales" => &mut p.ui_locales,
            "response_mode" => &mut p.response_mode,
            "dpop_jkt" => &mut p.dpop_jkt,
            _ => continue,
        };
        *slot = Some(v);
    }
    Some(p)
}

/// The name of the app a login or registration leads back to: only for an authorization
/// request in `next` that the endpoint would serve (known app, registered redirect URI, valid
/// parameters), so a crafted link cannot make the page name an app it will not reach.
pub async fn app_asking(svc: &Services, next: &str) -> Option<String> {
    let p = authorize_params(next)?;
    authorize::validate(svc, &p)
        .await
        .ok()
        .map(|v| v.client.name)
}

/// Whether `next` is a safe local redirect target (no open redirect: RFC 9700 §4.11).
pub fn is_local_path(next: &str) -> bool {
    next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && next.len() <= 4096
        && !next.chars().any(|c| c.is_control() || c == '\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_redirect_targets() {
        assert!(is_local_path("/oauth2/authorize?client_id=x"));
        assert!(!is_local_path("//evil.example/"));
        assert!(!is_local_path("/\\evil.example"));
        assert!(!is_local_path("https://evil.example/"));
        assert!(!is_local_path("/a\nb"));
        assert!(!is_local_path(""));
    }

    fn pairs(q: &str) -> Vec<(String, String)> {
        query_pairs(q)
    }

    #[test]
    fn language_links_keep_every_other_parameter_and_replace_lang() {
        let links = lang_links("", &pairs("client_id=a%20b&lang=en&state=x%26y"));
        assert_eq!(links[0].href, "?client_id=a+b&state=x%26y&lang=en");
        assert_eq!(links[1].href, "?client_id=a+b&state=x%26y&lang=zh-CN");
        assert_eq!(lang_links("", &[])[1].href, "?lang=zh-CN");
        let profile = lang_links("/accounts/profile/", &[]);
        assert_eq!(profile[0].href, "/accounts/profile/?lang=en");
    }

    #[test]
    fn ui_locales_come_from_the_request_or_the_authorization_request_in_next() {
        assert_eq!(
            ui_locales_of(&pairs("ui_locales=zh-CN%20en")).as_deref(),
            Some("zh-CN en")
        );
        let next = "next=%2Foauth2%2Fauthorize%3Fclient_id%3Dx%26ui_locales%3Dzh-CN";
        assert_eq!(ui_locales_of(&pairs(next)).as_deref(), Some("zh-CN"));
        let remote = "next=https%3A%2F%2Fevil.example%2F%3Fui_locales%3Dzh";
        assert_eq!(ui_locales_of(&pairs(remote)), None);
    }

    #[test]
    fn next_is_carried_only_when_it_is_a_local_path() {
        assert_eq!(
            with_next("/accounts/register/", "/oauth2/authorize?a=b&c=d"),
            "/accounts/register/?next=%2Foauth2%2Fauthorize%3Fa%3Db%26c%3Dd"
        );
        assert_eq!(
            with_next("/accounts/register/", "//evil.example"),
            "/accounts/register/"
        );
        assert_eq!(with_next("/accounts/register/", ""), "/accounts/register/");
    }

    #[test]
    fn only_an_authorization_request_in_next_is_read_as_one() {
        let p = authorize_params("/oauth2/authorize?client_id=c1&ui_locales=zh").unwrap();
        assert_eq!(p.client_id.as_deref(), Some("c1"));
        assert_eq!(p.ui_locales.as_deref(), Some("zh"));
        assert!(authorize_params("/oauth2/authorizex?client_id=c1").is_none());
        assert!(authorize_params("https://x/oauth2/authorize?client_id=c1").is_none());
    }
}
