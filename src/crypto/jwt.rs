//! Compact JWS signing and verification with ES256 (RFC 7515, RFC 7518 §3.4) or EdDSA (RFC
//! 8037), and the OIDC left-half hashes (`at_hash`, `c_hash`; OIDC Core §3.1.3.6). Keys are
//! parsed once by the caller and reused; the signatures are `jws`'s. The algorithm of a verification is the one of the key
//! (found by `kid`), never the token header's alone: a header naming another algorithm fails
//! (no algorithm confusion). Must not import the service, store or web layers.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::de::DeserializeOwned;
use serde::Serialize;
use sha2::{Digest, Sha256, Sha512};

use super::jws::{self, Header};
use super::keys::SigningAlg;

pub use super::jws::{SigningKeyMaterial, VerifyingKey};

/// Why a token did not verify; callers map all of them to `invalid_token`.
#[derive(Debug, thiserror::Error)]
pub enum JwtError {
    #[error("malformed token")]
    Malformed,
    #[error("unknown signing key")]
    UnknownKey,
    #[error("unexpected token type")]
    WrongType,
    #[error("invalid token: {0}")]
    Invalid(&'static str),
}

/// Parses a PKCS#8 PEM private key of `alg` (P-256 or Ed25519) for signing.
pub fn signing_key_from_pem(alg: SigningAlg, pem: &str) -> anyhow::Result<SigningKeyMaterial> {
    SigningKeyMaterial::from_pem(alg, pem)
}

/// Parses the public key of `alg` from a JWK: `EC` `x` and `y`, or `OKP` `x`; a JWK of another
/// key type than `alg` needs is refused.
pub fn verifying_key_from_jwk(
    alg: SigningAlg,
    jwk: &serde_json::Value,
) -> anyhow::Result<VerifyingKey> {
    VerifyingKey::from_jwk(alg, jwk)
}

/// Signs `claims` with `alg`, `kid` and `typ` in the header; `alg` must be the key's.
pub fn sign<T: Serialize>(
    claims: &T,
    key: &SigningKeyMaterial,
    alg: SigningAlg,
    kid: &str,
    typ: &str,
) -> anyhow::Result<String> {
    anyhow::ensure!(
        key.alg() == alg,
        "a {} key cannot sign {}",
        key.alg().as_str(),
        alg.as_str()
    );
    let header = Header {
        typ: Some(typ.to_owned()),
        alg: alg.as_str().to_owned(),
        kid: Some(kid.to_owned()),
    };
    jws::encode(&header, &serde_json::to_vec(claims)?, key)
}

/// The `kid` and `typ` of a token's header, without verifying anything (a header naming an
/// algorithm this server never uses is malformed).
pub fn peek_header(token: &str) -> Result<(String, Option<String>), JwtError> {
    let header = jws::split(token).ok_or(JwtError::Malformed)?.header;
    if SigningAlg::parse(&header.alg).is_none() {
        return Err(JwtError::Malformed);
    }
    Ok((header.kid.ok_or(JwtError::UnknownKey)?, header.typ))
}

/// What a verification checks beyond the signature.
pub struct Expect<'a> {
    pub typ: &'a str,
    pub issuer: &'a str,
    pub audience: Option<&'a str>,
    /// Off for introspection, which reports expired tokens as inactive instead.
    pub check_exp: bool,
    /// The time (Unix seconds) `exp` is checked against: the issuer's clock, the one that set
    /// `iat` and `exp`, not the library's own reading of the system time.
    pub now: i64,
}

/// Verifies signature, `typ`, `iss`, `aud` and (optionally) `exp` with no leeway: this server
/// is the only issuer, so there is no clock skew to forgive. `exp`, `iss` and `sub` must be
/// present. The algorithm is `key`'s: a header naming another one fails.
pub fn verify<T: DeserializeOwned>(
    token: &str,
    key: &VerifyingKey,
    alg: SigningAlg,
    expect: &Expect<'_>,
) -> Result<T, JwtError> {
    check_verified(&verify_signature(token, key, alg, expect.typ)?, expect)
}

/// A token whose signature verified, its claims not checked against any expectation yet:
/// what [`check_verified`] checks on every use, and what a cache of verifications may keep.
#[derive(Clone)]
pub struct Verified {
    typ: Option<String>,
    claims: serde_json::Value,
}

/// The first half of [`verify`]: `typ` (checked first, as it is cheap) and the signature with
/// `key`, whose algorithm must be `alg`.
pub fn verify_signature(
    token: &str,
    key: &VerifyingKey,
    alg: SigningAlg,
    typ: &str,
) -> Result<Verified, JwtError> {
    let parts = jws::split(token).ok_or(JwtError::Malformed)?;
    if SigningAlg::parse(&parts.header.alg).is_none() {
        return Err(JwtError::Malformed);
    }
    if !type_matches(parts.header.typ.as_deref(), typ) {
        return Err(JwtError::WrongType);
    }
    if key.alg() != alg {
        return Err(JwtError::Invalid("the key does not verify this algorithm"));
    }
    let payload = parts
        .verified_payload(key)
        .ok_or(JwtError::Invalid("bad signature"))?;
    let claims = serde_json::from_slice(&payload).map_err(|_| JwtError::Malformed)?;
    Ok(Verified {
        typ: parts.header.typ,
        claims,
    })
}

/// The second half of [`verify`]: `typ`, `iss`, `aud`, `exp` and `sub` against `expect`, then
/// the claims as `T`.
pub fn check_verified<T: DeserializeOwned>(
    verified: &Verified,
    expect: &Expect<'_>,
) -> Result<T, JwtError> {
    if !type_matches(verified.typ.as_deref(), expect.typ) {
        return Err(JwtError::WrongType);
    }
    check_claims(&verified.claims, expect)?;
    T::deserialize(&verified.claims).map_err(|_| JwtError::Malformed)
}

impl Verified {
    /// The `exp` claim, if it is a number.
    pub fn exp(&self) -> Option<i64> {
        self.claims["exp"].as_i64()
    }
}

fn type_matches(typ: Option<&str>, expected: &str) -> bool {
    typ.is_some_and(|t| t.eq_ignore_ascii_case(expected))
}

/// The registered claims' rules (RFC 7519 §4.1) this server's tokens must meet.
fn check_claims(claims: &serde_json::Value, expect: &Expect<'_>) -> Result<(), JwtError> {
    let exp = claims["exp"].as_i64().ok_or(JwtError::Invalid("no exp"))?;
    if claims["sub"].as_str().is_none() {
        return Err(JwtError::Invalid("no sub"));
    }
    if claims["iss"].as_str() != Some(expect.issuer) {
        return Err(JwtError::Invalid("wrong issuer"));
    }
    if let Some(aud) = expect.audience {
        // `aud` is one string or an array of them (RFC 7519 §4.1.3).
        let ok = match &claims["aud"] {
            serde_json::Value::String(a) => a == aud,
            serde_json::Value::Array(all) => all.iter().any(|a| a.as_str() == Some(aud)),
            _ => false,
        };
        if !ok {
            return Err(JwtError::Invalid("wrong audience"));
        }
    }
    // Expired when `exp` < now, against the caller's clock.
    if expect.check_exp && exp < expect.now {
        return Err(JwtError::Invalid("expired"));
    }
    Ok(())
}

/// OIDC `at_hash` / `c_hash`: base64url of the left half of the hash that goes with `alg`,
/// SHA-256 for ES256 and SHA-512 for EdDSA with Ed25519 (OIDC Core §3.1.3.6, errata).
pub fn left_half_hash(alg: SigningAlg, value: &str) -> String {
    match alg {
        SigningAlg::Es256 => URL_SAFE_NO_PAD.encode(&Sha256::digest(value.as_bytes())[..16]),
        SigningAlg::EdDsa => URL_SAFE_NO_PAD.encode(&Sha512::digest(value.as_bytes())[..32]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ES: SigningAlg = SigningAlg::Es256;
    use crate::crypto::keys::{generate, generate_es256};

    #[derive(Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Claims {
        iss: String,
        sub: String,
        aud: String,
        exp: i64,
    }

    fn claims(exp: i64) -> Claims {
        Claims {
            iss: "https://issuer".into(),
            sub: "u1".into(),
            aud: "https://issuer".into(),
            exp,
        }
    }

    #[test]
    fn a_signed_token_verifies_with_its_public_jwk_and_nothing_else() {
        let k = generate_es256("k1").unwrap();
        let sk = signing_key_from_pem(ES, &k.private_pem).unwrap();
        let vk = verifying_key_from_jwk(ES, &k.public_jwk).unwrap();
        let exp = chrono::Utc::now().timestamp() + 60;
        let token = sign(&claims(exp), &sk, ES, "k1", "at+jwt").unwrap();
        assert_eq!(peek_header(&token).unwrap().0, "k1");
        let expect = Expect {
            typ: "at+jwt",
            issuer: "https://issuer",
            audience: Some("https://issuer"),
            check_exp: true,
            now: chrono::Utc::now().timestamp(),
        };
        assert_eq!(
            verify::<Claims>(&token, &vk, ES, &expect).unwrap(),
            claims(exp)
        );
        let other = generate_es256("k2").unwrap();
        let wrong = verifying_key_from_jwk(ES, &other.public_jwk).unwrap();
        assert!(verify::<Claims>(&token, &wrong, ES, &expect).is_err());
        let as_id_token = Expect {
            typ: "JWT",
            ..expect
        };
        assert!(matches!(
            verify::<Claims>(&token, &vk, ES, &as_id_token),
            Err(JwtError::WrongType)
        ));
    }

    #[test]
    fn an_expired_token_fails_unless_expiry_is_not_checked() {
        let k = generate_es256("k1").unwrap();
        let sk = signing_key_from_pem(ES, &k.private_pem).unwrap();
        let vk = verifying_key_from_jwk(ES, &k.public_jwk).unwrap();
        let now = chrono::Utc::now().timestamp();
        let token = sign(&claims(now - 1), &sk, ES, "k1", "at+jwt").unwrap();
        let mut expect = Expect {
            typ: "at+jwt",
            issuer: "https://issuer",
            audience: None,
            check_exp: true,
            now,
        };
        assert!(verify::<Claims>(&token, &vk, ES, &expect).is_err());
        // The verifier's clock decides, not the system's: one second earlier it was valid.
        expect.now -= 1;
        assert!(verify::<Claims>(&token, &vk, ES, &expect).is_ok());
        expect.now += 1;
        expect.check_exp = false;
        assert!(verify::<Claims>(&token, &vk, ES, &expect).is_ok());
    }

    #[test]
    fn at_hash_is_the_left_half_of_sha256() {
        // OIDC Core example style: 16 bytes -> 22 base64url characters.
        // OIDC Core §A.3's example: this access token has at_hash 77QmUPtjPfzWtF2AnpK9RQ.
        let token = "jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y";
        assert_eq!(left_half_hash(ES, token), "77QmUPtjPfzWtF2AnpK9RQ");
        assert_eq!(left_half_hash(SigningAlg::EdDsa, token).len(), 43);
    }

    #[test]
    fn an_ed25519_token_verifies_only_as_eddsa_with_its_own_key() {
        let ed = generate(SigningAlg::EdDsa, "e1").unwrap();
        let sk = signing_key_from_pem(SigningAlg::EdDsa, &ed.private_pem).unwrap();
        let vk = verifying_key_from_jwk(SigningAlg::EdDsa, &ed.public_jwk).unwrap();
        let exp = chrono::Utc::now().timestamp() + 60;
        let token = sign(&claims(exp), &sk, SigningAlg::EdDsa, "e1", "JWT").unwrap();
        let expect = Expect {
            typ: "JWT",
            issuer: "https://issuer",
            audience: None,
            check_exp: true,
            now: chrono::Utc::now().timestamp(),
        };
        let ok = verify::<Claims>(&token, &vk, SigningAlg::EdDsa, &expect);
        assert_eq!(ok.unwrap(), claims(exp));
        // The key's algorithm decides: the same token presented as ES256 does not verify.
        assert!(verify::<Claims>(&token, &vk, ES, &expect).is_err());
        assert!(verifying_key_from_jwk(ES, &ed.public_jwk).is_err());
        let ec = generate_es256("k1").unwrap();
        assert!(verifying_key_from_jwk(SigningAlg::EdDsa, &ec.public_jwk).is_err());
    }
}
