//! Compact JWS signing and verification with ES256 (RFC 7515, RFC 7518 §3.4), and the OIDC
//! left-half hashes (`at_hash`, `c_hash`; OIDC Core §3.1.3.6). Keys are parsed once by the
//! caller and reused. Must not import the service, store or web layers.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::de::DeserializeOwned;
use serde::Serialize;
use sha2::{Digest, Sha256};

pub use jsonwebtoken::{DecodingKey as VerifyingKey, EncodingKey as SigningKeyMaterial};

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
    Invalid(#[from] jsonwebtoken::errors::Error),
}

/// Parses a PKCS#8 PEM P-256 private key for signing.
pub fn signing_key_from_pem(pem: &str) -> anyhow::Result<EncodingKey> {
    Ok(EncodingKey::from_ec_pem(pem.as_bytes())?)
}

/// Parses the public half from a JWK's `x` and `y`.
pub fn verifying_key_from_jwk(jwk: &serde_json::Value) -> anyhow::Result<DecodingKey> {
    let coord = |name: &str| {
        jwk[name]
            .as_str()
            .ok_or_else(|| anyhow::anyhow!("JWK without '{name}'"))
    };
    Ok(DecodingKey::from_ec_components(coord("x")?, coord("y")?)?)
}

/// Signs `claims` with ES256, `kid` and `typ` in the header.
pub fn sign<T: Serialize>(
    claims: &T,
    key: &EncodingKey,
    kid: &str,
    typ: &str,
) -> anyhow::Result<String> {
    let mut header = Header::new(Algorithm::ES256);
    header.kid = Some(kid.to_owned());
    header.typ = Some(typ.to_owned());
    Ok(jsonwebtoken::encode(&header, claims, key)?)
}

/// The `kid` and `typ` of a token's header, without verifying anything.
pub fn peek_header(token: &str) -> Result<(String, Option<String>), JwtError> {
    let header = jsonwebtoken::decode_header(token).map_err(|_| JwtError::Malformed)?;
    if header.alg != Algorithm::ES256 {
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
}

/// Verifies signature, `typ`, `iss`, `aud` and (optionally) `exp` with no leeway: this server
/// is the only issuer, so there is no clock skew to forgive.
pub fn verify<T: DeserializeOwned>(
    token: &str,
    key: &DecodingKey,
    expect: &Expect<'_>,
) -> Result<T, JwtError> {
    let (_, typ) = peek_header(token)?;
    if !typ.is_some_and(|t| t.eq_ignore_ascii_case(expect.typ)) {
        return Err(JwtError::WrongType);
    }
    let mut v = Validation::new(Algorithm::ES256);
    v.leeway = 0;
    v.validate_exp = expect.check_exp;
    v.set_issuer(&[expect.issuer]);
    match expect.audience {
        Some(aud) => v.set_audience(&[aud]),
        None => v.validate_aud = false,
    }
    v.set_required_spec_claims(&["exp", "iss", "sub"]);
    Ok(jsonwebtoken::decode::<T>(token, key, &v)?.claims)
}

/// OIDC `at_hash` / `c_hash` for ES256: base64url of the left half of SHA-256(value).
pub fn left_half_hash(value: &str) -> String {
    let d = Sha256::digest(value.as_bytes());
    URL_SAFE_NO_PAD.encode(&d[..16])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::keys::generate_es256;

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
        let sk = signing_key_from_pem(&k.private_pem).unwrap();
        let vk = verifying_key_from_jwk(&k.public_jwk).unwrap();
        let exp = chrono::Utc::now().timestamp() + 60;
        let token = sign(&claims(exp), &sk, "k1", "at+jwt").unwrap();
        assert_eq!(peek_header(&token).unwrap().0, "k1");
        let expect = Expect {
            typ: "at+jwt",
            issuer: "https://issuer",
            audience: Some("https://issuer"),
            check_exp: true,
        };
        assert_eq!(verify::<Claims>(&token, &vk, &expect).unwrap(), claims(exp));
        let other = generate_es256("k2").unwrap();
        let wrong = verifying_key_from_jwk(&other.public_jwk).unwrap();
        assert!(verify::<Claims>(&token, &wrong, &expect).is_err());
        let as_id_token = Expect {
            typ: "JWT",
            ..expect
        };
        assert!(matches!(
            verify::<Claims>(&token, &vk, &as_id_token),
            Err(JwtError::WrongType)
        ));
    }

    #[test]
    fn an_expired_token_fails_unless_expiry_is_not_checked() {
        let k = generate_es256("k1").unwrap();
        let sk = signing_key_from_pem(&k.private_pem).unwrap();
        let vk = verifying_key_from_jwk(&k.public_jwk).unwrap();
        let token = sign(
            &claims(chrono::Utc::now().timestamp() - 1),
            &sk,
            "k1",
            "at+jwt",
        )
        .unwrap();
        let mut expect = Expect {
            typ: "at+jwt",
            issuer: "https://issuer",
            audience: None,
            check_exp: true,
        };
        assert!(verify::<Claims>(&token, &vk, &expect).is_err());
        expect.check_exp = false;
        assert!(verify::<Claims>(&token, &vk, &expect).is_ok());
    }

    #[test]
    fn at_hash_is_the_left_half_of_sha256() {
        // OIDC Core example style: 16 bytes -> 22 base64url characters.
        let h = left_half_hash("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y");
        assert_eq!(h.len(), 22);
        assert_eq!(
            h,
            left_half_hash("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y")
        );
    }
}
