//! The OIDC UserInfo endpoint (OIDC Core §5.3): the claims of the token's user, by scope:
//! `openid` → `sub`; `profile` → name, preferred_username, locale, updated_at; `email` → email,
//! email_verified; `groups` → the names of the user's groups.

use super::dpop::resource::{verify_presented, Presented};
use super::{OAuthError, OAuthErrorCode};
use crate::service::Services;
use crate::store::StoreError;

/// The claims released for one token; `None` where the scope does not cover the claim.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserInfo {
    pub sub: String,
    pub name: Option<String>,
    pub preferred_username: Option<String>,
    pub locale: Option<String>,
    pub updated_at: Option<i64>,
    pub email: Option<String>,
    pub email_verified: Option<bool>,
    pub groups: Option<Vec<String>>,
}

/// The claims for the holder of the presented token (bearer or DPoP-bound).
pub async fn userinfo(svc: &Services, token: &Presented<'_>) -> Result<UserInfo, OAuthError> {
    let access = verify_presented(svc, token).await?;
    if !access.has_scope("openid") {
        return Err(OAuthError::new(
            OAuthErrorCode::InsufficientScope,
            "the openid scope is required",
        ));
    }
    let Some(user_id) = access.record.user_id.as_deref() else {
        return Err(OAuthError::new(
            OAuthErrorCode::InsufficientScope,
            "the token does not act for a user",
        ));
    };
    let user = match svc.stores.users.get_user(user_id).await {
        Ok(u) if !u.disabled => u,
        Ok(_) | Err(StoreError::NotFound) => {
            return Err(OAuthError::invalid_token(
                "the user no longer exists or is disabled",
            ))
        }
        Err(e) => return Err(e.into()),
    };
    let mut info = UserInfo {
        sub: user.id.clone(),
        ..UserInfo::default()
    };
    if access.has_scope("profile") {
        let name = user.display_name.clone();
        info.name = Some(name.unwrap_or_else(|| user.username.as_str().to_owned()));
        info.preferred_username = Some(user.username.as_str().to_owned());
        info.locale = user.locale.clone();
        info.updated_at = Some(user.updated_at.timestamp());
    }
    if access.has_scope("email") {
        info.email = Some(user.email.as_str().to_owned());
        info.email_verified = Some(user.email_verified);
    }
    if access.has_scope("groups") {
        let groups = svc.stores.groups.list_groups_for_user(&user.id).await?;
        info.groups = Some(groups.iter().map(|g| g.name.as_str().to_owned()).collect());
    }
    Ok(info)
}
