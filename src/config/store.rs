//! `[store]`: which store is used (MongoDB when a URI is set, else SQLite in the data
//! directory), and its timeouts.

use std::path::PathBuf;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use super::units;
use super::ConfigError;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StoreSettings {
    /// Directory of the embedded SQLite store and of emails written to files.
    pub data_dir: PathBuf,
    /// When set, MongoDB is used instead of SQLite.
    pub mongodb_uri: Option<SecretString>,
    pub mongodb_database: String,
    /// How long to wait for a MongoDB primary before a request fails with 503.
    #[serde(rename = "mongodb_timeout_ms", deserialize_with = "units::millis")]
    pub mongodb_timeout: Duration,
    /// How long opening a connection to a MongoDB member may take.
    #[serde(
        rename = "mongodb_connect_timeout_ms",
        deserialize_with = "units::millis"
    )]
    pub mongodb_connect_timeout: Duration,
    /// How long a write waits for a majority of the replica set to acknowledge it before the
    /// request fails with 503.
    #[serde(
        rename = "mongodb_write_timeout_ms",
        deserialize_with = "units::millis"
    )]
    pub mongodb_write_timeout: Duration,
    /// Interval of the SQLite sweeper that deletes expired rows.
    #[serde(rename = "sweep_interval_secs", deserialize_with = "units::secs")]
    pub sweep_interval: Duration,
}

impl Default for StoreSettings {
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from("./data"),
            mongodb_uri: None,
            mongodb_database: "auth_center".into(),
            mongodb_timeout: Duration::from_millis(3000),
            mongodb_connect_timeout: Duration::from_millis(3000),
            mongodb_write_timeout: Duration::from_millis(5000),
            sweep_interval: Duration::from_secs(300),
        }
    }
}

impl StoreSettings {
    pub(super) fn validate(&self) -> Result<(), ConfigError> {
        if let Some(uri) = &self.mongodb_uri {
            let uri = uri.expose_secret();
            if !(uri.starts_with("mongodb://") || uri.starts_with("mongodb+srv://")) {
                return Err(ConfigError::at(
                    "store.mongodb_uri",
                    "must start with mongodb:// or mongodb+srv://",
                ));
            }
        }
        let db = &self.mongodb_database;
        if db.is_empty() || db.contains(['/', '.', ' ', '"', '$', '\\']) {
            return Err(ConfigError::at(
                "store.mongodb_database",
                "must be a non-empty MongoDB database name",
            ));
        }
        Ok(())
    }
}
