//! Pure rules of the authorization endpoint: redirect URI matching (exact string, RFC 9700
//! §4.1.3; loopback IP literals may vary the port, RFC 8252 §7.3) and the OIDC `prompt`
//! parameter (OIDC Core §3.1.2.1).

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

#[cfg(test)]
mod tests {
    use super::*;

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
