use chrono::{DateTime, Utc};

use super::DomainError;

/// 1–64 printable characters, unique case-insensitively.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GroupName(String);

impl GroupName {
    pub fn parse(s: impl Into<String>) -> Result<Self, DomainError> {
        let s: String = s.into().trim().to_string();
        let len = s.chars().count();
        if !(1..=64).contains(&len) || s.chars().any(char::is_control) {
            return Err(DomainError::new(
                "name",
                "must be 1 to 64 printable characters",
            ));
        }
        Ok(Self(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn key(&self) -> String {
        self.0.to_lowercase()
    }
}

impl std::fmt::Display for GroupName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A named set of users. `members` holds user ids, without duplicates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub id: String,
    pub name: GroupName,
    pub description: String,
    pub members: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}
