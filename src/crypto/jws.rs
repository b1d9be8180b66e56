//! The JWS compact serialization (RFC 7515 §3.1, §7.1) over ring's ECDSA P-256 (RFC 7518 §3.4,
//! the fixed-length `r ‖ s` signature) and Ed25519 (RFC 8037) — constant-time, assembly-backed
//! implementations, with every key parsed once and kept. The claims rules live in `jwt`; this
//! module only signs and checks bytes. Must not import the service, store or web layers.

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use ring::rand::SystemRandom;
use ring::signature::{
    self, EcdsaKeyPair, Ed25519KeyPair, KeyPair as _, UnparsedPublicKey,
    ECDSA_P256_SHA256_FIXED_SIGNING,
};
use serde::{Deserialize, Serialize};

use super::keys::SigningAlg;

/// A private key parsed for signing.
pub enum SigningKeyMaterial {
    Es256(EcdsaKeyPair),
    EdDsa(Ed25519KeyPair),
}

impl SigningKeyMaterial {
    /// Parses a PKCS#8 PEM private key (`PRIVATE KEY`) of `alg`.
    pub fn from_pem(alg: SigningAlg, pem: &str) -> anyhow::Result<Self> {
        let der = pem_body(pem, "PRIVATE KEY")?;
        let bad = |e: ring::error::KeyRejected| anyhow::anyhow!("a {} key: {e}", alg.as_str());
        Ok(match alg {
            SigningAlg::Es256 => {
                let rng = SystemRandom::new();
                Self::Es256(
                    EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &der, &rng)
                        .map_err(bad)?,
                )
            }
            // PKCS#8 v1 (no public key inside) is what ed25519-dalek writes.
            SigningAlg::EdDsa => {
                Self::EdDsa(Ed25519KeyPair::from_pkcs8_maybe_unchecked(&der).map_err(bad)?)
            }
        })
    }

    pub fn alg(&self) -> SigningAlg {
        match self {
            Self::Es256(_) => SigningAlg::Es256,
            Self::EdDsa(_) => SigningAlg::EdDsa,
        }
    }

    /// The public key as the verifier takes it (uncompressed point, or the 32 Ed25519 bytes).
    pub fn public_key(&self) -> VerifyingKey {
        let bytes = match self {
            Self::Es256(k) => k.public_key().as_ref().to_vec(),
            Self::EdDsa(k) => k.public_key().as_ref().to_vec(),
        };
        VerifyingKey {
            alg: self.alg(),
            bytes,
        }
    }

    fn sign(&self, message: &[u8]) -> anyhow::Result<Vec<u8>> {
        Ok(match self {
            Self::Es256(k) => k
                .sign(&SystemRandom::new(), message)
                .map_err(|_| anyhow::anyhow!("ECDSA signing failed"))?
                .as_ref()
                .to_vec(),
            Self::EdDsa(k) => k.sign(message).as_ref().to_vec(),
        })
    }
}

/// A public key and the one algorithm it verifies.
#[derive(Clone)]
pub struct VerifyingKey {
    alg: SigningAlg,
    bytes: Vec<u8>,
}

impl VerifyingKey {
    /// From a JWK: `EC` P-256 `x` and `y` for ES256, `OKP` Ed25519 `x` for EdDSA; a JWK of
    /// another key type than `alg` needs is refused.
    pub fn from_jwk(alg: SigningAlg, jwk: &serde_json::Value) -> anyhow::Result<Self> {
        let member = |name: &str| {
            let text = jwk[name]
                .as_str()
                .ok_or_else(|| anyhow::anyhow!("JWK without '{name}'"))?;
            Ok::<_, anyhow::Error>(text)
        };
        let coordinate = |name: &str| {
            let bytes = URL_SAFE_NO_PAD.decode(member(name)?)?;
            anyhow::ensure!(bytes.len() == 32, "JWK '{name}' is not 32 bytes");
            Ok::<_, anyhow::Error>(bytes)
        };
        let bytes = match (alg, member("kty")?) {
            (SigningAlg::Es256, "EC") if member("crv")? == "P-256" => {
                let mut point = vec![4u8];
                point.extend(coordinate("x")?);
                point.extend(coordinate("y")?);
                point
            }
            (SigningAlg::EdDsa, "OKP") if member("crv")? == "Ed25519" => coordinate("x")?,
            (alg, kty) => anyhow::bail!("a {kty} JWK cannot verify {}", alg.as_str()),
        };
        Ok(Self { alg, bytes })
    }

    pub fn alg(&self) -> SigningAlg {
        self.alg
    }

    fn verifies(&self, message: &[u8], sig: &[u8]) -> bool {
        let alg: &dyn signature::VerificationAlgorithm = match self.alg {
            SigningAlg::Es256 => &signature::ECDSA_P256_SHA256_FIXED,
            SigningAlg::EdDsa => &signature::ED25519,
        };
        UnparsedPublicKey::new(alg, &self.bytes)
            .verify(message, sig)
            .is_ok()
    }
}

/// The protected header this server writes and reads (RFC 7515 §4.1).
#[derive(Serialize, Deserialize)]
pub struct Header {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typ: Option<String>,
    pub alg: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kid: Option<String>,
}

/// `base64url(header) . base64url(payload) . base64url(signature)`.
pub fn encode(header: &Header, payload: &[u8], key: &SigningKeyMaterial) -> anyhow::Result<String> {
    let header = serde_json::to_vec(header)?;
    let mut out = String::with_capacity((header.len() + payload.len()) * 4 / 3 + 96);
    URL_SAFE_NO_PAD.encode_string(&header, &mut out);
    out.push('.');
    URL_SAFE_NO_PAD.encode_string(payload, &mut out);
    let sig = key.sign(out.as_bytes())?;
    out.push('.');
    URL_SAFE_NO_PAD.encode_string(sig, &mut out);
    Ok(out)
}

/// A token split into its parts, the header decoded, nothing verified yet.
pub struct Parts<'a> {
    pub header: Header,
    signing_input: &'a str,
    payload: &'a str,
    signature: &'a str,
}

/// Splits a compact JWS; `None` unless it has exactly three parts and a JSON header.
pub fn split(token: &str) -> Option<Parts<'_>> {
    let (signing_input, signature) = token.rsplit_once('.')?;
    let (header, payload) = signing_input.split_once('.')?;
    if payload.contains('.') {
        return None;
    }
    let header = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(header).ok()?).ok()?;
    Some(Parts {
        header,
        signing_input,
        payload,
        signature,
    })
}

impl Parts<'_> {
    /// The signing input (`header.payload`), the encoded payload and the encoded signature, for
    /// verifiers of keys other than ours (`client_keys`).
    pub fn raw(&self) -> (&str, &str, &str) {
        (self.signing_input, self.payload, self.signature)
    }

    /// The payload bytes if the signature verifies with `key` — and the header names `key`'s
    /// algorithm: the algorithm is the key's, never the token's alone (no algorithm confusion).
    pub fn verified_payload(&self, key: &VerifyingKey) -> Option<Vec<u8>> {
        if self.header.alg != key.alg.as_str() {
            return None;
        }
        let sig = URL_SAFE_NO_PAD.decode(self.signature).ok()?;
        if !key.verifies(self.signing_input.as_bytes(), &sig) {
            return None;
        }
        URL_SAFE_NO_PAD.decode(self.payload).ok()
    }
}

/// The DER inside a PEM block labelled `label`.
fn pem_body(pem: &str, label: &str) -> anyhow::Result<Vec<u8>> {
    let begin = format!("-----BEGIN {label}-----");
    let end = format!("-----END {label}-----");
    let start = pem.find(&begin).map(|i| i + begin.len());
    let stop = pem.find(&end);
    let (Some(start), Some(stop)) = (start, stop) else {
        anyhow::bail!("not a PEM '{label}'");
    };
    anyhow::ensure!(start <= stop, "not a PEM '{label}'");
    let b64: String = pem[start..stop].split_whitespace().collect();
    Ok(STANDARD.decode(b64)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::keys::generate;

    fn pair(alg: SigningAlg) -> (SigningKeyMaterial, VerifyingKey) {
        let k = generate(alg, "k").unwrap();
        let sk = SigningKeyMaterial::from_pem(alg, &k.private_pem).unwrap();
        (sk, VerifyingKey::from_jwk(alg, &k.public_jwk).unwrap())
    }

    fn header(alg: SigningAlg) -> Header {
        Header {
            typ: Some("JWT".into()),
            alg: alg.as_str().into(),
            kid: Some("k".into()),
        }
    }

    #[test]
    fn an_es256_signature_verifies_with_an_independent_implementation() {
        use p256::ecdsa::signature::Verifier as _;
        let k = generate(SigningAlg::Es256, "k").unwrap();
        let sk = SigningKeyMaterial::from_pem(SigningAlg::Es256, &k.private_pem).unwrap();
        let token = encode(&header(SigningAlg::Es256), b"{}", &sk).unwrap();
        let (input, sig) = token.rsplit_once('.').unwrap();
        let sig = p256::ecdsa::Signature::from_slice(&URL_SAFE_NO_PAD.decode(sig).unwrap());
        // p256 reads the bare key members only.
        let j = &k.public_jwk;
        let bare = serde_json::json!({"kty": "EC", "crv": "P-256", "x": j["x"], "y": j["y"]});
        let jwk = p256::PublicKey::from_jwk_str(&bare.to_string()).unwrap();
        let vk = p256::ecdsa::VerifyingKey::from(jwk);
        assert!(vk.verify(input.as_bytes(), &sig.unwrap()).is_ok());
    }

    #[test]
    fn a_changed_payload_header_or_key_fails_verification() {
        for alg in [SigningAlg::Es256, SigningAlg::EdDsa] {
            let (sk, vk) = pair(alg);
            let token = encode(&header(alg), br#"{"sub":"a"}"#, &sk).unwrap();
            let parts = split(&token).unwrap();
            assert_eq!(parts.verified_payload(&vk).unwrap(), br#"{"sub":"a"}"#);
            let (_, other) = pair(alg);
            assert!(parts.verified_payload(&other).is_none());
            let [h, _, s]: [&str; 3] = token.split('.').collect::<Vec<_>>().try_into().unwrap();
            let forged = format!("{h}.{}.{s}", URL_SAFE_NO_PAD.encode(br#"{"sub":"b"}"#));
            assert!(split(&forged).unwrap().verified_payload(&vk).is_none());
            // The header says which algorithm: a header naming another one never verifies.
            let mut renamed = split(&token).unwrap();
            renamed.header.alg = "none".into();
            assert!(renamed.verified_payload(&vk).is_none());
        }
    }

    #[test]
    fn only_three_part_tokens_with_a_json_header_split() {
        let (sk, _) = pair(SigningAlg::Es256);
        let token = encode(&header(SigningAlg::Es256), b"{}", &sk).unwrap();
        assert!(split(&token).is_some());
        for bad in [
            format!("{token}.x"),
            "a.b".to_owned(),
            "".to_owned(),
            "bm90IGpzb24.e30.c2ln".to_owned(),
        ] {
            assert!(split(&bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn a_jwk_of_the_wrong_shape_is_refused() {
        let ec = generate(SigningAlg::Es256, "k").unwrap().public_jwk;
        let mut short = ec.clone();
        short["x"] = "AAAA".into();
        assert!(VerifyingKey::from_jwk(SigningAlg::Es256, &short).is_err());
        assert!(VerifyingKey::from_jwk(SigningAlg::EdDsa, &ec).is_err());
        assert!(SigningKeyMaterial::from_pem(SigningAlg::Es256, "not a pem").is_err());
    }
}
