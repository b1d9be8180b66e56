use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use validator::ValidateEmail;

use super::redact::debug_redacted;
use super::DomainError;

/// 3–32 characters of ASCII letters, digits, `_`, `.` and `-`. Unique case-insensitively.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Username(String);

impl Username {
    pub fn parse(s: impl Into<String>) -> Result<Self, DomainError> {
        let s: String = s.into();
        let len = s.chars().count();
        if !(3..=32).contains(&len) {
            return Err(
                DomainError::new("username", "must be 3 to 32 characters long").with_code("length"),
            );
        }
        if !s
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
        {
            return Err(DomainError::new(
                "username",
                "may contain only letters, digits, '_', '.' and '-'",
            )
            .with_code("charset"));
        }
        Ok(Self(s))
    }

    /// The case-folded form used for uniqueness and look-up.
    pub fn key(&self) -> String {
        self.0.to_ascii_lowercase()
    }
}

/// What every validated string newtype offers besides its own `parse`: its text, the
/// conversions serde goes through (`try_from = "String"`, `into = "String"`), and `Display`.
macro_rules! string_newtype {
    ($($name:ident),*) => {$(
        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = DomainError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                Self::parse(s)
            }
        }

        impl From<$name> for String {
            fn from(v: $name) -> Self {
                v.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    )*};
}

string_newtype!(Username, EmailAddress);

/// An email address as typed (case kept), unique case-insensitively.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(s: impl Into<String>) -> Result<Self, DomainError> {
        let s: String = s.into().trim().to_string();
        if s.len() > 254 || !s.validate_email() {
            return Err(DomainError::new("email", "is not a valid email address"));
        }
        Ok(Self(s))
    }

    /// The case-folded form used for uniqueness and look-up.
    pub fn key(&self) -> String {
        self.0.to_lowercase()
    }
}

/// The languages a person may choose for pages and emails (BCP 47 tags as the pages use them).
pub const LOCALES: [&str; 2] = ["en", "zh-CN"];

/// A chosen language in its canonical spelling (`en`, `zh-CN`): tags are matched
/// case-insensitively (BCP 47 §2.1.1), anything else is refused on the `locale` field.
pub fn parse_locale(tag: &str) -> Result<&'static str, DomainError> {
    LOCALES
        .into_iter()
        .find(|l| l.eq_ignore_ascii_case(tag.trim()))
        .ok_or_else(|| {
            DomainError::new("locale", format!("must be one of {}", LOCALES.join(", ")))
                .with_code("unsupported")
        })
}

/// A person's account. `password_hash` is an argon2id PHC string, never a password.
#[derive(Clone, PartialEq, Eq)]
pub struct User {
    pub id: String,
    pub username: Username,
    pub email: EmailAddress,
    pub email_verified: bool,
    pub display_name: Option<String>,
    pub password_hash: String,
    pub is_admin: bool,
    pub disabled: bool,
    /// The language of the person's pages and emails (one of [`LOCALES`]); `None` until chosen.
    pub locale: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

debug_redacted!(User, redact password_hash, show id, username, email, email_verified, is_admin, disabled);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_follow_the_length_and_alphabet_rules() {
        assert!(Username::parse("ab").is_err());
        assert!(Username::parse("abc").is_ok());
        assert!(Username::parse("a".repeat(32)).is_ok());
        assert!(Username::parse("a".repeat(33)).is_err());
        assert!(Username::parse("jane.doe-1_x").is_ok());
        assert!(Username::parse("jane doe").is_err());
        assert!(Username::parse("jané").is_err());
        assert_eq!(Username::parse("Jane").unwrap().key(), "jane");
    }

    #[test]
    fn emails_are_validated_and_keyed_case_insensitively() {
        assert!(EmailAddress::parse("not-an-email").is_err());
        let e = EmailAddress::parse(" Jane@Example.COM ").unwrap();
        assert_eq!(e.as_str(), "Jane@Example.COM");
        assert_eq!(e.key(), "jane@example.com");
    }

    #[test]
    fn a_locale_is_one_of_the_supported_tags_in_its_canonical_spelling() {
        assert_eq!(parse_locale("zh-cn").unwrap(), "zh-CN");
        assert_eq!(parse_locale(" EN ").unwrap(), "en");
        assert_eq!(parse_locale("fr").unwrap_err().field, "locale");
        assert!(parse_locale("").is_err());
        assert!(parse_locale("zh").is_err());
    }
}
