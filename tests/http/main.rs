//! Every HTTP suite in one test binary (JSON API, web pages, OAuth 2.0 / OpenID Connect), so the
//! crate is linked once instead of once per suite. Each suite is a module named after the
//! behaviour it covers; `helpers` is the one harness they share: a fresh app per test on port 0
//! with its own store (`on_both_stores!` runs a case on SQLite and on MongoDB), the mail sink,
//! account and OAuth client helpers. tests/README.md maps behaviours to suites.

#[macro_use]
mod helpers;

mod admin_console;
mod admin_groups_api;
mod admin_users_api;
mod api_account;
mod api_input_errors;
mod apps_api;
mod assurance;
mod audit_log;
mod authorizations_api;
mod http_foundation;
mod mail_smtp;
mod metrics;
mod mongo_outage;
mod multi_node;
mod oauth_authorize;
mod oauth_client_metadata;
mod oauth_device;
mod oauth_dpop;
mod oauth_fapi;
mod oauth_form_post;
mod oauth_oidc;
mod oauth_par;
mod oauth_private_key_jwt;
mod oauth_token;
mod oauth_tokens;
mod passkeys;
mod registration;
mod resource_servers;
mod resources_api;
mod sdk_quickstart;
mod web_account;
mod web_apps;
mod web_authorized_tokens;
mod web_form_errors;
mod web_login;
mod web_register;
mod web_reset;
mod web_sessions;
