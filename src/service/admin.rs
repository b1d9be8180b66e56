//! Administration of accounts: listing and searching users, disabling and enabling them,
//! making them administrators or not, and deleting an account with everything that belongs to
//! it. Only administrators reach these use cases (the API checks the `admin` scope, the
//! console pages an administrator's session). The rules kept here: an administrator cannot
//! disable, demote or delete their own account, and the last enabled administrator cannot be
//! disabled, demoted or deleted (checked before and re-checked after the change, so two
//! administrators removing each other at the same moment cannot leave the server without one).
//!
//! Also the paging rules every admin listing shares ([`PageRequest`], [`Listed`]).
//! Must not import poem or a concrete store backend.

use crate::domain::{DomainError, EmailTokenPurpose, Page, User};
use crate::store::{StoreError, UserQuery};

use super::audit::{Entry, Kind};
use super::{ServiceError, Services, Validation};

/// Longest accepted search text.
pub const MAX_SEARCH_LEN: usize = 100;
/// Largest accepted offset (far beyond any real listing; keeps backends' integer types safe).
pub const MAX_OFFSET: u64 = 1_000_000_000;

/// Offset and limit as a caller gave them; both optional (first page of 50 by default).
#[derive(Debug, Clone, Copy, Default)]
pub struct PageRequest {
    pub offset: Option<u64>,
    pub limit: Option<u64>,
}

impl PageRequest {
    /// The page, or field errors for `offset` and `limit` out of range.
    pub fn validate(self, v: &mut Validation) -> Page {
        let default = Page::default();
        let offset = self.offset.unwrap_or(0);
        let limit = self.limit.unwrap_or(default.limit);
        if offset > MAX_OFFSET {
            v.push(DomainError::new(
                "offset",
                format!("must be at most {MAX_OFFSET}"),
            ));
        }
        if !(1..=Page::MAX_LIMIT).contains(&limit) {
            v.push(DomainError::new(
                "limit",
                format!("must be between 1 and {}", Page::MAX_LIMIT),
            ));
        }
        Page::new(offset.min(MAX_OFFSET), limit)
    }
}

/// One page of a listing, the total number of items and the page that was served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub page: Page,
}

impl<T> Listed<T> {
    /// Pages a complete, already ordered list in memory.
    pub fn slice(all: Vec<T>, page: Page) -> Self {
        let total = all.len() as u64;
        let items = all
            .into_iter()
            .skip(usize::try_from(page.offset).unwrap_or(usize::MAX))
            .take(usize::try_from(page.limit).unwrap_or(usize::MAX))
            .collect();
        Self { items, total, page }
    }
}

/// Users ordered by username, optionally filtered by a case-insensitive substring of username,
/// email or display name.
pub async fn list_users(
    svc: &Services,
    search: Option<String>,
    paging: PageRequest,
) -> Result<Listed<User>, ServiceError> {
    let mut v = Validation::default();
    let page = paging.validate(&mut v);
    let search = search
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
    if search
        .as_ref()
        .is_some_and(|s| s.chars().count() > MAX_SEARCH_LEN)
    {
        v.push(DomainError::new(
            "search",
            format!("must be at most {MAX_SEARCH_LEN} characters"),
        ));
    }
    if search
        .as_ref()
        .is_some_and(|s| s.chars().any(char::is_control))
    {
        // A NUL cannot be part of a MongoDB regex; no control character is part of a name.
        v.push(DomainError::new(
            "search",
            "must not contain control characters".to_owned(),
        ));
    }
    v.finish()?;
    let found = svc
        .stores
        .users
        .list_users(&UserQuery { search, page })
        .await?;
    Ok(Listed {
        items: found.items,
        total: found.total,
        page,
    })
}

pub async fn get_user(svc: &Services, id: &str) -> Result<User, ServiceError> {
    Ok(svc.stores.users.get_user(id).await?)
}

/// Refuses what would lock the actor out or leave no enabled administrator.
async fn guard_removal(
    svc: &Services,
    actor: &User,
    target: &User,
    verb: &str,
) -> Result<(), ServiceError> {
    if actor.id == target.id {
        return Err(ServiceError::Refused(format!(
            "you cannot {verb} your own account"
        )));
    }
    if target.is_admin && !target.disabled && svc.stores.users.count_enabled_admins().await? <= 1 {
        return Err(last_admin(verb));
    }
    Ok(())
}

fn last_admin(verb: &str) -> ServiceError {
    ServiceError::Refused(format!("the last enabled administrator cannot be {verb}d"))
}

/// Sets the `disabled` flag (a write only when it changes).
async fn write_disabled(
    svc: &Services,
    user: &mut User,
    disabled: bool,
) -> Result<(), ServiceError> {
    if user.disabled != disabled {
        user.disabled = disabled;
        user.updated_at = svc.now();
        svc.stores.users.update_user(user).await?;
    }
    Ok(())
}

/// Disables `target` after the guards, undoing it when a concurrent change left no enabled
/// administrator.
async fn disable_guarded(
    svc: &Services,
    actor: &User,
    target: &mut User,
    verb: &str,
) -> Result<(), ServiceError> {
    guard_removal(svc, actor, target, verb).await?;
    let was_enabled_admin = target.is_admin && !target.disabled;
    write_disabled(svc, target, true).await?;
    if was_enabled_admin && svc.stores.users.count_enabled_admins().await? == 0 {
        write_disabled(svc, target, false).await?;
        return Err(last_admin(verb));
    }
    Ok(())
}

/// Ends every way into the account: browser sessions, the grants (with their tokens) it gave
/// apps, and every outstanding emailed link (enabling the account again revives none).
async fn end_access(svc: &Services, user_id: &str) -> Result<(), ServiceError> {
    super::sessions::end_account_access(svc, user_id, None, "account disabled").await
}

/// Disables an account (ending its sessions, revoking its grants, deleting its emailed links)
/// or enables it again.
pub async fn set_user_disabled(
    svc: &Services,
    actor: &User,
    id: &str,
    disabled: bool,
) -> Result<User, ServiceError> {
    let mut user = svc.stores.users.get_user(id).await?;
    if disabled {
        disable_guarded(svc, actor, &mut user, "disable").await?;
        end_access(svc, &user.id).await?;
    } else {
        write_disabled(svc, &mut user, false).await?;
    }
    tracing::info!(user_id = %user.id, by = %actor.id, disabled, "account disabled flag set");
    let entry = Entry::by(Kind::AdminUserChanged, &actor.id).subject(&user.id);
    svc.audit.record(entry.detail("disabled", disabled));
    Ok(user)
}

/// Sets the `is_admin` flag (a write only when it changes).
async fn write_admin(svc: &Services, user: &mut User, is_admin: bool) -> Result<(), ServiceError> {
    if user.is_admin != is_admin {
        user.is_admin = is_admin;
        user.updated_at = svc.now();
        svc.stores.users.update_user(user).await?;
    }
    Ok(())
}

/// Makes an account an administrator, or an ordinary account again. Demoting follows the
/// rules of disabling: not one's own account, never the last enabled administrator (re-checked
/// after the write, undone when a concurrent change left none). A demoted person's tokens lose
/// `admin` at once (`access::may_be_granted` reads the flag).
pub async fn set_user_admin(
    svc: &Services,
    actor: &User,
    id: &str,
    is_admin: bool,
) -> Result<User, ServiceError> {
    let mut user = svc.stores.users.get_user(id).await?;
    if is_admin {
        write_admin(svc, &mut user, true).await?;
    } else if user.is_admin {
        let verb = "demote";
        guard_removal(svc, actor, &user, verb).await?;
        let was_enabled = !user.disabled;
        write_admin(svc, &mut user, false).await?;
        if was_enabled && svc.stores.users.count_enabled_admins().await? == 0 {
            write_admin(svc, &mut user, true).await?;
            return Err(last_admin(verb));
        }
    }
    tracing::info!(user_id = %user.id, by = %actor.id, is_admin, "account admin flag set");
    let entry = Entry::by(Kind::AdminUserChanged, &actor.id).subject(&user.id);
    svc.audit.record(entry.detail("is_admin", is_admin));
    Ok(user)
}

fn ignore_missing(r: Result<(), StoreError>) -> Result<(), ServiceError> {
    match r {
        Ok(()) | Err(StoreError::NotFound) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// Deletes the apps the user owns: their grants revoked, their consents and the apps deleted.
async fn delete_owned_apps(svc: &Services, user_id: &str) -> Result<(), ServiceError> {
    let s = &svc.stores;
    for client_id in s.clients.list_client_ids_by_owner(user_id).await? {
        s.grants
            .revoke_grants_for_client(&client_id, svc.now())
            .await?;
        s.consents.delete_consents_for_client(&client_id).await?;
        ignore_missing(s.clients.delete_client(&client_id).await)?;
    }
    Ok(())
}

/// Deletes an account and everything that belongs to it: sessions, email tokens, consents,
/// grants (revoked), the apps it owns (with their grants revoked and consents deleted) and its
/// group memberships. The account is disabled first, so nothing new is attached while the rest
/// goes, and removed last, so a failure half-way can simply be retried.
pub async fn delete_user(svc: &Services, actor: &User, id: &str) -> Result<(), ServiceError> {
    let mut user = svc.stores.users.get_user(id).await?;
    disable_guarded(svc, actor, &mut user, "delete").await?;
    end_access(svc, &user.id).await?;
    delete_owned_apps(svc, &user.id).await?;
    let s = &svc.stores;
    s.consents.delete_consents_for_user(&user.id).await?;
    for purpose in [
        EmailTokenPurpose::VerifyEmail,
        EmailTokenPurpose::ResetPassword,
        EmailTokenPurpose::ChangeEmail,
    ] {
        s.email_tokens
            .delete_email_tokens_for_user(&user.id, purpose)
            .await?;
    }
    s.groups.remove_user_everywhere(&user.id).await?;
    s.second_factors.delete_second_factor(&user.id).await?;
    s.passkeys.delete_passkeys_for_user(&user.id).await?;
    s.sessions.forget_devices(&user.id).await?;
    ignore_missing(s.users.delete_user(&user.id).await)?;
    tracing::info!(user_id = %user.id, by = %actor.id, "account deleted");
    svc.audit
        .record(Entry::by(Kind::AdminUserDeleted, &actor.id).subject(&user.id));
    Ok(())
}
