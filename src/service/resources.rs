//! The resource API's rules: what an app holding a user's access token may read. A token reads
//! its own user's profile and the groups that user belongs to; an administrator's token that
//! carries the `admin` scope reads any. Anything else is `NotFound`, so ids of other people and
//! groups are not revealed.
//!
//! Must not import poem or a concrete store backend.

use super::groups::Member;
use super::{ServiceError, Services};
use crate::domain::{Group, User};
use crate::store::StoreError;

/// Who reads: the token's user and whether the token may read everything.
#[derive(Debug, Clone, Copy)]
pub struct Reader<'a> {
    pub user: &'a User,
    /// The user is an administrator AND the token carries the `admin` scope.
    pub sees_all: bool,
}

/// A group with its members' ids and usernames.
#[derive(Debug, Clone)]
pub struct GroupWithMembers {
    pub group: Group,
    pub members: Vec<Member>,
}

/// The account `id`, when the reader may see it.
pub async fn user(svc: &Services, reader: Reader<'_>, id: &str) -> Result<User, ServiceError> {
    if id == reader.user.id {
        return Ok(reader.user.clone());
    }
    if !reader.sees_all {
        return Err(ServiceError::NotFound);
    }
    Ok(svc.stores.users.get_user(id).await?)
}

/// The group `id` and its members, when the reader belongs to it (or sees all).
pub async fn group(
    svc: &Services,
    reader: Reader<'_>,
    id: &str,
) -> Result<GroupWithMembers, ServiceError> {
    let group = svc.stores.groups.get_group(id).await?;
    if !reader.sees_all && !group.members.contains(&reader.user.id) {
        return Err(ServiceError::NotFound);
    }
    let mut members = Vec::with_capacity(group.members.len());
    for member in &group.members {
        match svc.stores.users.get_user(member).await {
            Ok(u) => members.push(Member {
                id: u.id,
                username: u.username.to_string(),
            }),
            // Deleted while we read: the deletion removes the membership too.
            Err(StoreError::NotFound) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(GroupWithMembers { group, members })
}
