//! The password policy applied at registration, reset and change: long enough (configurable,
//! 10 by default), not longer than 1,024 bytes (checked before any hashing), not the username or the email address, and
//! not one of the most common passwords (an embedded list, `common-passwords.txt`; NIST SP
//! 800-63B §5.1.1.2 asks for exactly this kind of blocklist).

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::crypto::MAX_PASSWORD_BYTES;
use crate::domain::DomainError;

const COMMON: &str = include_str!("common-passwords.txt");

fn common() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        COMMON
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Whether the password is on the common-password list (case-insensitive).
pub fn is_common(password: &str) -> bool {
    common().contains(password.trim().to_lowercase().as_str())
}

/// Checks `password` against the policy for an account with that username and email.
pub fn check(
    password: &str,
    username: &str,
    email: &str,
    min_len: usize,
) -> Result<(), DomainError> {
    let len = password.chars().count();
    if len < min_len {
        return Err(DomainError::new(
            "password",
            format!("must be at least {min_len} characters long"),
        )
        .with_code("too_short"));
    }
    // Bytes, not characters: the bound is on what argon2 is given.
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(DomainError::new(
            "password",
            format!("must be at most {MAX_PASSWORD_BYTES} bytes long"),
        )
        .with_code("too_long"));
    }
    let p = password.to_lowercase();
    let email_local = email.split('@').next().unwrap_or("").to_lowercase();
    if p == username.to_lowercase() || p == email.to_lowercase() || p == email_local {
        return Err(DomainError::new(
            "password",
            "must differ from the username and the email address",
        )
        .with_code("same_as_identity"));
    }
    if is_common(password) {
        return Err(DomainError::new(
            "password",
            "is one of the most common passwords; choose another",
        )
        .with_code("too_common"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_list_has_about_a_thousand_entries_and_catches_long_ones() {
        assert!(common().len() >= 1000, "{}", common().len());
        assert!(is_common("1234567890"));
        assert!(is_common("QwertyUiop"));
        assert!(!is_common("correct horse battery staple"));
    }

    #[test]
    fn a_password_must_be_long_personal_free_and_uncommon() {
        let chk = |p: &str| check(p, "janedoe", "jane.doe@example.com", 10).map_err(|e| e.code);
        assert_eq!(chk("short"), Err("too_short"));
        assert_eq!(chk("JaneDoe"), Err("too_short"));
        assert_eq!(
            check("janedoe123", "janedoe123", "j@x.io", 10)
                .unwrap_err()
                .code,
            "same_as_identity"
        );
        assert_eq!(chk("jane.doe@example.com"), Err("same_as_identity"));
        assert_eq!(chk("password123"), Err("too_common"));
        assert_eq!(chk(&"x".repeat(1025)), Err("too_long"));
        assert_eq!(chk("a fine long password"), Ok(()));
        assert_eq!(
            check("abcdef", "jane", "j@x.io", 6).map_err(|e| e.code),
            Err("too_common")
        );
    }
}
