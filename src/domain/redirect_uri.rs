//! Redirect URIs as registered by an app (RFC 6749 §3.1.2, RFC 9700 §2.1, RFC 8252 §7.3):
//! absolute, no fragment, https, or http only for a loopback/localhost host. Matched later as
//! exact strings.

use super::DomainError;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RedirectUri(String);

impl RedirectUri {
    pub fn parse(s: &str) -> Result<Self, DomainError> {
        let err = |m: &str| DomainError::new("redirect_uris", format!("'{s}': {m}"));
        if s.len() > 2000 {
            return Err(err("is longer than 2000 characters"));
        }
        let url = url::Url::parse(s).map_err(|_| err("is not an absolute URL"))?;
        if url.fragment().is_some() || s.contains('#') {
            return Err(err("must not contain a fragment"));
        }
        if url.username() != "" || url.password().is_some() {
            return Err(err("must not contain credentials"));
        }
        match url.scheme() {
            "https" if url.host().is_some() => Ok(Self(s.to_string())),
            "http" if is_loopback(&url) => Ok(Self(s.to_string())),
            "http" => Err(err(
                "http is allowed only for localhost and loopback addresses",
            )),
            _ => Err(err("must use https (or http for localhost)")),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// True for `localhost`, `127.0.0.0/8` and `[::1]` hosts.
pub fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_uris_must_be_https_or_loopback_http_without_fragment() {
        assert!(RedirectUri::parse("https://app.example/cb").is_ok());
        assert!(RedirectUri::parse("http://127.0.0.1:9000/cb").is_ok());
        assert!(RedirectUri::parse("http://localhost/cb").is_ok());
        assert!(RedirectUri::parse("http://[::1]:1/cb").is_ok());
        assert!(RedirectUri::parse("http://app.example/cb").is_err());
        assert!(RedirectUri::parse("https://app.example/cb#x").is_err());
        assert!(RedirectUri::parse("/relative").is_err());
        assert!(RedirectUri::parse("javascript:alert(1)").is_err());
        assert!(RedirectUri::parse("https://u:p@app.example/cb").is_err());
    }
}
