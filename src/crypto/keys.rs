//! Signing keys, ES256 (P-256) or EdDSA (Ed25519): generation, the public JWK (RFC 7517/7518
//! §6.2; RFC 8037 §2 for `OKP`), and the at-rest protection of private keys: AES-256-GCM under a key derived (HKDF-SHA256) from the configured
//! key-encryption key. Must not import the service, store or web layers.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use anyhow::{anyhow, Context as _};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hkdf::Hkdf;
use p256::pkcs8::{EncodePrivateKey, LineEnding};
use rand::RngCore;
use sha2::Sha256;

/// The signing algorithms this server can use (`oauth.signing_alg`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SigningAlg {
    /// ECDSA over P-256 with SHA-256 (RFC 7518 §3.4), the default.
    Es256,
    /// Ed25519 (RFC 8037).
    EdDsa,
}

impl SigningAlg {
    /// The JOSE `alg` name, as stored with each key and published in its JWK.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Es256 => "ES256",
            Self::EdDsa => "EdDSA",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Es256, Self::EdDsa]
            .into_iter()
            .find(|a| a.as_str() == s)
    }
}

/// The default signing algorithm's name.
pub const ES256: &str = "ES256";
const SEALED_PREFIX: &str = "enc:v1:";

/// A freshly generated key pair: the PKCS#8 PEM private key and the public JWK.
pub struct GeneratedKey {
    pub private_pem: String,
    pub public_jwk: serde_json::Value,
}

impl std::fmt::Debug for GeneratedKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GeneratedKey")
            .field("public_jwk", &self.public_jwk)
            .finish_non_exhaustive()
    }
}

/// Generates a P-256 key pair whose JWK carries `kid`, `use: sig` and `alg: ES256`.
pub fn generate_es256(kid: &str) -> anyhow::Result<GeneratedKey> {
    let secret = p256::SecretKey::random(&mut rand::rngs::OsRng);
    let pem = secret
        .to_pkcs8_pem(LineEnding::LF)
        .context("encoding the private key")?;
    let point =
        p256::elliptic_curve::sec1::ToEncodedPoint::to_encoded_point(&secret.public_key(), false);
    let (x, y) = (
        point.x().context("no x coordinate")?,
        point.y().context("no y coordinate")?,
    );
    let public_jwk = serde_json::json!({
        "kty": "EC",
        "crv": "P-256",
        "x": URL_SAFE_NO_PAD.encode(x),
        "y": URL_SAFE_NO_PAD.encode(y),
        "kid": kid,
        "use": "sig",
        "alg": ES256,
    });
    Ok(GeneratedKey {
        private_pem: pem.to_string(),
        public_jwk,
    })
}

/// Generates a key pair of `alg`.
pub fn generate(alg: SigningAlg, kid: &str) -> anyhow::Result<GeneratedKey> {
    match alg {
        SigningAlg::Es256 => generate_es256(kid),
        SigningAlg::EdDsa => generate_ed25519(kid),
    }
}

/// Generates an Ed25519 key pair whose JWK is `OKP` / `Ed25519` (RFC 8037 §2) with `kid`,
/// `use: sig` and `alg: EdDSA`.
pub fn generate_ed25519(kid: &str) -> anyhow::Result<GeneratedKey> {
    use ed25519_dalek::pkcs8::EncodePrivateKey as _;
    let mut seed = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut seed);
    let secret = ed25519_dalek::SigningKey::from_bytes(&seed);
    let pem = secret
        .to_pkcs8_pem(LineEnding::LF)
        .map_err(|e| anyhow!("encoding the private key: {e}"))?;
    let public_jwk = serde_json::json!({
        "kty": "OKP",
        "crv": "Ed25519",
        "x": URL_SAFE_NO_PAD.encode(secret.verifying_key().to_bytes()),
        "kid": kid,
        "use": "sig",
        "alg": SigningAlg::EdDsa.as_str(),
    });
    Ok(GeneratedKey {
        private_pem: pem.to_string(),
        public_jwk,
    })
}

/// Encrypts and decrypts secrets at rest: private keys, and the bodies of queued emails.
#[derive(Clone)]
pub struct KeyEncryption {
    cipher: Aes256Gcm,
    /// What it protects, for error messages.
    what: &'static str,
}

impl KeyEncryption {
    /// Derives the AES-256 key for private signing keys from the configured secret with
    /// HKDF-SHA256.
    pub fn new(secret: &str) -> Self {
        Self::derive(secret, b"auth-center signing keys", "a private signing key")
    }

    /// The key for the bodies of queued emails (their one-time links): derived from the same
    /// secret under another salt, so neither key can open what the other sealed.
    pub fn for_mail(secret: &str) -> Self {
        Self::derive(secret, b"auth-center mail outbox", "a queued email")
    }

    /// The key of people's TOTP secrets at rest.
    pub fn for_second_factors(secret: &str) -> Self {
        Self::derive(secret, b"auth-center totp secrets", "a TOTP secret")
    }

    /// The key of half-finished logins waiting for their second step (carried by the
    /// browser, opened only by this server).
    pub fn for_pending_logins(secret: &str) -> Self {
        Self::derive(secret, b"auth-center pending logins", "a pending login")
    }

    /// The key of passkey challenges handed to pages (opened only by this server).
    pub fn for_passkey_challenges(secret: &str) -> Self {
        Self::derive(
            secret,
            b"auth-center passkey challenges",
            "a passkey challenge",
        )
    }

    fn derive(secret: &str, salt: &[u8], what: &'static str) -> Self {
        let hk = Hkdf::<Sha256>::new(Some(salt), secret.as_bytes());
        let mut key = [0u8; 32];
        hk.expand(b"aes-256-gcm v1", &mut key)
            .expect("32 bytes is a valid HKDF-SHA256 output length");
        Self {
            cipher: Aes256Gcm::new(&key.into()),
            what,
        }
    }

    /// The plaintext of what [`seal`](Self::seal) returned.
    pub fn open_sealed(&self, stored: &str) -> anyhow::Result<String> {
        let what = self.what;
        let sealed = stored
            .strip_prefix(SEALED_PREFIX)
            .ok_or_else(|| anyhow!("{what} is not sealed"))?;
        self.open(sealed)
    }

    /// `enc:v1:` + base64url(nonce ‖ ciphertext).
    pub fn seal(&self, plaintext: &str) -> anyhow::Result<String> {
        let mut nonce = [0u8; 12];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let ct = self
            .cipher
            .encrypt(&Nonce::from(nonce), plaintext.as_bytes())
            .map_err(|_| anyhow!("encrypting {} failed", self.what))?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&ct);
        Ok(format!("{SEALED_PREFIX}{}", URL_SAFE_NO_PAD.encode(out)))
    }

    fn open(&self, sealed: &str) -> anyhow::Result<String> {
        let what = self.what;
        let raw = URL_SAFE_NO_PAD
            .decode(sealed)
            .with_context(|| format!("sealed {what} is not base64url"))?;
        let truncated = || anyhow!("sealed {what} is truncated");
        if raw.len() < 12 {
            return Err(truncated());
        }
        let (nonce, ct) = raw.split_at(12);
        let nonce: [u8; 12] = nonce.try_into().map_err(|_| truncated())?;
        let pt = self.cipher.decrypt(&Nonce::from(nonce), ct).map_err(|_| {
            anyhow!(
                "cannot decrypt {what}: wrong oauth.key_encryption_key? (without one, the key \
                 generated in the data directory is used: every instance sharing the store \
                 needs the same key)"
            )
        })?;
        String::from_utf8(pt).with_context(|| format!("decrypted {what} is not UTF-8"))
    }
}

/// Seals `pem` when a key-encryption key is configured; stores it as is otherwise.
pub fn protect_private_key(pem: &str, kek: Option<&KeyEncryption>) -> anyhow::Result<String> {
    match kek {
        Some(k) => k.seal(pem),
        None => Ok(pem.to_owned()),
    }
}

/// Whether a stored private key is sealed (encrypted with a key-encryption key).
pub fn is_sealed(stored: &str) -> bool {
    stored.starts_with(SEALED_PREFIX)
}

/// The PEM of a stored private key, decrypting it when it was sealed.
pub fn reveal_private_key(stored: &str, kek: Option<&KeyEncryption>) -> anyhow::Result<String> {
    match (stored.strip_prefix(SEALED_PREFIX), kek) {
        (Some(sealed), Some(k)) => k.open(sealed),
        (Some(_), None) => Err(anyhow!(
            "a signing key is encrypted but oauth.key_encryption_key is not set"
        )),
        (None, _) => Ok(stored.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_key_has_a_p256_public_jwk_with_its_kid() {
        let k = generate_es256("k1").unwrap();
        assert!(k.private_pem.starts_with("-----BEGIN PRIVATE KEY-----"));
        assert_eq!(k.public_jwk["crv"], "P-256");
        assert_eq!(k.public_jwk["kid"], "k1");
        assert_eq!(k.public_jwk["x"].as_str().unwrap().len(), 43);
        assert!(!format!("{k:?}").contains("PRIVATE"));
    }

    #[test]
    fn a_generated_ed25519_key_has_an_okp_public_jwk_with_its_kid() {
        let k = generate(SigningAlg::EdDsa, "k2").unwrap();
        assert!(k.private_pem.starts_with("-----BEGIN PRIVATE KEY-----"));
        assert_eq!(k.public_jwk["kty"], "OKP");
        assert_eq!(k.public_jwk["crv"], "Ed25519");
        assert_eq!(k.public_jwk["alg"], "EdDSA");
        assert_eq!(k.public_jwk["x"].as_str().unwrap().len(), 43);
        assert!(k.public_jwk.get("y").is_none());
        assert_eq!(SigningAlg::parse("EdDSA"), Some(SigningAlg::EdDsa));
        assert_eq!(SigningAlg::parse("RS256"), None);
    }

    #[test]
    fn a_sealed_private_key_opens_only_with_the_same_secret() {
        let kek = KeyEncryption::new("correct horse battery staple");
        let sealed = protect_private_key("-----PEM-----", Some(&kek)).unwrap();
        assert!(sealed.starts_with(SEALED_PREFIX));
        assert!(!sealed.contains("PEM"));
        assert_eq!(
            reveal_private_key(&sealed, Some(&kek)).unwrap(),
            "-----PEM-----"
        );
        let other = KeyEncryption::new("another secret of enough length");
        assert!(reveal_private_key(&sealed, Some(&other)).is_err());
        assert!(reveal_private_key(&sealed, None).is_err());
        assert_eq!(reveal_private_key("plain", None).unwrap(), "plain");
    }

    #[test]
    fn a_sealed_email_opens_only_with_the_mail_key_of_the_same_secret() {
        let secret = "correct horse battery staple";
        let mail = KeyEncryption::for_mail(secret);
        let sealed = mail.seal("?token=s3cret").unwrap();
        assert!(!sealed.contains("s3cret"));
        assert_eq!(mail.open_sealed(&sealed).unwrap(), "?token=s3cret");
        let err = KeyEncryption::new(secret).open_sealed(&sealed).unwrap_err();
        assert!(err.to_string().contains("a private signing key"), "{err}");
        assert!(
            mail.open_sealed("?token=s3cret").is_err(),
            "plaintext is refused"
        );
    }
}
