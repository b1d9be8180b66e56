//! App (OAuth client) use cases: registration with a one-time secret.
//! RFC 6749 §2 (client registration), RFC 9700 §2.1 (exact redirect URIs).

use crate::crypto;
use crate::domain::{
    Client, ClientSecret, ClientType, DomainError, GrantType, RedirectUri, ScopeSet,
    SUPPORTED_SCOPES,
};

use super::{ServiceError, Services, Validation};

/// What it takes to register an app.
#[derive(Debug, Clone)]
pub struct NewClient {
    pub name: String,
    pub description: String,
    pub owner_id: String,
    pub homepage_url: Option<String>,
    pub redirect_uris: Vec<String>,
    pub grant_types: Vec<String>,
    pub scopes: String,
    pub public: bool,
    pub first_party: bool,
}

/// A registered app and, for a confidential one, its secret: shown once, stored as a digest.
pub struct CreatedClient {
    pub client: Client,
    pub secret: Option<String>,
}

fn validate(new: &NewClient) -> Result<(Vec<String>, Vec<GrantType>, ScopeSet), ServiceError> {
    let mut v = Validation::default();
    let name_len = new.name.trim().chars().count();
    if !(1..=100).contains(&name_len) {
        v.push(DomainError::new("name", "must be 1 to 100 characters"));
    }
    let uris: Vec<String> = new
        .redirect_uris
        .iter()
        .filter_map(|u| {
            v.check(RedirectUri::parse(u))
                .map(|r| r.as_str().to_owned())
        })
        .collect();
    let mut grants: Vec<GrantType> = new
        .grant_types
        .iter()
        .filter_map(|g| v.check(GrantType::parse(g)))
        .collect();
    grants.sort();
    grants.dedup();
    if grants.is_empty() && new.grant_types.is_empty() {
        grants = vec![GrantType::AuthorizationCode, GrantType::RefreshToken];
    }
    let needs_redirect = grants
        .iter()
        .any(|g| matches!(g, GrantType::AuthorizationCode | GrantType::Implicit));
    if needs_redirect && new.redirect_uris.is_empty() {
        v.push(DomainError::new(
            "redirect_uris",
            "at least one is required for the authorization_code and implicit grants",
        ));
    }
    if new.public && grants.contains(&GrantType::ClientCredentials) {
        v.push(DomainError::new(
            "grant_types",
            "client_credentials needs a confidential client",
        ));
    }
    let scopes = v.check(ScopeSet::parse(&new.scopes)).unwrap_or_default();
    for s in scopes.iter() {
        if !SUPPORTED_SCOPES.contains(&s) {
            v.push(DomainError::new(
                "scope",
                format!("unknown scope '{s}'; known: {}", SUPPORTED_SCOPES.join(" ")),
            ));
        }
    }
    v.finish()?;
    Ok((uris, grants, scopes))
}

/// Registers an app owned by `new.owner_id` (which must exist).
pub async fn create_client(svc: &Services, new: NewClient) -> Result<CreatedClient, ServiceError> {
    let (redirect_uris, grant_types, scopes) = validate(&new)?;
    svc.stores.users.get_user(&new.owner_id).await?;
    let now = svc.now();
    let secret = (!new.public).then(crypto::random_token);
    let client = Client {
        client_id: crypto::random_string(18),
        owner_id: new.owner_id,
        name: new.name.trim().to_owned(),
        description: new.description,
        homepage_url: new.homepage_url,
        logo_url: None,
        redirect_uris,
        post_logout_redirect_uris: vec![],
        client_type: if new.public {
            ClientType::Public
        } else {
            ClientType::Confidential
        },
        secrets: secret
            .iter()
            .map(|s| ClientSecret {
                digest: crypto::digest(s),
                created_at: now,
                expires_at: None,
            })
            .collect(),
        grant_types,
        scopes: scopes.to_vec(),
        access_token_ttl_secs: None,
        refresh_token_ttl_secs: None,
        first_party: new.first_party,
        created_at: now,
        updated_at: now,
    };
    svc.stores.clients.insert_client(&client).await?;
    tracing::info!(client_id = %client.client_id, owner = %client.owner_id, "client registered");
    Ok(CreatedClient { client, secret })
}
