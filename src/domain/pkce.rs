//! PKCE (RFC 7636): the code verifier and the S256 transformation. `plain` is refused (RFC 9700
//! §2.1.1): a challenge method other than `S256` does not parse.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use super::DomainError;

/// A code verifier: 43 to 128 characters of `[A-Za-z0-9-._~]` (RFC 7636 §4.1).
#[derive(Clone, PartialEq, Eq)]
pub struct CodeVerifier(String);

impl std::fmt::Debug for CodeVerifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CodeVerifier(<redacted>)")
    }
}

impl CodeVerifier {
    pub fn parse(s: &str) -> Result<Self, DomainError> {
        let ok = (43..=128).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b));
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(DomainError::new(
                "code_verifier",
                "must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~",
            ))
        }
    }

    /// `BASE64URL(SHA256(ASCII(code_verifier)))` (RFC 7636 §4.2).
    pub fn s256_challenge(&self) -> String {
        URL_SAFE_NO_PAD.encode(Sha256::digest(self.0.as_bytes()))
    }

    /// Whether this verifier answers `challenge`, compared in constant time.
    pub fn matches(&self, challenge: &str) -> bool {
        self.s256_challenge()
            .as_bytes()
            .ct_eq(challenge.as_bytes())
            .into()
    }
}

/// A code challenge sent with `code_challenge_method=S256` (the only method accepted): 43
/// base64url characters, the encoding of a SHA-256 digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeChallenge(String);

impl CodeChallenge {
    /// `method` defaults to `plain` per RFC 7636 §4.3, so a missing method is refused too.
    pub fn parse(challenge: &str, method: Option<&str>) -> Result<Self, DomainError> {
        if method != Some("S256") {
            return Err(DomainError::new(
                "code_challenge_method",
                "only S256 is supported (plain is not accepted)",
            ));
        }
        let ok = challenge.len() == 43
            && challenge
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if ok {
            Ok(Self(challenge.to_owned()))
        } else {
            Err(DomainError::new(
                "code_challenge",
                "must be the 43-character base64url SHA-256 of the verifier",
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 7636 Appendix B.
    const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    #[test]
    fn the_rfc_7636_appendix_b_verifier_yields_its_challenge() {
        let v = CodeVerifier::parse(VERIFIER).unwrap();
        assert_eq!(v.s256_challenge(), CHALLENGE);
        assert!(v.matches(CHALLENGE));
        assert!(!v.matches("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cN"));
    }

    #[test]
    fn verifiers_outside_the_rfc_alphabet_or_length_are_refused() {
        assert!(CodeVerifier::parse(&"a".repeat(42)).is_err());
        assert!(CodeVerifier::parse(&"a".repeat(129)).is_err());
        assert!(CodeVerifier::parse(&format!("{}+", "a".repeat(43))).is_err());
        assert!(CodeVerifier::parse(&"a~._-".repeat(9)).is_ok());
    }

    #[test]
    fn only_the_s256_method_is_accepted() {
        assert!(CodeChallenge::parse(CHALLENGE, Some("S256")).is_ok());
        assert!(CodeChallenge::parse(CHALLENGE, Some("plain")).is_err());
        assert!(CodeChallenge::parse(CHALLENGE, None).is_err());
        assert!(CodeChallenge::parse("short", Some("S256")).is_err());
    }
}
