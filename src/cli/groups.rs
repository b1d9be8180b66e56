//! Operator commands for groups: `group create` (with first members by username) and
//! `group add-member` (group by name or id). Both write to the store the global flags select,
//! print the group as JSON, and fail with one clear line naming the flag at fault.

use clap::Subcommand;

use super::describe;
use crate::domain::Group;
use crate::service::groups::{self, NewGroup};
use crate::service::{ServiceError, Services};

#[derive(Debug, Subcommand)]
pub enum GroupCommand {
    /// Create a group and print it as JSON (with its id and members).
    Create {
        /// 1–64 printable characters, unique ignoring case.
        #[arg(long)]
        name: String,
        #[arg(long)]
        description: Option<String>,
        /// Username of a first member (repeat for several).
        #[arg(long = "member", value_name = "USERNAME")]
        members: Vec<String>,
    },
    /// Add a user to a group and print the group as JSON.
    AddMember {
        /// The group's name or id.
        #[arg(long, value_name = "NAME_OR_ID")]
        group: String,
        #[arg(long)]
        username: String,
    },
}

pub async fn run(svc: &Services, cmd: GroupCommand) -> anyhow::Result<()> {
    let group = match cmd {
        GroupCommand::Create {
            name,
            description,
            members,
        } => {
            let mut ids = Vec::with_capacity(members.len());
            for username in &members {
                ids.push(user_id(svc, "--member", username).await?);
            }
            let new = NewGroup {
                name,
                description,
                members: ids,
            };
            groups::create_group(svc, new).await.map_err(describe)?
        }
        GroupCommand::AddMember { group, username } => {
            let found = groups::find_group(svc, &group)
                .await
                .map_err(|e| not_found(e, "--group", "group", &group))?;
            let user = user_id(svc, "--username", &username).await?;
            groups::add_member(svc, &found.id, &user)
                .await
                .map_err(describe)?
        }
    };
    print_group(svc, group).await
}

fn not_found(e: ServiceError, flag: &str, what: &str, value: &str) -> anyhow::Error {
    match e {
        ServiceError::NotFound => anyhow::anyhow!("{flag}: no {what} '{value}'"),
        other => describe(other),
    }
}

async fn user_id(svc: &Services, flag: &str, username: &str) -> anyhow::Result<String> {
    let user = groups::find_user(svc, username)
        .await
        .map_err(|e| not_found(e, flag, "user", username))?;
    Ok(user.id)
}

async fn print_group(svc: &Services, g: Group) -> anyhow::Result<()> {
    let mut members = Vec::with_capacity(g.members.len());
    for id in &g.members {
        let u = svc.stores.users.get_user(id).await?;
        members.push(serde_json::json!({ "id": id, "username": u.username.as_str() }));
    }
    let out = serde_json::json!({
        "id": g.id,
        "name": g.name.as_str(),
        "description": g.description,
        "members": members,
        "created_at": g.created_at.to_rfc3339(),
        "updated_at": g.updated_at.to_rfc3339(),
    });
    println!("{}", serde_json::to_string_pretty(&out)?);
    Ok(())
}
