//! A partial change of an app (PATCH) and how it applies to the app's current input; the
//! result is validated by `app_input` like any other input. Must not import poem or a store
//! backend.

use super::app_input::AppInput;

/// A partial change (PATCH): `None` keeps a field; `Some(None)` clears an optional one.
#[derive(Debug, Clone, Default)]
pub struct AppPatch {
    pub name: Option<String>,
    pub description: Option<String>,
    pub homepage_url: Option<Option<String>>,
    pub logo_url: Option<Option<String>>,
    pub redirect_uris: Option<Vec<String>>,
    pub post_logout_redirect_uris: Option<Vec<String>>,
    pub client_type: Option<String>,
    pub grant_types: Option<Vec<String>>,
    pub scopes: Option<Vec<String>>,
    pub access_token_ttl_secs: Option<Option<i64>>,
    pub refresh_token_ttl_secs: Option<Option<i64>>,
    pub first_party: Option<bool>,
    pub introspection: Option<bool>,
    pub require_pushed_authorization_requests: Option<bool>,
    pub require_mfa: Option<bool>,
    pub dpop_bound_access_tokens: Option<bool>,
    pub fapi2: Option<bool>,
    /// A new authentication method; one that is not `private_key_jwt` drops the keys.
    pub token_endpoint_auth_method: Option<String>,
    /// New keys: either one replaces both (`Some(None)` clears).
    pub jwks: Option<Option<String>>,
    pub jwks_uri: Option<Option<String>>,
}

impl AppPatch {
    /// The input with this patch applied.
    pub fn apply(self, mut to: AppInput) -> AppInput {
        fn set<T>(dst: &mut T, v: Option<T>) {
            if let Some(v) = v {
                *dst = v;
            }
        }
        set(&mut to.name, self.name);
        set(&mut to.description, self.description);
        set(&mut to.homepage_url, self.homepage_url);
        set(&mut to.logo_url, self.logo_url);
        set(&mut to.redirect_uris, self.redirect_uris);
        set(
            &mut to.post_logout_redirect_uris,
            self.post_logout_redirect_uris,
        );
        set(&mut to.client_type, self.client_type);
        set(&mut to.grant_types, self.grant_types);
        set(&mut to.scopes, self.scopes);
        set(&mut to.access_token_ttl_secs, self.access_token_ttl_secs);
        set(&mut to.refresh_token_ttl_secs, self.refresh_token_ttl_secs);
        set(&mut to.first_party, self.first_party);
        set(&mut to.introspection, self.introspection);
        let par = &mut to.require_pushed_authorization_requests;
        set(par, self.require_pushed_authorization_requests);
        set(&mut to.require_mfa, self.require_mfa);
        let dpop = &mut to.dpop_bound_access_tokens;
        set(dpop, self.dpop_bound_access_tokens);
        set(&mut to.fapi2, self.fapi2);
        let keys_given = self.jwks.is_some() || self.jwks_uri.is_some();
        let drops_keys = self
            .token_endpoint_auth_method
            .as_deref()
            .is_some_and(|m| m != "private_key_jwt");
        if keys_given || drops_keys {
            to.jwks = None;
            to.jwks_uri = None;
        }
        set(&mut to.jwks, self.jwks);
        set(&mut to.jwks_uri, self.jwks_uri);
        let method = self.token_endpoint_auth_method.map(Some);
        set(&mut to.token_endpoint_auth_method, method);
        to
    }
}
