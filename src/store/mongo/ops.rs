//! The operations every collection repeats, written once: insert a domain value, find one by a
//! filter, `$set` fields of exactly one document, delete exactly one. A document type says
//! through [`Stored`] which collection holds it, what a duplicate `_id` means, and how it
//! converts to and from the domain; the aggregate files keep only what is particular to them
//! (atomic consumption of one-time credentials, paging, projections).
//!
//! Must not import poem, the service or the web layers.

use mongodb::bson::{doc, Document};
use mongodb::Collection;
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::{find_one, require_match, MongoResultExt, MongoStore};
use crate::store::StoreResult;

/// A document kept in one collection, converted to and from its domain value.
pub(super) trait Stored: Serialize + DeserializeOwned + Send + Sync + Unpin + Sized {
    type Domain;
    /// The collection that holds these documents.
    const COLLECTION: &'static str;
    /// What a duplicate `_id` means to the caller (`client_id`, `code`, `kid`…).
    const ID_FIELD: &'static str;

    fn from_domain(value: &Self::Domain) -> Self;
    fn into_domain(self) -> StoreResult<Self::Domain>;
}

/// Declares that documents of `$doc` (with inherent `from_domain` and `into_domain`, which
/// take precedence over the trait's in `Self::` paths) are the `$domain` values kept in
/// `$coll`, a duplicate `_id` meaning `$id_field`.
macro_rules! stored {
    ($doc:ident => $domain:ident, $coll:expr, $id_field:literal) => {
        impl $crate::store::mongo::ops::Stored for $doc {
            type Domain = $domain;
            const COLLECTION: &'static str = $coll;
            const ID_FIELD: &'static str = $id_field;

            fn from_domain(value: &$domain) -> Self {
                $doc::from_domain(value)
            }

            fn into_domain(self) -> $crate::store::StoreResult<$domain> {
                $doc::into_domain(self)
            }
        }
    };
}

pub(super) use stored;

impl MongoStore {
    /// The collection of `D`.
    pub(super) fn docs<D: Stored>(&self) -> Collection<D> {
        self.coll(D::COLLECTION)
    }

    /// Inserts `value`; a duplicate `_id` is `Conflict(D::ID_FIELD)`, a duplicate of another
    /// unique index names that index's field.
    pub(super) async fn insert_doc<D: Stored>(&self, value: &D::Domain) -> StoreResult<()> {
        let coll = self.docs::<D>();
        coll.insert_one(D::from_domain(value))
            .await
            .or_conflict(D::ID_FIELD)?;
        Ok(())
    }

    /// The one document matching `filter`, converted; `NotFound` when there is none.
    pub(super) async fn get_doc<D: Stored>(&self, filter: Document) -> StoreResult<D::Domain> {
        find_one(&self.docs::<D>(), filter, D::into_domain).await
    }

    /// Applies `update` to the document matching `filter`; `NotFound` when none does.
    pub(super) async fn update_doc<D: Stored>(
        &self,
        filter: Document,
        update: Document,
    ) -> StoreResult<()> {
        let coll = self.docs::<D>();
        let result = coll
            .update_one(filter, update)
            .await
            .or_conflict(D::ID_FIELD)?;
        require_match(result.matched_count)
    }

    /// `$set`s `fields` on the document whose `_id` is `id`; `NotFound` when there is none.
    pub(super) async fn set_by_id<D: Stored>(&self, id: &str, fields: Document) -> StoreResult<()> {
        self.update_doc::<D>(doc! { "_id": id }, doc! { "$set": fields })
            .await
    }

    /// Deletes the documents matching `filter` and says how many there were.
    pub(super) async fn delete_docs<D: Stored>(&self, filter: Document) -> StoreResult<u64> {
        let result = self.docs::<D>().delete_many(filter).await.or_store()?;
        Ok(result.deleted_count)
    }

    /// Deletes the document whose `_id` is `id`; `NotFound` when there is none.
    pub(super) async fn delete_by_id<D: Stored>(&self, id: &str) -> StoreResult<()> {
        let coll = self.docs::<D>();
        let result = coll.delete_one(doc! { "_id": id }).await.or_store()?;
        require_match(result.deleted_count)
    }
}
