//! Command line: `serve` (the default), `openapi`, and the operator commands `user create`,
//! `user reset-second-factor`, `client create`, `group create`, `group add-member`,
//! `resource create|list|delete` and `registration-token create`, which write to whichever
//! store the same flags and configuration select.
//! Every flag also reads an `AUTH_CENTER_*` variable; see the README for the whole list.

mod groups;
mod registration_tokens;
mod resources;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use secrecy::ExposeSecret;

use crate::config::{Overrides, Settings};
use crate::service::accounts::{create_user, NewUser};
use crate::service::clients::{create_client, NewClient};
use crate::service::{ServiceError, Services};
use crate::startup::{build_services, open_stores, shutdown_signal, Application};
use crate::telemetry;

#[derive(Debug, Parser)]
#[command(
    name = "auth-center",
    version,
    about = "OAuth 2.0 / OpenID Connect server and user center"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// TOML configuration file (keys as in the README).
    #[arg(long, global = true, env = "AUTH_CENTER_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Address to listen on, e.g. 127.0.0.1:8080 (port 0: any free port).
    #[arg(long, global = true, env = "AUTH_CENTER_BIND", value_name = "ADDR")]
    pub bind: Option<String>,
    /// Public base URL and issuer, e.g. https://id.example.com.
    #[arg(
        long,
        global = true,
        env = "AUTH_CENTER_PUBLIC_URL",
        value_name = "URL"
    )]
    pub public_url: Option<String>,
    /// Directory of the embedded SQLite store (and of emails written to files).
    #[arg(long, global = true, env = "AUTH_CENTER_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Use MongoDB at this URI instead of SQLite.
    #[arg(
        long,
        global = true,
        env = "AUTH_CENTER_MONGODB_URI",
        value_name = "URI",
        hide_env_values = true
    )]
    pub mongodb_uri: Option<String>,
    /// MongoDB database name.
    #[arg(
        long,
        global = true,
        env = "AUTH_CENTER_MONGODB_DATABASE",
        value_name = "NAME"
    )]
    pub mongodb_database: Option<String>,
    /// Send email through this SMTP server (smtp:// or smtps://).
    #[arg(
        long,
        global = true,
        env = "AUTH_CENTER_SMTP_URL",
        value_name = "URL",
        hide_env_values = true
    )]
    pub smtp_url: Option<String>,
    /// Password of the admin account created on first start (default: generated, printed once).
    #[arg(
        long,
        global = true,
        env = "AUTH_CENTER_ADMIN_PASSWORD",
        value_name = "PASSWORD",
        hide_env_values = true
    )]
    pub admin_password: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server (the default).
    Serve,
    /// Print the OpenAPI spec (YAML), exactly as committed in openapi.yaml.
    Openapi,
    /// Manage user accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage apps (OAuth clients).
    #[command(subcommand)]
    Client(ClientCommand),
    /// Manage groups of users.
    #[command(subcommand)]
    Group(groups::GroupCommand),
    /// Manage resource servers (the APIs that accept this server's tokens).
    #[command(subcommand)]
    Resource(resources::ResourceCommand),
    /// Mint initial access tokens for dynamic client registration (RFC 7591).
    #[command(subcommand)]
    RegistrationToken(registration_tokens::RegistrationTokenCommand),
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account and print it as JSON.
    Create {
        #[arg(long)]
        username: String,
        #[arg(long)]
        email: String,
        #[arg(long, env = "AUTH_CENTER_NEW_USER_PASSWORD", hide_env_values = true)]
        password: String,
        /// Make the account an administrator.
        #[arg(long)]
        admin: bool,
    },
    /// Remove the second factor of an account whose owner lost it: their sessions end and
    /// they are told by email.
    ResetSecondFactor {
        #[arg(long)]
        username: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ClientCommand {
    /// Register an app and print it as JSON, with its secret (shown only this once).
    Create {
        #[arg(long)]
        name: String,
        /// Username of the owner.
        #[arg(long)]
        owner: String,
        #[arg(long = "redirect-uri", value_name = "URI")]
        redirect_uris: Vec<String>,
        /// Allowed grant types (default: authorization_code refresh_token).
        #[arg(long = "grant-type", value_name = "GRANT")]
        grant_types: Vec<String>,
        /// Space-separated scopes the app may request.
        #[arg(long, default_value = "openid profile email")]
        scope: String,
        #[arg(long, default_value = "")]
        description: String,
        /// A public client (no secret; PKCE required).
        #[arg(long)]
        public: bool,
        /// A first-party app (skips the consent page).
        #[arg(long)]
        first_party: bool,
        /// A resource server: may introspect tokens issued to other apps (RFC 7662 §4).
        #[arg(long)]
        introspection: bool,
    },
}

impl GlobalArgs {
    /// Each flag given sets its configuration key (and is checked as that key).
    fn overrides(&self) -> Overrides {
        let mut o = Overrides::default();
        o.set("server.bind", self.bind.as_ref())
            .set("server.public_url", self.public_url.as_ref())
            .set("store.data_dir", self.data_dir.as_ref())
            .set("store.mongodb_uri", self.mongodb_uri.as_ref())
            .set("store.mongodb_database", self.mongodb_database.as_ref())
            .set("mail.smtp_url", self.smtp_url.as_ref())
            .set("admin.password", self.admin_password.as_ref());
        o
    }
}

/// Runs the command; every failure is one clear line on stderr and a non-zero exit code.
pub async fn run(cli: Cli) -> ExitCode {
    if let Some(Command::Openapi) = cli.command {
        print!("{}", crate::api::spec_yaml());
        return ExitCode::SUCCESS;
    }
    let settings = match Settings::load(cli.global.config.as_deref(), &cli.global.overrides()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(settings.log.format.as_str(), &settings.log.level);
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings).await,
        Command::Openapi => Ok(()),
        command => store_command(&settings, command).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    let mut app = Application::build(settings.clone()).await?;
    let url = settings.public_url();
    if let Some(admin) = app.take_created_admin() {
        println!("Created the admin account '{}'.", admin.username);
        if let Some(pw) = admin.generated_password {
            println!("Its one-time generated password: {}", pw.expose_secret());
            println!("Change it after logging in; it is not shown again.");
        }
    }
    println!("auth-center listening on http://{}", app.local_addr());
    println!("  login page:  {url}/accounts/login/");
    println!("  Swagger UI:  {url}/docs");
    println!("  discovery:   {url}/.well-known/openid-configuration");
    tracing::info!(addr = %app.local_addr(), public_url = %url, "serving");
    app.run_until(shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

/// Runs a command on the store, then closes the store's connections before the runtime ends
/// (a MongoDB client dropped during runtime shutdown cannot end its sessions cleanly).
async fn store_command(settings: &Settings, command: Command) -> anyhow::Result<()> {
    let stores = open_stores(settings).await?;
    let admin = stores.admin.clone();
    let clock = std::sync::Arc::new(crate::service::clock::SystemClock);
    let svc = match build_services(settings, stores, clock) {
        Ok(svc) => svc,
        Err(e) => {
            admin.close().await;
            return Err(e);
        }
    };
    let result = match command {
        Command::User(UserCommand::Create {
            username,
            email,
            password,
            admin,
        }) => {
            let new = NewUser {
                username,
                email,
                password,
                display_name: None,
                is_admin: admin,
                email_verified: true,
            };
            user_create(&svc, new).await
        }
        Command::User(UserCommand::ResetSecondFactor { username }) => {
            reset_second_factor(&svc, &username).await
        }
        Command::Client(cmd) => client_create(&svc, cmd).await,
        Command::Group(cmd) => groups::run(&svc, cmd).await,
        Command::Resource(cmd) => resources::run(&svc, cmd).await,
        Command::RegistrationToken(cmd) => registration_tokens::run(&svc, cmd).await,
        Command::Serve | Command::Openapi => Ok(()),
    };
    // Events of the command (an account created, a group changed) are written before exit.
    svc.audit.shutdown(std::time::Duration::from_secs(5)).await;
    admin.close().await;
    result
}

fn describe(e: ServiceError) -> anyhow::Error {
    match e {
        ServiceError::Invalid(errs) => anyhow::anyhow!(
            "{}",
            errs.iter()
                .map(|e| format!("--{}: {}", e.field.replace('_', "-"), e.message))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        other => anyhow::Error::new(other),
    }
}

async fn user_create(svc: &Services, new: NewUser) -> anyhow::Result<()> {
    let u = create_user(svc, new).await.map_err(describe)?;
    let out = serde_json::json!({
        "id": u.id,
        "username": u.username.as_str(),
        "email": u.email.as_str(),
        "is_admin": u.is_admin,
        "created_at": u.created_at.to_rfc3339(),
    });
    println!("{}", serde_json::to_string_pretty(&out)?);
    Ok(())
}

async fn reset_second_factor(svc: &Services, username: &str) -> anyhow::Result<()> {
    let user = crate::service::groups::find_user(svc, username)
        .await
        .map_err(|e| match e {
            ServiceError::NotFound => anyhow::anyhow!("--username: no user '{username}'"),
            other => describe(other),
        })?;
    let client = crate::domain::ClientInfo::default();
    crate::service::two_factor::admin_reset::reset_second_factor(svc, &user.id, &client)
        .await
        .map_err(|e| match e {
            ServiceError::NotFound => {
                anyhow::anyhow!("--username: '{username}' has no second factor")
            }
            other => describe(other),
        })?;
    println!("Removed the second factor of '{username}'; their sessions were ended.");
    Ok(())
}

async fn client_create(svc: &Services, cmd: ClientCommand) -> anyhow::Result<()> {
    let ClientCommand::Create {
        name,
        owner,
        redirect_uris,
        grant_types,
        scope,
        description,
        public,
        first_party,
        introspection,
    } = cmd;
    let owner_user = svc
        .stores
        .users
        .find_user_by_username(&owner.to_ascii_lowercase())
        .await
        .map_err(|e| match e {
            crate::store::StoreError::NotFound => anyhow::anyhow!("--owner: no user '{owner}'"),
            other => anyhow::Error::new(other),
        })?;
    let new = NewClient {
        name,
        description,
        owner_id: owner_user.id.clone(),
        homepage_url: None,
        redirect_uris,
        grant_types,
        scopes: scope,
        public,
        first_party,
        introspection,
    };
    let created = create_client(svc, new).await.map_err(describe)?;
    let c = &created.client;
    let out = serde_json::json!({
        "client_id": c.client_id,
        "client_secret": created.secret,
        "client_type": c.client_type.as_str(),
        "name": c.name,
        "owner": owner_user.username.as_str(),
        "redirect_uris": c.redirect_uris,
        "grant_types": c.grant_types.iter().map(|g| g.as_str()).collect::<Vec<_>>(),
        "scope": c.scopes.join(" "),
        "first_party": c.first_party,
        "introspection": c.introspection,
        "created_at": c.created_at.to_rfc3339(),
    });
    println!("{}", serde_json::to_string_pretty(&out)?);
    Ok(())
}
