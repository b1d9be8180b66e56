//! The checks against responses built here: an ES256 key of RustCrypto's `p256` signing what
//! `ring` verifies, CBOR written by `ciborium`, and each rule broken on its own.

use super::*;
use ciborium::Value;
use p256::ecdsa::{signature::Signer, DerSignature, SigningKey};
use sha2::{Digest, Sha256};

const RP: &str = "login.example.com";
const ORIGIN: &str = "https://login.example.com";
const CHALLENGE: &str = "c2VydmVyLWNoYWxsZW5nZQ";

fn expected() -> Expected<'static> {
    Expected {
        challenge: CHALLENGE,
        origin: ORIGIN,
        rp_id: RP,
    }
}

fn key() -> SigningKey {
    SigningKey::from_slice(&[7u8; 32]).unwrap()
}

fn cose(key: &SigningKey) -> Vec<u8> {
    let point = key.verifying_key().to_encoded_point(false);
    let map = Value::Map(vec![
        (1.into(), 2.into()),
        (3.into(), (-7).into()),
        ((-1).into(), 1.into()),
        ((-2).into(), Value::Bytes(point.x().unwrap().to_vec())),
        ((-3).into(), Value::Bytes(point.y().unwrap().to_vec())),
    ]);
    let mut out = Vec::new();
    ciborium::ser::into_writer(&map, &mut out).unwrap();
    out
}

fn auth_data(rp: &str, flags: u8, counter: u32, credential: Option<&[u8]>) -> Vec<u8> {
    let mut out = Sha256::digest(rp.as_bytes()).to_vec();
    out.push(flags);
    out.extend_from_slice(&counter.to_be_bytes());
    if let Some(public_key) = credential {
        out.extend_from_slice(&[0u8; 16]);
        out.extend_from_slice(&3u16.to_be_bytes());
        out.extend_from_slice(b"cid");
        out.extend_from_slice(public_key);
    }
    out
}

fn client_data(typ: &str, origin: &str) -> Vec<u8> {
    format!(r#"{{"type":"{typ}","challenge":"{CHALLENGE}","origin":"{origin}"}}"#).into_bytes()
}

fn attestation(fmt: &str, auth: Vec<u8>) -> Vec<u8> {
    let map = Value::Map(vec![
        ("fmt".into(), fmt.into()),
        ("attStmt".into(), Value::Map(vec![])),
        ("authData".into(), Value::Bytes(auth)),
    ]);
    let mut out = Vec::new();
    ciborium::ser::into_writer(&map, &mut out).unwrap();
    out
}

fn signed(key: &SigningKey, auth: &[u8], client: &[u8]) -> Vec<u8> {
    let message = [auth, &Sha256::digest(client)[..]].concat();
    let sig: DerSignature = key.sign(&message);
    sig.as_bytes().to_vec()
}

#[test]
fn a_none_attestation_registers_the_credential_and_its_key() {
    let pk = cose(&key());
    let auth = auth_data(RP, FLAG_UP | FLAG_UV | FLAG_AT, 0, Some(&pk));
    let client = client_data("webauthn.create", ORIGIN);
    let reg = verify_registration(&client, &attestation("none", auth), &expected()).unwrap();
    assert_eq!(reg.credential.credential_id, b"cid");
    assert_eq!(reg.credential.public_key, pk);
    assert!(reg.data.user_verified());
    assert!(matches!(parse_cose_key(&pk), Ok(CoseKey::Es256 { .. })));
}

#[test]
fn a_registration_is_refused_for_each_broken_rule() {
    let pk = cose(&key());
    let good_auth = || auth_data(RP, FLAG_UP | FLAG_AT, 0, Some(&pk));
    let create = client_data("webauthn.create", ORIGIN);
    let refused = |client: &[u8], object: Vec<u8>| {
        verify_registration(client, &object, &expected()).unwrap_err()
    };
    let wrong_origin = client_data("webauthn.create", "https://login.example.com.evil");
    assert_eq!(
        refused(&wrong_origin, attestation("none", good_auth())),
        WebauthnError::WrongOrigin
    );
    let get = client_data("webauthn.get", ORIGIN);
    assert_eq!(
        refused(&get, attestation("none", good_auth())),
        WebauthnError::WrongType
    );
    let other_rp = auth_data("example.com", FLAG_UP | FLAG_AT, 0, Some(&pk));
    assert_eq!(
        refused(&create, attestation("none", other_rp)),
        WebauthnError::WrongRpId
    );
    let absent = auth_data(RP, FLAG_AT, 0, Some(&pk));
    assert_eq!(
        refused(&create, attestation("none", absent)),
        WebauthnError::NoUserPresence
    );
    assert_eq!(
        refused(&create, attestation("packed", good_auth())),
        WebauthnError::UnsupportedAttestation
    );
    let mut other_challenge = expected();
    other_challenge.challenge = "b3RoZXI";
    let object = attestation("none", good_auth());
    assert_eq!(
        verify_registration(&create, &object, &other_challenge).unwrap_err(),
        WebauthnError::WrongChallenge
    );
    assert!(matches!(
        refused(b"{", object.clone()),
        WebauthnError::Malformed(_)
    ));
    assert!(matches!(
        refused(&create, b"\xff".to_vec()),
        WebauthnError::Malformed(_)
    ));
}

#[test]
fn an_assertion_verifies_with_the_stored_key_and_no_other() {
    let pk = cose(&key());
    let auth = auth_data(RP, FLAG_UP | FLAG_UV, 5, None);
    let client = client_data("webauthn.get", ORIGIN);
    let sig = signed(&key(), &auth, &client);
    let data = verify_assertion(&client, &auth, &sig, &pk, &expected()).unwrap();
    assert_eq!(data.counter, 5);

    let other = SigningKey::from_slice(&[9u8; 32]).unwrap();
    let forged = signed(&other, &auth, &client);
    let err = verify_assertion(&client, &auth, &forged, &pk, &expected()).unwrap_err();
    assert_eq!(err, WebauthnError::BadSignature);
    let mut tampered = auth.clone();
    tampered[36] = 6;
    let err = verify_assertion(&client, &tampered, &sig, &pk, &expected()).unwrap_err();
    assert_eq!(err, WebauthnError::BadSignature);
}

#[test]
fn a_key_of_an_algorithm_we_do_not_accept_is_refused() {
    let map = Value::Map(vec![(1.into(), 2.into()), (3.into(), (-35).into())]);
    let mut es384 = Vec::new();
    ciborium::ser::into_writer(&map, &mut es384).unwrap();
    assert_eq!(
        parse_cose_key(&es384),
        Err(WebauthnError::UnsupportedAlgorithm)
    );
}

#[test]
fn the_counter_must_grow_unless_the_authenticator_keeps_none() {
    assert!(counter_advances(0, 0));
    assert!(counter_advances(0, 1));
    assert!(counter_advances(4, 5));
    assert!(!counter_advances(5, 5));
    assert!(!counter_advances(5, 4));
    assert!(!counter_advances(5, 0));
}
