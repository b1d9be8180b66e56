//! Wiring: the only module that names concrete backends. `Application::build(settings)` opens
//! the store, creates the first admin, binds the listener (port 0 works) and assembles routes;
//! `main` and the tests both use it.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use poem::listener::{Acceptor, Listener, TcpAcceptor, TcpListener};
use poem::middleware::{CatchPanic, CookieJarManager};
use poem::{Endpoint, EndpointExt, IntoEndpoint, Route, Server};
use secrecy::ExposeSecret;

use crate::api::body_limit::{limit_body, BodyLimits};
use crate::client_ip::{ForwardedHeader, TrustedProxies};
use crate::config::Settings;
use crate::crypto::keys::KeyEncryption;
use crate::crypto::{HashQueue, PasswordHasher, PasswordParams};
use crate::listener::{ConnTimeouts, GuardedAcceptor};
use crate::mail::{FileMailer, Mailer, SmtpMailer};
use crate::service::bootstrap::{ensure_admin, CreatedAdmin};
use crate::service::clock::{Clock, SystemClock};
use crate::service::oauth::builtin::ensure_swagger_client;
use crate::service::oauth::{KeyRing, OAuthContext, OAuthPolicy};
use crate::service::sessions::SessionPolicy;
use crate::service::Services;
use crate::store::{mongo, sqlite, Stores};
use crate::{api, telemetry, web};

/// Opens the store the settings select: MongoDB when a URI is set, else SQLite in the data dir.
pub async fn open_stores(settings: &Settings) -> anyhow::Result<Stores> {
    let s = &settings.store;
    match &s.mongodb_uri {
        Some(uri) => {
            let timeout = Duration::from_millis(s.mongodb_timeout_ms.max(100));
            let store =
                mongo::connect_with_timeout(uri.expose_secret(), &s.mongodb_database, timeout)
                    .await
                    .context("cannot use MongoDB (store.mongodb_uri)")?;
            Ok(Stores::from_backend(Arc::new(store)))
        }
        None => {
            let store = sqlite::open(&s.data_dir).await?;
            Ok(Stores::from_backend(Arc::new(store)))
        }
    }
}

/// Builds the use-case context over opened stores, telling the time by `clock`.
pub fn build_services(
    settings: &Settings,
    stores: Stores,
    clock: Arc<dyn Clock>,
) -> anyhow::Result<Services> {
    let cache_ttl = Duration::from_secs(settings.oauth.client_cache_ttl_secs);
    let stores = crate::store::cache::with_client_cache(stores, cache_ttl);
    let sec = &settings.security;
    let hasher = PasswordHasher::new(
        PasswordParams {
            memory_kib: sec.argon2_memory_kib,
            iterations: sec.argon2_iterations,
            parallelism: sec.argon2_parallelism,
        },
        hash_queue(sec),
    )
    .context("security.argon2_*")?;
    let from = settings.mail.from.clone();
    let mailer: Arc<dyn Mailer> = match &settings.mail.smtp_url {
        Some(url) => Arc::new(SmtpMailer::new(url.expose_secret(), from)?),
        None => Arc::new(FileMailer::new(settings.store.data_dir.join("mail"), from)),
    };
    let oauth = Arc::new(build_oauth(settings, &stores)?);
    let emails = web::Templates::new(settings.web.templates_dir.clone())
        .context("loading email templates (web.templates_dir)")?;
    let acc = &settings.accounts;
    Ok(Services {
        stores,
        hasher,
        mailer,
        accounts: crate::service::policy::AccountPolicy {
            min_password_len: acc.min_password_length,
            email_token_ttl: chrono::Duration::seconds(acc.email_token_ttl_secs as i64),
            require_email_verification: acc.require_email_verification,
        },
        emails: Arc::new(emails),
        login_throttle: login_throttle(settings),
        mail_limits: crate::service::mail_limits::MailLimits::new(
            settings.mail.max_per_recipient_per_minute,
            settings.mail.max_per_recipient_per_hour,
            settings.mail.max_per_ip_per_hour,
        ),
        public_url: settings.public_url(),
        oauth,
        session_policy: SessionPolicy {
            idle: chrono::Duration::seconds(settings.session.idle_timeout_secs as i64),
            absolute: chrono::Duration::seconds(settings.session.absolute_timeout_secs as i64),
        },
        clock,
    })
}

/// The credential-check limits, from `accounts.login_*`.
fn login_throttle(settings: &Settings) -> crate::service::throttle::LoginThrottle {
    use crate::service::throttle::{Limit, LoginThrottle};
    let acc = &settings.accounts;
    let window = chrono::Duration::seconds(acc.login_failure_window_secs as i64);
    LoginThrottle::new(
        Limit::new(acc.login_max_failures, window),
        Limit::new(acc.login_max_failures_per_ip, window),
    )
}

/// The proxies whose forwarding header gives the client IP (`server.trusted_proxies`).
fn trusted_proxies(settings: &Settings) -> anyhow::Result<TrustedProxies> {
    let s = &settings.server;
    let nets = s
        .trusted_proxies
        .iter()
        .map(|p| p.parse().map_err(anyhow::Error::msg))
        .collect::<anyhow::Result<Vec<_>>>()
        .context("server.trusted_proxies")?;
    let header = ForwardedHeader::parse(&s.client_ip_header)
        .context("server.client_ip_header: must be x-forwarded-for or forwarded")?;
    Ok(TrustedProxies::new(nets, header))
}

/// The bounds of the password-hashing queue, from `security.hash_*`.
fn hash_queue(sec: &crate::config::SecuritySettings) -> HashQueue {
    let concurrency = match sec.hash_concurrency {
        0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
        n => n,
    };
    HashQueue {
        concurrency,
        max_waiting: match sec.hash_queue_length {
            0 => 4 * concurrency,
            n => n,
        },
        wait_timeout: Duration::from_millis(sec.hash_wait_timeout_ms),
    }
}

/// The authorization server's lifetimes and key ring, from `oauth.*`.
fn build_oauth(settings: &Settings, stores: &Stores) -> anyhow::Result<OAuthContext> {
    let o = &settings.oauth;
    let secs = chrono::Duration::seconds;
    let policy = OAuthPolicy {
        access_token_ttl: secs(o.access_token_ttl_secs),
        refresh_token_ttl: secs(o.refresh_token_ttl_secs),
        grant_ttl: secs(o.grant_ttl_secs),
        code_ttl: secs(o.code_ttl_secs),
        id_token_ttl: secs(o.id_token_ttl_secs),
        device_code_ttl: secs(o.device_code_ttl_secs),
        device_poll_interval: secs(o.device_poll_interval_secs),
        max_access_token_ttl: secs(o.max_access_token_ttl_secs),
        max_refresh_token_ttl: secs(o.max_refresh_token_ttl_secs),
        secret_rotation_grace: secs(o.secret_rotation_grace_secs),
    };
    // Signing keys are never stored in plaintext: without a configured key, one is generated
    // into the data directory.
    let kek = match &o.key_encryption_key {
        Some(k) => KeyEncryption::new(k.expose_secret()),
        None => {
            let generated = crate::data_dir::load_or_create_kek(&settings.store.data_dir)
                .context("oauth.key_encryption_key is not set and none could be generated")?;
            KeyEncryption::new(generated.expose_secret())
        }
    };
    // Apps may register access-token lifetimes up to the maximum: keys outlive those too.
    let longest = policy
        .access_token_ttl
        .max(policy.id_token_ttl)
        .max(policy.max_access_token_ttl);
    let keys = KeyRing::new(
        stores.keys.clone(),
        Some(kek),
        secs(o.key_rotation_secs),
        longest,
    );
    let alg = crate::crypto::keys::SigningAlg::parse(&o.signing_alg);
    let keys = keys.with_alg(alg.unwrap_or(crate::crypto::keys::SigningAlg::Es256));
    Ok(OAuthContext { policy, keys })
}

/// A public https URL says this is a real deployment, where emails must be delivered: the
/// file mailer would leave every reset link in the data directory instead.
fn warn_about_file_mail(settings: &Settings) {
    if settings.mail.smtp_url.is_none() && settings.public_url().starts_with("https://") {
        tracing::warn!(
            dir = %settings.store.data_dir.join("mail").display(),
            "server.public_url is https but mail.smtp_url is not set: emails (with their reset \
             and verification links) are written to files instead of being sent"
        );
    }
}

/// A bound, ready-to-run server.
pub struct Application {
    acceptor: GuardedAcceptor<TcpAcceptor>,
    addr: SocketAddr,
    services: Services,
    created_admin: Option<CreatedAdmin>,
    web: WebParts,
    body_limits: BodyLimits,
    shutdown_timeout: Duration,
    sweep_interval: Duration,
}

/// What the pages need besides the services.
#[derive(Clone)]
pub struct WebParts {
    pub templates: web::Templates,
    pub config: web::WebConfig,
    /// Whose forwarding header gives the client IP (pages and API alike).
    pub trusted_proxies: TrustedProxies,
}

impl WebParts {
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Self> {
        let templates = web::Templates::new(settings.web.templates_dir.clone())
            .context("loading templates (web.templates_dir)")?;
        let default_lang = web::i18n::Lang::parse(&settings.web.default_language)
            .context("web.default_language")?;
        Ok(Self {
            templates,
            config: web::WebConfig {
                secure_cookies: settings.secure_cookies(),
                default_lang,
            },
            trusted_proxies: trusted_proxies(settings)?,
        })
    }
}

impl Application {
    /// Opens the store, ensures an admin exists, and binds `server.bind`.
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        Self::build_with_clock(settings, Arc::new(SystemClock)).await
    }

    /// `build`, telling the time by `clock` (a test moves it instead of waiting).
    pub async fn build_with_clock(
        settings: Settings,
        clock: Arc<dyn Clock>,
    ) -> anyhow::Result<Self> {
        let web = WebParts::from_settings(&settings)?;
        let stores = open_stores(&settings).await?;
        let services = build_services(&settings, stores, clock)?;
        let admin = &settings.admin;
        let created_admin = ensure_admin(
            &services,
            &admin.username,
            &admin.email,
            admin.password.as_ref(),
        )
        .await
        .context("creating the first admin account (admin.*)")?;
        services
            .oauth
            .keys
            .seal_plaintext_keys()
            .await
            .context("sealing signing keys stored in plaintext")?;
        // The first start generates the signing key; a later one checks it still decrypts.
        services
            .oauth
            .keys
            .signer(services.now())
            .await
            .context("loading the token signing key (oauth.key_encryption_key?)")?;
        let acceptor = TcpListener::bind(settings.server.bind.clone())
            .into_acceptor()
            .await
            .with_context(|| format!("cannot listen on {} (server.bind)", settings.server.bind))?;
        let addr = acceptor
            .local_addr()
            .first()
            .and_then(|a| a.as_socket_addr().copied())
            .context("listener has no socket address")?;
        warn_about_file_mail(&settings);
        let mut services = services;
        if settings.server.public_url.is_none() {
            // Links in emails must reach this server even when it was bound to port 0.
            services.public_url = format!("http://{addr}");
        }
        ensure_swagger_client(&services)
            .await
            .context("registering the built-in Swagger UI client")?;
        let sv = &settings.server;
        let header_read = Duration::from_secs(sv.header_read_timeout_secs);
        let timeouts = ConnTimeouts {
            header_read,
            idle: Duration::from_secs(sv.idle_timeout_secs),
        };
        Ok(Self {
            acceptor: GuardedAcceptor::new(acceptor, timeouts),
            body_limits: BodyLimits {
                max_bytes: sv.max_body_bytes,
                read_timeout: header_read,
            },
            addr,
            services,
            created_admin,
            web,
            shutdown_timeout: Duration::from_secs(settings.server.shutdown_timeout_secs),
            sweep_interval: Duration::from_secs(settings.store.sweep_interval_secs.max(1)),
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    pub fn services(&self) -> &Services {
        &self.services
    }

    /// The admin account created by this start, if the store was empty.
    pub fn take_created_admin(&mut self) -> Option<CreatedAdmin> {
        self.created_admin.take()
    }

    /// Serves until `signal` resolves, then stops accepting, lets in-flight requests finish
    /// within the shutdown timeout, and closes the store.
    pub async fn run_until(
        self,
        signal: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let sweeper = spawn_sweeper(self.services.clone(), self.sweep_interval);
        let store = self.services.stores.admin.clone();
        let app = endpoint(self.services, self.web, self.body_limits);
        let result = Server::new_with_acceptor(self.acceptor)
            .run_with_graceful_shutdown(app, signal, Some(self.shutdown_timeout))
            .await;
        sweeper.abort();
        store.close().await;
        result.context("server failed")
    }
}

/// The whole HTTP surface: JSON API, spec, Swagger UI, pages; bodies bounded; errors in one
/// JSON shape; panics caught; every request traced.
pub fn endpoint(services: Services, web: WebParts, limits: BodyLimits) -> impl Endpoint + 'static {
    let api = api::service();
    let spec_json = api.spec_endpoint();
    let spec_yaml = api.spec_endpoint_yaml();
    let docs = web::docs::swagger_ui(&api);
    // The API keeps its absolute paths; it is mounted under each of its prefixes so that pages
    // can live beside it (a nest at "/" would shadow the landing page).
    let api: web::ApiEndpoint = Arc::new(
        api.into_endpoint()
            .around(api::error::reject_unparsable)
            .map_to_response()
            .boxed(),
    );
    let mut route = web::mount(Route::new(), api.clone())
        .nest("/docs", docs)
        .at("/openapi.json", spec_json)
        .at("/openapi.yaml", spec_yaml);
    for prefix in api::PATH_PREFIXES {
        route = route.nest_no_strip(prefix, api.clone());
    }
    let https = web.config.secure_cookies;
    route
        .data(services)
        .data(web.templates)
        .data(web.config)
        .data(web.trusted_proxies)
        .with(CookieJarManager::new())
        .around(move |ep, req| limit_body(ep, req, limits))
        .catch_all_error(api::error::into_json_error)
        .with(CatchPanic::new().with_handler(api::error::panic_response))
        .around(move |ep, req| web::https::harden(ep, req, https))
        .around(telemetry::trace_request)
}

/// Periodically deletes expired rows (SQLite; a no-op where TTL indexes do it).
fn spawn_sweeper(services: Services, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            match services.stores.admin.sweep_expired(services.now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(deleted = n, "swept expired records"),
                Err(e) => tracing::warn!(error = %e, "sweeping expired records failed"),
            }
        }
    })
}

/// Resolves on SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutdown requested; finishing in-flight requests");
}
