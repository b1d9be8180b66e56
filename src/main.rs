//! The `auth-center` binary: parses the command line and hands over to the library.

use std::process::ExitCode;

use clap::Parser;

#[tokio::main]
async fn main() -> ExitCode {
    auth_center::cli::run(auth_center::cli::Cli::parse()).await
}
