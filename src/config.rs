//! Typed, layered configuration: defaults → optional TOML file → environment
//! (`AUTH_CENTER__SECTION__KEY`) → command-line flags (and their `AUTH_CENTER_FLAG` variables).
//!
//! Every key is documented in the README with its default. Secrets are wrapped in `SecretString`
//! so they never reach a log line. Must not import the service, store or web layers.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use url::Url;

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    pub server: ServerSettings,
    pub store: StoreSettings,
    pub mail: MailSettings,
    pub admin: AdminSettings,
    pub security: SecuritySettings,
    pub session: SessionSettings,
    pub accounts: AccountSettings,
    pub web: WebSettings,
    pub log: LogSettings,
    pub oauth: OAuthSettings,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerSettings {
    /// Address to listen on; port 0 picks a free port.
    pub bind: String,
    /// The issuer and base of every absolute link; defaults to `http://{bind}`.
    pub public_url: Option<String>,
    /// How long in-flight requests may take to finish after SIGTERM/SIGINT.
    pub shutdown_timeout_secs: u64,
    /// Reverse proxies (CIDRs or addresses) whose forwarding header gives the client IP; from
    /// any other peer the header is ignored. Empty: the TCP peer is the client.
    pub trusted_proxies: Vec<String>,
    /// The header those proxies set: `x-forwarded-for` or `forwarded` (RFC 7239).
    pub client_ip_header: String,
    /// The largest request body accepted (forms and JSON), in bytes; larger bodies get 413
    /// (400 `invalid_request` on `/oauth2/*`), whether or not they declare a length.
    pub max_body_bytes: usize,
    /// A request's head (request line and headers), and then its body, must each arrive within
    /// this many seconds; the first head is timed from the connection's start.
    pub header_read_timeout_secs: u64,
    /// A connection on which nothing is read or written for this many seconds is closed.
    pub idle_timeout_secs: u64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct StoreSettings {
    /// Directory of the embedded SQLite store and of emails written to files.
    pub data_dir: PathBuf,
    /// When set, MongoDB is used instead of SQLite.
    #[serde(serialize_with = "ser_secret_opt")]
    pub mongodb_uri: Option<SecretString>,
    pub mongodb_database: String,
    /// How long to wait for MongoDB before a request fails with 503.
    pub mongodb_timeout_ms: u64,
    /// Interval of the SQLite sweeper that deletes expired rows.
    pub sweep_interval_secs: u64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct MailSettings {
    /// `smtp://`, `smtps://` or `smtp://...?tls=required` (STARTTLS), with optional user:pass@.
    /// Unset: emails are written as .eml files under `{data_dir}/mail`.
    #[serde(serialize_with = "ser_secret_opt")]
    pub smtp_url: Option<SecretString>,
    pub from: String,
    /// Emails of one kind (verification, reset, change of email) to one address per minute.
    pub max_per_recipient_per_minute: u32,
    /// ... and per hour.
    pub max_per_recipient_per_hour: u32,
    /// Requests that may send an email (registration, verification resend, reset, change of
    /// email) from one client IP per hour.
    pub max_per_ip_per_hour: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct AdminSettings {
    /// Account created on first start when the store has no user.
    pub username: String,
    pub email: String,
    /// Its password; unset: a random one is generated and printed once.
    #[serde(serialize_with = "ser_secret_opt")]
    pub password: Option<SecretString>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct SecuritySettings {
    /// argon2id memory cost in KiB (OWASP: 19456).
    pub argon2_memory_kib: u32,
    /// argon2id iterations (OWASP: 2).
    pub argon2_iterations: u32,
    /// argon2id lanes (OWASP: 1).
    pub argon2_parallelism: u32,
    /// Password hashes computed at once; more wait. 0 = number of CPUs.
    pub hash_concurrency: usize,
    /// Password checks that may wait for a hashing turn; beyond that they are refused at once
    /// (503). 0 = 4 × hash_concurrency.
    pub hash_queue_length: usize,
    /// How long a password check waits for a hashing turn before it is refused (503).
    pub hash_wait_timeout_ms: u64,
}

/// Lifetimes and signing keys of the authorization server (RFC 6749, RFC 9068, OIDC Core).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct OAuthSettings {
    /// Lifetime of JWT access tokens (an app may override it).
    pub access_token_ttl_secs: i64,
    /// Lifetime of one refresh token (an app may override it); each use rotates it.
    pub refresh_token_ttl_secs: i64,
    /// Absolute lifetime of a grant (a refresh-token family): no refresh after it.
    pub grant_ttl_secs: i64,
    /// Lifetime of an authorization code.
    pub code_ttl_secs: i64,
    /// Lifetime of an id_token.
    pub id_token_ttl_secs: i64,
    /// A signing key signs for this long, then a new one is generated; the old one stays in
    /// the JWKS until every token it signed has expired.
    pub key_rotation_secs: i64,
    /// When set, private signing keys are stored encrypted with a key derived from it.
    #[serde(serialize_with = "ser_secret_opt")]
    pub key_encryption_key: Option<SecretString>,
    /// Lifetime of a device code and its user code (RFC 8628).
    pub device_code_ttl_secs: i64,
    /// Minimum seconds between two polls of the token endpoint by a device (RFC 8628 §3.5).
    pub device_poll_interval_secs: i64,
    /// The algorithm of new signing keys: `ES256` or `EdDSA` (Ed25519). Switching generates a
    /// key of the new algorithm; the old keys keep verifying until they expire.
    pub signing_alg: String,
    /// How long a process keeps a client record in memory; 0 disables the cache. Changes made
    /// by this process are seen at once; by another process, after at most this long.
    pub client_cache_ttl_secs: u64,
    /// The longest access-token lifetime an app may register for itself.
    pub max_access_token_ttl_secs: i64,
    /// The longest refresh-token lifetime an app may register for itself.
    pub max_refresh_token_ttl_secs: i64,
    /// After an app's secret is rotated, the previous secret keeps working this long (0: dies
    /// at once).
    pub secret_rotation_grace_secs: i64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct SessionSettings {
    /// A browser session ends after this long without a request.
    pub idle_timeout_secs: u64,
    /// A browser session ends this long after login, active or not.
    pub absolute_timeout_secs: u64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct AccountSettings {
    /// Shortest password accepted at registration, reset and change.
    pub min_password_length: usize,
    /// Lifetime of verification, reset and change-of-email links.
    pub email_token_ttl_secs: u64,
    /// When true, an account whose email is not verified cannot log in.
    pub require_email_verification: bool,
    /// Failed password checks for one account before further attempts are refused.
    pub login_max_failures: u32,
    /// Failed password checks from one client IP, on any accounts, before every attempt from
    /// it is refused (password spraying).
    pub login_max_failures_per_ip: u32,
    /// The window in which failures are counted, and how long a refusal lasts at most.
    pub login_failure_window_secs: u64,
}

impl Default for AccountSettings {
    fn default() -> Self {
        Self {
            min_password_length: 10,
            email_token_ttl_secs: 1800,
            require_email_verification: false,
            login_max_failures: 5,
            login_max_failures_per_ip: 100,
            login_failure_window_secs: 900,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct WebSettings {
    /// A directory whose files override the built-in templates of the same name (branding).
    pub templates_dir: Option<PathBuf>,
    /// Page language when neither `lang` nor Accept-Language picks one: `en` or `zh-CN`.
    pub default_language: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct LogSettings {
    /// `pretty` or `json`.
    pub format: String,
    /// A tracing filter, e.g. `info` or `auth_center=debug,info`. `RUST_LOG` overrides it.
    pub level: String,
}

fn ser_secret_opt<S: serde::Serializer>(v: &Option<SecretString>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(secret) => s.serialize_some(secret.expose_secret()),
        None => s.serialize_none(),
    }
}

impl Default for ServerSettings {
    fn default() -> Self {
        Self {
            bind: "127.0.0.1:8080".into(),
            public_url: None,
            shutdown_timeout_secs: 10,
            trusted_proxies: Vec::new(),
            client_ip_header: "x-forwarded-for".into(),
            max_body_bytes: 64 * 1024,
            header_read_timeout_secs: 10,
            idle_timeout_secs: 60,
        }
    }
}

impl Default for StoreSettings {
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from("./data"),
            mongodb_uri: None,
            mongodb_database: "auth_center".into(),
            mongodb_timeout_ms: 3000,
            sweep_interval_secs: 300,
        }
    }
}

impl Default for MailSettings {
    fn default() -> Self {
        Self {
            smtp_url: None,
            from: "auth-center <no-reply@localhost>".into(),
            max_per_recipient_per_minute: 1,
            max_per_recipient_per_hour: 5,
            max_per_ip_per_hour: 30,
        }
    }
}

impl Default for AdminSettings {
    fn default() -> Self {
        Self {
            username: "admin".into(),
            email: "admin@localhost".into(),
            password: None,
        }
    }
}

impl Default for SecuritySettings {
    fn default() -> Self {
        Self {
            argon2_memory_kib: 19456,
            argon2_iterations: 2,
            argon2_parallelism: 1,
            hash_concurrency: 0,
            hash_queue_length: 0,
            hash_wait_timeout_ms: 1000,
        }
    }
}

impl Default for OAuthSettings {
    fn default() -> Self {
        Self {
            access_token_ttl_secs: 3_600,
            refresh_token_ttl_secs: 10 * 86_400,
            grant_ttl_secs: 90 * 86_400,
            code_ttl_secs: 600,
            id_token_ttl_secs: 3_600,
            key_rotation_secs: 30 * 86_400,
            key_encryption_key: None,
            device_code_ttl_secs: 600,
            device_poll_interval_secs: 5,
            signing_alg: "ES256".into(),
            client_cache_ttl_secs: 30,
            max_access_token_ttl_secs: 86_400,
            max_refresh_token_ttl_secs: 90 * 86_400,
            secret_rotation_grace_secs: 86_400,
        }
    }
}

impl Default for SessionSettings {
    fn default() -> Self {
        Self {
            idle_timeout_secs: 8 * 3600,
            absolute_timeout_secs: 7 * 24 * 3600,
        }
    }
}

impl Default for WebSettings {
    fn default() -> Self {
        Self {
            templates_dir: None,
            default_language: "en".into(),
        }
    }
}

impl Default for LogSettings {
    fn default() -> Self {
        Self {
            format: "pretty".into(),
            level: "info".into(),
        }
    }
}

/// Values given on the command line (or their `AUTH_CENTER_*` variables); they win over the
/// file and `AUTH_CENTER__*` variables.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Overrides {
    pub bind: Option<String>,
    pub public_url: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub mongodb_uri: Option<String>,
    pub mongodb_database: Option<String>,
    pub smtp_url: Option<String>,
    pub admin_password: Option<String>,
}

/// A configuration problem, worded for the operator: it names the key and what is allowed.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

impl Settings {
    /// Loads defaults → `file` → `AUTH_CENTER__*` environment → `overrides`, then validates.
    pub fn load(file: Option<&Path>, overrides: &Overrides) -> Result<Settings, ConfigError> {
        let mut fig = Figment::from(Serialized::defaults(Settings::default()));
        if let Some(path) = file {
            if !path.is_file() {
                return Err(ConfigError(format!(
                    "config file {} does not exist or is not a file",
                    path.display()
                )));
            }
            fig = fig.merge(Toml::file_exact(path));
        }
        fig = fig.merge(Env::prefixed("AUTH_CENTER__").split("__"));
        let mut settings: Settings = fig.extract().map_err(describe_figment_error)?;
        settings.apply(overrides);
        settings.validate()?;
        Ok(settings)
    }

    fn apply(&mut self, o: &Overrides) {
        let set = |dst: &mut String, v: &Option<String>| {
            if let Some(v) = v {
                dst.clone_from(v);
            }
        };
        set(&mut self.server.bind, &o.bind);
        if o.public_url.is_some() {
            self.server.public_url.clone_from(&o.public_url);
        }
        if let Some(d) = &o.data_dir {
            self.store.data_dir.clone_from(d);
        }
        if let Some(u) = &o.mongodb_uri {
            self.store.mongodb_uri = Some(SecretString::from(u.clone()));
        }
        set(&mut self.store.mongodb_database, &o.mongodb_database);
        if let Some(u) = &o.smtp_url {
            self.mail.smtp_url = Some(SecretString::from(u.clone()));
        }
        if let Some(p) = &o.admin_password {
            self.admin.password = Some(SecretString::from(p.clone()));
        }
    }

    /// Checks every value whose type does not already say it all.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let bad = |key: &str, allowed: &str| Err(ConfigError(format!("{key}: {allowed}")));
        if self.server.bind.parse::<SocketAddr>().is_err() {
            return bad(
                "server.bind",
                &format!("'{}' is not an IP:PORT address", self.server.bind),
            );
        }
        if let Some(u) = &self.server.public_url {
            match Url::parse(u) {
                Ok(url) if matches!(url.scheme(), "http" | "https") && url.query().is_none() => {}
                _ => {
                    return bad(
                        "server.public_url",
                        "must be an absolute http(s) URL without query",
                    )
                }
            }
        }
        let sv = &self.server;
        if !(1024..=64 * 1024 * 1024).contains(&sv.max_body_bytes) {
            return bad("server.max_body_bytes", "must be 1024 to 67108864 bytes");
        }
        if sv.header_read_timeout_secs == 0 || sv.idle_timeout_secs < sv.header_read_timeout_secs {
            return bad(
                "server.*_timeout_secs",
                "header_read_timeout_secs must be > 0 and <= idle_timeout_secs",
            );
        }
        if let Some(uri) = &self.store.mongodb_uri {
            let uri = uri.expose_secret();
            if !(uri.starts_with("mongodb://") || uri.starts_with("mongodb+srv://")) {
                return bad(
                    "store.mongodb_uri",
                    "must start with mongodb:// or mongodb+srv://",
                );
            }
        }
        if self.store.mongodb_database.is_empty()
            || self
                .store
                .mongodb_database
                .contains(['/', '.', ' ', '"', '$', '\\'])
        {
            return bad(
                "store.mongodb_database",
                "must be a non-empty MongoDB database name",
            );
        }
        if let Some(url) = &self.mail.smtp_url {
            match Url::parse(url.expose_secret()) {
                Ok(u) if matches!(u.scheme(), "smtp" | "smtps") => {}
                _ => return bad("mail.smtp_url", "must be an smtp:// or smtps:// URL"),
            }
        }
        if !matches!(self.web.default_language.as_str(), "en" | "zh-CN") {
            return bad("web.default_language", "must be 'en' or 'zh-CN'");
        }
        if let Some(dir) = &self.web.templates_dir {
            if !dir.is_dir() {
                return bad(
                    "web.templates_dir",
                    &format!("{} is not a directory", dir.display()),
                );
            }
        }
        let ss = &self.session;
        if ss.idle_timeout_secs == 0 || ss.absolute_timeout_secs < ss.idle_timeout_secs {
            return bad(
                "session.*",
                "idle_timeout_secs must be > 0 and <= absolute_timeout_secs",
            );
        }
        let a = &self.accounts;
        if !(6..=128).contains(&a.min_password_length) {
            return bad("accounts.min_password_length", "must be 6 to 128");
        }
        if a.email_token_ttl_secs < 60 || a.login_max_failures == 0 {
            return bad(
                "accounts.*",
                "email_token_ttl_secs must be >= 60 and login_max_failures >= 1",
            );
        }
        if a.login_max_failures_per_ip < a.login_max_failures {
            return bad(
                "accounts.login_max_failures_per_ip",
                "must be >= accounts.login_max_failures",
            );
        }
        if a.login_failure_window_secs == 0 {
            return bad("accounts.login_failure_window_secs", "must be > 0");
        }
        self.validate_limits()?;
        if !matches!(self.log.format.as_str(), "pretty" | "json") {
            return bad("log.format", "must be 'pretty' or 'json'");
        }
        let s = &self.security;
        if s.argon2_memory_kib < 8 * s.argon2_parallelism.max(1) || s.argon2_iterations == 0 {
            return bad(
                "security.argon2_*",
                "memory must be >= 8 KiB per lane and iterations >= 1",
            );
        }
        if !(1..=255).contains(&s.argon2_parallelism) {
            return bad("security.argon2_parallelism", "must be 1 to 255");
        }
        self.validate_oauth()
    }

    /// The client-IP and mail-limit keys.
    fn validate_limits(&self) -> Result<(), ConfigError> {
        let bad = |key: &str, allowed: String| Err(ConfigError(format!("{key}: {allowed}")));
        for p in &self.server.trusted_proxies {
            if let Err(e) = p.parse::<crate::client_ip::Cidr>() {
                return bad("server.trusted_proxies", e);
            }
        }
        if crate::client_ip::ForwardedHeader::parse(&self.server.client_ip_header).is_none() {
            return bad(
                "server.client_ip_header",
                "must be 'x-forwarded-for' or 'forwarded'".into(),
            );
        }
        let m = &self.mail;
        if m.max_per_recipient_per_minute == 0
            || m.max_per_recipient_per_hour < m.max_per_recipient_per_minute
            || m.max_per_ip_per_hour == 0
        {
            return bad(
                "mail.max_per_*",
                "must be >= 1, and per hour >= per minute".into(),
            );
        }
        Ok(())
    }

    fn validate_oauth(&self) -> Result<(), ConfigError> {
        let o = &self.oauth;
        let positive = [
            ("oauth.access_token_ttl_secs", o.access_token_ttl_secs),
            ("oauth.refresh_token_ttl_secs", o.refresh_token_ttl_secs),
            ("oauth.grant_ttl_secs", o.grant_ttl_secs),
            ("oauth.code_ttl_secs", o.code_ttl_secs),
            ("oauth.id_token_ttl_secs", o.id_token_ttl_secs),
            ("oauth.key_rotation_secs", o.key_rotation_secs),
            ("oauth.device_code_ttl_secs", o.device_code_ttl_secs),
            (
                "oauth.device_poll_interval_secs",
                o.device_poll_interval_secs,
            ),
            (
                "oauth.max_access_token_ttl_secs",
                o.max_access_token_ttl_secs,
            ),
            (
                "oauth.max_refresh_token_ttl_secs",
                o.max_refresh_token_ttl_secs,
            ),
        ];
        if let Some((key, _)) = positive.iter().find(|(_, v)| *v <= 0) {
            return Err(ConfigError(format!(
                "{key}: must be a positive number of seconds"
            )));
        }
        if o.secret_rotation_grace_secs < 0 {
            return Err(ConfigError(
                "oauth.secret_rotation_grace_secs: must be 0 or more seconds".into(),
            ));
        }
        if o.key_encryption_key
            .as_ref()
            .is_some_and(|k| k.expose_secret().len() < 16)
        {
            return Err(ConfigError(
                "oauth.key_encryption_key: must be at least 16 characters".into(),
            ));
        }
        if crate::crypto::keys::SigningAlg::parse(&o.signing_alg).is_none() {
            return Err(ConfigError(
                "oauth.signing_alg: must be ES256 or EdDSA".into(),
            ));
        }
        Ok(())
    }

    /// Whether cookies must carry `Secure` (the public URL is https).
    pub fn secure_cookies(&self) -> bool {
        self.public_url().starts_with("https://")
    }

    /// The issuer URL without a trailing slash.
    pub fn public_url(&self) -> String {
        match &self.server.public_url {
            Some(u) => u.trim_end_matches('/').to_string(),
            None => format!("http://{}", self.server.bind),
        }
    }
}

fn describe_figment_error(e: figment::Error) -> ConfigError {
    let key = e.path.join(".");
    let msg = e.kind.to_string();
    if key.is_empty() {
        ConfigError(format!("configuration: {msg}"))
    } else {
        ConfigError(format!("{key}: {msg}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_public_url_derives_from_bind() {
        let s = Settings::default();
        s.validate().unwrap();
        assert_eq!(s.public_url(), "http://127.0.0.1:8080");
    }

    #[test]
    fn overrides_win_and_bad_values_name_their_key() {
        let o = Overrides {
            bind: Some("nonsense".into()),
            ..Default::default()
        };
        let err = Settings::load(None, &o).unwrap_err().to_string();
        assert!(err.starts_with("server.bind:"), "{err}");
    }

    #[test]
    fn trusted_proxies_are_cidrs_and_limits_are_consistent() {
        let mut s = Settings::default();
        assert!(s.server.trusted_proxies.is_empty());
        s.server.trusted_proxies = vec!["10.0.0.0/8".into(), "::1".into()];
        s.validate().unwrap();
        s.server.trusted_proxies.push("proxy.internal".into());
        let err = s.validate().unwrap_err().to_string();
        assert!(err.starts_with("server.trusted_proxies:"), "{err}");
        let mut s = Settings::default();
        s.accounts.login_max_failures_per_ip = 4;
        let err = s.validate().unwrap_err().to_string();
        assert!(
            err.starts_with("accounts.login_max_failures_per_ip:"),
            "{err}"
        );
        let mut s = Settings::default();
        s.mail.max_per_recipient_per_hour = 0;
        assert!(s.validate().is_err());
    }

    #[test]
    fn trusted_proxies_can_be_given_as_a_list_in_the_environment() {
        // Valid for every other test that may load the settings meanwhile.
        std::env::set_var(
            "AUTH_CENTER__SERVER__TRUSTED_PROXIES",
            r#"["10.0.0.0/8", "::1"]"#,
        );
        let loaded = Settings::load(None, &Overrides::default());
        std::env::remove_var("AUTH_CENTER__SERVER__TRUSTED_PROXIES");
        let proxies = loaded.unwrap().server.trusted_proxies;
        assert_eq!(proxies, ["10.0.0.0/8", "::1"]);
    }

    #[test]
    fn the_signing_algorithm_is_es256_or_eddsa() {
        let mut s = Settings::default();
        assert_eq!(s.oauth.signing_alg, "ES256");
        s.oauth.signing_alg = "EdDSA".into();
        s.validate().unwrap();
        s.oauth.signing_alg = "RS256".into();
        let err = s.validate().unwrap_err().to_string();
        assert!(err.starts_with("oauth.signing_alg:"), "{err}");
    }
}
