//! Groups in SQLite: the `user_groups` table, its `group_members` child table and
//! [`GroupStore`]. Members live in their own rows (indexed by user) so "the groups of a user" is
//! a look-up rather than a scan of JSON; their rowid order is the order of `Group::members`.
//! Names are unique case-insensitively through the UNIQUE `name_key` column (`GroupName::key`).

use async_trait::async_trait;
use rusqlite::{params, Connection, Row};

use super::{
    count, execute, execute_one, limit_offset, ms, query_all, query_one, time, SqliteStore,
};
use crate::domain::{Group, GroupName, Page, Paged};
use crate::store::{GroupStore, StoreResult};

const INSERT: &str = "INSERT INTO user_groups (id, name, name_key, description, created_at, \
     updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
const INSERT_MEMBER: &str =
    "INSERT OR IGNORE INTO group_members (group_id, user_id) VALUES (?1, ?2)";

#[async_trait]
impl GroupStore for SqliteStore {
    async fn insert_group(&self, group: &Group) -> StoreResult<()> {
        let g = group.clone();
        self.call_immediate(move |c| {
            let tx = c.savepoint()?;
            tx.prepare_cached(INSERT)?.execute(params![
                g.id,
                g.name.as_str(),
                g.name.key(),
                g.description,
                ms(g.created_at),
                ms(g.updated_at),
            ])?;
            for user_id in &g.members {
                tx.prepare_cached(INSERT_MEMBER)?
                    .execute(params![g.id, user_id])?;
            }
            Ok(tx.commit()?)
        })
        .await
    }

    async fn get_group(&self, id: &str) -> StoreResult<Group> {
        let id = id.to_owned();
        self.call_read(move |c| {
            let g = query_one(
                c,
                "SELECT * FROM user_groups WHERE id = ?1",
                [id],
                group_from_row,
            )?;
            with_members(c, g)
        })
        .await
    }

    async fn find_group_by_name(&self, name_key: &str) -> StoreResult<Group> {
        let key = name_key.to_owned();
        self.call_read(move |c| {
            let sql = "SELECT * FROM user_groups WHERE name_key = ?1";
            let g = query_one(c, sql, [key], group_from_row)?;
            with_members(c, g)
        })
        .await
    }

    async fn update_group(&self, group: &Group) -> StoreResult<()> {
        let g = group.clone();
        self.call(move |c| {
            let sql = "UPDATE user_groups SET name = ?2, name_key = ?3, description = ?4, \
                       updated_at = ?5 WHERE id = ?1";
            let key = g.name.key();
            let p = params![g.id, g.name.as_str(), key, g.description, ms(g.updated_at)];
            execute_one(c, sql, p)
        })
        .await
    }

    async fn delete_group(&self, id: &str) -> StoreResult<()> {
        let id = id.to_owned();
        // Members go with it: ON DELETE CASCADE.
        self.call(move |c| execute_one(c, "DELETE FROM user_groups WHERE id = ?1", [id]))
            .await
    }

    async fn list_groups(&self, page: Page) -> StoreResult<Paged<Group>> {
        let (limit, offset) = limit_offset(page);
        self.call_read(move |c| {
            let total = count(c, "SELECT COUNT(*) FROM user_groups", [])?;
            let sql = "SELECT * FROM user_groups ORDER BY name_key LIMIT ?1 OFFSET ?2";
            let groups = query_all(c, sql, [limit, offset], group_from_row)?;
            let items = groups
                .into_iter()
                .map(|g| with_members(c, g))
                .collect::<StoreResult<_>>()?;
            Ok(Paged { items, total })
        })
        .await
    }

    async fn list_groups_for_user(&self, user_id: &str) -> StoreResult<Vec<Group>> {
        let user_id = user_id.to_owned();
        self.call_read(move |c| {
            let sql = "SELECT g.* FROM user_groups g \
                       JOIN group_members m ON m.group_id = g.id \
                       WHERE m.user_id = ?1 ORDER BY g.name_key";
            let groups = query_all(c, sql, [user_id], group_from_row)?;
            groups.into_iter().map(|g| with_members(c, g)).collect()
        })
        .await
    }

    async fn add_member(&self, group_id: &str, user_id: &str) -> StoreResult<()> {
        let (group_id, user_id) = (group_id.to_owned(), user_id.to_owned());
        self.call_immediate(move |c| {
            let tx = c.savepoint()?;
            ensure_group(&tx, &group_id)?;
            tx.prepare_cached(INSERT_MEMBER)?
                .execute(params![group_id, user_id])?;
            Ok(tx.commit()?)
        })
        .await
    }

    async fn remove_member(&self, group_id: &str, user_id: &str) -> StoreResult<()> {
        let (group_id, user_id) = (group_id.to_owned(), user_id.to_owned());
        self.call_immediate(move |c| {
            let tx = c.savepoint()?;
            ensure_group(&tx, &group_id)?;
            let sql = "DELETE FROM group_members WHERE group_id = ?1 AND user_id = ?2";
            execute(&tx, sql, params![group_id, user_id])?;
            Ok(tx.commit()?)
        })
        .await
    }

    async fn remove_user_everywhere(&self, user_id: &str) -> StoreResult<()> {
        let user_id = user_id.to_owned();
        self.call(move |c| {
            execute(c, "DELETE FROM group_members WHERE user_id = ?1", [user_id]).map(drop)
        })
        .await
    }
}

/// `NotFound` unless the group exists.
fn ensure_group(c: &Connection, group_id: &str) -> StoreResult<()> {
    query_one(
        c,
        "SELECT 1 FROM user_groups WHERE id = ?1",
        [group_id],
        |_| Ok(()),
    )
}

/// Fills `members` from the child table, in insertion order.
fn with_members(c: &Connection, mut g: Group) -> StoreResult<Group> {
    let sql = "SELECT user_id FROM group_members WHERE group_id = ?1 ORDER BY rowid";
    g.members = query_all(c, sql, [&g.id], |r| Ok(r.get(0)?))?;
    Ok(g)
}

/// A group without its members (see [`with_members`]).
fn group_from_row(r: &Row<'_>) -> StoreResult<Group> {
    let name: String = r.get("name")?;
    Ok(Group {
        id: r.get("id")?,
        name: GroupName::parse(name).map_err(|e| super::corrupt("group name", e))?,
        description: r.get("description")?,
        members: Vec::new(),
        created_at: time(r, "created_at")?,
        updated_at: time(r, "updated_at")?,
    })
}
