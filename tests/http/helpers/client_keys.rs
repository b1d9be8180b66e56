//! A `private_key_jwt` client as the tests play it (RFC 7523 §2.2): key pairs generated with
//! the RustCrypto crates, assertions signed by the independent `jsonwebtoken` crate, the public
//! halves as JWKs, and the app registered through the service the Apps API calls. The RSA key is
//! a fixture (`fixtures/client-rsa-2048.der`, PKCS#1, a test key made with `openssl genpkey`),
//! since generating one per test is slow.
#![allow(dead_code)]

use auth_center::service::app_input::AppInput;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{json, Value};

use crate::helpers::oauth::{post_form, REDIRECT_URI};
use crate::helpers::TestApp;

pub const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

const RSA_DER: &[u8] = include_bytes!("../fixtures/client-rsa-2048.der");
const RSA_JWK: &str = include_str!("../fixtures/client-rsa-2048.pub.json");

/// A key pair of a client: it signs with `alg` and publishes `jwk`.
pub struct ClientKey {
    pub alg: Algorithm,
    pub kid: String,
    encoding: EncodingKey,
    pub jwk: Value,
}

impl ClientKey {
    pub fn es256(kid: &str) -> Self {
        use p256::pkcs8::EncodePrivateKey;
        let secret = p256::SecretKey::random(&mut rand::rngs::OsRng);
        let der = secret.to_pkcs8_der().unwrap();
        let mut jwk: Value = serde_json::from_str(&secret.public_key().to_jwk_string()).unwrap();
        jwk["kid"] = json!(kid);
        Self {
            alg: Algorithm::ES256,
            kid: kid.into(),
            encoding: EncodingKey::from_ec_der(der.as_bytes()),
            jwk,
        }
    }

    pub fn eddsa(kid: &str) -> Self {
        use ed25519_dalek::pkcs8::EncodePrivateKey;
        let secret = ed25519_dalek::SigningKey::from_bytes(&rand::random::<[u8; 32]>());
        let der = secret.to_pkcs8_der().unwrap();
        let x = URL_SAFE_NO_PAD.encode(secret.verifying_key().to_bytes());
        Self {
            alg: Algorithm::EdDSA,
            kid: kid.into(),
            encoding: EncodingKey::from_ed_der(der.as_bytes()),
            jwk: json!({ "kty": "OKP", "crv": "Ed25519", "x": x, "kid": kid }),
        }
    }

    /// The fixture RSA key, signing with `alg` (RS256 or PS256).
    pub fn rsa(kid: &str, alg: Algorithm) -> Self {
        let mut jwk: Value = serde_json::from_str(RSA_JWK).unwrap();
        jwk["kid"] = json!(kid);
        Self {
            alg,
            kid: kid.into(),
            encoding: EncodingKey::from_rsa_der(RSA_DER),
            jwk,
        }
    }

    /// A compact JWS of `claims` with `alg` and `kid` in the header.
    pub fn sign(&self, claims: &Value) -> String {
        let mut header = Header::new(self.alg);
        header.kid = Some(self.kid.clone());
        jsonwebtoken::encode(&header, claims, &self.encoding).unwrap()
    }

    /// A compact JWS of `claims` under `header`, a JSON object written as is (so it may carry
    /// members `jsonwebtoken`'s own header type would drop); signed with the key's `alg`.
    pub fn sign_with_header(&self, header: &Value, claims: &Value) -> String {
        let h = URL_SAFE_NO_PAD.encode(header.to_string());
        let p = URL_SAFE_NO_PAD.encode(claims.to_string());
        let input = format!("{h}.{p}");
        let sig = jsonwebtoken::crypto::sign(input.as_bytes(), &self.encoding, self.alg).unwrap();
        format!("{input}.{sig}")
    }

    /// The same without a `kid`: the server tries each key that fits the algorithm.
    pub fn sign_without_kid(&self, claims: &Value) -> String {
        jsonwebtoken::encode(&Header::new(self.alg), claims, &self.encoding).unwrap()
    }
}

/// A JWK set of the public halves of `keys`.
pub fn jwks(keys: &[&ClientKey]) -> Value {
    json!({ "keys": keys.iter().map(|k| k.jwk.clone()).collect::<Vec<_>>() })
}

pub fn unix_now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Claims of a valid assertion of `client_id` for `aud`: a minute to live, a fresh `jti`.
pub fn claims(client_id: &str, aud: &str) -> Value {
    let now = unix_now();
    json!({
        "iss": client_id, "sub": client_id, "aud": aud,
        "iat": now, "exp": now + 60, "jti": uuid::Uuid::new_v4().to_string(),
    })
}

/// An unsigned token (`alg: none`) of `claims`.
pub fn unsigned(claims: &Value) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
    format!("{header}.{payload}.")
}

/// Registers a confidential `private_key_jwt` app of `owner` with inline keys or a
/// `jwks_uri`, through the service the Apps API calls; returns its client id.
pub async fn register(
    app: &TestApp,
    owner: &auth_center::domain::User,
    keys: Option<Value>,
    jwks_uri: Option<String>,
) -> String {
    let input = AppInput {
        name: "signed assertions".into(),
        redirect_uris: vec![REDIRECT_URI.into()],
        grant_types: [
            "authorization_code",
            "refresh_token",
            "client_credentials",
            "urn:ietf:params:oauth:grant-type:device_code",
        ]
        .map(String::from)
        .to_vec(),
        scopes: vec!["openid".into(), "profile".into()],
        token_endpoint_auth_method: Some("private_key_jwt".into()),
        jwks: keys.map(|k| k.to_string()),
        jwks_uri,
        ..AppInput::default()
    };
    let registered =
        auth_center::service::apps::register_app_as_operator(&app.services, owner, input)
            .await
            .expect("app registered");
    assert!(
        registered.secret.is_none(),
        "a private_key_jwt app has no secret"
    );
    registered.app.client_id
}

/// POSTs `form` to `path` with `assertion` as the client authentication.
pub async fn post_with_assertion(
    app: &TestApp,
    path: &str,
    assertion: &str,
    form: &[(&str, &str)],
) -> (u16, Value) {
    let mut all: Vec<(&str, &str)> = form.to_vec();
    all.push(("client_assertion_type", ASSERTION_TYPE));
    all.push(("client_assertion", assertion));
    let (status, _, body) = post_form(app, path, None, &all).await;
    (status, body)
}

/// A client_credentials token request authenticated by `assertion`.
pub async fn token_with(app: &TestApp, assertion: &str) -> (u16, Value) {
    let form = [("grant_type", "client_credentials"), ("scope", "profile")];
    post_with_assertion(app, "/oauth2/token", assertion, &form).await
}
