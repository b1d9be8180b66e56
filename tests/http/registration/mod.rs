//! Dynamic client registration (RFC 7591) and the client configuration endpoint (RFC 7592) on
//! both stores: clients register under each policy and then obtain tokens with the independent
//! `oauth2` crate (`register`), bad metadata is refused naming the member (`metadata`),
//! initial access tokens and the open policy's limit (`policies`), and a client reads, changes
//! and deletes its own registration and no other (`configuration`), and administrators list
//! and revoke initial access tokens while the audit log records each step (`tokens`).
mod configuration;
mod metadata;
mod policies;
mod register;
mod support;
mod tokens;
