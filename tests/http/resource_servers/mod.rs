//! Resource servers (RFC 8707) over HTTP on both stores: their administration (`admin_api`).
mod admin_api;
