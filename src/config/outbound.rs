//! `[outbound]`: the bounds of every request the server itself sends to a URL someone else
//! chose (an app's `jwks_uri`): which addresses may be reached, how long a fetch may take, an
//! extra trusted root certificate, how long and how many fetched documents (and failures) are
//! kept, and how many fetches one host gets at once and per minute.

use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;

use super::units;
use super::ConfigError;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OutboundSettings {
    /// Allow loopback, private (RFC 1918, ULA), link-local, CGNAT and other non-public
    /// addresses. Off: such addresses are refused at connect time (SSRF).
    pub allow_private_addresses: bool,
    /// A PEM file of root certificates trusted in addition to the built-in web roots (a
    /// private PKI, or tests).
    pub extra_root_ca_file: Option<PathBuf>,
    /// The longest one fetch may take, connection included.
    #[serde(rename = "timeout_ms", deserialize_with = "units::millis")]
    pub timeout: Duration,
    /// Documents kept in memory at most.
    pub cache_entries: usize,
    /// A fetched document is kept at least this long, whatever its `Cache-Control` says.
    #[serde(rename = "cache_min_ttl_secs", deserialize_with = "units::secs")]
    pub cache_min_ttl: Duration,
    /// ... and at most this long.
    #[serde(rename = "cache_max_ttl_secs", deserialize_with = "units::secs")]
    pub cache_max_ttl: Duration,
    /// A document is fetched again before its time (an unknown key id) at most this often.
    #[serde(rename = "refetch_interval_secs", deserialize_with = "units::secs")]
    pub refetch_interval: Duration,
    /// A failed fetch is remembered this long: the same URL is not fetched again meanwhile
    /// (0: not remembered).
    #[serde(rename = "failure_cache_secs", deserialize_with = "units::secs")]
    pub failure_cache: Duration,
    /// Fetches to one host in flight at once, at most.
    pub max_fetches_in_flight_per_host: usize,
    /// Fetches started to one host per minute, at most.
    pub max_fetches_per_host_per_minute: u32,
}

impl Default for OutboundSettings {
    fn default() -> Self {
        Self {
            allow_private_addresses: false,
            extra_root_ca_file: None,
            timeout: Duration::from_secs(5),
            cache_entries: 1000,
            cache_min_ttl: Duration::from_secs(60),
            cache_max_ttl: Duration::from_secs(86_400),
            refetch_interval: Duration::from_secs(30),
            failure_cache: Duration::from_secs(60),
            max_fetches_in_flight_per_host: 4,
            max_fetches_per_host_per_minute: 60,
        }
    }
}

impl OutboundSettings {
    pub(super) fn validate(&self) -> Result<(), ConfigError> {
        if self.timeout.is_zero() {
            return Err(ConfigError::at("outbound.timeout_ms", "must be at least 1"));
        }
        if self.cache_min_ttl > self.cache_max_ttl {
            return Err(ConfigError::at(
                "outbound.cache_min_ttl_secs",
                "must not exceed outbound.cache_max_ttl_secs",
            ));
        }
        if self.max_fetches_in_flight_per_host == 0 {
            return Err(ConfigError::at(
                "outbound.max_fetches_in_flight_per_host",
                "must be at least 1",
            ));
        }
        if self.max_fetches_per_host_per_minute == 0 {
            return Err(ConfigError::at(
                "outbound.max_fetches_per_host_per_minute",
                "must be at least 1",
            ));
        }
        if let Some(f) = &self.extra_root_ca_file {
            if !f.is_file() {
                return Err(ConfigError::at(
                    "outbound.extra_root_ca_file",
                    "must name a readable PEM file",
                ));
            }
        }
        Ok(())
    }
}
