//! Developer apps (OAuth clients) in the `apps` collection: `_id` is the client id, so the
//! primary key is its uniqueness; secrets are embedded as digests; grant types are stored by
//! their wire names. The `owner_created` index serves "apps of a user" in creation order.

use async_trait::async_trait;
use mongodb::bson::{self, doc, Document};
use serde::{Deserialize, Serialize};

use super::ops::stored;
use super::{
    collect, corrupt, find_page, from_bson_dt, from_bson_opt, to_bson_dt, to_bson_opt,
    MongoResultExt, MongoStore, APPS,
};
use crate::domain::{Client, ClientSecret, ClientType, GrantType, Page, Paged};
use crate::store::{ClientStore, StoreError, StoreResult};

#[derive(Debug, Serialize, Deserialize)]
struct SecretDoc {
    digest: String,
    created_at: bson::DateTime,
    expires_at: Option<bson::DateTime>,
}

#[derive(Debug, Serialize, Deserialize)]
struct ClientDoc {
    #[serde(rename = "_id")]
    client_id: String,
    owner_id: String,
    name: String,
    description: String,
    homepage_url: Option<String>,
    logo_url: Option<String>,
    redirect_uris: Vec<String>,
    post_logout_redirect_uris: Vec<String>,
    client_type: String,
    secrets: Vec<SecretDoc>,
    grant_types: Vec<String>,
    scopes: Vec<String>,
    access_token_ttl_secs: Option<i64>,
    refresh_token_ttl_secs: Option<i64>,
    first_party: bool,
    /// Absent in documents written before the flag existed.
    #[serde(default)]
    introspection: bool,
    /// Absent in documents written before PAR (RFC 9126) existed.
    #[serde(default)]
    require_pushed_authorization_requests: bool,
    /// Absent in documents written before per-app second-factor requirements existed.
    #[serde(default)]
    require_mfa: bool,
    /// Absent in documents written before per-app DPoP and FAPI 2.0 requirements existed.
    #[serde(default)]
    dpop_bound_access_tokens: bool,
    #[serde(default)]
    fapi2: bool,
    /// Absent in documents written before private_key_jwt (RFC 7523) existed.
    #[serde(default)]
    jwks: Option<String>,
    #[serde(default)]
    jwks_uri: Option<String>,
    created_at: bson::DateTime,
    updated_at: bson::DateTime,
}

/// Only the `_id`, for listings of ids.
#[derive(Debug, Deserialize)]
struct IdDoc {
    #[serde(rename = "_id")]
    id: String,
}

impl SecretDoc {
    fn from_domain(s: &ClientSecret) -> Self {
        Self {
            digest: s.digest.clone(),
            created_at: to_bson_dt(s.created_at),
            expires_at: to_bson_opt(s.expires_at),
        }
    }

    fn into_domain(self) -> StoreResult<ClientSecret> {
        Ok(ClientSecret {
            digest: self.digest,
            created_at: from_bson_dt(self.created_at)?,
            expires_at: from_bson_opt(self.expires_at)?,
        })
    }
}

impl ClientDoc {
    fn from_domain(c: &Client) -> Self {
        Self {
            client_id: c.client_id.clone(),
            owner_id: c.owner_id.clone(),
            name: c.name.clone(),
            description: c.description.clone(),
            homepage_url: c.homepage_url.clone(),
            logo_url: c.logo_url.clone(),
            redirect_uris: c.redirect_uris.clone(),
            post_logout_redirect_uris: c.post_logout_redirect_uris.clone(),
            client_type: c.client_type.as_str().to_string(),
            secrets: c.secrets.iter().map(SecretDoc::from_domain).collect(),
            grant_types: c
                .grant_types
                .iter()
                .map(|g| g.as_str().to_string())
                .collect(),
            scopes: c.scopes.clone(),
            access_token_ttl_secs: c.access_token_ttl_secs,
            refresh_token_ttl_secs: c.refresh_token_ttl_secs,
            first_party: c.first_party,
            introspection: c.introspection,
            require_pushed_authorization_requests: c.require_pushed_authorization_requests,
            require_mfa: c.require_mfa,
            dpop_bound_access_tokens: c.dpop_bound_access_tokens,
            fapi2: c.fapi2,
            jwks: c.jwks.clone(),
            jwks_uri: c.jwks_uri.clone(),
            created_at: to_bson_dt(c.created_at),
            updated_at: to_bson_dt(c.updated_at),
        }
    }

    fn into_domain(self) -> StoreResult<Client> {
        let id = self.client_id;
        let client_type =
            ClientType::parse(&self.client_type).map_err(|e| corrupt("app", &id, e))?;
        let grant_types = self
            .grant_types
            .iter()
            .map(|g| GrantType::parse(g))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| corrupt("app", &id, e))?;
        let secrets = self
            .secrets
            .into_iter()
            .map(SecretDoc::into_domain)
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(Client {
            owner_id: self.owner_id,
            name: self.name,
            description: self.description,
            homepage_url: self.homepage_url,
            logo_url: self.logo_url,
            redirect_uris: self.redirect_uris,
            post_logout_redirect_uris: self.post_logout_redirect_uris,
            client_type,
            secrets,
            grant_types,
            scopes: self.scopes,
            access_token_ttl_secs: self.access_token_ttl_secs,
            refresh_token_ttl_secs: self.refresh_token_ttl_secs,
            first_party: self.first_party,
            introspection: self.introspection,
            require_pushed_authorization_requests: self.require_pushed_authorization_requests,
            require_mfa: self.require_mfa,
            dpop_bound_access_tokens: self.dpop_bound_access_tokens,
            fapi2: self.fapi2,
            jwks: self.jwks,
            jwks_uri: self.jwks_uri,
            created_at: from_bson_dt(self.created_at)?,
            updated_at: from_bson_dt(self.updated_at)?,
            client_id: id,
        })
    }
}

/// Every field an update replaces (all but `_id` and `created_at`).
fn update_fields(c: &Client) -> StoreResult<Document> {
    let mut set = bson::serialize_to_document(&ClientDoc::from_domain(c))
        .map_err(|e| StoreError::Internal(anyhow::Error::new(e).context("serialize app")))?;
    set.remove("_id");
    set.remove("created_at");
    Ok(set)
}

stored!(ClientDoc => Client, APPS, "client_id");

#[async_trait]
impl ClientStore for MongoStore {
    async fn insert_client(&self, client: &Client) -> StoreResult<()> {
        self.insert_doc::<ClientDoc>(client).await
    }

    async fn get_client(&self, client_id: &str) -> StoreResult<Client> {
        self.get_doc::<ClientDoc>(doc! { "_id": client_id }).await
    }

    async fn update_client(&self, client: &Client) -> StoreResult<()> {
        let set = update_fields(client)?;
        self.set_by_id::<ClientDoc>(&client.client_id, set).await
    }

    async fn delete_client(&self, client_id: &str) -> StoreResult<()> {
        self.delete_by_id::<ClientDoc>(client_id).await
    }

    async fn list_clients_by_owner(
        &self,
        owner_id: &str,
        page: Page,
    ) -> StoreResult<Paged<Client>> {
        let filter = doc! { "owner_id": owner_id };
        let sort = doc! { "created_at": 1, "_id": 1 };
        find_page(
            &self.docs::<ClientDoc>(),
            filter,
            sort,
            page,
            ClientDoc::into_domain,
        )
        .await
    }

    async fn list_client_ids_by_owner(&self, owner_id: &str) -> StoreResult<Vec<String>> {
        let cursor = self
            .docs::<ClientDoc>()
            .clone_with_type::<IdDoc>()
            .find(doc! { "owner_id": owner_id })
            .projection(doc! { "_id": 1 })
            .sort(doc! { "created_at": 1, "_id": 1 })
            .await
            .or_store()?;
        collect(cursor, |d| Ok(d.id)).await
    }

    async fn list_clients(&self, page: Page) -> StoreResult<Paged<Client>> {
        let sort = doc! { "created_at": 1, "_id": 1 };
        find_page(
            &self.docs::<ClientDoc>(),
            doc! {},
            sort,
            page,
            ClientDoc::into_domain,
        )
        .await
    }
}
