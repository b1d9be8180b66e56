use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::DomainError;

/// RFC 6749 §2.1 client types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClientType {
    Confidential,
    Public,
}

impl ClientType {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Confidential => "confidential",
            Self::Public => "public",
        }
    }

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        match s {
            "confidential" => Ok(Self::Confidential),
            "public" => Ok(Self::Public),
            _ => Err(DomainError::new(
                "client_type",
                "must be 'confidential' or 'public'",
            )),
        }
    }
}

/// The grant types an app may be allowed to use (RFC 6749 §4, RFC 8628).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GrantType {
    AuthorizationCode,
    RefreshToken,
    ClientCredentials,
    Password,
    Implicit,
    DeviceCode,
}

impl GrantType {
    pub const ALL: [GrantType; 6] = [
        Self::AuthorizationCode,
        Self::RefreshToken,
        Self::ClientCredentials,
        Self::Password,
        Self::Implicit,
        Self::DeviceCode,
    ];

    /// The wire name, as sent in `grant_type` and advertised in discovery.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AuthorizationCode => "authorization_code",
            Self::RefreshToken => "refresh_token",
            Self::ClientCredentials => "client_credentials",
            Self::Password => "password",
            Self::Implicit => "implicit",
            Self::DeviceCode => "urn:ietf:params:oauth:grant-type:device_code",
        }
    }

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|g| g.as_str() == s || (s == "device_code" && *g == Self::DeviceCode))
            .ok_or_else(|| {
                DomainError::new(
                    "grant_type",
                    format!(
                        "unknown grant type '{s}'; allowed: {}",
                        Self::ALL.map(Self::as_str).join(", ")
                    ),
                )
            })
    }
}

/// A digest of a client secret. During rotation the previous secret stays valid until
/// `expires_at`; a current secret has none.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientSecret {
    pub digest: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
}

impl std::fmt::Debug for ClientSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientSecret")
            .field("digest", &"<redacted>")
            .field("created_at", &self.created_at)
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

impl ClientSecret {
    pub fn is_valid_at(&self, now: DateTime<Utc>) -> bool {
        self.expires_at.is_none_or(|e| now < e)
    }
}

/// A registered third-party application (an OAuth client), owned by a user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Client {
    pub client_id: String,
    pub owner_id: String,
    pub name: String,
    pub description: String,
    pub homepage_url: Option<String>,
    pub logo_url: Option<String>,
    pub redirect_uris: Vec<String>,
    pub post_logout_redirect_uris: Vec<String>,
    pub client_type: ClientType,
    pub secrets: Vec<ClientSecret>,
    pub grant_types: Vec<GrantType>,
    pub scopes: Vec<String>,
    pub access_token_ttl_secs: Option<i64>,
    pub refresh_token_ttl_secs: Option<i64>,
    pub first_party: bool,
    /// Set by an administrator for a resource server: it may introspect tokens issued to other
    /// apps (RFC 7662 §4). Any other app learns only about its own tokens.
    pub introspection: bool,
    /// Authorization requests must be pushed first (RFC 9126 §5,
    /// `require_pushed_authorization_requests`).
    pub require_pushed_authorization_requests: bool,
    /// Every authorization request of the app needs a sign-in with a second factor (a step-up
    /// when the session has none), as if it asked `acr_values=urn:auth-center:acr:mfa`.
    pub require_mfa: bool,
    /// Every token request must carry a DPoP proof, so that each access token is bound to a key
    /// (RFC 9449 §5.2 client metadata `dpop_bound_access_tokens`).
    pub dpop_bound_access_tokens: bool,
    /// The FAPI 2.0 Security Profile is enforced for the app (`service::oauth::fapi`).
    pub fapi2: bool,
    /// `private_key_jwt` (RFC 7523 §2.2): the app's public JWK set, as JSON text. With this or
    /// `jwks_uri` set the app authenticates with signed assertions and has no secret.
    pub jwks: Option<String>,
    /// `private_key_jwt` with the JWK set fetched from this https URL.
    pub jwks_uri: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Client {
    pub fn allows_grant(&self, g: GrantType) -> bool {
        self.grant_types.contains(&g)
    }

    /// Whether every token request of the app must carry a DPoP proof: asked for, or implied
    /// by the FAPI 2.0 profile (sender-constrained access tokens).
    pub fn requires_dpop(&self) -> bool {
        self.dpop_bound_access_tokens || self.fapi2
    }

    /// How long a code issued to the app lives, given the configured lifetime.
    pub fn code_lifetime(&self, configured: chrono::Duration) -> chrono::Duration {
        super::fapi::code_lifetime(configured, self.fapi2)
    }

    /// Whether the app authenticates with `private_key_jwt` (keys registered) instead of a
    /// secret.
    pub fn uses_private_key_jwt(&self) -> bool {
        self.jwks.is_some() || self.jwks_uri.is_some()
    }

    /// Whether the client is described by a Client ID Metadata Document (its id is the URL of
    /// the document) rather than registered here.
    pub fn from_metadata_document(&self) -> bool {
        self.owner_id == super::METADATA_DOCUMENT_OWNER
    }

    /// A client with nothing set but its id, owner and type: the fields a registration or a
    /// metadata document fills in start from here.
    pub fn blank(
        client_id: String,
        owner_id: String,
        client_type: ClientType,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            client_id,
            owner_id,
            name: String::new(),
            description: String::new(),
            homepage_url: None,
            logo_url: None,
            redirect_uris: vec![],
            post_logout_redirect_uris: vec![],
            client_type,
            secrets: vec![],
            grant_types: vec![],
            scopes: vec![],
            access_token_ttl_secs: None,
            refresh_token_ttl_secs: None,
            first_party: false,
            introspection: false,
            require_pushed_authorization_requests: false,
            require_mfa: false,
            dpop_bound_access_tokens: false,
            fapi2: false,
            jwks: None,
            jwks_uri: None,
            created_at: now,
            updated_at: now,
        }
    }

    /// A confidential app of `owner` with nothing else set, for unit tests of the rules.
    #[cfg(test)]
    pub fn sample(owner_id: &str) -> Self {
        Self {
            client_id: "c".into(),
            name: "n".into(),
            ..Self::blank(
                String::new(),
                owner_id.into(),
                ClientType::Confidential,
                chrono::Utc::now(),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grant_types_round_trip_through_their_wire_names() {
        for g in GrantType::ALL {
            assert_eq!(GrantType::parse(g.as_str()).unwrap(), g);
        }
        assert!(GrantType::parse("magic").is_err());
    }
}
