//! Operator commands for resource servers (RFC 8707): `resource create`, `resource list` and
//! `resource delete` (by id or identifier). They write to the store the global flags select,
//! print JSON, and fail with one clear line naming the flag at fault.

use clap::Subcommand;

use super::describe;
use crate::domain::ResourceServer;
use crate::service::admin::PageRequest;
use crate::service::resource_servers::{self, NewResourceServer, ScopeInput};
use crate::service::{ServiceError, Services};

#[derive(Debug, Subcommand)]
pub enum ResourceCommand {
    /// Register an API that accepts this server's tokens and print it as JSON.
    Create {
        /// The URI clients send as `resource` (https, or http on a loopback host).
        #[arg(long)]
        identifier: String,
        /// 1–100 printable characters, shown on the consent page.
        #[arg(long)]
        name: String,
        /// A scope it defines, as NAME or NAME=consent text (repeat for several).
        #[arg(long = "scope", value_name = "NAME[=TEXT]")]
        scopes: Vec<String>,
        /// Lifetime of its access tokens in seconds (60–86400; default: the server's).
        #[arg(long, value_name = "SECONDS")]
        access_token_ttl: Option<u32>,
        /// Let it call the introspection endpoint.
        #[arg(long)]
        introspection: bool,
    },
    /// Print every registered resource server as a JSON array, ordered by identifier.
    List,
    /// Delete a resource server (by id or identifier).
    Delete {
        #[arg(value_name = "ID_OR_IDENTIFIER")]
        resource: String,
    },
}

pub async fn run(svc: &Services, cmd: ResourceCommand) -> anyhow::Result<()> {
    match cmd {
        ResourceCommand::Create {
            identifier,
            name,
            scopes,
            access_token_ttl,
            introspection,
        } => {
            let new = NewResourceServer {
                identifier,
                name,
                scopes: scopes.iter().map(|s| scope_input(s)).collect(),
                access_token_ttl_secs: access_token_ttl,
                introspection,
            };
            let r = resource_servers::create_resource_server(svc, new).await;
            print(&json(&r.map_err(describe_conflict)?))
        }
        ResourceCommand::List => {
            let mut all = Vec::new();
            loop {
                let paging = PageRequest {
                    offset: Some(all.len() as u64),
                    limit: Some(200),
                };
                let page = resource_servers::list_resource_servers(svc, paging).await;
                let page = page.map_err(describe)?;
                let done =
                    page.items.is_empty() || all.len() + page.items.len() >= page.total as usize;
                all.extend(page.items.iter().map(json));
                if done {
                    break;
                }
            }
            print(&serde_json::Value::Array(all))
        }
        ResourceCommand::Delete { resource } => {
            let found = resource_servers::find_resource_server(svc, &resource).await;
            let found = found.map_err(|e| match e {
                ServiceError::NotFound => anyhow::anyhow!("no resource server '{resource}'"),
                other => describe(other),
            })?;
            resource_servers::delete_resource_server(svc, &found.id)
                .await
                .map_err(describe)?;
            print(&serde_json::json!({ "deleted": found.id }))
        }
    }
}

/// `NAME` or `NAME=consent text`.
fn scope_input(s: &str) -> ScopeInput {
    let (name, text) = s.split_once('=').unwrap_or((s, ""));
    ScopeInput {
        name: name.to_owned(),
        description: Some(text.to_owned()),
        description_zh: None,
    }
}

fn describe_conflict(e: ServiceError) -> anyhow::Error {
    match e {
        ServiceError::Conflict(field) => anyhow::anyhow!("--{field}: is already registered"),
        other => describe(other),
    }
}

fn json(r: &ResourceServer) -> serde_json::Value {
    let scopes: Vec<_> = r
        .scopes
        .iter()
        .map(|s| serde_json::json!({ "name": s.name.as_str(), "description": s.description }))
        .collect();
    serde_json::json!({
        "id": r.id,
        "identifier": r.identifier.as_str(),
        "name": r.name,
        "scopes": scopes,
        "access_token_ttl_secs": r.access_token_ttl_secs,
        "introspection": r.introspection,
        "created_at": r.created_at.to_rfc3339(),
    })
}

fn print(v: &serde_json::Value) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(v)?);
    Ok(())
}
