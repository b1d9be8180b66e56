//! Built-in clients. `swagger-ui` is the first-party public client of the API documentation:
//! Swagger UI's "Authorize" runs the authorization code flow with PKCE through our own login
//! page and redirects to `/docs/oauth-receiver.html`. It is (re)registered at start-up so its
//! redirect URI follows the configured public URL.

use crate::domain::{Client, ClientType, GrantType, SUPPORTED_SCOPES};
use crate::service::{ServiceError, Services};
use crate::store::StoreError;

/// The client id Swagger UI uses.
pub const SWAGGER_CLIENT_ID: &str = "swagger-ui";
/// Owner of built-in clients (no user owns them).
pub const SYSTEM_OWNER: &str = "auth-center";

/// Creates the Swagger UI client, or points its redirect URI at the current public URL.
pub async fn ensure_swagger_client(svc: &Services) -> Result<(), ServiceError> {
    let now = svc.now();
    let redirect = format!("{}/docs/oauth-receiver.html", svc.public_url);
    match svc.stores.clients.get_client(SWAGGER_CLIENT_ID).await {
        Ok(mut c) => {
            if c.redirect_uris != [redirect.clone()] {
                c.redirect_uris = vec![redirect];
                c.updated_at = now;
                svc.stores.clients.update_client(&c).await?;
            }
            Ok(())
        }
        Err(StoreError::NotFound) => {
            let client = Client {
                client_id: SWAGGER_CLIENT_ID.into(),
                owner_id: SYSTEM_OWNER.into(),
                name: "API documentation (Swagger UI)".into(),
                description: "The built-in API explorer of this server.".into(),
                homepage_url: Some(format!("{}/docs", svc.public_url)),
                logo_url: None,
                redirect_uris: vec![redirect],
                post_logout_redirect_uris: vec![],
                client_type: ClientType::Public,
                secrets: vec![],
                grant_types: vec![GrantType::AuthorizationCode],
                scopes: SUPPORTED_SCOPES.iter().map(|s| (*s).to_owned()).collect(),
                access_token_ttl_secs: None,
                refresh_token_ttl_secs: None,
                first_party: true,
                introspection: false,
                require_pushed_authorization_requests: false,
                require_mfa: false,
                dpop_bound_access_tokens: false,
                fapi2: false,
                jwks: None,
                jwks_uri: None,
                created_at: now,
                updated_at: now,
            };
            match svc.stores.clients.insert_client(&client).await {
                // Another instance registered it at the same moment.
                Ok(()) | Err(StoreError::Conflict(_)) => Ok(()),
                Err(e) => Err(e.into()),
            }
        }
        Err(e) => Err(e.into()),
    }
}
