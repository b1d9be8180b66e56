//! Resource servers over HTTP on both stores: their administration (`admin_api`, `admin_page`),
//! the RFC 9728 metadata of the built-in API (`metadata`), and the README's guide to protecting
//! an API of one's own, whose verification code is the one these tests run (`guide`), and
//! resource indicators (RFC 8707): tokens for them (`indicators`) and what they refuse
//! (`indicator_refusals`).
mod admin_api;
mod admin_page;
mod guide;
mod indicator_refusals;
mod indicators;
mod metadata;
