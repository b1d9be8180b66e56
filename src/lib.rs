//! auth-center: an OAuth 2.0 / OpenID Connect authorization server and user center.
//!
//! Layers (dependencies point down only): `startup` wires `api` (JSON, poem-openapi) and `web`
//! (server-rendered pages) to `service` (use cases), which uses `domain` (pure rules), `crypto`,
//! `store` (one trait per aggregate; MongoDB and SQLite adapters) and `mail`.

pub mod api;
pub mod cli;
pub mod client_ip;
pub mod config;
pub mod crypto;
pub mod data_dir;
pub mod domain;
pub mod heap;
pub mod listener;
pub mod mail;
pub mod metrics;
pub mod outbound;
pub mod service;
pub mod startup;
pub mod store;
pub mod telemetry;
pub mod web;
