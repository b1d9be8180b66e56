//! JWK thumbprints (RFC 7638): the SHA-256 of a key's required members, in lexicographic order
//! and without whitespace, base64url-encoded. DPoP binds tokens to the thumbprint of the proof's
//! key (RFC 9449 §6.1 `cnf.jkt`). Must not import the service, store or web layers.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The RFC 7638 §3.2 members of each key type this server verifies, already in order.
fn required_members(kty: &str) -> Option<&'static [&'static str]> {
    match kty {
        "EC" => Some(&["crv", "kty", "x", "y"]),
        "OKP" => Some(&["crv", "kty", "x"]),
        "RSA" => Some(&["e", "kty", "n"]),
        _ => None,
    }
}

/// The SHA-256 thumbprint of `jwk`; `None` when a required member is missing or not a string.
pub fn sha256(jwk: &Value) -> Option<String> {
    let members = required_members(jwk.get("kty")?.as_str()?)?;
    let mut canonical = String::from("{");
    for (i, name) in members.iter().enumerate() {
        let value = jwk.get(*name)?.as_str()?;
        if i > 0 {
            canonical.push(',');
        }
        // Names and values are JSON strings, escaped as serde_json does (RFC 7638 §3.3).
        canonical.push_str(&serde_json::to_string(name).ok()?);
        canonical.push(':');
        canonical.push_str(&serde_json::to_string(value).ok()?);
    }
    canonical.push('}');
    Some(URL_SAFE_NO_PAD.encode(Sha256::digest(canonical.as_bytes())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// RFC 7638 §3.1: the example RSA key and its thumbprint.
    #[test]
    fn the_rfc_7638_example_key_has_the_published_thumbprint() {
        let jwk = json!({
            "kty": "RSA",
            "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
            "e": "AQAB",
            "alg": "RS256",
            "kid": "2011-04-29"
        });
        assert_eq!(
            sha256(&jwk).unwrap(),
            "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
        );
    }

    #[test]
    fn an_ec_thumbprint_agrees_with_jsonwebtoken_and_ignores_optional_members() {
        let jwk = crate::crypto::keys::generate_es256("k1")
            .unwrap()
            .public_jwk;
        let theirs: jsonwebtoken::jwk::Jwk = serde_json::from_value(jwk.clone()).unwrap();
        let expected = theirs.thumbprint(jsonwebtoken::jwk::ThumbprintHash::SHA256);
        assert_eq!(sha256(&jwk).unwrap(), expected);
        let bare = json!({"kty": "EC", "crv": "P-256", "x": jwk["x"], "y": jwk["y"]});
        assert_eq!(sha256(&bare), sha256(&jwk));
        assert_eq!(
            sha256(&json!({"kty": "EC", "crv": "P-256", "x": "a"})),
            None
        );
        assert_eq!(sha256(&json!({"kty": "oct", "k": "a"})), None);
    }
}
