//! A DPoP client as the tests play it (RFC 9449 §4): a key pair generated with the RustCrypto
//! crates, proofs signed by the independent `jsonwebtoken` crate with the public key in the
//! header, its thumbprint (RFC 7638) computed by `jsonwebtoken` too, and requests carrying
//! `Authorization: DPoP` and a `DPoP` header.
#![allow(dead_code)]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::jwk::{Jwk, ThumbprintHash};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::helpers::client_keys::{unix_now, ClientKey};
use crate::helpers::oauth::http;
use crate::helpers::TestApp;

/// A client's DPoP key.
pub struct DpopKey(pub ClientKey);

impl DpopKey {
    pub fn es256() -> Self {
        Self(ClientKey::es256("dpop"))
    }

    pub fn eddsa() -> Self {
        Self(ClientKey::eddsa("dpop"))
    }

    /// The public JWK without `kid` (a proof needs none).
    pub fn public_jwk(&self) -> Value {
        let mut jwk = self.0.jwk.clone();
        jwk.as_object_mut().unwrap().remove("kid");
        jwk
    }

    /// `cnf.jkt` of tokens bound to this key, computed by `jsonwebtoken`.
    pub fn thumbprint(&self) -> String {
        let jwk: Jwk = serde_json::from_value(self.public_jwk()).unwrap();
        jwk.thumbprint(ThumbprintHash::SHA256)
    }

    /// The claims of a fresh proof for `htm` `htu`.
    pub fn claims(&self, htm: &str, htu: &str) -> Value {
        json!({
            "jti": uuid::Uuid::new_v4().to_string(),
            "htm": htm,
            "htu": htu,
            "iat": unix_now(),
        })
    }

    /// A proof of `claims` with `typ: dpop+jwt` and `jwk` in the header.
    pub fn sign(&self, claims: &Value) -> String {
        self.sign_with_jwk(claims, self.public_jwk())
    }

    /// A proof whose header carries `jwk` (which may not be this key's).
    pub fn sign_with_jwk(&self, claims: &Value, jwk: Value) -> String {
        let alg = serde_json::to_value(self.0.alg).unwrap();
        let header = json!({ "typ": "dpop+jwt", "alg": alg, "jwk": jwk });
        self.0.sign_with_header(&header, claims)
    }

    /// A fresh proof for `htm` `htu`.
    pub fn proof(&self, htm: &str, htu: &str) -> String {
        self.sign(&self.claims(htm, htu))
    }

    /// A fresh proof for a resource request presenting `token` (with `ath`).
    pub fn resource_proof(&self, htm: &str, htu: &str, token: &str) -> String {
        let mut claims = self.claims(htm, htu);
        claims["ath"] = json!(ath(token));
        self.sign(&claims)
    }
}

/// `ath`: base64url SHA-256 of the access token (RFC 9449 §4.2).
pub fn ath(token: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(token.as_bytes()))
}

/// The claims of a JWT, unverified.
pub fn jwt_claims(jwt: &str) -> Value {
    let payload = jwt.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

/// An answer: status, headers, JSON body.
pub type Answer = (u16, reqwest::header::HeaderMap, Value);

async fn answer(resp: reqwest::Response) -> Answer {
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    (status, headers, resp.json().await.unwrap_or(Value::Null))
}

/// POSTs `form` to the token endpoint with `proofs` as `DPoP` headers and HTTP Basic when
/// `basic` is given.
pub async fn token_request(
    app: &TestApp,
    basic: Option<(&str, &str)>,
    form: &[(&str, &str)],
    proofs: &[&str],
) -> Answer {
    let mut req = http().post(app.url("/oauth2/token")).form(form);
    if let Some((id, secret)) = basic {
        req = req.basic_auth(id, Some(secret));
    }
    for p in proofs {
        req = req.header("DPoP", *p);
    }
    answer(req.send().await.unwrap()).await
}

/// GETs `path` with `Authorization: <scheme> <token>` and, when given, a `DPoP` proof.
pub async fn get_with(
    app: &TestApp,
    path: &str,
    scheme: &str,
    token: &str,
    proof: Option<&str>,
) -> Answer {
    let mut req = http()
        .get(app.url(path))
        .header("Authorization", format!("{scheme} {token}"));
    if let Some(p) = proof {
        req = req.header("DPoP", p);
    }
    answer(req.send().await.unwrap()).await
}

/// GETs `path` with a DPoP-bound `token` and a fresh, valid proof of `key` for it.
pub async fn dpop_get(app: &TestApp, key: &DpopKey, path: &str, token: &str) -> Answer {
    let proof = key.resource_proof("GET", &app.url(path), token);
    get_with(app, path, "DPoP", token, Some(&proof)).await
}
