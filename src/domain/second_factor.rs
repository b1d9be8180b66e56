//! Two-step verification: a person's time-based one-time password (TOTP, RFC 6238: HMAC-SHA-1,
//! 6 digits, 30-second steps, one step of clock drift either way) and their single-use
//! recovery codes, and the rules that decide whether a typed code is one of them.
//!
//! The TOTP secret is kept sealed by the service (this module never sees the key), recovery
//! codes as digests. A code is accepted for one step only: the step of the last accepted code
//! is stored, and a code for that step or an earlier one is refused (RFC 6238 §5.2).
//!
//! Must not import anything else of the crate; functions that depend on time take `now`.

use chrono::{DateTime, Utc};

use super::redact::debug_redacted;

/// Digits of a TOTP code (RFC 6238 default, what every authenticator app shows).
pub const TOTP_DIGITS: usize = 6;
/// Seconds per TOTP step (RFC 6238 §4.1 `X`).
pub const TOTP_STEP_SECS: i64 = 30;
/// Steps of clock drift accepted either side of now (RFC 6238 §5.2 recommends one).
pub const TOTP_SKEW_STEPS: i64 = 1;
/// Bytes of a TOTP secret: 160 bits, the HMAC-SHA-1 block RFC 4226 §4 recommends.
pub const TOTP_SECRET_BYTES: usize = 20;
/// Recovery codes given at enrolment and at each regeneration.
pub const RECOVERY_CODE_COUNT: usize = 10;
/// Characters of a recovery code (80 bits over a 32-letter alphabet), shown in groups of 4.
pub const RECOVERY_CODE_LEN: usize = 16;
/// Lower-case letters and digits without `0 1 l o`, which are easily misread on paper.
pub const RECOVERY_ALPHABET: &[u8; 32] = b"abcdefghijkmnpqrstuvwxyz23456789";

/// Authentication methods (RFC 8176) a session records and id_tokens carry as `amr`.
pub const AMR_PASSWORD: &str = "pwd";
pub const AMR_OTP: &str = "otp";
pub const AMR_MFA: &str = "mfa";
/// The `acr` of a sign-in with the password only, and of one with a second factor too.
pub const ACR_PASSWORD: &str = "urn:auth-center:acr:password";
pub const ACR_MFA: &str = "urn:auth-center:acr:mfa";

/// The `amr` of a sign-in: the password, plus a one-time password when the second step passed.
pub fn amr_of_login(second_factor: bool) -> Vec<String> {
    let methods: &[&str] = if second_factor {
        &[AMR_PASSWORD, AMR_OTP, AMR_MFA]
    } else {
        &[AMR_PASSWORD]
    };
    methods.iter().map(|m| (*m).to_owned()).collect()
}

/// The `acr` that an `amr` amounts to.
pub fn acr_of(amr: &[String]) -> &'static str {
    if amr.iter().any(|m| m == AMR_MFA) {
        ACR_MFA
    } else {
        ACR_PASSWORD
    }
}

/// Whether an `amr` includes a second factor.
pub fn amr_has_second_factor(amr: &[String]) -> bool {
    amr.iter().any(|m| m == AMR_MFA)
}

/// Whether an authorization request's `acr_values` (OIDC Core §3.1.2.1, space-separated, in
/// order of preference) leave only a sign-in with a second factor acceptable: they name
/// [`ACR_MFA`] and not [`ACR_PASSWORD`]. Values we do not define are ignored, since the
/// parameter is a voluntary request.
pub fn acr_values_require_mfa(acr_values: &str) -> bool {
    let names = |acr: &str| acr_values.split_whitespace().any(|v| v == acr);
    names(ACR_MFA) && !names(ACR_PASSWORD)
}

/// A person's second factor. `secret` is sealed (never the raw key); `recovery_codes` are
/// digests of the codes not used yet. Until `confirmed_at` is set it is an enrolment in
/// progress, which a login does not ask for.
#[derive(Clone, PartialEq, Eq)]
pub struct SecondFactor {
    pub user_id: String,
    pub secret: String,
    pub confirmed_at: Option<DateTime<Utc>>,
    /// The TOTP step of the last accepted code (0: none yet).
    pub last_step: i64,
    pub recovery_codes: Vec<String>,
    pub created_at: DateTime<Utc>,
}

debug_redacted!(SecondFactor, redact secret, show user_id, confirmed_at, last_step);

impl SecondFactor {
    /// Whether logins of this person need the second step.
    pub fn is_active(&self) -> bool {
        self.confirmed_at.is_some()
    }
}

/// A typed TOTP code without spaces, when it is exactly [`TOTP_DIGITS`] ASCII digits.
pub fn normalize_totp_code(input: &str) -> Option<String> {
    let code: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    (code.len() == TOTP_DIGITS && code.bytes().all(|b| b.is_ascii_digit())).then_some(code)
}

/// The step at `now` (RFC 6238 `T`).
pub fn totp_step_at(now: DateTime<Utc>) -> i64 {
    now.timestamp().div_euclid(TOTP_STEP_SECS)
}

/// The step among now ± [`TOTP_SKEW_STEPS`] whose code `code` is, for `secret`, or `None`.
/// Refuses malformed codes; the caller still has to refuse a step already used.
pub fn totp_matching_step(secret: &[u8], code: &str, now: DateTime<Utc>) -> Option<i64> {
    let code = normalize_totp_code(code)?;
    let totp = totp_rs::Builder::new()
        .with_secret(secret.to_vec())
        .with_digits(TOTP_DIGITS as u8)
        .with_step_duration(TOTP_STEP_SECS as u64)
        .with_skew(TOTP_SKEW_STEPS as u16)
        .build()
        .ok()?;
    let time = u64::try_from(now.timestamp()).ok()?;
    totp.check(&code, time).and_then(|s| i64::try_from(s).ok())
}

/// A typed recovery code in its stored spelling (lower case, no separators), when it can be
/// one: [`RECOVERY_CODE_LEN`] characters of [`RECOVERY_ALPHABET`].
pub fn normalize_recovery_code(input: &str) -> Option<String> {
    let code: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let ok =
        code.len() == RECOVERY_CODE_LEN && code.bytes().all(|b| RECOVERY_ALPHABET.contains(&b));
    ok.then_some(code)
}

/// A recovery code as shown to the person: groups of four joined by `-`.
pub fn format_recovery_code(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// RFC 4648 §6 base32 without padding: how authenticator apps take a secret.
pub fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// The `otpauth://` URI authenticator apps read from a QR code (the Key Uri Format of Google
/// Authenticator, which every app follows): label `issuer:account`, the secret, and the
/// parameters spelled out even where they are the defaults.
pub fn otpauth_uri(issuer: &str, account: &str, secret: &[u8]) -> String {
    let (i, a) = (percent_encode(issuer), percent_encode(account));
    format!(
        "otpauth://totp/{i}:{a}?secret={}&issuer={i}&algorithm=SHA1&digits={TOTP_DIGITS}&period={TOTP_STEP_SECS}",
        base32(secret)
    )
}

/// RFC 3986 percent-encoding of everything but the unreserved characters.
fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// RFC 6238 Appendix B, SHA-1 rows (the 8-digit values; 6 digits are their last six).
    const RFC_6238_SHA1: [(i64, &str); 6] = [
        (59, "94287082"),
        (1_111_111_109, "07081804"),
        (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"),
        (2_000_000_000, "69279037"),
        (20_000_000_000, "65353130"),
    ];

    #[test]
    fn the_rfc_6238_sha1_vectors_are_accepted_at_their_time_and_step() {
        let secret = b"12345678901234567890";
        for (t, code) in RFC_6238_SHA1 {
            let now = Utc.timestamp_opt(t, 0).unwrap();
            let six = &code[2..];
            assert_eq!(totp_matching_step(secret, six, now), Some(t / 30), "T={t}");
        }
    }

    #[test]
    fn a_code_one_step_away_is_accepted_and_two_steps_away_is_not() {
        let secret = b"12345678901234567890";
        let at = |t| Utc.timestamp_opt(t, 0).unwrap();
        // "287082" is the code of step 1 (T = 59 s).
        assert_eq!(totp_matching_step(secret, "287082", at(89)), Some(1));
        assert_eq!(totp_matching_step(secret, "287082", at(29)), Some(1));
        assert_eq!(totp_matching_step(secret, "287082", at(90)), None);
        assert_eq!(totp_matching_step(secret, "287 082", at(59)), Some(1));
        assert_eq!(totp_matching_step(secret, "28708", at(59)), None);
        assert_eq!(totp_matching_step(secret, "２８７０８２", at(59)), None);
    }

    #[test]
    fn only_acr_values_naming_mfa_without_the_password_class_require_a_second_factor() {
        assert!(acr_values_require_mfa(ACR_MFA));
        assert!(acr_values_require_mfa(&format!("urn:other {ACR_MFA}")));
        assert!(!acr_values_require_mfa(&format!(
            "{ACR_MFA} {ACR_PASSWORD}"
        )));
        assert!(!acr_values_require_mfa(ACR_PASSWORD));
        assert!(!acr_values_require_mfa("urn:other"));
        assert!(!acr_values_require_mfa(""));
        assert!(!acr_values_require_mfa("urn:auth-center:acr:mfaX"));
    }

    #[test]
    fn recovery_codes_are_read_in_any_case_with_or_without_dashes() {
        let shown = format_recovery_code("abcdefghijkmnpqr");
        assert_eq!(shown, "abcd-efgh-ijkm-npqr");
        assert_eq!(
            normalize_recovery_code(" ABCD-efgh ijkm-NPQR ").as_deref(),
            Some("abcdefghijkmnpqr")
        );
        assert_eq!(normalize_recovery_code("abcd-efgh-ijkm-npq"), None);
        assert_eq!(normalize_recovery_code("abcd-efgh-ijkm-npq0"), None);
    }

    #[test]
    fn base32_follows_rfc_4648_test_vectors_without_padding() {
        for (input, want) in [
            ("", ""),
            ("f", "MY"),
            ("fo", "MZXQ"),
            ("foo", "MZXW6"),
            ("foob", "MZXW6YQ"),
            ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI"),
        ] {
            assert_eq!(base32(input.as_bytes()), want);
        }
    }

    #[test]
    fn the_otpauth_uri_names_issuer_and_account_percent_encoded() {
        let uri = otpauth_uri("Auth Center", "jane@example.com", b"foobar");
        assert_eq!(
            uri,
            "otpauth://totp/Auth%20Center:jane%40example.com?secret=MZXW6YTBOI&issuer=Auth%20Center&algorithm=SHA1&digits=6&period=30"
        );
    }
}
