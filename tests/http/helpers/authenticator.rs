//! A software WebAuthn authenticator and client for the HTTP tests, written from the
//! specification (WebAuthn L2 §6.1 authenticator data, §6.5 attestation objects of format
//! `none`, §5.8.1 client data) apart from the server's code: an ES256 key of RustCrypto's
//! `p256` (the server verifies with `ring`), CBOR written by `ciborium`. Its fields let a test
//! break one rule at a time: the origin the "browser" reports, the RP id it hashes, user
//! verification, the signature counter, the signature itself.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ciborium::Value;
use p256::ecdsa::{signature::Signer, DerSignature, SigningKey};
use serde_json::json;
use sha2::{Digest, Sha256};

use super::{extract_hidden, unescape_attr, TestApp};

const UP: u8 = 0x01;
const UV: u8 = 0x04;
const BE: u8 = 0x08;
const AT: u8 = 0x40;

pub struct Authenticator {
    key: SigningKey,
    pub credential_id: Vec<u8>,
    /// The user handle stored with the credential at registration.
    pub user_handle: Vec<u8>,
    pub origin: String,
    pub rp_id: String,
    pub user_verified: bool,
    /// A synced passkey (backup eligible).
    pub synced: bool,
    /// The signature counter; `None`: the authenticator keeps none (always 0).
    pub counter: Option<u32>,
    /// Flips a bit of the next signatures.
    pub corrupt_signature: bool,
}

pub fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

impl Authenticator {
    /// A fresh authenticator for `app`'s origin and RP id (the host of its public URL).
    pub fn new(app: &TestApp) -> Self {
        let origin = app.services.public_url.clone();
        let rp_id = url::Url::parse(&origin)
            .unwrap()
            .host_str()
            .unwrap()
            .to_owned();
        Self {
            key: SigningKey::random(&mut rand::rngs::OsRng),
            credential_id: uuid::Uuid::new_v4().as_bytes().to_vec(),
            user_handle: Vec::new(),
            origin,
            rp_id,
            user_verified: true,
            synced: true,
            counter: Some(0),
            corrupt_signature: false,
        }
    }

    fn flags(&self) -> u8 {
        let mut f = UP;
        if self.user_verified {
            f |= UV;
        }
        if self.synced {
            f |= BE;
        }
        f
    }

    fn auth_data(&self, flags: u8, attested: bool) -> Vec<u8> {
        let mut out = Sha256::digest(self.rp_id.as_bytes()).to_vec();
        out.push(flags);
        out.extend_from_slice(&self.counter.unwrap_or(0).to_be_bytes());
        if attested {
            out.extend_from_slice(&[0u8; 16]);
            let len = u16::try_from(self.credential_id.len()).unwrap();
            out.extend_from_slice(&len.to_be_bytes());
            out.extend_from_slice(&self.credential_id);
            out.extend_from_slice(&self.cose_key());
        }
        out
    }

    fn cose_key(&self) -> Vec<u8> {
        let point = self.key.verifying_key().to_encoded_point(false);
        let map = Value::Map(vec![
            (1.into(), 2.into()),
            (3.into(), (-7).into()),
            ((-1).into(), 1.into()),
            ((-2).into(), Value::Bytes(point.x().unwrap().to_vec())),
            ((-3).into(), Value::Bytes(point.y().unwrap().to_vec())),
        ]);
        cbor(&map)
    }

    fn client_data(&self, typ: &str, challenge: &str) -> Vec<u8> {
        json!({ "type": typ, "challenge": challenge, "origin": self.origin, "crossOrigin": false })
            .to_string()
            .into_bytes()
    }

    /// `navigator.credentials.create` answered: the credential JSON the page posts.
    pub fn create(&mut self, challenge: &str, user_handle: &str) -> String {
        self.user_handle = URL_SAFE_NO_PAD.decode(user_handle).unwrap();
        let client = self.client_data("webauthn.create", challenge);
        let object = Value::Map(vec![
            ("fmt".into(), "none".into()),
            ("attStmt".into(), Value::Map(vec![])),
            (
                "authData".into(),
                Value::Bytes(self.auth_data(self.flags() | AT, true)),
            ),
        ]);
        json!({
            "id": b64(&self.credential_id), "rawId": b64(&self.credential_id), "type": "public-key",
            "response": { "clientDataJSON": b64(&client), "attestationObject": b64(&cbor(&object)) },
        })
        .to_string()
    }

    /// `navigator.credentials.get` answered (the counter moves first, when it counts).
    pub fn get(&mut self, challenge: &str) -> String {
        if let Some(c) = self.counter.as_mut() {
            *c += 1;
        }
        let client = self.client_data("webauthn.get", challenge);
        let auth = self.auth_data(self.flags(), false);
        let message = [&auth[..], &Sha256::digest(&client)[..]].concat();
        let sig: DerSignature = self.key.sign(&message);
        let mut sig = sig.as_bytes().to_vec();
        if self.corrupt_signature {
            let last = sig.len() - 1;
            sig[last] ^= 1;
        }
        json!({
            "id": b64(&self.credential_id), "rawId": b64(&self.credential_id), "type": "public-key",
            "response": {
                "clientDataJSON": b64(&client), "authenticatorData": b64(&auth),
                "signature": b64(&sig), "userHandle": b64(&self.user_handle),
            },
        })
        .to_string()
    }
}

fn cbor(value: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    ciborium::ser::into_writer(value, &mut out).unwrap();
    out
}

/// The value of `data-{name}` in `html` (the first one).
pub fn data_attr(html: &str, name: &str) -> String {
    let needle = format!("data-{name}=\"");
    let start = html
        .find(&needle)
        .unwrap_or_else(|| panic!("no {needle} in {html}"))
        + needle.len();
    unescape_attr(&html[start..start + html[start..].find('"').unwrap()])
}

/// A form the page rendered: its challenge, its sealed token and the CSRF token.
pub struct Ceremony {
    pub challenge: String,
    pub token: String,
    pub csrf: String,
    pub user_handle: Option<String>,
}

/// Reads the passkey form of the page at `path` as `client` sees it.
pub async fn ceremony(app: &TestApp, client: &reqwest::Client, path: &str) -> Ceremony {
    let html = client
        .get(app.url(path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    Ceremony {
        challenge: data_attr(&html, "challenge"),
        token: extract_hidden(&html, "token").expect("the sealed challenge"),
        csrf: extract_hidden(&html, "csrf_token").unwrap(),
        user_handle: html
            .contains("data-user-handle=")
            .then(|| data_attr(&html, "user-handle")),
    }
}

/// Registers `auth`'s passkey as `name` for the person signed in on `app.client`, proving it
/// with `proof`.
pub async fn register(
    app: &TestApp,
    auth: &mut Authenticator,
    name: &str,
    proof: &str,
) -> reqwest::Response {
    let c = ceremony(app, &app.client, "/accounts/profile/passkeys/").await;
    let credential = auth.create(&c.challenge, c.user_handle.as_deref().unwrap());
    let form = [
        ("passkey_name", name),
        ("proof", proof),
        ("token", c.token.as_str()),
        ("credential", credential.as_str()),
        ("csrf_token", c.csrf.as_str()),
    ];
    let path = app.url("/accounts/profile/passkeys/");
    app.client.post(path).form(&form).send().await.unwrap()
}

/// Posts the login page's passkey form of `browser` with `credential` made for `c`.
pub async fn post_sign_in(
    app: &TestApp,
    browser: &reqwest::Client,
    c: &Ceremony,
    credential: &str,
) -> reqwest::Response {
    let form = [
        ("token", c.token.as_str()),
        ("credential", credential),
        ("csrf_token", c.csrf.as_str()),
        ("next", "/accounts/profile/"),
    ];
    let path = app.url("/accounts/login/passkey/");
    browser.post(path).form(&form).send().await.unwrap()
}

/// Signs in on `browser` with `auth` from the login page.
pub async fn sign_in(
    app: &TestApp,
    browser: &reqwest::Client,
    auth: &mut Authenticator,
) -> reqwest::Response {
    let c = ceremony(app, browser, "/accounts/login/").await;
    let credential = auth.get(&c.challenge);
    post_sign_in(app, browser, &c, &credential).await
}
