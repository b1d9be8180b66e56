//! A bounded memory of tokens whose signature already verified, so that a resource server
//! introspecting the same access token again, or an app calling the API with the same bearer
//! token, does not pay for an ECDSA verification (about three signatures' worth of CPU) on every
//! request. Only the signature check is remembered: the caller still checks `typ`, issuer,
//! audience and expiry on every use, and revocation and grant state are decided after
//! verification by the service, never here.
//!
//! Entries are keyed by the SHA-256 of the whole token (a different token cannot hit another's
//! entry) and remember the verifying key they were checked with: a key reloaded, rotated out or
//! removed is a different key, so its entries miss and the token is verified again. An entry
//! lives until the token's `exp`. At most [`CAPACITY`] entries are held, in two generations: when
//! the young one is full the old one is dropped and the young one takes its place, and a hit in
//! the old one moves back to the young one, so memory is bounded and the tokens in use stay.
//! Must not import the service, store or web layers; it takes the time as an argument.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use sha2::{Digest, Sha256};

use super::jwt::{Verified, VerifyingKey};
use crate::metrics::{metrics, CacheName};

/// Most entries held (both generations together).
pub const CAPACITY: usize = 4096;
/// Tokens longer than this are verified every time: no claims set of ours is near it, and it
/// bounds what one entry may hold.
pub const MAX_TOKEN_BYTES: usize = 4096;

/// The SHA-256 of a token, under which its entry is kept.
pub type TokenDigest = [u8; 32];

/// What a verification established: the claims, and with which key.
pub struct Entry {
    pub kid: String,
    pub key: Arc<VerifyingKey>,
    pub verified: Verified,
    /// The token's `exp` (Unix seconds): the entry is dropped after it.
    pub exp: i64,
}

/// Verified tokens, bounded in count (see the module documentation).
#[derive(Default)]
pub struct VerifiedTokens {
    generations: Mutex<Generations>,
}

#[derive(Default)]
struct Generations {
    young: HashMap<TokenDigest, Arc<Entry>>,
    old: HashMap<TokenDigest, Arc<Entry>>,
}

impl VerifiedTokens {
    /// The key of `token`'s entry, `None` for a token too long to be remembered.
    pub fn digest(token: &str) -> Option<TokenDigest> {
        (token.len() <= MAX_TOKEN_BYTES).then(|| Sha256::digest(token.as_bytes()).into())
    }

    /// The entry of a token verified before, unless its `exp` is before `now`.
    pub fn get(&self, digest: &TokenDigest, now: i64) -> Option<Arc<Entry>> {
        let found = self.find(digest, now);
        metrics().cache(CacheName::VerifiedToken, found.is_some());
        found
    }

    fn find(&self, digest: &TokenDigest, now: i64) -> Option<Arc<Entry>> {
        let mut g = self.lock();
        if let Some(e) = g.young.get(digest) {
            if e.exp >= now {
                return Some(e.clone());
            }
            g.young.remove(digest);
            return None;
        }
        let e = g.old.remove(digest)?;
        if e.exp < now {
            return None;
        }
        g.insert(*digest, e.clone());
        Some(e)
    }

    /// Remembers a verification until `entry.exp` (an entry already expired is not kept).
    pub fn insert(&self, digest: TokenDigest, entry: Entry, now: i64) {
        if entry.exp < now {
            return;
        }
        self.lock().insert(digest, Arc::new(entry));
    }

    /// How many entries are held (both generations).
    pub fn len(&self) -> usize {
        let g = self.lock();
        g.young.len() + g.old.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Generations> {
        // An entry is either fully inserted or absent: a panic elsewhere leaves nothing torn.
        self.generations.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Generations {
    fn insert(&mut self, digest: TokenDigest, entry: Arc<Entry>) {
        if self.young.len() >= CAPACITY / 2 && !self.young.contains_key(&digest) {
            self.old = std::mem::take(&mut self.young);
        }
        self.young.insert(digest, entry);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::jwt::{self, Expect};
    use crate::crypto::keys::{generate_es256, SigningAlg};

    fn entry(exp: i64) -> Entry {
        let k = generate_es256("k").unwrap();
        let sk = jwt::signing_key_from_pem(SigningAlg::Es256, &k.private_pem).unwrap();
        let claims = serde_json::json!({"iss": "i", "sub": "s", "exp": exp});
        let token = jwt::sign(&claims, &sk, SigningAlg::Es256, "k", "JWT").unwrap();
        let key = Arc::new(sk.public_key());
        let verified = jwt::verify_signature(&token, &key, SigningAlg::Es256, "JWT").unwrap();
        Entry {
            kid: "k".into(),
            key,
            verified,
            exp,
        }
    }

    #[test]
    fn an_entry_is_found_until_its_expiry_and_not_after() {
        let cache = VerifiedTokens::default();
        let d = VerifiedTokens::digest("a.b.c").unwrap();
        cache.insert(d, entry(100), 50);
        let hit = cache.get(&d, 100).expect("valid until exp");
        let expect = Expect {
            typ: "JWT",
            issuer: "i",
            audience: None,
            check_exp: true,
            now: 100,
        };
        let claims: serde_json::Value = jwt::check_verified(&hit.verified, &expect).unwrap();
        assert_eq!(claims["sub"], "s");
        assert!(cache.get(&d, 101).is_none());
        assert!(cache.is_empty(), "an expired entry is dropped when met");
        cache.insert(d, entry(10), 50);
        assert!(cache.is_empty(), "an expired token is not remembered");
        assert!(VerifiedTokens::digest(&"x".repeat(MAX_TOKEN_BYTES + 1)).is_none());
    }

    #[test]
    fn the_cache_never_holds_more_than_its_capacity_and_keeps_what_is_used() {
        let cache = VerifiedTokens::default();
        let template = Arc::new(entry(1_000));
        let put = |i: usize| {
            let d = VerifiedTokens::digest(&format!("token-{i}")).unwrap();
            let e = Entry {
                kid: template.kid.clone(),
                key: template.key.clone(),
                verified: template.verified.clone(),
                exp: 1_000,
            };
            cache.insert(d, e, 0);
            d
        };
        let kept = put(0);
        for i in 1..CAPACITY * 3 {
            put(i);
            // The token in use is met on every round, as a bearer token is.
            assert!(cache.get(&kept, 0).is_some(), "lost after {i} insertions");
            assert!(cache.len() <= CAPACITY);
        }
        let first_other = VerifiedTokens::digest("token-1").unwrap();
        assert!(
            cache.get(&first_other, 0).is_none(),
            "unused entries age out"
        );
    }
}
