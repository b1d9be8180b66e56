//! `[server]`: where the server listens, the public URL it names itself by, which proxies it
//! believes about the client's address, and the bounds of a connection and a request.

use std::net::SocketAddr;
use std::str::FromStr;
use std::time::Duration;

use serde::{Deserialize, Deserializer};
use url::Url;

use super::units;
use super::ConfigError;
use crate::client_ip::{Cidr, ForwardedHeader};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerSettings {
    /// Address to listen on; port 0 picks a free port.
    pub bind: SocketAddr,
    /// The issuer and base of every absolute link; defaults to `http://{bind}`.
    pub public_url: Option<PublicUrl>,
    /// How long in-flight requests may take to finish after SIGTERM/SIGINT.
    #[serde(rename = "shutdown_timeout_secs", deserialize_with = "units::secs")]
    pub shutdown_timeout: Duration,
    /// Reverse proxies (CIDRs or addresses) whose forwarding header gives the client IP; from
    /// any other peer the header is ignored. Empty: the TCP peer is the client.
    #[serde(deserialize_with = "units::parsed_list")]
    pub trusted_proxies: Vec<Cidr>,
    /// The header those proxies set: `x-forwarded-for` or `forwarded` (RFC 7239).
    #[serde(deserialize_with = "client_ip_header")]
    pub client_ip_header: ForwardedHeader,
    /// The largest request body accepted (forms and JSON), in bytes; larger bodies get 413
    /// (400 `invalid_request` on `/oauth2/*`), whether or not they declare a length.
    pub max_body_bytes: usize,
    /// A request's head (request line and headers), and then its body, must each arrive within
    /// this long; the first head is timed from the connection's start.
    #[serde(rename = "header_read_timeout_secs", deserialize_with = "units::secs")]
    pub header_read_timeout: Duration,
    /// A connection on which nothing is read or written for this long is closed.
    #[serde(rename = "idle_timeout_secs", deserialize_with = "units::secs")]
    pub idle_timeout: Duration,
}

impl Default for ServerSettings {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            public_url: None,
            shutdown_timeout: Duration::from_secs(10),
            trusted_proxies: Vec::new(),
            client_ip_header: ForwardedHeader::XForwardedFor,
            max_body_bytes: 64 * 1024,
            header_read_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(60),
        }
    }
}

fn client_ip_header<'de, D: Deserializer<'de>>(d: D) -> Result<ForwardedHeader, D::Error> {
    units::parsed(
        d,
        ForwardedHeader::parse,
        "must be 'x-forwarded-for' or 'forwarded'",
    )
}

impl ServerSettings {
    /// The rules between keys, and ranges a type cannot say.
    pub(super) fn validate(&self) -> Result<(), ConfigError> {
        if !(1024..=64 * 1024 * 1024).contains(&self.max_body_bytes) {
            return Err(ConfigError::at(
                "server.max_body_bytes",
                "must be 1024 to 67108864 bytes",
            ));
        }
        if self.header_read_timeout.is_zero() || self.idle_timeout < self.header_read_timeout {
            return Err(ConfigError::at(
                "server.*_timeout_secs",
                "header_read_timeout_secs must be > 0 and <= idle_timeout_secs",
            ));
        }
        Ok(())
    }

    /// The issuer URL without a trailing slash.
    pub fn public_url(&self) -> String {
        match &self.public_url {
            Some(u) => u.0.clone(),
            None => format!("http://{}", self.bind),
        }
    }
}

/// An absolute http(s) URL without query, kept as written (without a trailing slash): it is the
/// issuer, compared character for character by clients (OIDC Discovery §4.3).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct PublicUrl(String);

impl PublicUrl {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for PublicUrl {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match Url::parse(s) {
            Ok(url) if matches!(url.scheme(), "http" | "https") && url.query().is_none() => {
                Ok(Self(s.trim_end_matches('/').to_owned()))
            }
            _ => Err("must be an absolute http(s) URL without query".into()),
        }
    }
}

impl TryFrom<String> for PublicUrl {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}
