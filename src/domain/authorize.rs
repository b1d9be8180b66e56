//! Pure rules of the authorization endpoint: redirect URI matching (exact string, RFC 9700
//! §4.1.3; loopback IP literals may vary the port, RFC 8252 §7.3) and the OIDC `prompt`
//! parameter (OIDC Core §3.1.2.1); the response types and modes (OAuth 2.0 Multiple Response
//! Type Encoding Practices §3, §5; OIDC Core §3.2.2.1, §3.3.2.1).

use super::DomainError;

/// Whether `presented` matches the registered `registered` redirect URI.
pub fn redirect_uri_matches(registered: &str, presented: &str) -> bool {
    if registered == presented {
        return true;
    }
    let (Ok(r), Ok(p)) = (url::Url::parse(registered), url::Url::parse(presented)) else {
        return false;
    };
    let loopback_ip = |u: &url::Url| match u.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        _ => false,
    };
    r.scheme() == "http"
        && p.scheme() == "http"
        && loopback_ip(&r)
        && r.host() == p.host()
        && r.path() == p.path()
        && r.query() == p.query()
        && p.fragment().is_none()
        && p.username().is_empty()
        && p.password().is_none()
}

/// The `prompt` values of an authorization request.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prompt {
    pub none: bool,
    pub login: bool,
    pub consent: bool,
}

impl Prompt {
    /// Parses a space-delimited list; `none` with any other value is invalid, unknown values
    /// are refused (`select_account` and `create` are not supported).
    pub fn parse(s: Option<&str>) -> Result<Self, DomainError> {
        let mut p = Prompt::default();
        let mut count = 0;
        for v in s.unwrap_or("").split(' ').filter(|v| !v.is_empty()) {
            count += 1;
            match v {
                "none" => p.none = true,
                "login" => p.login = true,
                "consent" => p.consent = true,
                other => {
                    return Err(DomainError::new(
                        "prompt",
                        format!("unsupported prompt value '{other}'"),
                    ))
                }
            }
        }
        if p.none && count > 1 {
            return Err(DomainError::new(
                "prompt",
                "prompt=none cannot be combined with other values",
            ));
        }
        Ok(p)
    }
}

/// A `response_type`: a set of `code`, `token` and `id_token` (order does not matter;
/// OAuth 2.0 Multiple Response Type Encoding Practices §5). `none` is not supported.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ResponseType {
    pub code: bool,
    pub token: bool,
    pub id_token: bool,
}

impl ResponseType {
    /// Parses a space-delimited list of `code`, `token`, `id_token`, each at most once.
    pub fn parse(s: &str) -> Result<Self, DomainError> {
        let mut r = ResponseType::default();
        let unsupported = || {
            DomainError::new(
                "response_type",
                format!("response_type '{s}' is not supported"),
            )
        };
        for v in s.split(' ').filter(|v| !v.is_empty()) {
            let flag = match v {
                "code" => &mut r.code,
                "token" => &mut r.token,
                "id_token" => &mut r.id_token,
                _ => return Err(unsupported()),
            };
            if *flag {
                return Err(unsupported());
            }
            *flag = true;
        }
        if r == ResponseType::default() {
            return Err(unsupported());
        }
        Ok(r)
    }

    /// Whether the authorization endpoint itself returns a token (access token or id_token),
    /// which the query must never carry.
    pub fn returns_tokens(self) -> bool {
        self.token || self.id_token
    }

    /// The default response mode: `query` for `code`, `fragment` for everything else.
    pub fn default_mode(self) -> ResponseMode {
        if self.returns_tokens() {
            ResponseMode::Fragment
        } else {
            ResponseMode::Query
        }
    }

    /// Every response type this server serves, as advertised in discovery.
    pub const SUPPORTED: [&'static str; 7] = [
        "code",
        "token",
        "id_token",
        "id_token token",
        "code id_token",
        "code token",
        "code id_token token",
    ];
}

/// Where the authorization response parameters travel (Multiple Response Type Encoding
/// Practices §2.1; OAuth 2.0 Form Post Response Mode §2: an auto-submitted POST form, which
/// suits every response type because the body is neither logged nor kept in history).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResponseMode {
    Query,
    Fragment,
    FormPost,
}

impl ResponseMode {
    pub const SUPPORTED: [&'static str; 3] = ["query", "fragment", "form_post"];

    /// The mode for `response_mode` (or the default of `rt`); `query` is refused for a
    /// response type that returns tokens (Encoding Practices §5: the query MUST NOT be used).
    pub fn choose(requested: Option<&str>, rt: ResponseType) -> Result<Self, DomainError> {
        match requested.filter(|s| !s.is_empty()) {
            None => Ok(rt.default_mode()),
            Some("fragment") => Ok(Self::Fragment),
            Some("form_post") => Ok(Self::FormPost),
            Some("query") if rt.returns_tokens() => Err(DomainError::new(
                "response_mode",
                "response_mode=query cannot carry tokens; use fragment",
            )),
            Some("query") => Ok(Self::Query),
            Some(other) => Err(DomainError::new(
                "response_mode",
                format!("response_mode '{other}' is not supported"),
            )),
        }
    }
}

/// The longest value accepted for a free-form authorization request parameter (`state`,
/// `nonce`, `login_hint`, ...): the RFCs set no bound, and each is carried in redirects and
/// pages (and `nonce` stored), so an unbounded one costs every hop.
pub const MAX_PARAM_BYTES: usize = 2048;

/// The first of `params` (name, value) longer than [`MAX_PARAM_BYTES`].
pub fn oversized_param<'a>(params: &[(&'a str, Option<&str>)]) -> Option<&'a str> {
    params
        .iter()
        .find(|(_, v)| v.is_some_and(|v| v.len() > MAX_PARAM_BYTES))
        .map(|(name, _)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn response_types_are_unordered_sets_of_code_token_and_id_token() {
        let h = ResponseType::parse("id_token code").unwrap();
        assert!(h.code && h.id_token && !h.token);
        assert_eq!(h, ResponseType::parse("code id_token").unwrap());
        for s in ResponseType::SUPPORTED {
            assert!(ResponseType::parse(s).is_ok(), "{s}");
        }
        for bad in ["", "none", "code code", "token foo", "Code"] {
            assert!(ResponseType::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn tokens_travel_in_the_fragment_and_never_in_the_query() {
        let code = ResponseType::parse("code").unwrap();
        let implicit = ResponseType::parse("id_token").unwrap();
        assert_eq!(
            ResponseMode::choose(None, code).unwrap(),
            ResponseMode::Query
        );
        assert_eq!(
            ResponseMode::choose(None, implicit).unwrap(),
            ResponseMode::Fragment
        );
        assert_eq!(
            ResponseMode::choose(Some("fragment"), code).unwrap(),
            ResponseMode::Fragment
        );
        assert!(ResponseMode::choose(Some("query"), implicit).is_err());
        for rt in [code, implicit] {
            let mode = ResponseMode::choose(Some("form_post"), rt).unwrap();
            assert_eq!(mode, ResponseMode::FormPost);
        }
        assert!(ResponseMode::choose(Some("web_message"), code).is_err());
    }

    #[test]
    fn redirect_uris_match_exactly_except_the_port_of_loopback_ips() {
        let reg = "https://app.example/cb";
        assert!(redirect_uri_matches(reg, reg));
        assert!(!redirect_uri_matches(reg, "https://app.example/cb/"));
        assert!(!redirect_uri_matches(reg, "https://app.example/cb?x=1"));
        assert!(!redirect_uri_matches(reg, "https://APP.example/cb"));
        let loop4 = "http://127.0.0.1/cb";
        assert!(redirect_uri_matches(loop4, "http://127.0.0.1:53211/cb"));
        assert!(!redirect_uri_matches(loop4, "http://127.0.0.1:53211/other"));
        assert!(redirect_uri_matches(
            "http://[::1]:80/cb",
            "http://[::1]:4000/cb"
        ));
        assert!(!redirect_uri_matches(
            "http://localhost/cb",
            "http://localhost:9/cb"
        ));
        assert!(!redirect_uri_matches(loop4, "http://127.0.0.2:9/cb"));
    }

    #[test]
    fn prompt_none_stands_alone_and_unknown_values_are_refused() {
        assert_eq!(Prompt::parse(None).unwrap(), Prompt::default());
        let p = Prompt::parse(Some("login consent")).unwrap();
        assert!(p.login && p.consent && !p.none);
        assert!(Prompt::parse(Some("none")).unwrap().none);
        assert!(Prompt::parse(Some("none login")).is_err());
        assert!(Prompt::parse(Some("select_account")).is_err());
    }
}
