//! Groups in the `groups` collection: `_id` is the group id, `name_key` the lower-cased name
//! under a unique index (case-insensitive uniqueness), and `members` an array of user ids kept
//! free of duplicates with `$addToSet` / `$pull` and indexed to answer "groups of a user".

use async_trait::async_trait;
use mongodb::bson::{self, doc, Document};
use serde::{Deserialize, Serialize};

use super::ops::stored;
use super::{
    collect, corrupt, find_page, from_bson_dt, to_bson_dt, MongoResultExt, MongoStore, GROUPS,
};
use crate::domain::{Group, GroupName, Page, Paged};
use crate::store::{GroupStore, StoreResult};

#[derive(Debug, Serialize, Deserialize)]
struct GroupDoc {
    #[serde(rename = "_id")]
    id: String,
    name: String,
    name_key: String,
    description: String,
    members: Vec<String>,
    created_at: bson::DateTime,
    updated_at: bson::DateTime,
}

impl GroupDoc {
    fn from_domain(g: &Group) -> Self {
        Self {
            id: g.id.clone(),
            name: g.name.as_str().to_string(),
            name_key: g.name.key(),
            description: g.description.clone(),
            members: dedup(&g.members),
            created_at: to_bson_dt(g.created_at),
            updated_at: to_bson_dt(g.updated_at),
        }
    }

    fn into_domain(self) -> StoreResult<Group> {
        let name = GroupName::parse(self.name).map_err(|e| corrupt("group", &self.id, e))?;
        Ok(Group {
            name,
            description: self.description,
            members: self.members,
            created_at: from_bson_dt(self.created_at)?,
            updated_at: from_bson_dt(self.updated_at)?,
            id: self.id,
        })
    }
}

stored!(GroupDoc => Group, GROUPS, "id");

/// Members without duplicates, first occurrence kept.
fn dedup(members: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(members.len());
    for m in members {
        if !out.contains(m) {
            out.push(m.clone());
        }
    }
    out
}

impl MongoStore {
    async fn update_members(&self, group_id: &str, update: Document) -> StoreResult<()> {
        self.update_doc::<GroupDoc>(doc! { "_id": group_id }, update)
            .await
    }
}

#[async_trait]
impl GroupStore for MongoStore {
    async fn insert_group(&self, group: &Group) -> StoreResult<()> {
        self.insert_doc::<GroupDoc>(group).await
    }

    async fn get_group(&self, id: &str) -> StoreResult<Group> {
        self.get_doc::<GroupDoc>(doc! { "_id": id }).await
    }

    async fn find_group_by_name(&self, name_key: &str) -> StoreResult<Group> {
        self.get_doc::<GroupDoc>(doc! { "name_key": name_key })
            .await
    }

    async fn update_group(&self, group: &Group) -> StoreResult<()> {
        let d = GroupDoc::from_domain(group);
        let set = doc! {
            "name": d.name,
            "name_key": d.name_key,
            "description": d.description,
            "updated_at": d.updated_at,
        };
        self.set_by_id::<GroupDoc>(&group.id, set).await
    }

    async fn delete_group(&self, id: &str) -> StoreResult<()> {
        self.delete_by_id::<GroupDoc>(id).await
    }

    async fn list_groups(&self, page: Page) -> StoreResult<Paged<Group>> {
        let sort = doc! { "name_key": 1 };
        find_page(
            &self.docs::<GroupDoc>(),
            doc! {},
            sort,
            page,
            GroupDoc::into_domain,
        )
        .await
    }

    async fn list_groups_for_user(&self, user_id: &str) -> StoreResult<Vec<Group>> {
        let cursor = self
            .docs::<GroupDoc>()
            .find(doc! { "members": user_id })
            .sort(doc! { "name_key": 1 })
            .await
            .or_store()?;
        collect(cursor, GroupDoc::into_domain).await
    }

    async fn add_member(&self, group_id: &str, user_id: &str) -> StoreResult<()> {
        let update = doc! { "$addToSet": { "members": user_id } };
        self.update_members(group_id, update).await
    }

    async fn remove_member(&self, group_id: &str, user_id: &str) -> StoreResult<()> {
        let update = doc! { "$pull": { "members": user_id } };
        self.update_members(group_id, update).await
    }

    async fn remove_user_everywhere(&self, user_id: &str) -> StoreResult<()> {
        self.docs::<GroupDoc>()
            .update_many(
                doc! { "members": user_id },
                doc! { "$pull": { "members": user_id } },
            )
            .await
            .or_store()?;
        Ok(())
    }
}
