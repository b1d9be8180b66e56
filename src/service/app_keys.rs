//! How an app authenticates at the token endpoint (`token_endpoint_auth_method`, RFC 7591 §2)
//! and, for `private_key_jwt` (RFC 7523 §2.2, OIDC Core §9), its public keys: a JWK set given
//! inline (`jwks`, public keys only, see `crypto::client_keys`) or the https URL it is
//! published at (`jwks_uri`), never both. A confidential app without keys uses a secret; a
//! public app uses `none`. The method is not stored: it follows from the type and the keys.
//! Pure rules: no store, no clock, no fetch. Must not import poem or a store backend.

use super::app_input::AppInput;
use super::Validation;
use crate::crypto::client_keys;
use crate::domain::{ClientType, DomainError};

/// The methods an app may choose.
pub const METHODS: [&str; 4] = [
    "client_secret_basic",
    "client_secret_post",
    "private_key_jwt",
    "none",
];
/// Largest inline JWK set, in bytes of JSON.
pub const MAX_JWKS_LEN: usize = 16 * 1024;

/// Validated keys: both `None` unless the app uses `private_key_jwt`.
#[derive(Debug, Clone, Default)]
pub struct ValidKeys {
    pub jwks: Option<String>,
    pub jwks_uri: Option<String>,
}

/// The method an app with these settings authenticates with, as the API shows it.
pub fn method_of(kind: ClientType, has_keys: bool) -> &'static str {
    match (kind, has_keys) {
        (ClientType::Public, _) => "none",
        (ClientType::Confidential, true) => "private_key_jwt",
        (ClientType::Confidential, false) => "client_secret_basic",
    }
}

fn given(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Checks the method against the client type and the keys; errors name their field.
pub fn validate(input: &AppInput, kind: ClientType, v: &mut Validation) -> ValidKeys {
    let (jwks, jwks_uri) = (given(&input.jwks), given(&input.jwks_uri));
    let has_keys = jwks.is_some() || jwks_uri.is_some();
    let method = given(&input.token_endpoint_auth_method).unwrap_or(method_of(kind, has_keys));
    let field = "token_endpoint_auth_method";
    let fail = |v: &mut Validation, f: &'static str, code: &'static str, msg: &str| {
        v.push(DomainError::new(f, msg.to_owned()).with_code(code));
    };
    if !METHODS.contains(&method) {
        let msg = format!("'{method}' is not one of {}", METHODS.join(", "));
        fail(v, field, "unknown", &msg);
        return ValidKeys::default();
    }
    match (kind, method) {
        (ClientType::Public, "none") | (ClientType::Confidential, "private_key_jwt") => {}
        (ClientType::Public, _) => fail(v, field, "public", "a public app uses 'none'"),
        (ClientType::Confidential, "none") => fail(
            v,
            field,
            "confidential",
            "a confidential app must authenticate",
        ),
        _ => {}
    }
    if method != "private_key_jwt" {
        if has_keys {
            let msg = "keys (jwks, jwks_uri) are only for private_key_jwt";
            fail(v, field, "keys_need_private_key_jwt", msg);
        }
        return ValidKeys::default();
    }
    match (jwks, jwks_uri) {
        (Some(_), Some(_)) => {
            fail(v, "jwks_uri", "one_of", "give jwks or jwks_uri, not both");
            ValidKeys::default()
        }
        (None, None) => {
            fail(
                v,
                "jwks",
                "required",
                "private_key_jwt needs jwks or jwks_uri",
            );
            ValidKeys::default()
        }
        (Some(set), None) => ValidKeys {
            jwks: inline_set(set, v),
            jwks_uri: None,
        },
        (None, Some(uri)) => ValidKeys {
            jwks: None,
            jwks_uri: https_url(uri, v),
        },
    }
}

/// The JWK set, re-serialized compactly, when it holds only usable public keys.
fn inline_set(text: &str, v: &mut Validation) -> Option<String> {
    let fail = |v: &mut Validation, code: &'static str, msg: String| {
        v.push(DomainError::new("jwks", msg).with_code(code));
        None
    };
    if text.len() > MAX_JWKS_LEN {
        return fail(
            v,
            "too_long",
            format!("must be at most {MAX_JWKS_LEN} bytes"),
        );
    }
    let Ok(set) = serde_json::from_str::<serde_json::Value>(text) else {
        return fail(v, "json", "is not valid JSON".into());
    };
    match client_keys::parse_jwk_set(&set) {
        Ok(_) => Some(set.to_string()),
        Err(e) => fail(v, "jwk_set", e),
    }
}

/// An absolute https URL without credentials or fragment (the fetch is https only).
fn https_url(s: &str, v: &mut Validation) -> Option<String> {
    let ok = match url::Url::parse(s) {
        _ if s.len() > 2000 => Err("is longer than 2000 characters"),
        Ok(u) if !u.username().is_empty() || u.password().is_some() => {
            Err("must not contain credentials")
        }
        Ok(u) if u.fragment().is_some() => Err("must not have a fragment"),
        Ok(u) if u.scheme() == "https" && u.host().is_some() => Ok(()),
        Ok(_) => Err("must be an https URL"),
        Err(_) => Err("is not an absolute URL"),
    };
    match ok {
        Ok(()) => Some(s.to_owned()),
        Err(m) => {
            v.push(DomainError::new("jwks_uri", format!("'{s}': {m}")).with_code("url"));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(kind: ClientType, input: AppInput) -> Result<ValidKeys, Vec<&'static str>> {
        let mut v = Validation::default();
        let keys = validate(&input, kind, &mut v);
        match v.finish() {
            Ok(()) => Ok(keys),
            Err(crate::service::ServiceError::Invalid(errors)) => {
                Err(errors.iter().map(|e| e.field).collect())
            }
            Err(e) => panic!("{e}"),
        }
    }

    fn jwks() -> String {
        let key = crate::crypto::keys::generate_es256("k1")
            .unwrap()
            .public_jwk;
        serde_json::json!({ "keys": [key] }).to_string()
    }

    #[test]
    fn keys_choose_private_key_jwt_and_are_refused_elsewhere() {
        let input = AppInput {
            jwks: Some(jwks()),
            ..AppInput::default()
        };
        assert!(check(ClientType::Confidential, input.clone())
            .unwrap()
            .jwks
            .is_some());
        assert_eq!(
            check(ClientType::Public, input.clone()).unwrap_err(),
            vec!["token_endpoint_auth_method"]
        );
        let secret = AppInput {
            token_endpoint_auth_method: Some("client_secret_post".into()),
            ..input
        };
        assert!(check(ClientType::Confidential, secret).is_err());
    }

    #[test]
    fn private_key_jwt_needs_exactly_one_key_source() {
        let method = Some("private_key_jwt".to_owned());
        let none = AppInput {
            token_endpoint_auth_method: method.clone(),
            ..AppInput::default()
        };
        assert_eq!(
            check(ClientType::Confidential, none).unwrap_err(),
            vec!["jwks"]
        );
        let both = AppInput {
            token_endpoint_auth_method: method,
            jwks: Some(jwks()),
            jwks_uri: Some("https://keys.example/jwks".into()),
            ..AppInput::default()
        };
        assert_eq!(
            check(ClientType::Confidential, both).unwrap_err(),
            vec!["jwks_uri"]
        );
        for bad in [
            "http://keys.example/jwks",
            "https://u:p@keys.example/",
            "nope",
        ] {
            let input = AppInput {
                jwks_uri: Some(bad.into()),
                ..AppInput::default()
            };
            assert_eq!(
                check(ClientType::Confidential, input).unwrap_err(),
                vec!["jwks_uri"]
            );
        }
    }
}
