//! Outbound fetches: the one place the server sends a request to a URL that someone else chose
//! (an app's `jwks_uri`; later client metadata documents). Such a URL is a server-side request
//! forgery risk, so every fetch is bounded the same way:
//!
//! - https only, no proxy, no redirects (a 3xx is an error);
//! - the host name is resolved by our own resolver, which drops every non-public address
//!   ([`address::is_public`]) unless `outbound.allow_private_addresses`: the HTTP client can
//!   only connect to an address that passed the check, so DNS rebinding has no gap between the
//!   check and the connection; an IP-literal host is checked before the request;
//! - a total timeout, and a size limit per caller enforced while reading the body;
//! - an extra trusted root CA file for private PKI.
//!
//! [`DocumentCache`] keeps fetched JSON documents for their `Cache-Control` max-age within
//! configured bounds, remembers a failed fetch for a while (a negative cache), and lets
//! concurrent callers for one URL share one fetch; [`hosts`] bounds the fetches per host in
//! flight and per minute. So requests naming a bad URL (as `client_id` or `jwks_uri`) cannot
//! make the server fetch once per request. Must not import poem, the service or store layers.

pub mod address;
mod cache;
pub mod hosts;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

pub use cache::{CachePolicy, DocumentCache};
use hosts::HostLimits;
pub use hosts::HostPolicy;

use crate::config::OutboundSettings;

/// Why a fetch failed; worded for logs and for the error a caller returns.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum FetchError {
    #[error("the URL is not an absolute https URL")]
    NotHttps,
    #[error("the host has no address that may be reached")]
    AddressRefused,
    #[error("the fetch took too long")]
    Timeout,
    #[error("the document is larger than {0} bytes")]
    TooLarge(usize),
    #[error("the server answered with a redirect, which is not followed")]
    Redirect,
    #[error("the server answered with status {0}")]
    Status(u16),
    #[error("the document is not JSON")]
    NotJson,
    #[error("the fetch failed: {0}")]
    Network(String),
    #[error("too many fetches to this host are in flight; try again shortly")]
    HostBusy,
    #[error("too many fetches to this host in the last minute; try again later")]
    HostRateLimited,
}

impl FetchError {
    /// Whether the failure is the document's (remembered by the negative cache) rather than
    /// our own per-host bound refusing to fetch (not remembered: nothing was asked).
    pub fn is_remembered(&self) -> bool {
        !matches!(self, Self::HostBusy | Self::HostRateLimited)
    }
}

/// A fetched JSON document and how long its server says it may be kept.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub document: serde_json::Value,
    pub max_age: Option<Duration>,
}

/// The HTTP client of every outbound fetch, with its bounds.
#[derive(Clone)]
pub struct Fetcher {
    http: reqwest::Client,
    allow_private: bool,
    hosts: Arc<HostLimits>,
}

impl Fetcher {
    /// Builds the client from `[outbound]`; fails when the extra root CA file cannot be read.
    pub fn new(settings: &OutboundSettings) -> anyhow::Result<Self> {
        let allow_private = settings.allow_private_addresses;
        let mut builder = reqwest::Client::builder()
            .use_rustls_tls()
            .https_only(true)
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(settings.timeout)
            .connect_timeout(settings.timeout)
            .user_agent(concat!("auth-center/", env!("CARGO_PKG_VERSION")))
            .dns_resolver(Arc::new(CheckedResolver { allow_private }));
        if let Some(path) = &settings.extra_root_ca_file {
            let pem = std::fs::read(path)
                .with_context(|| format!("outbound.extra_root_ca_file {}", path.display()))?;
            let certs = reqwest::Certificate::from_pem_bundle(&pem)
                .context("outbound.extra_root_ca_file is not a PEM certificate bundle")?;
            for cert in certs {
                builder = builder.add_root_certificate(cert);
            }
        }
        let http = builder
            .build()
            .context("building the outbound HTTP client")?;
        let hosts = HostLimits::new(HostPolicy {
            max_in_flight: settings.max_fetches_in_flight_per_host,
            per_minute: settings.max_fetches_per_host_per_minute,
        });
        Ok(Self {
            http,
            allow_private,
            hosts,
        })
    }

    /// [`Self::fetch_json`] within the per-host bounds at `now`: refused without a request
    /// when the URL's host has too many fetches in flight or started this minute.
    pub async fn fetch_bounded(
        &self,
        url: &str,
        max_bytes: usize,
        now: DateTime<Utc>,
    ) -> Result<Fetched, FetchError> {
        // A URL refused before any request does not spend the host's allowance.
        let host = self
            .checked_url(url)?
            .host_str()
            .unwrap_or_default()
            .to_owned();
        let _slot = self.hosts.acquire(&host, now)?;
        self.fetch_json(url, max_bytes).await
    }

    /// Fetches the JSON document at `url`, refusing anything over `max_bytes`.
    pub async fn fetch_json(&self, url: &str, max_bytes: usize) -> Result<Fetched, FetchError> {
        let url = self.checked_url(url)?;
        let mut response = self
            .http
            .get(url)
            .header(reqwest::header::ACCEPT, "application/json")
            .send()
            .await
            .map_err(request_error)?;
        let status = response.status();
        if status.is_redirection() {
            return Err(FetchError::Redirect);
        }
        if status != reqwest::StatusCode::OK {
            return Err(FetchError::Status(status.as_u16()));
        }
        if response
            .content_length()
            .is_some_and(|n| n > max_bytes as u64)
        {
            return Err(FetchError::TooLarge(max_bytes));
        }
        let max_age = cache::max_age(response.headers());
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(request_error)? {
            if body.len() + chunk.len() > max_bytes {
                return Err(FetchError::TooLarge(max_bytes));
            }
            body.extend_from_slice(&chunk);
        }
        let document = serde_json::from_slice(&body).map_err(|_| FetchError::NotJson)?;
        Ok(Fetched { document, max_age })
    }

    /// An https URL whose host, when it is an IP literal, passes the address check (a literal
    /// never reaches the resolver).
    fn checked_url(&self, raw: &str) -> Result<url::Url, FetchError> {
        let url = url::Url::parse(raw).map_err(|_| FetchError::NotHttps)?;
        if url.scheme() != "https" || !url.username().is_empty() || url.password().is_some() {
            return Err(FetchError::NotHttps);
        }
        let literal = match url.host() {
            Some(url::Host::Ipv4(ip)) => Some(IpAddr::V4(ip)),
            Some(url::Host::Ipv6(ip)) => Some(IpAddr::V6(ip)),
            Some(url::Host::Domain(_)) => None,
            None => return Err(FetchError::NotHttps),
        };
        if literal.is_some_and(|ip| !self.allow_private && !address::is_public(ip)) {
            return Err(FetchError::AddressRefused);
        }
        Ok(url)
    }
}

fn request_error(e: reqwest::Error) -> FetchError {
    if e.is_timeout() {
        return FetchError::Timeout;
    }
    if is_refused_address(&e) {
        return FetchError::AddressRefused;
    }
    FetchError::Network(without_url(&e))
}

/// Whether the cause chain holds our resolver's refusal.
fn is_refused_address(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = cause {
        if c.downcast_ref::<NoAllowedAddress>().is_some() {
            return true;
        }
        cause = c.source();
    }
    false
}

/// The error's cause chain, without the URL (it may carry a query string).
fn without_url(e: &reqwest::Error) -> String {
    let mut parts = Vec::new();
    let mut cause: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(e);
    while let Some(c) = cause {
        parts.push(c.to_string());
        cause = c.source();
    }
    if parts.is_empty() {
        "connection failed".into()
    } else {
        parts.join(": ")
    }
}

#[derive(Debug, thiserror::Error)]
#[error("no address of the host may be reached")]
struct NoAllowedAddress;

/// Resolves names with the system resolver and keeps only the addresses a fetch may reach.
struct CheckedResolver {
    allow_private: bool,
}

impl Resolve for CheckedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let allow_private = self.allow_private;
        Box::pin(async move {
            let found = tokio::net::lookup_host((name.as_str(), 0)).await?;
            let allowed: Vec<SocketAddr> = found
                .filter(|a| allow_private || address::is_public(a.ip()))
                .collect();
            if allowed.is_empty() {
                return Err(Box::new(NoAllowedAddress) as Box<dyn std::error::Error + Send + Sync>);
            }
            let addrs: Addrs = Box::new(allowed.into_iter());
            Ok(addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fetcher(allow_private: bool) -> Fetcher {
        let settings = OutboundSettings {
            allow_private_addresses: allow_private,
            ..OutboundSettings::default()
        };
        Fetcher::new(&settings).unwrap()
    }

    #[tokio::test]
    async fn only_https_urls_and_public_literals_are_fetched() {
        let f = fetcher(false);
        for url in ["http://example.com/jwks", "ftp://example.com/", "not a url"] {
            assert_eq!(
                f.fetch_json(url, 1024).await.unwrap_err(),
                FetchError::NotHttps
            );
        }
        for url in [
            "https://127.0.0.1/",
            "https://[::1]/",
            "https://169.254.169.254/x",
        ] {
            let err = f.fetch_json(url, 1024).await.unwrap_err();
            assert_eq!(err, FetchError::AddressRefused, "{url}");
        }
    }

    #[tokio::test]
    async fn a_name_that_resolves_to_loopback_is_refused_at_connect_time() {
        let err = fetcher(false)
            .fetch_json("https://localhost:9/jwks", 1024)
            .await
            .unwrap_err();
        assert_eq!(err, FetchError::AddressRefused);
        // Allowed, the same name gets as far as the connection (nothing listens on port 9).
        let err = fetcher(true)
            .fetch_json("https://localhost:9/jwks", 1024)
            .await
            .unwrap_err();
        assert!(matches!(err, FetchError::Network(_)), "{err:?}");
    }
}
