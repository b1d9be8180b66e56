//! Shared test harness: a fresh application per test, on port 0, with its own store (SQLite in
//! a temp dir, or its own database on the real test mongod), and cheap argon2 parameters.
#![allow(dead_code)]

pub mod accounts;
pub mod authenticator;
pub mod authz;
pub mod caller;
pub mod client_keys;
pub mod dpop;
#[path = "../../shared/html.rs"]
mod html;
pub mod jwks_server;
pub mod mail;
#[path = "../../shared/mongod.rs"]
mod mongod;
pub mod oauth;
pub mod totp;
pub mod two_factor;

pub use html::{consent_form, extract_hidden, unescape_attr};
pub use mongod::{mongo_uri, unique_db_name};

use std::sync::Arc;

use auth_center::config::Settings;
use auth_center::service::clock::ShiftedClock;
use auth_center::startup::Application;
use secrecy::SecretString;
use tokio::sync::oneshot;

/// The store a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Mongo,
}

/// Settings for a test app: port 0, temp data dir, cheap hashing, the chosen backend.
pub fn test_settings(backend: Backend, data_dir: &std::path::Path) -> Settings {
    let mut s = Settings::default();
    s.server.bind = ([127, 0, 0, 1], 0).into();
    s.store.data_dir = data_dir.to_path_buf();
    s.security.argon2_memory_kib = 64;
    s.security.argon2_iterations = 1;
    s.log.level = "warn".into();
    if backend == Backend::Mongo {
        s.store.mongodb_uri = Some(SecretString::from(mongo_uri()));
        s.store.mongodb_database = unique_db_name("http");
    }
    s
}

/// A running application and what a test needs to talk to it.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub settings: Settings,
    pub admin_password: Option<String>,
    /// The use cases of the running app, for arranging state the HTTP API cannot (yet) create.
    pub services: auth_center::service::Services,
    /// The app's clock: `advance` moves it where a test would otherwise wait.
    pub clock: Arc<ShiftedClock>,
    stop: Option<oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
    _data_dir: tempfile::TempDir,
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let settings = test_settings(backend, dir.path());
        Self::spawn_with(settings, dir).await
    }

    pub async fn spawn_with(settings: Settings, dir: tempfile::TempDir) -> TestApp {
        auth_center::telemetry::init(settings.log.format.as_str(), &settings.log.level);
        let clock = Arc::new(ShiftedClock::default());
        let mut app = Application::build_with_clock(settings.clone(), clock.clone())
            .await
            .expect("application builds");
        let admin_password = app.take_created_admin().and_then(|a| {
            a.generated_password
                .map(|p| secrecy::ExposeSecret::expose_secret(&p).to_owned())
        });
        let address = format!("http://127.0.0.1:{}", app.port());
        let services = app.services().clone();
        let (tx, rx) = oneshot::channel::<()>();
        let server = tokio::spawn(app.run_until(async move {
            let _ = rx.await;
        }));
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .expect("http client");
        TestApp {
            address,
            client,
            settings,
            admin_password,
            services,
            clock,
            stop: Some(tx),
            server: Some(server),
            _data_dir: dir,
        }
    }

    /// A second view of the same store, for arranging and inspecting state directly. It keeps
    /// no client cache of its own, so what it reads is what the store holds.
    pub async fn services(&self) -> auth_center::service::Services {
        let mut settings = self.settings.clone();
        settings.oauth.client_cache_ttl = std::time::Duration::ZERO;
        let stores = auth_center::startup::open_stores(&settings)
            .await
            .expect("store opens");
        auth_center::startup::build_services(&settings, stores, self.clock.clone())
            .expect("services")
    }

    /// Moves the app's clock ahead: what expires after `by` has expired, without waiting.
    pub fn advance(&self, by: std::time::Duration) {
        self.clock
            .advance(chrono::Duration::from_std(by).expect("a representable duration"));
    }

    /// Creates a verified account directly through the service layer.
    pub async fn create_user(
        &self,
        username: &str,
        email: &str,
        password: &str,
    ) -> auth_center::domain::User {
        let svc = self.services().await;
        auth_center::service::accounts::create_user(
            &svc,
            auth_center::service::accounts::NewUser {
                username: username.into(),
                email: email.into(),
                password: password.into(),
                display_name: None,
                is_admin: false,
                email_verified: true,
            },
        )
        .await
        .expect("user created")
    }

    /// Fetches a page and returns its CSRF token (the hidden `csrf_token` field).
    pub async fn csrf_token(&self, path: &str) -> String {
        let html = self.get(path).await.text().await.expect("page body");
        extract_hidden(&html, "csrf_token").expect("page has a csrf_token field")
    }

    /// Logs in through the login page with this client's cookie jar.
    pub async fn login(&self, username: &str, password: &str) -> reqwest::Response {
        self.login_in(&self.client, username, password).await
    }

    /// Logs in through the login page of `browser` (its own cookie jar and headers).
    pub async fn login_in(
        &self,
        browser: &reqwest::Client,
        username: &str,
        password: &str,
    ) -> reqwest::Response {
        let html = browser
            .get(self.url("/accounts/login/"))
            .send()
            .await
            .expect("login page")
            .text()
            .await
            .expect("page body");
        let csrf = extract_hidden(&html, "csrf_token").expect("page has a csrf_token field");
        browser
            .post(self.url("/accounts/login/"))
            .form(&[
                ("username", username),
                ("password", password),
                ("csrf_token", &csrf),
                ("next", "/"),
            ])
            .send()
            .await
            .expect("login request")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    /// Stops the server (graceful) and drops the test database on MongoDB.
    pub async fn stop(mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(server) = self.server.take() {
            let _ = server.await;
        }
        if let Some(uri) = &self.settings.store.mongodb_uri {
            let uri = secrecy::ExposeSecret::expose_secret(uri);
            if let Ok(store) =
                auth_center::store::mongo::connect(uri, &self.settings.store.mongodb_database).await
            {
                let _ = store.drop_database().await;
            }
        }
    }
}

/// Expands each case into one test per backend: `mod sqlite { fn case() }`, `mod mongo { ... }`.
/// A case is `async fn case(backend: Backend)`.
#[macro_export]
macro_rules! on_both_stores {
    ($($case:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    super::$case($crate::helpers::Backend::Sqlite).await;
                }
            )*
        }
        mod mongo {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    super::$case($crate::helpers::Backend::Mongo).await;
                }
            )*
        }
    };
}

/// The `href` of the language switch's link to `code` (`en`, `zh-CN`), unescaped.
pub fn lang_link(html: &str, code: &str) -> String {
    let marker = format!("\" lang=\"{code}\"");
    let end = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no link to {code} in:\n{html}"));
    let start = html[..end].rfind("href=\"").expect("the link has an href") + "href=\"".len();
    unescape_attr(&html[start..end])
}

/// The decoded query pairs of a relative or local link (`?a=b`, `/path?a=b`).
pub fn link_query(link: &str) -> Vec<(String, String)> {
    let query = link.split_once('?').map(|(_, q)| q).unwrap_or("");
    url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect()
}

/// The value of `name` in a link's query.
pub fn link_param(link: &str, name: &str) -> Option<String> {
    link_query(link)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// A link as minijinja writes it in an attribute (`&` and `/` escaped).
pub fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('/', "&#x2f;")
}

/// `path?next=NEXT`, `next` form-encoded.
pub fn with_next(path: &str, next: &str) -> String {
    let enc: String = url::form_urlencoded::byte_serialize(next.as_bytes()).collect();
    format!("{path}?next={enc}")
}
