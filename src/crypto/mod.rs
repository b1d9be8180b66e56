//! Cryptographic building blocks: random opaque tokens and their SHA-256 digests (what the
//! stores keep), constant-time comparison, and argon2id password hashing off the async
//! executor; ES256/EdDSA signing keys (`keys`), JWT claims (`jwt`) over the compact JWS of `jws`
//! (ring's constant-time P-256 and Ed25519); a bounded memory of verified tokens (`verified`).
//!
//! Must not import the service, store or web layers. RFC 6749 §10.10 (credential entropy),
//! RFC 6819 §5.1.4.1.3 (store digests of tokens, not the tokens).

pub mod client_keys;
pub mod jws;
pub mod jwt;
pub mod keys;
mod password;
pub mod thumbprint;
pub mod verified;

pub use password::{
    Admission, HashError, HashQueue, PasswordHasher, PasswordParams, Priority, MAX_PASSWORD_BYTES,
};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// A random opaque credential: 32 bytes (256 bits) from the OS RNG, base64url without padding.
pub fn random_token() -> String {
    random_string(32)
}

/// `n` random bytes, base64url without padding.
pub fn random_string(n: usize) -> String {
    let mut buf = vec![0u8; n];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    URL_SAFE_NO_PAD.encode(buf)
}

/// `n` characters drawn uniformly from `alphabet` with the OS RNG (short user-facing codes).
pub fn random_from_alphabet(alphabet: &[u8], n: usize) -> String {
    use rand::Rng;
    let mut rng = rand::rngs::OsRng;
    (0..n)
        .map(|_| char::from(alphabet[rng.gen_range(0..alphabet.len())]))
        .collect()
}

/// The digest under which a credential is stored: SHA-256, base64url without padding.
/// Credentials have >= 256 bits of entropy, so a fast hash is enough (no dictionary to attack).
pub fn digest(credential: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(credential.as_bytes()))
}

/// Compares two byte strings in time independent of where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.ct_eq(b).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_tokens_carry_256_bits_and_differ() {
        let a = random_token();
        assert_eq!(a.len(), 43);
        assert_ne!(a, random_token());
    }

    #[test]
    fn digest_is_sha256_base64url() {
        // SHA-256("abc") = ba7816bf...; base64url of it:
        assert_eq!(digest("abc"), "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
        assert!(constant_time_eq(b"x", b"x"));
        assert!(!constant_time_eq(b"x", b"y"));
    }
}
