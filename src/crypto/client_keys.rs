//! The public keys an app registers for `private_key_jwt` (RFC 7523 §2.2, OIDC Core §9) as a
//! JWK set (RFC 7517 §5), and the check of a JWS signed with one of them. Only public keys of
//! the four advertised algorithms are accepted: `EC` P-256 (ES256), `OKP` Ed25519 (EdDSA) and
//! `RSA` of 2048 to 8192 bits (RS256, PS256). A key with a private member (`d`, `p`, `q`, `dp`,
//! `dq`, `qi`, `oth`, `k`) is refused, and so is a symmetric key: a JWK set is published, so a
//! private key in it is already leaked. `alg: none` and HMAC never verify. The verification is
//! ring's. Must not import the service, store or web layers.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ring::signature::{self, RsaPublicKeyComponents, UnparsedPublicKey};
use serde_json::Value;

use super::jws;

/// The algorithms a client assertion may be signed with, as advertised.
pub const ASSERTION_ALGS: [&str; 4] = ["ES256", "EdDSA", "PS256", "RS256"];
/// Most keys one set may hold.
pub const MAX_KEYS: usize = 10;
const PRIVATE_MEMBERS: [&str; 8] = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

/// One public key of an app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientKey {
    pub kid: Option<String>,
    /// The JWK's own `alg`, when it names one: then only that algorithm verifies with it.
    alg: Option<String>,
    material: Material,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Material {
    /// The uncompressed P-256 point.
    P256(Vec<u8>),
    Ed25519(Vec<u8>),
    Rsa {
        n: Vec<u8>,
        e: Vec<u8>,
    },
}

/// Why a JWS did not verify with an app's keys.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("the assertion is not a compact JWS")]
    Malformed,
    #[error("the algorithm '{0}' is not accepted")]
    Algorithm(String),
    #[error("no registered key has the assertion's kid")]
    UnknownKid,
    #[error("the signature does not verify with the registered keys")]
    Signature,
}

/// Parses a JWK set of public keys; the error says what is wrong, for the field's message.
pub fn parse_jwk_set(set: &Value) -> Result<Vec<ClientKey>, String> {
    let keys = set
        .get("keys")
        .and_then(Value::as_array)
        .ok_or("must be a JSON object with a 'keys' array")?;
    if keys.is_empty() || keys.len() > MAX_KEYS {
        return Err(format!("must hold 1 to {MAX_KEYS} keys"));
    }
    keys.iter()
        .enumerate()
        .map(|(i, k)| parse_jwk(k).map_err(|e| format!("key {}: {e}", i + 1)))
        .collect()
}

fn parse_jwk(jwk: &Value) -> Result<ClientKey, String> {
    let obj = jwk.as_object().ok_or("is not a JSON object")?;
    if let Some(m) = PRIVATE_MEMBERS.iter().find(|m| obj.contains_key(**m)) {
        return Err(format!(
            "has the private member '{m}': register public keys only"
        ));
    }
    let text = |name: &str| obj.get(name).and_then(Value::as_str);
    if text("use").is_some_and(|u| u != "sig") {
        return Err("'use' must be 'sig'".into());
    }
    let alg = text("alg").map(str::to_owned);
    if let Some(a) = &alg {
        if !ASSERTION_ALGS.contains(&a.as_str()) {
            return Err(format!(
                "'alg' {a} is not one of {}",
                ASSERTION_ALGS.join(", ")
            ));
        }
    }
    let bytes = |name: &str| {
        let s = text(name).ok_or_else(|| format!("has no '{name}'"))?;
        URL_SAFE_NO_PAD
            .decode(s)
            .map_err(|_| format!("'{name}' is not base64url"))
    };
    let fixed = |name: &str| {
        let b = bytes(name)?;
        (b.len() == 32)
            .then_some(b)
            .ok_or_else(|| format!("'{name}' is not 32 bytes"))
    };
    let material = match (text("kty"), text("crv")) {
        (Some("EC"), Some("P-256")) => {
            let mut point = vec![4u8];
            point.extend(fixed("x")?);
            point.extend(fixed("y")?);
            Material::P256(point)
        }
        (Some("OKP"), Some("Ed25519")) => Material::Ed25519(fixed("x")?),
        (Some("RSA"), _) => {
            let n = bytes("n")?;
            let bits = significant_bits(&n);
            if !(2048..=8192).contains(&bits) {
                return Err("an RSA key must have 2048 to 8192 bits".into());
            }
            Material::Rsa { n, e: bytes("e")? }
        }
        (Some("oct"), _) => return Err("symmetric keys are not accepted".into()),
        (kty, crv) => {
            return Err(format!(
                "kty {} / crv {} is not supported: use EC P-256, OKP Ed25519 or RSA",
                kty.unwrap_or("(none)"),
                crv.unwrap_or("(none)")
            ))
        }
    };
    if let Some(a) = &alg {
        if !material.verifies_alg(a) {
            return Err(format!("'alg' {a} does not fit the key type"));
        }
    }
    Ok(ClientKey {
        kid: text("kid").map(str::to_owned),
        alg,
        material,
    })
}

fn significant_bits(n: &[u8]) -> usize {
    let first = n.iter().position(|b| *b != 0).unwrap_or(n.len());
    n[first..].first().map_or(0, |b| {
        (n.len() - first - 1) * 8 + (8 - b.leading_zeros() as usize)
    })
}

impl Material {
    fn verifies_alg(&self, alg: &str) -> bool {
        matches!(
            (self, alg),
            (Self::P256(_), "ES256")
                | (Self::Ed25519(_), "EdDSA")
                | (Self::Rsa { .. }, "RS256" | "PS256")
        )
    }

    fn verify(&self, alg: &str, message: &[u8], sig: &[u8]) -> bool {
        match (self, alg) {
            (Self::P256(k), "ES256") => {
                UnparsedPublicKey::new(&signature::ECDSA_P256_SHA256_FIXED, k)
                    .verify(message, sig)
                    .is_ok()
            }
            (Self::Ed25519(k), "EdDSA") => UnparsedPublicKey::new(&signature::ED25519, k)
                .verify(message, sig)
                .is_ok(),
            (Self::Rsa { n, e }, "RS256") => RsaPublicKeyComponents { n, e }
                .verify(&signature::RSA_PKCS1_2048_8192_SHA256, message, sig)
                .is_ok(),
            (Self::Rsa { n, e }, "PS256") => RsaPublicKeyComponents { n, e }
                .verify(&signature::RSA_PSS_2048_8192_SHA256, message, sig)
                .is_ok(),
            _ => false,
        }
    }
}

/// The payload of `token` when its signature verifies with one of `keys`: the one its `kid`
/// names, or, without a `kid`, each key that fits the header's algorithm in turn. The
/// algorithm must be one of [`ASSERTION_ALGS`] and fit the key (and the key's own `alg`).
pub fn verify(token: &str, keys: &[ClientKey]) -> Result<Vec<u8>, KeyError> {
    let parts = jws::split(token).ok_or(KeyError::Malformed)?;
    let alg = parts.header.alg.as_str();
    if !ASSERTION_ALGS.contains(&alg) {
        return Err(KeyError::Algorithm(alg.to_owned()));
    }
    let kid = parts.header.kid.as_deref();
    let candidates: Vec<&ClientKey> = keys
        .iter()
        .filter(|k| kid.is_none() || k.kid.as_deref() == kid)
        .collect();
    if candidates.is_empty() {
        return Err(KeyError::UnknownKid);
    }
    let (signing_input, payload, signature) = parts.raw();
    let sig = URL_SAFE_NO_PAD
        .decode(signature)
        .map_err(|_| KeyError::Malformed)?;
    let verified = candidates.iter().any(|k| {
        k.alg.as_deref().is_none_or(|a| a == alg)
            && k.material.verify(alg, signing_input.as_bytes(), &sig)
    });
    if !verified {
        return Err(KeyError::Signature);
    }
    URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| KeyError::Malformed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ec_key() -> Value {
        crate::crypto::keys::generate_es256("k1")
            .unwrap()
            .public_jwk
    }

    #[test]
    fn private_and_symmetric_keys_are_refused() {
        let mut private = ec_key();
        private["d"] = json!("AAAA");
        let err = parse_jwk_set(&json!({ "keys": [private] })).unwrap_err();
        assert!(err.contains("private member 'd'"), "{err}");
        let oct = json!({ "keys": [{ "kty": "oct", "k": "c2VjcmV0" }] });
        assert!(parse_jwk_set(&oct).is_err());
        let oct = json!({ "keys": [{ "kty": "oct" }] });
        assert!(parse_jwk_set(&oct).unwrap_err().contains("symmetric"));
        assert!(parse_jwk_set(&json!({ "keys": [] })).is_err());
        assert!(parse_jwk_set(&json!([ec_key()])).is_err());
        assert_eq!(
            parse_jwk_set(&json!({ "keys": [ec_key()] })).unwrap().len(),
            1
        );
    }

    #[test]
    fn small_rsa_keys_and_mismatched_algs_are_refused() {
        let short = URL_SAFE_NO_PAD.encode([0xffu8; 128]);
        let set = json!({ "keys": [{ "kty": "RSA", "n": short, "e": "AQAB" }] });
        assert!(parse_jwk_set(&set).unwrap_err().contains("2048"));
        let mut ec = ec_key();
        ec["alg"] = json!("RS256");
        assert!(parse_jwk_set(&json!({ "keys": [ec] })).is_err());
        assert_eq!(significant_bits(&[0, 0x01, 0]), 9);
    }

    #[test]
    fn none_and_hmac_never_verify() {
        let keys = parse_jwk_set(&json!({ "keys": [ec_key()] })).unwrap();
        for alg in ["none", "HS256"] {
            let header = URL_SAFE_NO_PAD.encode(format!(r#"{{"alg":"{alg}"}}"#));
            let token = format!("{header}.e30.");
            assert_eq!(verify(&token, &keys), Err(KeyError::Algorithm(alg.into())));
        }
    }
}
