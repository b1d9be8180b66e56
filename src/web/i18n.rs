//! Page and email languages (en, zh-CN): translation files `templates/i18n/{lang}.toml`
//! (embedded; an operator's templates directory may override them), and the choice of language
//! per request: `?lang=` (remembered in a cookie, and on the account when logged in), then the
//! language remembered on the logged-in person's account, then the cookie, then the app's
//! `ui_locales` (OIDC Core §3.1.2.1: space-separated BCP 47 tags, the first supported one wins),
//! then Accept-Language (RFC 9110 §12.5.4 q-values), then the configured default. The person's
//! own choice (query, account or cookie) comes before the app's hint: it is the more direct
//! wish; the account comes before this browser's cookie so that one person sees one language
//! everywhere, the same as their emails.

use std::collections::HashMap;
use std::path::Path;

/// A supported language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    ZhCn,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The BCP 47 tag, as used in `lang=` and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The language's own name, as the language switch shows it.
    pub fn label(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhCn => "简体中文",
        }
    }

    /// Parses a tag loosely: `zh`, `zh-cn`, `zh-Hans` → zh-CN; `en-US` → en.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::ZhCn),
            _ => None,
        }
    }
}

/// Picks the language of a request; `account` is the logged-in person's remembered language.
pub fn negotiate(
    query: Option<&str>,
    account: Option<&str>,
    cookie: Option<&str>,
    ui_locales: Option<&str>,
    accept_language: Option<&str>,
    default: Lang,
) -> Lang {
    query
        .and_then(Lang::parse)
        .or_else(|| account.and_then(Lang::parse))
        .or_else(|| cookie.and_then(Lang::parse))
        .or_else(|| ui_locales.and_then(from_ui_locales))
        .or_else(|| accept_language.and_then(from_accept_language))
        .unwrap_or(default)
}

/// The first supported tag of an OIDC `ui_locales` list (space-separated, in preference order).
pub fn from_ui_locales(list: &str) -> Option<Lang> {
    list.split(' ').take(20).find_map(Lang::parse)
}

fn from_accept_language(header: &str) -> Option<Lang> {
    let mut best: Option<(f32, Lang)> = None;
    for part in header.split(',').take(20) {
        let mut pieces = part.split(';');
        let tag = pieces.next().unwrap_or("").trim();
        let q = pieces
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.parse::<f32>().ok())
            .unwrap_or(1.0);
        if let Some(lang) = Lang::parse(tag) {
            if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
                best = Some((q, lang));
            }
        }
    }
    best.map(|(_, l)| l)
}

const EMBEDDED: [(Lang, &str); 2] = [
    (Lang::En, include_str!("../../templates/i18n/en.toml")),
    (Lang::ZhCn, include_str!("../../templates/i18n/zh-CN.toml")),
];

/// Every string of every language, flattened to `section.key`.
#[derive(Debug, Clone)]
pub struct Translations {
    maps: HashMap<Lang, HashMap<String, String>>,
}

impl Translations {
    /// Loads the embedded files, each replaced by `{dir}/i18n/{lang}.toml` when that exists.
    pub fn load(override_dir: Option<&Path>) -> anyhow::Result<Self> {
        let mut maps = HashMap::new();
        for (lang, embedded) in EMBEDDED {
            let custom = override_dir
                .map(|d| d.join("i18n").join(format!("{}.toml", lang.code())))
                .filter(|p| p.is_file());
            let text = match &custom {
                Some(p) => std::fs::read_to_string(p)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?,
                None => embedded.to_owned(),
            };
            let table: toml::Table = text
                .parse()
                .map_err(|e| anyhow::anyhow!("translations for {}: {e}", lang.code()))?;
            let mut flat = HashMap::new();
            flatten("", &table, &mut flat);
            maps.insert(lang, flat);
        }
        Ok(Self { maps })
    }

    /// The string for `key`, falling back to English, then to the key itself (logged).
    pub fn get<'a>(&'a self, lang: Lang, key: &'a str) -> &'a str {
        self.maps
            .get(&lang)
            .and_then(|m| m.get(key))
            .or_else(|| self.maps.get(&Lang::En).and_then(|m| m.get(key)))
            .map(String::as_str)
            .unwrap_or_else(|| {
                tracing::warn!(key, "missing translation");
                key
            })
    }

    /// The string for `key` in `lang` (or English) when it exists.
    pub fn lookup(&self, lang: Lang, key: &str) -> Option<&str> {
        self.maps
            .get(&lang)
            .and_then(|m| m.get(key))
            .or_else(|| self.maps.get(&Lang::En).and_then(|m| m.get(key)))
            .map(String::as_str)
    }

    /// `get` with `{name}` placeholders replaced.
    pub fn format(&self, lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
        let mut s = self.get(lang, key).to_owned();
        for (name, value) in args {
            s = s.replace(&format!("{{{name}}}"), value);
        }
        s
    }

    pub fn keys(&self, lang: Lang) -> Vec<&str> {
        let mut k: Vec<&str> = self
            .maps
            .get(&lang)
            .map(|m| m.keys().map(String::as_str).collect())
            .unwrap_or_default();
        k.sort_unstable();
        k
    }
}

fn flatten(prefix: &str, table: &toml::Table, out: &mut HashMap<String, String>) {
    for (k, v) in table {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::Table(t) => flatten(&key, t, out),
            toml::Value::String(s) => {
                out.insert(key, s.clone());
            }
            other => {
                out.insert(key, other.to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_exactly_the_same_keys() {
        let t = Translations::load(None).unwrap();
        assert_eq!(t.keys(Lang::En), t.keys(Lang::ZhCn));
        assert!(t.keys(Lang::En).contains(&"login.title"));
    }

    #[test]
    fn the_language_comes_from_query_then_cookie_then_accept_language() {
        let d = Lang::En;
        let zh = Some("zh-CN");
        assert_eq!(negotiate(zh, None, Some("en"), None, None, d), Lang::ZhCn);
        assert_eq!(
            negotiate(Some("xx"), None, Some("zh"), None, None, d),
            Lang::ZhCn
        );
        assert_eq!(
            negotiate(
                None,
                None,
                None,
                None,
                Some("fr;q=1, zh-CN;q=0.8, en;q=0.5"),
                d
            ),
            Lang::ZhCn
        );
        assert_eq!(
            negotiate(None, None, None, None, Some("zh;q=0, en-GB"), d),
            Lang::En
        );
        assert_eq!(
            negotiate(None, None, None, None, Some("de"), Lang::ZhCn),
            Lang::ZhCn
        );
    }

    #[test]
    fn an_apps_ui_locales_come_after_the_persons_choice_and_before_the_browser() {
        let d = Lang::En;
        let hint = Some("fr-CA zh-CN en");
        assert_eq!(negotiate(None, None, None, hint, Some("en"), d), Lang::ZhCn);
        assert_eq!(negotiate(None, None, Some("en"), hint, None, d), Lang::En);
        assert_eq!(negotiate(Some("en"), None, None, hint, None, d), Lang::En);
        assert_eq!(
            negotiate(None, None, None, Some("fr de"), Some("zh"), d),
            Lang::ZhCn
        );
    }

    #[test]
    fn the_account_language_comes_after_the_query_and_before_the_cookie_and_hints() {
        let (d, acct) = (Lang::En, Some("zh-CN"));
        assert_eq!(negotiate(None, acct, Some("en"), None, None, d), Lang::ZhCn);
        assert_eq!(negotiate(Some("en"), acct, None, None, None, d), Lang::En);
        let hint = Some("en");
        assert_eq!(negotiate(None, acct, None, hint, hint, d), Lang::ZhCn);
        assert_eq!(negotiate(None, Some("fr"), None, None, None, d), Lang::En);
    }

    #[test]
    fn every_reason_of_a_refused_request_is_translated_in_every_language() {
        let t = Translations::load(None).unwrap();
        for lang in Lang::ALL {
            let keys = t.keys(lang);
            for (reason, name) in crate::service::oauth::refusal::ALL {
                assert_eq!(crate::service::oauth::refusal::name_of(reason), Some(name));
                let key = format!("refused.{name}");
                assert!(keys.contains(&key.as_str()), "{} lacks {key}", lang.code());
            }
        }
    }

    #[test]
    fn placeholders_are_filled() {
        let t = Translations::load(None).unwrap();
        assert_eq!(
            t.format(Lang::En, "nav.signed_in_as", &[("username", "jane")]),
            "Signed in as jane"
        );
    }
}
