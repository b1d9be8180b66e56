//! What a person has authorized: one entry per grant (an app's authorization family) that acts
//! for them, with the app it was given to; and revoking one, which ends its refresh and access
//! tokens at once (RFC 7009 §2.1) and forgets the remembered consent so the app must ask again.
//! Grants without a user (client_credentials issues none) never appear.
//!
//! Must not import poem or a concrete store backend.

use std::collections::HashMap;

use super::audit::{Entry, Kind};
use super::{ServiceError, Services};
use crate::domain::{is_url_client_id, Client, Grant};
use crate::store::StoreError;

/// One authorization of an app, as its user sees it.
#[derive(Debug, Clone)]
pub struct Authorization {
    pub grant: Grant,
    pub client_name: String,
    pub client_homepage_url: Option<String>,
}

/// The active authorizations of `user_id`, newest first. Grants of apps that no longer exist are
/// left out (deleting an app revokes them anyway).
pub async fn list_for_user(
    svc: &Services,
    user_id: &str,
) -> Result<Vec<Authorization>, ServiceError> {
    let grants = svc
        .stores
        .grants
        .list_active_grants_for_user(user_id, svc.now())
        .await?;
    let mut clients: HashMap<String, Option<Client>> = HashMap::new();
    let mut out = Vec::with_capacity(grants.len());
    for grant in grants {
        if grant.user_id.as_deref() != Some(user_id) {
            continue;
        }
        if !clients.contains_key(&grant.client_id) {
            let c = match svc.stores.clients.get_client(&grant.client_id).await {
                Ok(c) => Some(c),
                Err(StoreError::NotFound) if is_url_client_id(&grant.client_id) => {
                    Some(document_client(svc, &grant.client_id).await)
                }
                Err(StoreError::NotFound) => None,
                Err(e) => return Err(e.into()),
            };
            clients.insert(grant.client_id.clone(), c);
        }
        if let Some(Some(c)) = clients.get(&grant.client_id) {
            out.push(Authorization {
                client_name: c.name.clone(),
                client_homepage_url: c.homepage_url.clone(),
                grant,
            });
        }
    }
    Ok(out)
}

/// The client a metadata document describes (`client_metadata`), or, when it cannot be used
/// now (switched off, unreachable, changed), a client named by its URL's host: the person can
/// still see and revoke what they allowed.
async fn document_client(svc: &Services, url: &str) -> Client {
    let host = || {
        url::Url::parse(url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| url.to_owned())
    };
    match super::clients::active_client(svc, url).await {
        Ok(c) => c,
        Err(_) => Client {
            name: host(),
            ..super::client_metadata::unnamed_client(url, svc.now())
        },
    }
}

/// Revokes the grant `grant_id` of `user_id` and forgets the user's consent to its app.
/// `NotFound` when there is no such active grant of this user (another user's grant included:
/// its existence is not revealed).
pub async fn revoke_for_user(
    svc: &Services,
    user_id: &str,
    grant_id: &str,
) -> Result<(), ServiceError> {
    let now = svc.now();
    let grant = match svc.stores.grants.get_grant(grant_id).await {
        Ok(g) if g.user_id.as_deref() == Some(user_id) && g.is_active(now) => g,
        Ok(_) | Err(StoreError::NotFound) => return Err(ServiceError::NotFound),
        Err(e) => return Err(e.into()),
    };
    svc.stores.grants.revoke_grant(&grant.id, now).await?;
    svc.stores
        .consents
        .delete_consent(user_id, &grant.client_id)
        .await?;
    tracing::info!(grant_id = %grant.id, client_id = %grant.client_id,
        "authorization revoked by its user");
    svc.audit
        .record(Entry::user(Kind::GrantRevoked, user_id).app(&grant.client_id));
    svc.audit
        .record(Entry::user(Kind::ConsentRevoked, user_id).app(&grant.client_id));
    Ok(())
}
