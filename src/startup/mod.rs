//! Wiring: the only module that names concrete backends. `Application::build(settings)` opens
//! the store, creates the first admin, binds the listener (port 0 works) and assembles routes;
//! `main` and the tests both use it. By concern: `services` (store, hasher, mailer, limits,
//! key ring), `http` (pages' parts and the endpoint), `lifecycle` (sweeper, signals); the mail
//! outbox worker runs beside the server like the sweeper.

mod http;
mod lifecycle;
mod services;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use poem::listener::{Acceptor, Listener, TcpAcceptor, TcpListener};
use poem::Server;

pub use http::{endpoint, WebParts};
pub use lifecycle::shutdown_signal;
pub use services::{build_services, open_stores};

use crate::api::body_limit::BodyLimits;
use crate::config::Settings;
use crate::listener::{ConnTimeouts, GuardedAcceptor};
use crate::service::bootstrap::{ensure_admin, CreatedAdmin};
use crate::service::clock::{Clock, SystemClock};
use crate::service::oauth::builtin::ensure_swagger_client;
use crate::service::Services;

/// How long the audit events still queued at shutdown may take to be written.
const AUDIT_DRAIN: Duration = Duration::from_secs(5);

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
        let mut services = build_services(&settings, stores, clock)?;
        let created_admin = prepare_store(&services, &settings).await?;
        let acceptor = TcpListener::bind(settings.server.bind)
            .into_acceptor()
            .await
            .with_context(|| format!("cannot listen on {} (server.bind)", settings.server.bind))?;
        let addr = acceptor
            .local_addr()
            .first()
            .and_then(|a| a.as_socket_addr().copied())
            .context("listener has no socket address")?;
        services::warn_about_file_mail(&settings);
        if settings.server.public_url.is_none() {
            // Links in emails must reach this server even when it was bound to port 0.
            services.public_url = format!("http://{addr}");
        }
        ensure_swagger_client(&services)
            .await
            .context("registering the built-in Swagger UI client")?;
        let sv = &settings.server;
        let timeouts = ConnTimeouts {
            header_read: sv.header_read_timeout,
            idle: sv.idle_timeout,
        };
        Ok(Self {
            acceptor: GuardedAcceptor::new(acceptor, timeouts),
            body_limits: BodyLimits {
                max_bytes: sv.max_body_bytes,
                read_timeout: sv.header_read_timeout,
            },
            addr,
            services,
            created_admin,
            web,
            shutdown_timeout: sv.shutdown_timeout,
            sweep_interval: settings.store.sweep_interval.max(Duration::from_secs(1)),
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
        let sweeper = lifecycle::spawn_sweeper(self.services.clone(), self.sweep_interval);
        let feed = self
            .services
            .stores
            .feed
            .clone()
            .map(|f| tokio::spawn(f.run()));
        let mail_worker = crate::service::email_outbox::spawn_worker(self.services.clone());
        let store = self.services.stores.admin.clone();
        let audit = self.services.audit.clone();
        let app = endpoint(self.services, self.web, self.body_limits);
        // What start-up freed goes back to the system before the server idles.
        crate::heap::release_freed();
        let result = Server::new_with_acceptor(self.acceptor)
            .run_with_graceful_shutdown(app, signal, Some(self.shutdown_timeout))
            .await;
        sweeper.abort();
        if let Some(feed) = feed {
            feed.abort();
        }
        mail_worker.abort();
        audit.shutdown(AUDIT_DRAIN).await;
        store.close().await;
        result.context("server failed")
    }
}

/// Brings the store to what a start needs: the first admin (when it has no user), signing keys
/// sealed, and a signing key that decrypts (generated on the first start).
async fn prepare_store(
    services: &Services,
    settings: &Settings,
) -> anyhow::Result<Option<CreatedAdmin>> {
    let admin = &settings.admin;
    let created = ensure_admin(
        services,
        &admin.username,
        &admin.email,
        admin.password.as_ref(),
    )
    .await
    .context("creating the first admin account (admin.*)")?;
    let keys = &services.oauth.keys;
    keys.seal_plaintext_keys()
        .await
        .context("sealing signing keys stored in plaintext")?;
    keys.signer(services.now())
        .await
        .context("loading the token signing key (oauth.key_encryption_key?)")?;
    Ok(created)
}
