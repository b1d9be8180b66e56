//! Resource indicators (RFC 8707): which resource servers a request names with `resource`, and
//! what that means for the scopes and the audience of its tokens. A `resource` must be an
//! absolute URI without a fragment (§2) naming a registered resource server, or the issuer (the
//! built-in resource API); anything else is `invalid_target`. At the token endpoint a code
//! exchange or a refresh may name a subset of what was authorized, never more (§2.2).
//!
//! The scope rule: a request that names resources may get the scopes that EVERY named resource
//! defines (of the built-in API only those the app registered), plus `openid` and
//! `offline_access` when the app registered them, since they concern the id_token and the
//! refresh token, not a resource. So a scope one resource defines is never granted in a token
//! another resource also accepts, unless that one defines it too. A request without `resource`
//! keeps the scopes the app registered, and its tokens the issuer as audience.
//!
//! Must not import poem or a concrete store backend.

use std::collections::BTreeSet;

use super::OAuthError;
use crate::domain::{Client, ResourceServer, ScopeSet, MAX_IDENTIFIER_LEN};
use crate::service::resource_servers::{built_in, SERVER_SCOPES};
use crate::service::Services;
use crate::store::StoreError;

/// Most `resource` values one request may carry.
pub const MAX_RESOURCES: usize = 10;

/// Whether `value` is an absolute URI without a fragment (RFC 8707 §2), bounded, and free of
/// white space (stored requests keep several of them space-separated).
fn well_formed(value: &str) -> bool {
    value.len() <= MAX_IDENTIFIER_LEN
        && !value.contains('#')
        && !value.chars().any(char::is_whitespace)
        && url::Url::parse(value).is_ok()
}

/// The resource servers `values` name, in the order given, repeats dropped; `invalid_target`
/// for a malformed value or one that names no resource server of ours.
pub async fn resolve(svc: &Services, values: &[String]) -> Result<Vec<ResourceServer>, OAuthError> {
    if values.len() > MAX_RESOURCES {
        let why = format!("at most {MAX_RESOURCES} resource parameters");
        return Err(OAuthError::invalid_target(why));
    }
    let mut out: Vec<ResourceServer> = Vec::with_capacity(values.len());
    for value in values {
        if !well_formed(value) {
            return Err(OAuthError::invalid_target(
                "each resource must be an absolute URI without a fragment (RFC 8707 §2)",
            ));
        }
        if out.iter().any(|s| s.identifier.as_str() == value) {
            continue;
        }
        if value == &svc.public_url {
            out.push(built_in(svc).map_err(|e| OAuthError::internal(e.into()))?);
            continue;
        }
        match svc
            .stores
            .resource_servers
            .find_resource_server(value)
            .await
        {
            Ok(server) => out.push(server),
            Err(StoreError::NotFound) => {
                return Err(OAuthError::invalid_target(format!(
                    "'{value}' is not a resource server of this authorization server"
                )))
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(out)
}

/// The resource servers a token request may name within an authorization for `authorized`
/// (RFC 8707 §2.2): all of them when it names none; a subset of them otherwise. An
/// authorization without resources was for the issuer, which may then be named.
pub async fn within(
    svc: &Services,
    authorized: &[String],
    asked: &[String],
) -> Result<Vec<ResourceServer>, OAuthError> {
    let issuer_only = [svc.public_url.clone()];
    let allowed: &[String] = if authorized.is_empty() {
        &issuer_only
    } else {
        authorized
    };
    if let Some(outside) = asked.iter().find(|a| !allowed.contains(a)) {
        return Err(OAuthError::invalid_target(format!(
            "'{outside}' was not authorized; a token request may only narrow the resources"
        )));
    }
    resolve(svc, if asked.is_empty() { authorized } else { asked }).await
}

/// The identifiers of `servers`, as stored with what was authorized.
pub fn identifiers(servers: &[ResourceServer]) -> Vec<String> {
    servers
        .iter()
        .map(|s| s.identifier.as_str().to_owned())
        .collect()
}

/// The scopes a request of `client` for `servers` may be granted (the module's rule); without
/// resources, the scopes the client registered.
pub(super) fn permitted_scopes(
    client: &Client,
    servers: &[ResourceServer],
) -> Result<ScopeSet, OAuthError> {
    let registered: BTreeSet<&str> = client.scopes.iter().map(String::as_str).collect();
    let Some((first, others)) = servers.split_first() else {
        return ScopeSet::from_strings(&registered).map_err(|e| OAuthError::internal(e.into()));
    };
    let built_in_id = crate::domain::BUILT_IN_RESOURCE_ID;
    let by_all = first.scopes.iter().map(|s| s.name.as_str()).filter(|s| {
        others.iter().all(|o| o.defines(s))
            && servers
                .iter()
                .all(|o| o.id != built_in_id || registered.contains(s))
    });
    let own = SERVER_SCOPES.into_iter().filter(|s| registered.contains(s));
    ScopeSet::from_strings(by_all.chain(own)).map_err(|e| OAuthError::internal(e.into()))
}

/// What remains of `granted` when a token for `servers` is issued from an authorization: all
/// of it without resources (as before resource indicators), else what the servers still
/// permit (an administrator may have taken a scope from a resource server since).
pub(super) fn still_permitted(
    client: &Client,
    servers: &[ResourceServer],
    granted: ScopeSet,
) -> Result<ScopeSet, OAuthError> {
    if servers.is_empty() {
        return Ok(granted);
    }
    Ok(granted.intersection(&permitted_scopes(client, servers)?))
}

/// The `aud` of an access token for `servers`: the issuer without resources, the one
/// identifier for one, all of them for several (RFC 8707 §2, RFC 7519 §4.1.3).
pub fn audience(svc: &Services, servers: &[ResourceServer]) -> Audience {
    match servers {
        [] => Audience::One(svc.public_url.clone()),
        [one] => Audience::One(one.identifier.as_str().to_owned()),
        many => Audience::Many(identifiers(many)),
    }
}

/// The `aud` claim: one string or an array of them (RFC 7519 §4.1.3).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum Audience {
    One(String),
    Many(Vec<String>),
}

impl Audience {
    /// Whether `identifier` is one of the audiences.
    pub fn contains(&self, identifier: &str) -> bool {
        match self {
            Self::One(a) => a == identifier,
            Self::Many(all) => all.iter().any(|a| a == identifier),
        }
    }
}

/// The access-token lifetime the resource servers ask for: the shortest one set, if any.
pub fn ttl_of(servers: &[ResourceServer]) -> Option<chrono::Duration> {
    servers
        .iter()
        .filter_map(|s| s.access_token_ttl_secs)
        .min()
        .map(|t| chrono::Duration::seconds(i64::from(t)))
}

/// A form or query whose `resource` parameter may be repeated (RFC 8707 §2): serde's derived
/// readers refuse a repeated field, so the pairs are read first, the `resource` values set
/// apart, and the rest read into `T` (a parameter sent twice is still refused).
#[derive(Debug, Clone, Default)]
pub struct Resourced<T>(pub T);

/// A request type that carries the `resource` values of [`Resourced`].
pub trait TakesResources {
    fn set_resources(&mut self, resources: Vec<String>);
}

impl<'de, T> serde::Deserialize<'de> for Resourced<T>
where
    T: serde::de::DeserializeOwned + TakesResources,
{
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let pairs = Vec::<(String, String)>::deserialize(d)?;
        let mut resources = Vec::new();
        let mut rest = serde_json::Map::new();
        for (name, value) in pairs {
            if name == "resource" {
                resources.push(value);
            } else if rest.contains_key(&name) {
                return Err(D::Error::custom(format!("{name} is sent more than once")));
            } else {
                rest.insert(name, serde_json::Value::String(value));
            }
        }
        let mut form: T =
            serde_json::from_value(serde_json::Value::Object(rest)).map_err(D::Error::custom)?;
        form.set_resources(resources);
        Ok(Self(form))
    }
}
