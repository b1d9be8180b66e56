//! The `auth-center` binary run as an operator runs it (`CARGO_BIN_EXE_auth-center`): the
//! commands of `commands.rs`, the group commands of `groups.rs` and the resource-server commands
//! of `resources.rs`, `user reset-second-factor` (`second_factor.rs`) and the
//! `registration-token` commands (`registration_tokens.rs`), on both stores; the SQLite store killed during a write burst (`crash.rs`);
//! several server processes on one MongoDB replica set (`cluster/`). One test binary with one `helpers` module; tests/README.md maps
//! behaviours to suites.

mod helpers;

mod cluster;
mod commands;
mod crash;
mod groups;
mod registration_tokens;
mod resources;
mod second_factor;
