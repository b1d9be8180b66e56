//! The metric families, their names, helps and labels (the README's table lists the same), and
//! one recording method per event, in the words of the code that records it.

use std::time::Duration;

use prometheus::{
    Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, IntGaugeVec, Opts,
    Registry, TextEncoder,
};

use super::secs;
use crate::domain::GrantType;

/// Latency buckets of requests and store operations, in seconds: a token answers in a tenth of
/// a millisecond, a password check in tens of milliseconds, a timeout after seconds.
const LATENCY_BUCKETS: &[f64] = &[
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
    5.0, 10.0,
];

/// The in-process caches whose hits and misses are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheName {
    /// App (client) records in front of the store.
    Client,
    /// Accounts' enabled status in front of the store.
    Owner,
    /// Account records in front of the store.
    User,
    /// Grant records in front of the store.
    Grant,
    /// Access tokens whose signature was verified before.
    VerifiedToken,
    /// The deny-list of revoked access tokens: a hit is answered from memory, a miss reads the
    /// store.
    DenyList,
}

impl CacheName {
    const ALL: [CacheName; 6] = [
        Self::Client,
        Self::Owner,
        Self::User,
        Self::Grant,
        Self::VerifiedToken,
        Self::DenyList,
    ];

    fn as_str(self) -> &'static str {
        match self {
            Self::Client => "client",
            Self::Owner => "owner",
            Self::User => "user",
            Self::Grant => "grant",
            Self::VerifiedToken => "verified_token",
            Self::DenyList => "deny_list",
        }
    }
}

/// Which step of a sign-in on the login pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInStep {
    Password,
    SecondFactor,
    /// A sign-in with a passkey (WebAuthn).
    Passkey,
}

/// How a step of a sign-in ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInOutcome {
    /// Signed in: a session started.
    Success,
    /// The password was right; the second step is asked for.
    SecondStep,
    /// Unknown account or wrong password (one case on purpose).
    BadCredentials,
    /// A wrong second-step code.
    BadCode,
    Throttled,
    Disabled,
    Unverified,
    /// The pending login of a second step expired or came from another browser.
    Expired,
    /// The store or the hashing queue could not serve it (the page said 503 or 500).
    Error,
}

impl SignInOutcome {
    fn as_str(self) -> &'static str {
        match self {
            Self::Success => "success",
            Self::SecondStep => "second_step",
            Self::BadCredentials => "bad_credentials",
            Self::BadCode => "bad_code",
            Self::Throttled => "throttled",
            Self::Disabled => "disabled",
            Self::Unverified => "unverified",
            Self::Expired => "expired",
            Self::Error => "error",
        }
    }
}

/// Which limit refused an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThrottleLimit {
    /// Credential checks of one kind on one account (`accounts.login_max_failures`).
    Account,
    /// Credential checks of one kind (`accounts.login_max_failures_per_ip`), or emails asked
    /// for (`mail.max_per_ip_per_hour`), from one client address.
    Ip,
    /// Emails to one address per minute (`mail.max_per_recipient_per_minute`).
    RecipientMinute,
    /// Emails to one address per hour (`mail.max_per_recipient_per_hour`).
    RecipientHour,
}

impl ThrottleLimit {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Account => "account",
            Self::Ip => "ip",
            Self::RecipientMinute => "recipient_minute",
            Self::RecipientHour => "recipient_hour",
        }
    }
}

/// What became of an attempt to deliver an email from the outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailOutcome {
    Sent,
    /// Failed for now; tried again later.
    Retry,
    /// Refused for good by the mail server; dropped.
    Refused,
    /// Still failing when its links expired; dropped.
    Expired,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreBackend {
    Sqlite,
    Mongodb,
}

impl StoreBackend {
    fn as_str(self) -> &'static str {
        match self {
            Self::Sqlite => "sqlite",
            Self::Mongodb => "mongodb",
        }
    }
}

/// A store error that is not an answer (not found and conflicts are answers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreErrorKind {
    /// The database did not answer in time, or is stepping down (503).
    Unavailable,
    /// Anything else (500).
    Internal,
}

/// Every family of the registry; recorded through the methods below.
pub struct Metrics {
    registry: Registry,
    pub(super) http_requests: IntCounterVec,
    pub(super) http_duration: HistogramVec,
    tokens: Vec<IntCounter>,
    sign_ins: IntCounterVec,
    throttle: IntCounterVec,
    /// Password checks waiting for a hashing turn.
    pub hash_waiting: IntGauge,
    /// Password hashes being computed.
    pub hash_running: IntGauge,
    hash_wait: Histogram,
    hash_refused: IntCounter,
    store_duration: HistogramVec,
    sqlite_duration: Histogram,
    store_errors: IntCounterVec,
    mail: [IntCounter; 4],
    cache: Vec<[IntCounter; 2]>,
    pub(super) audit: super::audit::AuditCounters,
}

/// Registers `metric` (names are constants: a failure is a defect that the unit tests catch).
fn register<M: prometheus::core::Collector + Clone + 'static>(r: &Registry, metric: M) -> M {
    r.register(Box::new(metric.clone()))
        .expect("metric names are unique and valid");
    metric
}

pub(super) fn counter(r: &Registry, name: &str, help: &str) -> IntCounter {
    register(r, IntCounter::new(name, help).expect("valid counter"))
}

fn counters(r: &Registry, name: &str, help: &str, labels: &[&str]) -> IntCounterVec {
    let vec = IntCounterVec::new(Opts::new(name, help), labels).expect("valid counter family");
    register(r, vec)
}

fn gauge(r: &Registry, name: &str, help: &str) -> IntGauge {
    register(r, IntGauge::new(name, help).expect("valid gauge"))
}

fn latency(name: &str, help: &str) -> HistogramOpts {
    HistogramOpts::new(name, help).buckets(LATENCY_BUCKETS.to_vec())
}

fn histograms(r: &Registry, name: &str, help: &str, labels: &[&str]) -> HistogramVec {
    let vec = HistogramVec::new(latency(name, help), labels).expect("valid histogram family");
    register(r, vec)
}

impl Metrics {
    pub(super) fn new() -> Self {
        let r = Registry::new_custom(Some("auth_center".into()), None).expect("valid prefix");
        let build = IntGaugeVec::new(
            Opts::new("build_info", "The running version; always 1."),
            &["version"],
        )
        .expect("valid gauge family");
        register(&r, build)
            .with_label_values(&[env!("CARGO_PKG_VERSION")])
            .set(1);
        let tokens = counters(
            &r,
            "tokens_issued_total",
            "Access tokens issued, by grant type.",
            &["grant_type"],
        );
        let mail = counters(
            &r,
            "mail_deliveries_total",
            "Attempts to deliver an email from the outbox, by outcome.",
            &["outcome"],
        );
        let cache = counters(
            &r,
            "cache_lookups_total",
            "Look-ups in the in-process caches, by cache and result (hit or miss).",
            &["cache", "result"],
        );
        let store_duration = histograms(
            &r,
            "store_operation_duration_seconds",
            "Store operations (MongoDB commands, SQLite connection calls), by backend and operation.",
            &["backend", "operation"],
        );
        Self {
            http_requests: counters(
                &r,
                "http_requests_total",
                "HTTP requests answered, by route template, method and status.",
                &["route", "method", "status"],
            ),
            http_duration: histograms(
                &r,
                "http_request_duration_seconds",
                "Time to answer an HTTP request, by route template and method.",
                &["route", "method"],
            ),
            tokens: GrantType::ALL
                .iter()
                .map(|g| tokens.with_label_values(&[grant_label(*g)]))
                .collect(),
            sign_ins: counters(
                &r,
                "sign_ins_total",
                "Sign-ins on the login pages, by step (password, second_factor) and outcome.",
                &["step", "outcome"],
            ),
            throttle: counters(
                &r,
                "throttle_refusals_total",
                "Attempts refused by a limit, by check (password, device_code, second_factor, \
                 mail) and limit.",
                &["check", "limit"],
            ),
            hash_waiting: gauge(
                &r,
                "password_hash_queue_waiting",
                "Password checks waiting for a hashing turn.",
            ),
            hash_running: gauge(
                &r,
                "password_hash_running",
                "Password hashes being computed.",
            ),
            hash_wait: register(
                &r,
                Histogram::with_opts(latency(
                    "password_hash_wait_seconds",
                    "Time a password check waited for a hashing turn.",
                ))
                .expect("valid histogram"),
            ),
            hash_refused: counter(
                &r,
                "password_hash_refused_total",
                "Password checks refused because the hashing queue was full or the wait too long.",
            ),
            sqlite_duration: store_duration.with_label_values(&["sqlite", "call"]),
            store_duration,
            store_errors: counters(
                &r,
                "store_errors_total",
                "Store operations that failed (not found and conflicts are answers, not \
                 errors), by backend and kind (unavailable, internal).",
                &["backend", "kind"],
            ),
            mail: ["sent", "retry", "refused", "expired"].map(|o| mail.with_label_values(&[o])),
            cache: CacheName::ALL
                .iter()
                .map(|c| ["hit", "miss"].map(|h| cache.with_label_values(&[c.as_str(), h])))
                .collect(),
            audit: super::audit::AuditCounters::new(&r),
            registry: r,
        }
    }

    /// The registry in the Prometheus text format.
    pub(super) fn render(&self) -> String {
        TextEncoder::new()
            .encode_to_string(&self.registry.gather())
            .unwrap_or_default()
    }

    /// An access token was issued under `grant`.
    pub fn token_issued(&self, grant: GrantType) {
        if let Some(i) = GrantType::ALL.iter().position(|g| *g == grant) {
            self.tokens[i].inc();
        }
    }

    pub fn sign_in(&self, step: SignInStep, outcome: SignInOutcome) {
        let step = match step {
            SignInStep::Password => "password",
            SignInStep::SecondFactor => "second_factor",
            SignInStep::Passkey => "passkey",
        };
        self.sign_ins
            .with_label_values(&[step, outcome.as_str()])
            .inc();
    }

    /// An attempt at `check` (`password`, `device_code`, `second_factor`, `mail`) was refused
    /// by `limit`.
    pub fn throttled(&self, check: &'static str, limit: ThrottleLimit) {
        self.throttle
            .with_label_values(&[check, limit.as_str()])
            .inc();
    }

    /// A password check got its hashing turn after `waited`.
    pub fn hash_turn(&self, waited: Duration) {
        self.hash_wait.observe(secs(waited));
    }

    pub fn hash_refused(&self) {
        self.hash_refused.inc();
    }

    /// One SQLite connection call took `took` (successful or not).
    pub fn sqlite_call(&self, took: Duration) {
        self.sqlite_duration.observe(secs(took));
    }

    /// One MongoDB command took `took`; commands the store does not send are `other`.
    pub fn mongodb_command(&self, command: &str, took: Duration) {
        let op = match command {
            "find" | "insert" | "update" | "delete" | "findAndModify" | "aggregate" | "getMore"
            | "count" | "createIndexes" | "killCursors" | "ping" | "drop" => command,
            _ => "other",
        };
        self.store_duration
            .with_label_values(&["mongodb", op])
            .observe(secs(took));
    }

    pub fn store_error(&self, backend: StoreBackend, kind: StoreErrorKind) {
        let kind = match kind {
            StoreErrorKind::Unavailable => "unavailable",
            StoreErrorKind::Internal => "internal",
        };
        self.store_errors
            .with_label_values(&[backend.as_str(), kind])
            .inc();
    }

    pub fn mail(&self, outcome: MailOutcome) {
        self.mail[outcome as usize].inc();
    }

    /// A look-up in `cache` found what it looked for (`hit`) or not.
    pub fn cache(&self, cache: CacheName, hit: bool) {
        self.cache[cache as usize][usize::from(!hit)].inc();
    }
}

/// The grant type as a label: the wire name, but `device_code` for RFC 8628's URN.
fn grant_label(g: GrantType) -> &'static str {
    match g {
        GrantType::DeviceCode => "device_code",
        other => other.as_str(),
    }
}
