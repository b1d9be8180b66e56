//! The layers and the checks of the configuration: defaults, a file, the environment and the
//! flags, each over the one before, and every bad value refused with its key.

use std::net::SocketAddr;
use std::time::Duration;

use super::*;
use crate::crypto::keys::SigningAlg;

/// Loads with `vars` set under a prefix no other test uses, then removes them.
fn load_with_env(
    prefix: &str,
    vars: &[(&str, &str)],
    file: Option<&Path>,
    overrides: &Overrides,
) -> Result<Settings, ConfigError> {
    for (k, v) in vars {
        std::env::set_var(format!("{prefix}{k}"), v);
    }
    let loaded = Settings::load_layers(file, prefix, overrides);
    for (k, _) in vars {
        std::env::remove_var(format!("{prefix}{k}"));
    }
    loaded
}

fn error_of(r: Result<Settings, ConfigError>) -> String {
    r.map(|_| ()).unwrap_err().to_string()
}

#[test]
fn defaults_are_valid_and_public_url_derives_from_bind() {
    let s = Settings::load_layers(None, "AC_TEST_DEFAULTS__", &Overrides::default()).unwrap();
    assert_eq!(s.public_url(), "http://127.0.0.1:8080");
    assert_eq!(s.oauth.refresh_token_ttl, Duration::from_secs(864_000));
    assert_eq!(s.log.format, LogFormat::Pretty);
    assert!(!s.secure_cookies());
}

#[test]
fn a_file_is_read_then_the_environment_then_the_flags_win() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("auth-center.toml");
    let toml = "[server]\nbind = \"0.0.0.0:9000\"\npublic_url = \"https://id.example.com/\"\n\
                [oauth]\naccess_token_ttl_secs = 120\nsigning_alg = \"EdDSA\"\n\
                [store]\nmongodb_timeout_ms = 250\n";
    std::fs::write(&file, toml).unwrap();
    let vars = [
        ("OAUTH__ACCESS_TOKEN_TTL_SECS", "60"),
        ("LOG__FORMAT", "json"),
    ];
    let mut flags = Overrides::default();
    flags.set("server.bind", Some(&"127.0.0.1:0"));
    let s = load_with_env("AC_TEST_LAYERS__", &vars, Some(&file), &flags).unwrap();
    assert_eq!(s.server.bind, "127.0.0.1:0".parse::<SocketAddr>().unwrap());
    assert_eq!(
        s.public_url(),
        "https://id.example.com",
        "as written, less the slash"
    );
    assert!(s.secure_cookies());
    assert_eq!(s.oauth.access_token_ttl, Duration::from_secs(60));
    assert_eq!(s.oauth.signing_alg, SigningAlg::EdDsa);
    assert_eq!(s.store.mongodb_timeout, Duration::from_millis(250));
    assert_eq!(s.log.format, LogFormat::Json);
}

#[test]
fn a_bad_value_from_any_layer_is_refused_with_its_key() {
    let none = Overrides::default();
    let mut flags = Overrides::default();
    flags.set("server.bind", Some(&"nonsense"));
    let err = error_of(Settings::load_layers(None, "AC_TEST_BAD0__", &flags));
    assert!(err.starts_with("server.bind:"), "{err}");
    let cases = [
        (
            "STORE__SWEEP_INTERVAL_SECS",
            "often",
            "store.sweep_interval_secs:",
        ),
        ("OAUTH__CODE_TTL_SECS", "-5", "oauth.code_ttl_secs:"),
        ("OAUTH__CODE_TTL_SECS", "0", "oauth.code_ttl_secs:"),
        (
            "OAUTH__GRANT_TTL_SECS",
            "99999999999",
            "oauth.grant_ttl_secs:",
        ),
        ("OAUTH__SIGNING_ALG", "RS256", "oauth.signing_alg:"),
        ("LOG__FORMAT", "xml", "log.format:"),
        ("SERVER__PUBLIC_URL", "ftp://x", "server.public_url:"),
        (
            "SERVER__CLIENT_IP_HEADER",
            "x-real-ip",
            "server.client_ip_header:",
        ),
        (
            "SERVER__TRUSTED_PROXIES",
            r#"["10.0.0.0/8", "proxy.internal"]"#,
            "server.trusted_proxies:",
        ),
        ("STORE__MONGODB_URI", "postgres://x", "store.mongodb_uri:"),
        ("WEB__DEFAULT_LANGUAGE", "fr", "web.default_language:"),
        (
            "OUTBOUND__MAX_FETCHES_IN_FLIGHT_PER_HOST",
            "0",
            "outbound.max_fetches_in_flight_per_host:",
        ),
        (
            "OUTBOUND__MAX_FETCHES_PER_HOST_PER_MINUTE",
            "0",
            "outbound.max_fetches_per_host_per_minute:",
        ),
        (
            "OUTBOUND__FAILURE_CACHE_SECS",
            "soon",
            "outbound.failure_cache_secs:",
        ),
    ];
    for (i, (var, value, key)) in cases.iter().enumerate() {
        let prefix = format!("AC_TEST_BAD{}__", i + 1);
        let err = error_of(load_with_env(&prefix, &[(var, value)], None, &none));
        assert!(err.starts_with(key), "{var}={value}: {err}");
    }
}

#[test]
fn trusted_proxies_are_a_list_of_cidrs_in_the_environment() {
    let vars = [("SERVER__TRUSTED_PROXIES", r#"["10.0.0.0/8", "::1"]"#)];
    let s = load_with_env("AC_TEST_PROXIES__", &vars, None, &Overrides::default()).unwrap();
    let proxies = &s.server.trusted_proxies;
    assert_eq!(proxies.len(), 2);
    assert!(proxies[0].contains("10.1.2.3".parse().unwrap()));
    assert!(proxies[1].contains("::1".parse().unwrap()));
}

#[test]
fn keys_that_depend_on_each_other_are_checked_together() {
    let mut s = Settings::default();
    s.accounts.login_max_failures_per_ip = 4;
    let err = s.validate().unwrap_err().to_string();
    assert!(
        err.starts_with("accounts.login_max_failures_per_ip:"),
        "{err}"
    );
    let mut s = Settings::default();
    s.mail.max_per_recipient_per_hour = 0;
    assert!(s
        .validate()
        .unwrap_err()
        .to_string()
        .starts_with("mail.max_per_*"));
    let mut s = Settings::default();
    s.session.absolute_timeout = Duration::from_secs(60);
    assert!(s
        .validate()
        .unwrap_err()
        .to_string()
        .starts_with("session.*"));
    let mut s = Settings::default();
    s.server.header_read_timeout = Duration::from_secs(61);
    assert!(s.validate().is_err());
}

#[test]
fn metrics_are_off_by_default_and_a_token_needs_them_on_and_long() {
    let s =
        Settings::load_layers(None, "AC_TEST_METRICS_DEFAULT__", &Overrides::default()).unwrap();
    assert!(!s.metrics.enabled && s.metrics.token.is_none());
    let vars = [
        ("METRICS__ENABLED", "true"),
        ("METRICS__TOKEN", "a-scrape-token-of-some-length"),
    ];
    let s = load_with_env("AC_TEST_METRICS_ON__", &vars, None, &Overrides::default()).unwrap();
    assert!(s.metrics.enabled && s.metrics.token.is_some());
    let vars = [("METRICS__TOKEN", "a-scrape-token-of-some-length")];
    let err = error_of(load_with_env(
        "AC_TEST_METRICS_OFF__",
        &vars,
        None,
        &Overrides::default(),
    ));
    assert!(err.starts_with("metrics.token:"), "{err}");
    let vars = [("METRICS__ENABLED", "true"), ("METRICS__TOKEN", "short")];
    let err = error_of(load_with_env(
        "AC_TEST_METRICS_SHORT__",
        &vars,
        None,
        &Overrides::default(),
    ));
    assert!(err.starts_with("metrics.token:"), "{err}");
    let configured = MetricsSettings {
        enabled: true,
        token: Some(secrecy::SecretString::from("a-scrape-token-of-some-length")),
    };
    let printed = format!("{configured:?}");
    assert!(!printed.contains("a-scrape-token"), "{printed}");
}
