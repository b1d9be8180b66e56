//! App registration by the operator (the `client create` command) and by tests arranging state:
//! the flat form of [`super::apps::register_app_as_operator`], so every app, however it is
//! registered, passes the same rules (`service::app_input`).
//! RFC 6749 §2 (client registration), RFC 9700 §2.1 (exact redirect URIs).

use crate::domain::{is_url_client_id, Client, DYNAMIC_OWNER};
use crate::store::{StoreError, StoreResult};

use super::app_input::AppInput;
use super::apps::register_app_as_operator;
use super::client_metadata::{resolve, MetadataError};
use super::oauth::builtin::SYSTEM_OWNER;
use super::{ServiceError, Services};

/// What it takes to register an app.
#[derive(Debug, Clone)]
pub struct NewClient {
    pub name: String,
    pub description: String,
    pub owner_id: String,
    pub homepage_url: Option<String>,
    pub redirect_uris: Vec<String>,
    /// Wire names; empty means authorization_code and refresh_token.
    pub grant_types: Vec<String>,
    /// Space-delimited; empty means `openid profile email`.
    pub scopes: String,
    pub public: bool,
    pub first_party: bool,
    /// A resource server: may introspect tokens issued to other apps.
    pub introspection: bool,
}

/// A registered app and, for a confidential one, its secret: shown once, stored as a digest.
pub struct CreatedClient {
    pub client: Client,
    pub secret: Option<String>,
}

/// Registers an app owned by `new.owner_id` (which must exist).
pub async fn create_client(svc: &Services, new: NewClient) -> Result<CreatedClient, ServiceError> {
    let owner = svc.stores.users.get_user(&new.owner_id).await?;
    let input = AppInput {
        name: new.name,
        description: new.description,
        homepage_url: new.homepage_url,
        redirect_uris: new.redirect_uris,
        client_type: if new.public { "public" } else { "confidential" }.into(),
        grant_types: new.grant_types,
        scopes: new.scopes.split_whitespace().map(str::to_owned).collect(),
        first_party: new.first_party,
        introspection: new.introspection,
        ..AppInput::default()
    };
    let registered = register_app_as_operator(svc, &owner, input).await?;
    Ok(CreatedClient {
        client: registered.app,
        secret: registered.secret,
    })
}

/// An app that may act now: it exists and its owner is enabled. A disabled owner's apps are
/// `NotFound` (refused at client authentication, their tokens inactive, no authorization
/// starts) until the owner is enabled again; built-in and dynamically registered apps have no
/// owner to check. Both answers usually come from the in-process caches (`store::cache`,
/// `store::owner_cache`). With `oauth.client_id_metadata_documents` on, a URL-shaped id is a
/// client described by its metadata document (`client_metadata`): `NotFound` when the document
/// cannot be used (the reason is logged).
pub async fn active_client(svc: &Services, client_id: &str) -> StoreResult<Client> {
    match find_client(svc, client_id).await {
        Ok(c) => Ok(c),
        Err(ClientLookupError::Store(e)) => Err(e),
        Err(ClientLookupError::Metadata(e)) => {
            tracing::info!(client_id, error = %e, "client metadata document refused");
            Err(StoreError::NotFound)
        }
    }
}

/// Why [`find_client`] found no client.
#[derive(Debug, thiserror::Error)]
pub enum ClientLookupError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Metadata(#[from] MetadataError),
}

/// [`active_client`] with the reason a URL-shaped id was refused.
pub async fn find_client(svc: &Services, client_id: &str) -> Result<Client, ClientLookupError> {
    if is_url_client_id(client_id) && svc.oauth.policy.client_id_metadata_documents {
        return Ok(resolve(svc, client_id).await?);
    }
    let client = svc.stores.clients.get_client(client_id).await?;
    let ownerless = client.owner_id == SYSTEM_OWNER || client.owner_id == DYNAMIC_OWNER;
    if ownerless || svc.stores.users.user_enabled(&client.owner_id).await? {
        Ok(client)
    } else {
        Err(StoreError::NotFound.into())
    }
}
