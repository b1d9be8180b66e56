//! The signing-key ring: the key of the configured algorithm (`oauth.signing_alg`, ES256 or
//! EdDSA) that signs now, and every key still published in the JWKS, each with its own
//! algorithm. The first key is generated at first start. Rotation is announced ahead: within
//! [`ACTIVATION_LEAD`] (at most half the rotation period) of the signer's retirement, its
//! successor is stored with a start time equal to that retirement, so it is published by every
//! node (they reload on the store's change feed) and cached by relying parties (the JWKS says
//! `max-age=300`) before any node signs with it. A ring whose signer has already retired
//! without a successor (an idle service), or whose algorithm option changed, generates a key
//! that signs at once: the previous algorithm's keys keep verifying until they expire. A
//! retired key stays published until the tokens it signed have expired (`expires_at`; the
//! store collects it after that). Parsed keys are cached; the store is read again when the
//! feed announces a key change, when the signer retires, or when a token names an unknown
//! `kid` (at most every few seconds, so made-up kids cannot turn into store load). Several
//! nodes may each generate a successor at the same moment: both are then published, which is
//! harmless.

use crate::service::audit::{Audit, Entry, Kind};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::Context as _;
use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use tokio::sync::{Mutex, RwLock};

use crate::crypto::jwt::{self, JwtError, SigningKeyMaterial, VerifyingKey};
use crate::crypto::keys::{self, KeyEncryption, SigningAlg};
use crate::crypto::random_string;
use crate::crypto::verified::{self, VerifiedTokens};
use crate::domain::SigningKey;
use crate::store::feed::{Change, ChangeSink};
use crate::store::SigningKeyStore;

/// Unknown kids trigger at most one reload per this interval.
const RELOAD_THROTTLE: Duration = Duration::seconds(5);

/// How long before it signs a successor key is published: longer than the JWKS's `max-age`
/// and than the change feed's propagation bound, so every node and every relying party that
/// follows the cache header knows the key before it appears on a token.
pub const ACTIVATION_LEAD: Duration = Duration::hours(1);

/// The key that signs now.
#[derive(Clone)]
pub struct Signer {
    pub kid: String,
    pub key: Arc<SigningKeyMaterial>,
    pub alg: SigningAlg,
    retire_at: DateTime<Utc>,
}

/// A published key and the one algorithm it verifies.
#[derive(Clone)]
pub struct Verifier {
    pub key: Arc<VerifyingKey>,
    pub alg: SigningAlg,
}

struct Published {
    key: Verifier,
    jwk: serde_json::Value,
    expires_at: DateTime<Utc>,
}

#[derive(Default)]
struct Snapshot {
    signer: Option<Signer>,
    published: HashMap<String, Published>,
    /// Whether a key of the ring's algorithm is stored to sign after the current one.
    has_successor: bool,
    loaded_at: Option<DateTime<Utc>>,
}

pub struct KeyRing {
    store: Arc<dyn SigningKeyStore>,
    kek: Option<KeyEncryption>,
    /// The algorithm of the keys this ring generates and signs with.
    alg: SigningAlg,
    rotation: Duration,
    /// How long after retiring a key stays published: the longest token lifetime plus margin.
    publish_after_retire: Duration,
    state: RwLock<Snapshot>,
    reload: Mutex<()>,
    /// Set by the change feed: the stored keys changed (or may have), reload before use.
    announced: AtomicBool,
    /// Tokens whose signature verified, with the key that verified them.
    verified: VerifiedTokens,
    /// Where a generated key is recorded.
    audit: Option<Audit>,
}

impl KeyRing {
    pub fn new(
        store: Arc<dyn SigningKeyStore>,
        kek: Option<KeyEncryption>,
        rotation: Duration,
        longest_token_ttl: Duration,
    ) -> Self {
        Self {
            store,
            kek,
            alg: SigningAlg::Es256,
            rotation,
            publish_after_retire: longest_token_ttl + Duration::hours(1),
            state: RwLock::new(Snapshot::default()),
            reload: Mutex::new(()),
            announced: AtomicBool::new(false),
            verified: VerifiedTokens::default(),
            audit: None,
        }
    }

    /// Records each key it generates in the audit log.
    pub fn with_audit(mut self, audit: Audit) -> Self {
        self.audit = Some(audit);
        self
    }

    /// Signs with `alg` from now on (default ES256).
    pub fn with_alg(mut self, alg: SigningAlg) -> Self {
        self.alg = alg;
        self
    }

    /// The algorithm new tokens are signed with.
    pub fn alg(&self) -> SigningAlg {
        self.alg
    }

    /// Verifies a token this server signed: the key is found by the header's `kid`, and the
    /// algorithm is that key's, whatever the header says. A token verified before with the
    /// same, still published key skips the signature check (see `crypto::verified`); its claims
    /// are checked against `expect` every time.
    pub async fn verify<T: serde::de::DeserializeOwned>(
        &self,
        token: &str,
        expect: &jwt::Expect<'_>,
        now: DateTime<Utc>,
    ) -> Result<T, JwtError> {
        let digest = VerifiedTokens::digest(token);
        if let Some(hit) = digest.and_then(|d| self.verified.get(&d, now.timestamp())) {
            self.reload_if_announced(now).await;
            let current = self.cached_verifier(&hit.kid, now).await;
            if current.is_some_and(|v| Arc::ptr_eq(&v.key, &hit.key)) {
                return jwt::check_verified(&hit.verified, expect);
            }
        }
        let (kid, _) = jwt::peek_header(token)?;
        let v = self.verifier(&kid, now).await.ok_or(JwtError::UnknownKey)?;
        let verified = jwt::verify_signature(token, &v.key, v.alg, expect.typ)?;
        let claims = jwt::check_verified(&verified, expect)?;
        if let (Some(digest), Some(exp)) = (digest, verified.exp()) {
            let entry = verified::Entry {
                kid,
                key: v.key,
                verified,
                exp,
            };
            self.verified.insert(digest, entry, now.timestamp());
        }
        Ok(claims)
    }

    /// The key to sign with at `now`, generating and storing one when none signs.
    pub async fn signer(&self, now: DateTime<Utc>) -> anyhow::Result<Signer> {
        self.reload_if_announced(now).await;
        if let Some(s) = self.cached_signer(now).await {
            if now >= s.retire_at - self.activation_lead() && !self.state.read().await.has_successor
            {
                self.prepare_successor(&s, now).await;
            }
            return Ok(s);
        }
        let _guard = self.reload.lock().await;
        if let Some(s) = self.cached_signer(now).await {
            return Ok(s);
        }
        self.load(now).await?;
        if let Some(s) = self.cached_signer(now).await {
            return Ok(s);
        }
        self.generate(now, now).await?;
        self.load(now).await?;
        self.cached_signer(now)
            .await
            .context("no signing key after generating one")
    }

    /// The verification key named `kid`, if it is published at `now`.
    pub async fn verifier(&self, kid: &str, now: DateTime<Utc>) -> Option<Verifier> {
        self.reload_if_announced(now).await;
        if let Some(k) = self.cached_verifier(kid, now).await {
            return Some(k);
        }
        let _guard = self.reload.lock().await;
        let stale = self
            .state
            .read()
            .await
            .loaded_at
            .is_none_or(|t| now - t >= RELOAD_THROTTLE);
        if stale {
            if let Err(e) = self.load(now).await {
                tracing::warn!(error = %format!("{e:#}"), "reloading signing keys failed");
            }
        }
        self.cached_verifier(kid, now).await
    }

    /// Public keys of the JWKS (RFC 7517 §5): every key published at `now`, newest first.
    pub async fn jwks(&self, now: DateTime<Utc>) -> anyhow::Result<Vec<serde_json::Value>> {
        let signer = self.signer(now).await?;
        let state = self.state.read().await;
        let mut keys: Vec<_> = state
            .published
            .iter()
            .filter(|(_, p)| now < p.expires_at)
            .map(|(kid, p)| (kid != &signer.kid, p.expires_at, p.jwk.clone()))
            .collect();
        keys.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        Ok(keys.into_iter().map(|k| k.2).collect())
    }

    /// How long before the signer retires its successor is published.
    fn activation_lead(&self) -> Duration {
        ACTIVATION_LEAD.min(self.rotation / 2)
    }

    /// Stores the key that signs from `current`'s retirement, unless one exists (another node
    /// may have stored it). A failure leaves `current` signing; the next call tries again.
    async fn prepare_successor(&self, current: &Signer, now: DateTime<Utc>) {
        let _guard = self.reload.lock().await;
        let result = async {
            self.load(now).await?;
            if !self.state.read().await.has_successor {
                self.generate(now, current.retire_at).await?;
                self.load(now).await?;
            }
            anyhow::Ok(())
        }
        .await;
        if let Err(e) = result {
            tracing::warn!(error = %format!("{e:#}"), "storing the next signing key failed");
        }
    }

    /// Reloads when the feed announced a change since the last load. The flag is cleared
    /// before reading, so a change announced during the read is reloaded next time.
    async fn reload_if_announced(&self, now: DateTime<Utc>) {
        if !self.announced.load(Ordering::Acquire) {
            return;
        }
        let _guard = self.reload.lock().await;
        if !self.announced.swap(false, Ordering::AcqRel) {
            return;
        }
        if let Err(e) = self.load(now).await {
            // The cached keys stay in use; a feed that is down announces again shortly.
            tracing::warn!(error = %format!("{e:#}"), "reloading announced signing keys failed");
        }
    }

    async fn cached_signer(&self, now: DateTime<Utc>) -> Option<Signer> {
        let state = self.state.read().await;
        state.signer.clone().filter(|s| now < s.retire_at)
    }

    async fn cached_verifier(&self, kid: &str, now: DateTime<Utc>) -> Option<Verifier> {
        let state = self.state.read().await;
        state
            .published
            .get(kid)
            .filter(|p| now < p.expires_at)
            .map(|p| p.key.clone())
    }

    /// Reads every stored key and rebuilds the cache.
    async fn load(&self, now: DateTime<Utc>) -> anyhow::Result<()> {
        let stored = self
            .store
            .list_keys()
            .await
            .context("listing signing keys")?;
        let mut snapshot = Snapshot {
            loaded_at: Some(now),
            ..Snapshot::default()
        };
        for k in stored.iter().filter(|k| k.published_at(now)) {
            let Some(alg) = SigningAlg::parse(&k.alg) else {
                continue;
            };
            let jwk: serde_json::Value =
                serde_json::from_str(&k.public_jwk).context("a stored JWK is not JSON")?;
            let key = Arc::new(jwt::verifying_key_from_jwk(alg, &jwk)?);
            let published = Published {
                key: Verifier { key, alg },
                jwk,
                expires_at: k.expires_at,
            };
            snapshot.published.insert(k.kid.clone(), published);
        }
        // Newest first: the newest key that signs now is the signer.
        let alg = self.alg;
        snapshot.has_successor = stored
            .iter()
            .any(|k| k.alg == alg.as_str() && k.created_at > now && k.published_at(now));
        if let Some(k) = stored
            .iter()
            .find(|k| k.alg == alg.as_str() && k.signs_at(now))
        {
            let pem = keys::reveal_private_key(&k.private_key, self.kek.as_ref())?;
            snapshot.signer = Some(Signer {
                kid: k.kid.clone(),
                key: Arc::new(jwt::signing_key_from_pem(alg, &pem)?),
                alg,
                retire_at: k.retire_at,
            });
        }
        *self.state.write().await = snapshot;
        Ok(())
    }

    /// Seals every stored private key still in plaintext (stored before a key-encryption key
    /// was in use); returns how many this call sealed. The kid and the key stay the same, so
    /// tokens signed before keep verifying.
    pub async fn seal_plaintext_keys(&self) -> anyhow::Result<usize> {
        let Some(kek) = self.kek.as_ref() else {
            return Ok(0);
        };
        let stored = self
            .store
            .list_keys()
            .await
            .context("listing signing keys")?;
        let mut sealed = 0;
        for k in stored.iter().filter(|k| !keys::is_sealed(&k.private_key)) {
            let new = kek.seal(&k.private_key)?;
            if self.store.seal_key(&k.kid, &k.private_key, &new).await? {
                tracing::info!(kid = %k.kid, "sealed a signing key stored in plaintext");
                sealed += 1;
            }
        }
        Ok(sealed)
    }

    /// Stores a new key that signs from `signs_from` (published at once).
    async fn generate(&self, now: DateTime<Utc>, signs_from: DateTime<Utc>) -> anyhow::Result<()> {
        let kid = random_string(12);
        let generated = keys::generate(self.alg, &kid)?;
        let retire_at = signs_from + self.rotation;
        let key = SigningKey {
            kid: kid.clone(),
            alg: self.alg.as_str().to_owned(),
            private_key: keys::protect_private_key(&generated.private_pem, self.kek.as_ref())?,
            public_jwk: generated.public_jwk.to_string(),
            created_at: signs_from,
            retire_at,
            expires_at: retire_at + self.publish_after_retire,
        };
        self.store
            .insert_key(&key)
            .await
            .context("storing a signing key")?;
        tracing::info!(
            kid = %kid,
            alg = self.alg.as_str(),
            signs_from = %signs_from,
            retire_at = %retire_at,
            generated_at = %now,
            "generated a signing key"
        );
        if let Some(audit) = &self.audit {
            let entry = Entry::system(Kind::KeyRotated).detail("kid", &kid);
            audit.record(entry.detail("alg", self.alg.as_str()));
        }
        Ok(())
    }
}

/// Other processes' key changes (a successor generated, a key sealed) reach this ring through
/// the store's change feed; while the feed is down, every poll of it marks the keys for reload.
#[async_trait]
impl ChangeSink for KeyRing {
    async fn changed(&self, change: &Change) {
        if matches!(change, Change::SigningKeys | Change::Everything) {
            self.announced.store(true, Ordering::Release);
        }
    }

    async fn stale(&self, _feed_live: bool) {
        self.announced.store(true, Ordering::Release);
    }
}
