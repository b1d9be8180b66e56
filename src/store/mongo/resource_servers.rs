//! Resource servers in the `resources` collection: `_id` is the record id, `identifier` the
//! URI under a unique index (`identifier`), `scopes` an array of sub-documents.

use async_trait::async_trait;
use mongodb::bson::{self, doc};
use mongodb::options::IndexOptions;
use mongodb::IndexModel;
use serde::{Deserialize, Serialize};

use super::ops::stored;
use super::{corrupt, find_page, from_bson_dt, to_bson_dt, MongoResultExt, MongoStore, RESOURCES};
use crate::domain::{Page, Paged, ResourceIdentifier, ResourceServer};
use crate::store::scope_rows::{parse_scope_rows, scope_rows, ScopeRow};
use crate::store::{ResourceServerStore, StoreResult};

#[derive(Debug, Serialize, Deserialize)]
struct ResourceServerDoc {
    #[serde(rename = "_id")]
    id: String,
    identifier: String,
    name: String,
    scopes: Vec<ScopeRow>,
    access_token_ttl_secs: Option<u32>,
    introspection: bool,
    created_at: bson::DateTime,
    updated_at: bson::DateTime,
}

impl ResourceServerDoc {
    fn from_domain(r: &ResourceServer) -> Self {
        Self {
            id: r.id.clone(),
            identifier: r.identifier.as_str().to_owned(),
            name: r.name.clone(),
            scopes: scope_rows(&r.scopes),
            access_token_ttl_secs: r.access_token_ttl_secs,
            introspection: r.introspection,
            created_at: to_bson_dt(r.created_at),
            updated_at: to_bson_dt(r.updated_at),
        }
    }

    fn into_domain(self) -> StoreResult<ResourceServer> {
        let bad = |e| corrupt("resource server", &self.id, e);
        Ok(ResourceServer {
            identifier: ResourceIdentifier::parse(&self.identifier).map_err(bad)?,
            scopes: parse_scope_rows(self.scopes.clone()).map_err(bad)?,
            name: self.name,
            access_token_ttl_secs: self.access_token_ttl_secs,
            introspection: self.introspection,
            created_at: from_bson_dt(self.created_at)?,
            updated_at: from_bson_dt(self.updated_at)?,
            id: self.id,
        })
    }
}

stored!(ResourceServerDoc => ResourceServer, RESOURCES, "id");

impl MongoStore {
    /// The unique index that makes an identifier name one record (a duplicate is
    /// `Conflict("identifier")`, see `conflict_field`).
    pub(super) async fn create_resource_server_indexes(&self) -> StoreResult<()> {
        let options = IndexOptions::builder()
            .name("identifier".to_string())
            .unique(true)
            .build();
        let model = IndexModel::builder()
            .keys(doc! { "identifier": 1 })
            .options(options)
            .build();
        self.docs::<ResourceServerDoc>()
            .create_index(model)
            .await
            .or_store()?;
        Ok(())
    }
}

#[async_trait]
impl ResourceServerStore for MongoStore {
    async fn insert_resource_server(&self, server: &ResourceServer) -> StoreResult<()> {
        self.insert_doc::<ResourceServerDoc>(server).await
    }

    async fn get_resource_server(&self, id: &str) -> StoreResult<ResourceServer> {
        self.get_doc::<ResourceServerDoc>(doc! { "_id": id }).await
    }

    async fn find_resource_server(&self, identifier: &str) -> StoreResult<ResourceServer> {
        self.get_doc::<ResourceServerDoc>(doc! { "identifier": identifier })
            .await
    }

    async fn update_resource_server(&self, server: &ResourceServer) -> StoreResult<()> {
        let d = ResourceServerDoc::from_domain(server);
        let mut set = bson::serialize_to_document(&d)
            .map_err(|e| corrupt("resource server", &server.id, e))?;
        // The identifier is what tokens were issued for: it never changes.
        for fixed in ["_id", "identifier", "created_at"] {
            set.remove(fixed);
        }
        self.set_by_id::<ResourceServerDoc>(&server.id, set).await
    }

    async fn delete_resource_server(&self, id: &str) -> StoreResult<()> {
        self.delete_by_id::<ResourceServerDoc>(id).await
    }

    async fn list_resource_servers(&self, page: Page) -> StoreResult<Paged<ResourceServer>> {
        let coll = self.docs::<ResourceServerDoc>();
        let sort = doc! { "identifier": 1 };
        find_page(&coll, doc! {}, sort, page, ResourceServerDoc::into_domain).await
    }
}
