//! WebAuthn Level 2 relying-party checks (W3C WebAuthn L2 §7.1 registration, §7.2
//! authentication) for passkeys: the client data (type, challenge, exact origin, §5.8.1), the
//! authenticator data (RP id hash, flags, signature counter, attested credential data, §6.1),
//! the attestation object of the `none` format (§8.7), COSE public keys (RFC 9053: ES256,
//! EdDSA, RS256) and assertion signatures over `authenticatorData || SHA-256(clientDataJSON)`.
//!
//! A passkey's stored public key is its COSE_Key as the authenticator sent it. Must not import
//! anything else of the crate; nothing here reads a clock.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ciborium::Value;
use ring::signature::{self, RsaPublicKeyComponents, UnparsedPublicKey};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Flags of the authenticator data (§6.1).
const FLAG_UP: u8 = 0x01;
const FLAG_UV: u8 = 0x04;
const FLAG_BE: u8 = 0x08;
const FLAG_AT: u8 = 0x40;
const FLAG_ED: u8 = 0x80;
/// Longest credential id the specification allows (§5.8.3 and CTAP2).
pub const MAX_CREDENTIAL_ID_LEN: usize = 1023;
/// COSE algorithms accepted (RFC 9053): ES256, EdDSA, RS256, in order of preference.
pub const COSE_ALGORITHMS: [i64; 3] = [-7, -8, -257];

/// Why a WebAuthn response was refused. Each names the rule; none carries key material.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebauthnError {
    #[error("the response is malformed: {0}")]
    Malformed(&'static str),
    #[error("the client data has the wrong type")]
    WrongType,
    #[error("the challenge is not the one issued")]
    WrongChallenge,
    #[error("the origin is not this server's")]
    WrongOrigin,
    #[error("the authenticator data is for another relying party")]
    WrongRpId,
    #[error("the person was not present")]
    NoUserPresence,
    #[error("the attestation format is not accepted")]
    UnsupportedAttestation,
    #[error("the key algorithm is not accepted")]
    UnsupportedAlgorithm,
    #[error("the signature does not verify")]
    BadSignature,
}

type Result<T> = std::result::Result<T, WebauthnError>;

/// The collected client data (§5.8.1) members we check.
#[derive(Debug, Deserialize)]
struct ClientData {
    #[serde(rename = "type")]
    typ: String,
    challenge: String,
    origin: String,
    #[serde(rename = "crossOrigin", default)]
    cross_origin: Option<bool>,
}

/// What a ceremony must match: the challenge issued (base64url), the exact origin, the RP id.
#[derive(Debug, Clone, Copy)]
pub struct Expected<'a> {
    pub challenge: &'a str,
    pub origin: &'a str,
    pub rp_id: &'a str,
}

/// Authenticator data (§6.1), with the attested credential of a registration.
#[derive(Debug, Clone)]
pub struct AuthenticatorData {
    pub rp_id_hash: [u8; 32],
    pub flags: u8,
    pub counter: u32,
    pub credential: Option<AttestedCredential>,
}

impl AuthenticatorData {
    /// User verified (UV): a PIN, a fingerprint or a face, beyond presence.
    pub fn user_verified(&self) -> bool {
        self.flags & FLAG_UV != 0
    }

    /// Backup eligible (BE): a synced passkey (a software-protected key, RFC 8176 `swk`) rather
    /// than one bound to one device's hardware (`hwk`).
    pub fn backup_eligible(&self) -> bool {
        self.flags & FLAG_BE != 0
    }
}

/// The credential a registration creates: its id and COSE public key (as sent).
#[derive(Debug, Clone)]
pub struct AttestedCredential {
    pub credential_id: Vec<u8>,
    pub public_key: Vec<u8>,
}

/// Checks the client data JSON of a ceremony of `typ` (`webauthn.create` / `webauthn.get`).
pub fn check_client_data(json: &[u8], typ: &str, expected: &Expected<'_>) -> Result<()> {
    let data: ClientData =
        serde_json::from_slice(json).map_err(|_| WebauthnError::Malformed("clientDataJSON"))?;
    if data.typ != typ {
        return Err(WebauthnError::WrongType);
    }
    let same_challenge = data
        .challenge
        .as_bytes()
        .ct_eq(expected.challenge.as_bytes());
    if !bool::from(same_challenge) {
        return Err(WebauthnError::WrongChallenge);
    }
    if data.origin != expected.origin || data.cross_origin == Some(true) {
        return Err(WebauthnError::WrongOrigin);
    }
    Ok(())
}

/// Parses authenticator data and checks the RP id hash and user presence.
pub fn parse_authenticator_data(bytes: &[u8], rp_id: &str) -> Result<AuthenticatorData> {
    let malformed = || WebauthnError::Malformed("authenticatorData");
    if bytes.len() < 37 {
        return Err(malformed());
    }
    let mut rp_id_hash = [0u8; 32];
    rp_id_hash.copy_from_slice(&bytes[..32]);
    let flags = bytes[32];
    let counter = u32::from_be_bytes([bytes[33], bytes[34], bytes[35], bytes[36]]);
    let rest = &bytes[37..];
    let credential = if flags & FLAG_AT != 0 {
        Some(attested_credential(rest, flags & FLAG_ED != 0)?)
    } else if flags & FLAG_ED == 0 && !rest.is_empty() {
        return Err(malformed());
    } else {
        None
    };
    if rp_id_hash != <[u8; 32]>::from(Sha256::digest(rp_id.as_bytes())) {
        return Err(WebauthnError::WrongRpId);
    }
    if flags & FLAG_UP == 0 {
        return Err(WebauthnError::NoUserPresence);
    }
    Ok(AuthenticatorData {
        rp_id_hash,
        flags,
        counter,
        credential,
    })
}

/// Attested credential data (§6.5.1): AAGUID, id length, id, COSE key (then extensions).
fn attested_credential(bytes: &[u8], extensions: bool) -> Result<AttestedCredential> {
    let malformed = || WebauthnError::Malformed("attestedCredentialData");
    if bytes.len() < 18 {
        return Err(malformed());
    }
    let id_len = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    if id_len == 0 || id_len > MAX_CREDENTIAL_ID_LEN || bytes.len() < 18 + id_len {
        return Err(malformed());
    }
    let credential_id = bytes[18..18 + id_len].to_vec();
    let mut key_bytes = &bytes[18 + id_len..];
    let before = key_bytes.len();
    let _: Value = ciborium::de::from_reader(&mut key_bytes).map_err(|_| malformed())?;
    let used = before - key_bytes.len();
    if !extensions && !key_bytes.is_empty() {
        return Err(malformed());
    }
    let public_key = bytes[18 + id_len..18 + id_len + used].to_vec();
    parse_cose_key(&public_key)?;
    Ok(AttestedCredential {
        credential_id,
        public_key,
    })
}

/// A COSE public key (RFC 9052 §7, RFC 9053) of an accepted algorithm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CoseKey {
    Es256 { x: Vec<u8>, y: Vec<u8> },
    EdDsa { x: Vec<u8> },
    Rs256 { n: Vec<u8>, e: Vec<u8> },
}

/// Parses a COSE_Key, accepting only the algorithms of [`COSE_ALGORITHMS`] with their curves.
pub fn parse_cose_key(bytes: &[u8]) -> Result<CoseKey> {
    let malformed = || WebauthnError::Malformed("credentialPublicKey");
    let value: Value = ciborium::de::from_reader(bytes).map_err(|_| malformed())?;
    let map = value.as_map().ok_or_else(malformed)?;
    let int = |label: i64| {
        map.iter()
            .find(|(k, _)| k.as_integer().and_then(|i| i64::try_from(i).ok()) == Some(label))
            .map(|(_, v)| v)
    };
    let num = |label| {
        int(label)
            .and_then(Value::as_integer)
            .and_then(|i| i64::try_from(i).ok())
    };
    let bytes_of = |label| int(label).and_then(Value::as_bytes).cloned();
    let (kty, alg, crv) = (num(1), num(3), num(-1));
    match (kty, alg, crv) {
        (Some(2), Some(-7), Some(1)) => {
            let (x, y) = (bytes_of(-2), bytes_of(-3));
            match (x, y) {
                (Some(x), Some(y)) if x.len() == 32 && y.len() == 32 => Ok(CoseKey::Es256 { x, y }),
                _ => Err(malformed()),
            }
        }
        (Some(1), Some(-8), Some(6)) => match bytes_of(-2) {
            Some(x) if x.len() == 32 => Ok(CoseKey::EdDsa { x }),
            _ => Err(malformed()),
        },
        (Some(3), Some(-257), _) => match (bytes_of(-1), bytes_of(-2)) {
            (Some(n), Some(e)) if n.len() >= 256 && !e.is_empty() => Ok(CoseKey::Rs256 { n, e }),
            _ => Err(malformed()),
        },
        _ => Err(WebauthnError::UnsupportedAlgorithm),
    }
}

/// Verifies `signature` over `message` with the COSE key `public_key`.
pub fn verify_signature(public_key: &[u8], message: &[u8], sig: &[u8]) -> Result<()> {
    let ok = match parse_cose_key(public_key)? {
        CoseKey::Es256 { x, y } => {
            let point = [&[0x04][..], &x, &y].concat();
            UnparsedPublicKey::new(&signature::ECDSA_P256_SHA256_ASN1, point)
                .verify(message, sig)
                .is_ok()
        }
        CoseKey::EdDsa { x } => UnparsedPublicKey::new(&signature::ED25519, x)
            .verify(message, sig)
            .is_ok(),
        CoseKey::Rs256 { n, e } => RsaPublicKeyComponents { n, e }
            .verify(&signature::RSA_PKCS1_2048_8192_SHA256, message, sig)
            .is_ok(),
    };
    ok.then_some(()).ok_or(WebauthnError::BadSignature)
}

/// A registration that passed (§7.1): the new credential and the flags it was made with.
#[derive(Debug, Clone)]
pub struct Registered {
    pub credential: AttestedCredential,
    pub data: AuthenticatorData,
}

/// Verifies a registration: client data, then the attestation object of format `none` (an
/// empty statement), its RP id hash, user presence and the new credential.
pub fn verify_registration(
    client_data_json: &[u8],
    attestation_object: &[u8],
    expected: &Expected<'_>,
) -> Result<Registered> {
    check_client_data(client_data_json, "webauthn.create", expected)?;
    let malformed = || WebauthnError::Malformed("attestationObject");
    let value: Value = ciborium::de::from_reader(attestation_object).map_err(|_| malformed())?;
    let map = value.as_map().ok_or_else(malformed)?;
    let member = |name: &str| {
        map.iter()
            .find(|(k, _)| k.as_text() == Some(name))
            .map(|(_, v)| v)
    };
    let fmt = member("fmt")
        .and_then(Value::as_text)
        .ok_or_else(malformed)?;
    let statement = member("attStmt").and_then(Value::as_map);
    if fmt != "none" || statement.is_none_or(|s| !s.is_empty()) {
        return Err(WebauthnError::UnsupportedAttestation);
    }
    let auth_data = member("authData")
        .and_then(Value::as_bytes)
        .ok_or_else(malformed)?;
    let data = parse_authenticator_data(auth_data, expected.rp_id)?;
    let credential = data.credential.clone().ok_or_else(malformed)?;
    Ok(Registered { credential, data })
}

/// Verifies an assertion (§7.2) of the credential whose COSE key is `public_key`.
pub fn verify_assertion(
    client_data_json: &[u8],
    authenticator_data: &[u8],
    sig: &[u8],
    public_key: &[u8],
    expected: &Expected<'_>,
) -> Result<AuthenticatorData> {
    check_client_data(client_data_json, "webauthn.get", expected)?;
    let data = parse_authenticator_data(authenticator_data, expected.rp_id)?;
    let message = [authenticator_data, &Sha256::digest(client_data_json)[..]].concat();
    verify_signature(public_key, &message, sig)?;
    Ok(data)
}

/// Whether a signature counter may follow `stored` (§6.1.1): both zero (an authenticator
/// without a counter), or strictly greater. Otherwise the credential may have been cloned.
pub fn counter_advances(stored: u32, received: u32) -> bool {
    (stored == 0 && received == 0) || received > stored
}

/// base64url without padding, how WebAuthn JSON carries bytes.
pub fn b64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Decodes base64url (with or without padding).
pub fn from_b64url(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')).ok()
}

#[cfg(test)]
#[path = "webauthn_tests.rs"]
mod tests;
