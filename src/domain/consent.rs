use chrono::{DateTime, Utc};

/// The scopes a user has agreed to give an app; remembered so consent is asked again only for
/// new scopes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent {
    pub user_id: String,
    pub client_id: String,
    pub scopes: Vec<String>,
    /// The resources (RFC 8707) the user agreed to give the app tokens for.
    pub resources: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}
