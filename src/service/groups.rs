//! Groups of users: create, rename and describe, delete, add and remove members, list members,
//! list groups and the groups of one user. Names are unique case-insensitively (the store
//! enforces it and reports `Conflict("name")`). Used by the admin API and the operator CLI.
//!
//! Must not import poem or a concrete store backend.

use crate::domain::{DomainError, Group, GroupName, User, Username};
use crate::store::StoreError;

use super::admin::{Listed, PageRequest};
use super::audit::{Entry, Kind};
use super::{ServiceError, Services, Validation};

/// Longest accepted description.
pub const MAX_DESCRIPTION_LEN: usize = 1000;

/// What it takes to create a group; `members` are user ids, which must exist.
#[derive(Debug, Clone, Default)]
pub struct NewGroup {
    pub name: String,
    pub description: Option<String>,
    pub members: Vec<String>,
}

/// A change of name and/or description; `None` keeps the current value.
#[derive(Debug, Clone, Default)]
pub struct GroupPatch {
    pub name: Option<String>,
    pub description: Option<String>,
}

/// A member as listed: the user id and the username.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: String,
    pub username: String,
}

fn check_description(v: &mut Validation, d: &str) {
    if d.chars().count() > MAX_DESCRIPTION_LEN {
        v.push(DomainError::new(
            "description",
            format!("must be at most {MAX_DESCRIPTION_LEN} characters"),
        ));
    }
}

/// Creates a group, with its first members (every id must name an existing user).
pub async fn create_group(svc: &Services, new: NewGroup) -> Result<Group, ServiceError> {
    let mut v = Validation::default();
    let name = v.check(GroupName::parse(new.name));
    let description = new.description.unwrap_or_default().trim().to_owned();
    check_description(&mut v, &description);
    v.finish()?;
    let Some(name) = name else {
        return Err(ServiceError::Internal(anyhow::anyhow!(
            "validated name missing"
        )));
    };
    let mut members: Vec<String> = Vec::new();
    for id in new.members {
        match svc.stores.users.get_user(&id).await {
            Ok(_) if !members.contains(&id) => members.push(id),
            Ok(_) => {}
            Err(StoreError::NotFound) => {
                return Err(DomainError::new("members", format!("no user with id '{id}'")).into())
            }
            Err(e) => return Err(e.into()),
        }
    }
    let now = svc.now();
    let group = Group {
        id: uuid::Uuid::now_v7().to_string(),
        name,
        description,
        members,
        created_at: now,
        updated_at: now,
    };
    svc.stores.groups.insert_group(&group).await?;
    tracing::info!(group_id = %group.id, "group created");
    svc.audit
        .record(Entry::acting(Kind::AdminGroupCreated).detail("group", &group.id));
    Ok(group)
}

pub async fn get_group(svc: &Services, id: &str) -> Result<Group, ServiceError> {
    Ok(svc.stores.groups.get_group(id).await?)
}

/// Renames and/or re-describes a group; returns it as stored.
pub async fn update_group(
    svc: &Services,
    id: &str,
    patch: GroupPatch,
) -> Result<Group, ServiceError> {
    let mut v = Validation::default();
    let name = patch.name.and_then(|n| v.check(GroupName::parse(n)));
    let description = patch.description.map(|d| d.trim().to_owned());
    if let Some(d) = &description {
        check_description(&mut v, d);
    }
    v.finish()?;
    let mut group = svc.stores.groups.get_group(id).await?;
    if let Some(name) = name {
        group.name = name;
    }
    if let Some(description) = description {
        group.description = description;
    }
    group.updated_at = svc.now();
    svc.stores.groups.update_group(&group).await?;
    svc.audit
        .record(Entry::acting(Kind::AdminGroupChanged).detail("group", &group.id));
    Ok(group)
}

pub async fn delete_group(svc: &Services, id: &str) -> Result<(), ServiceError> {
    svc.stores.groups.delete_group(id).await?;
    tracing::info!(group_id = %id, "group deleted");
    svc.audit
        .record(Entry::acting(Kind::AdminGroupDeleted).detail("group", id));
    Ok(())
}

/// Groups ordered by name.
pub async fn list_groups(
    svc: &Services,
    paging: PageRequest,
) -> Result<Listed<Group>, ServiceError> {
    let mut v = Validation::default();
    let page = paging.validate(&mut v);
    v.finish()?;
    let found = svc.stores.groups.list_groups(page).await?;
    Ok(Listed {
        items: found.items,
        total: found.total,
        page,
    })
}

/// Adds a user to a group (idempotent); both must exist. Returns the group as stored.
pub async fn add_member(
    svc: &Services,
    group_id: &str,
    user_id: &str,
) -> Result<Group, ServiceError> {
    svc.stores.groups.get_group(group_id).await?;
    svc.stores.users.get_user(user_id).await?;
    svc.stores.groups.add_member(group_id, user_id).await?;
    let entry = Entry::acting(Kind::AdminGroupMemberAdded).subject(user_id);
    svc.audit.record(entry.detail("group", group_id));
    Ok(svc.stores.groups.get_group(group_id).await?)
}

/// Removes a user from a group (idempotent); the group and the user must exist.
pub async fn remove_member(
    svc: &Services,
    group_id: &str,
    user_id: &str,
) -> Result<(), ServiceError> {
    svc.stores.groups.get_group(group_id).await?;
    svc.stores.users.get_user(user_id).await?;
    svc.stores.groups.remove_member(group_id, user_id).await?;
    let entry = Entry::acting(Kind::AdminGroupMemberRemoved).subject(user_id);
    svc.audit.record(entry.detail("group", group_id));
    Ok(())
}

/// The members of a group, in the order they joined, one page at a time.
pub async fn list_members(
    svc: &Services,
    group_id: &str,
    paging: PageRequest,
) -> Result<Listed<Member>, ServiceError> {
    let mut v = Validation::default();
    let page = paging.validate(&mut v);
    v.finish()?;
    let group = svc.stores.groups.get_group(group_id).await?;
    let ids = Listed::slice(group.members, page);
    let mut items = Vec::with_capacity(ids.items.len());
    for id in ids.items {
        match svc.stores.users.get_user(&id).await {
            Ok(u) => items.push(Member {
                username: u.username.to_string(),
                id,
            }),
            // Deleted while we read: the deletion removes the membership too.
            Err(StoreError::NotFound) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(Listed {
        items,
        total: ids.total,
        page,
    })
}

/// The groups a user belongs to, ordered by name; the user must exist.
pub async fn list_user_groups(
    svc: &Services,
    user_id: &str,
    paging: PageRequest,
) -> Result<Listed<Group>, ServiceError> {
    let mut v = Validation::default();
    let page = paging.validate(&mut v);
    v.finish()?;
    svc.stores.users.get_user(user_id).await?;
    let groups = svc.stores.groups.list_groups_for_user(user_id).await?;
    Ok(Listed::slice(groups, page))
}

/// A group by id, else by name (case-insensitive): how operators name groups on the CLI.
pub async fn find_group(svc: &Services, name_or_id: &str) -> Result<Group, ServiceError> {
    match svc.stores.groups.get_group(name_or_id).await {
        Err(StoreError::NotFound) => {}
        other => return Ok(other?),
    }
    let Ok(name) = GroupName::parse(name_or_id) else {
        return Err(ServiceError::NotFound);
    };
    Ok(svc.stores.groups.find_group_by_name(&name.key()).await?)
}

/// A user by username (case-insensitive); `NotFound` for an unknown or malformed one.
pub async fn find_user(svc: &Services, username: &str) -> Result<User, ServiceError> {
    let Ok(username) = Username::parse(username.trim()) else {
        return Err(ServiceError::NotFound);
    };
    Ok(svc
        .stores
        .users
        .find_user_by_username(&username.key())
        .await?)
}
