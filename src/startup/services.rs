//! The use-case context from the settings: the store the settings select, the password hasher
//! and its queue, the mailer, the throttles and mail limits, and the authorization server's
//! policy and key ring. The only place that names concrete store and mail backends.

use std::sync::Arc;

use anyhow::Context as _;
use secrecy::ExposeSecret;

use crate::config::units::to_chrono;
use crate::config::{MailTransport, SecuritySettings, Settings, StoreSettings};
use crate::crypto::keys::KeyEncryption;
use crate::crypto::{HashQueue, PasswordHasher, PasswordParams};
use crate::mail::{FileMailer, Mailer, SmtpMailer};
use crate::service::audit::Audit;
use crate::service::clock::Clock;
use crate::service::email_outbox::{Outbox, OutboxPolicy};
use crate::service::mail_limits::MailLimits;
use crate::service::oauth::{KeyRing, OAuthContext, OAuthPolicy};
use crate::service::policy::AccountPolicy;
use crate::service::sessions::SessionPolicy;
use crate::service::throttle::{Limit, LoginThrottle};
use crate::service::Services;
use crate::store::feed::ChangeFeed;
use crate::store::{mongo, sqlite, Stores};
use crate::web;

/// Opens the store the settings select: MongoDB when a URI is set, else SQLite in the data dir.
pub async fn open_stores(settings: &Settings) -> anyhow::Result<Stores> {
    let s = &settings.store;
    match &s.mongodb_uri {
        Some(uri) => {
            let store =
                mongo::connect_with(uri.expose_secret(), &s.mongodb_database, mongo_timeouts(s))
                    .await
                    .context("cannot use MongoDB (store.mongodb_uri)")?;
            let mut stores = Stores::from_backend(Arc::new(store.clone()));
            stores.feed = Some(Arc::new(ChangeFeed::new(Arc::new(store))));
            Ok(stores)
        }
        None => {
            let store = sqlite::open(&s.data_dir).await?;
            Ok(Stores::from_backend(Arc::new(store)))
        }
    }
}

/// The MongoDB store's waits from `store.mongodb_*timeout_ms`; each at least 100 ms, so a
/// typo cannot make every request fail at once.
fn mongo_timeouts(s: &StoreSettings) -> mongo::Timeouts {
    let at_least = |d: std::time::Duration| d.max(std::time::Duration::from_millis(100));
    mongo::Timeouts {
        server_selection: at_least(s.mongodb_timeout),
        connect: at_least(s.mongodb_connect_timeout),
        write_majority: at_least(s.mongodb_write_timeout),
    }
}

/// Builds the use-case context over opened stores, telling the time by `clock`.
pub fn build_services(
    settings: &Settings,
    stores: Stores,
    clock: Arc<dyn Clock>,
) -> anyhow::Result<Services> {
    let stores = crate::store::cache::with_caches(stores, settings.oauth.client_cache_ttl);
    let sec = &settings.security;
    let params = PasswordParams {
        memory_kib: sec.argon2_memory_kib,
        iterations: sec.argon2_iterations,
        parallelism: sec.argon2_parallelism,
    };
    let hasher = PasswordHasher::new(params, hash_queue(sec)).context("security.argon2_*")?;
    let audit = Audit::start(
        stores.audit.clone(),
        clock.clone(),
        to_chrono(settings.audit.retention),
        settings.audit.queue_size,
    );
    let oauth = Arc::new(build_oauth(settings, &stores, &audit)?);
    let emails = web::Templates::new(settings.web.templates_dir.clone())
        .context("loading email templates (web.templates_dir)")?;
    let (acc, mail) = (&settings.accounts, &settings.mail);
    Ok(Services {
        stores,
        hasher,
        mailer: mailer(settings)?,
        outbox: Outbox {
            policy: OutboxPolicy {
                retry_min: mail.retry_min,
                retry_max: mail.retry_max,
                poll: mail.outbox_poll,
                lease: mail.send_lease,
            },
            seal: KeyEncryption::for_mail(kek_secret(settings)?.expose_secret()),
        },
        accounts: AccountPolicy {
            min_password_len: acc.min_password_length,
            email_token_ttl: to_chrono(acc.email_token_ttl),
            require_email_verification: acc.require_email_verification,
            registrations_per_ip: Limit::new(
                acc.max_registrations_per_ip_per_hour,
                chrono::Duration::hours(1),
            ),
            require_second_factor_for_admins: acc.require_second_factor_for_admins,
        },
        emails: Arc::new(emails),
        login_throttle: LoginThrottle::new(
            Limit::new(acc.login_max_failures, to_chrono(acc.login_failure_window)),
            Limit::new(
                acc.login_max_failures_per_ip,
                to_chrono(acc.login_failure_window),
            ),
        ),
        mail_limits: MailLimits::new(
            mail.max_per_recipient_per_minute,
            mail.max_per_recipient_per_hour,
            mail.max_per_ip_per_hour,
        ),
        two_factor: crate::service::two_factor::Keys::new(kek_secret(settings)?.expose_secret()),
        public_url: settings.public_url(),
        oauth,
        session_policy: SessionPolicy {
            idle: to_chrono(settings.session.idle_timeout),
            absolute: to_chrono(settings.session.absolute_timeout),
        },
        clock,
        audit,
    })
}

/// The mailer `mail.smtp_url` selects; without one, emails are written as files.
fn mailer(settings: &Settings) -> anyhow::Result<Arc<dyn Mailer>> {
    let from = settings.mail.from.clone();
    Ok(match settings.mail.transport(&settings.store.data_dir) {
        MailTransport::Smtp(url) => Arc::new(SmtpMailer::new(url.expose_secret(), from)?),
        MailTransport::Files(dir) => Arc::new(FileMailer::new(dir, from)),
    })
}

/// The configured key-encryption key, or the one generated into the data directory.
fn kek_secret(settings: &Settings) -> anyhow::Result<secrecy::SecretString> {
    match &settings.oauth.key_encryption_key {
        Some(k) => Ok(k.clone()),
        None => crate::data_dir::load_or_create_kek(&settings.store.data_dir)
            .context("oauth.key_encryption_key is not set and none could be generated"),
    }
}

/// The bounds of the password-hashing queue, from `security.hash_*`.
fn hash_queue(sec: &SecuritySettings) -> HashQueue {
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
        wait_timeout: sec.hash_wait_timeout,
    }
}

/// The authorization server's lifetimes and key ring, from `oauth.*`.
fn build_oauth(
    settings: &Settings,
    stores: &Stores,
    audit: &Audit,
) -> anyhow::Result<OAuthContext> {
    let o = &settings.oauth;
    let policy = OAuthPolicy {
        access_token_ttl: to_chrono(o.access_token_ttl),
        refresh_token_ttl: to_chrono(o.refresh_token_ttl),
        grant_ttl: to_chrono(o.grant_ttl),
        code_ttl: to_chrono(o.code_ttl),
        id_token_ttl: to_chrono(o.id_token_ttl),
        device_code_ttl: to_chrono(o.device_code_ttl),
        device_poll_interval: to_chrono(o.device_poll_interval),
        max_access_token_ttl: to_chrono(o.max_access_token_ttl),
        max_refresh_token_ttl: to_chrono(o.max_refresh_token_ttl),
        secret_rotation_grace: to_chrono(o.secret_rotation_grace),
        par_lifetime: to_chrono(o.par_lifetime),
        require_par: o.require_pushed_authorization_requests,
        dpop_nonce: o.dpop_nonce,
        dpop_proof_window: to_chrono(o.dpop_proof_window),
        dynamic_registration: o.dynamic_registration,
        registrations_per_ip: Limit::new(
            o.registration_max_per_ip_per_hour,
            chrono::Duration::hours(1),
        ),
        client_id_metadata_documents: o.client_id_metadata_documents,
    };
    // Signing keys are never stored in plaintext: without a configured key, one is generated
    // into the data directory.
    let kek = KeyEncryption::new(kek_secret(settings)?.expose_secret());
    // Apps may register access-token lifetimes up to the maximum: keys outlive those too.
    let longest = policy
        .access_token_ttl
        .max(policy.id_token_ttl)
        .max(policy.max_access_token_ttl);
    let keys = KeyRing::new(
        stores.keys.clone(),
        Some(kek),
        to_chrono(o.key_rotation),
        longest,
    );
    let keys = Arc::new(keys.with_alg(o.signing_alg).with_audit(audit.clone()));
    if let Some(feed) = &stores.feed {
        feed.subscribe(keys.clone());
    }
    let out = &settings.outbound;
    let fetcher = crate::outbound::Fetcher::new(out)?;
    let cache_policy = crate::outbound::CachePolicy {
        entries: out.cache_entries,
        min_ttl: out.cache_min_ttl,
        max_ttl: out.cache_max_ttl,
        refetch_interval: out.refetch_interval,
        failure_ttl: out.failure_cache,
    };
    let client_jwks = crate::outbound::DocumentCache::new(
        fetcher.clone(),
        cache_policy,
        crate::service::oauth::MAX_JWKS_BYTES,
    );
    let client_metadata = crate::outbound::DocumentCache::new(
        fetcher,
        cache_policy,
        crate::service::client_metadata::MAX_DOCUMENT_BYTES,
    );
    Ok(OAuthContext {
        policy,
        keys,
        client_jwks: Arc::new(client_jwks),
        client_metadata: Arc::new(client_metadata),
    })
}

/// A public https URL says this is a real deployment, where emails must be delivered: the
/// file mailer would leave every reset link in the data directory instead.
pub(super) fn warn_about_file_mail(settings: &Settings) {
    if let MailTransport::Files(dir) = settings.mail.transport(&settings.store.data_dir) {
        if settings.secure_cookies() {
            tracing::warn!(
                dir = %dir.display(),
                "server.public_url is https but mail.smtp_url is not set: emails (with their \
                 reset and verification links) are written to files instead of being sent"
            );
        }
    }
}
