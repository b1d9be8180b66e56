//! Operator command for dynamic client registration (RFC 7591 §3): `registration-token
//! create`, which mints an initial access token good for `--uses` registrations until
//! `--expires-in` has passed, and prints it once as JSON (only its digest is stored);
//! `registration-token list`, the tokens that have not expired (never the token itself); and
//! `registration-token revoke ID`.

use clap::Subcommand;

use super::describe;
use crate::service::admin::PageRequest;
use crate::service::dynamic_registration::initial_tokens::{self, NewToken};
use crate::service::{ServiceError, Services};

#[derive(Debug, Subcommand)]
pub enum RegistrationTokenCommand {
    /// Mint an initial access token and print it as JSON (shown this once).
    Create {
        /// How many clients it may register (1–10000).
        #[arg(long, default_value_t = 1)]
        uses: u32,
        /// How long it is valid: seconds, or a number with s, m, h or d (`1d`, `12h`).
        #[arg(long, value_name = "DURATION", default_value = "1d")]
        expires_in: String,
        /// To recognise it in the listing (at most 100 characters).
        #[arg(long)]
        label: Option<String>,
    },
    /// Print the tokens that have not expired as JSON, newest first (never the token itself).
    List,
    /// Revoke a token by the id `list` shows: registrations presenting it are refused.
    Revoke {
        /// The token's id.
        id: String,
    },
}

/// `90`, `90s`, `15m`, `12h` or `7d`, in seconds.
fn seconds(s: &str) -> Option<i64> {
    let s = s.trim();
    let (number, unit) = match s.char_indices().last()? {
        (i, c) if c.is_ascii_alphabetic() => (&s[..i], c),
        _ => (s, 's'),
    };
    let n: i64 = number.parse().ok()?;
    let unit = match unit {
        's' => 1,
        'm' => 60,
        'h' => 3_600,
        'd' => 86_400,
        _ => return None,
    };
    n.checked_mul(unit)
}

pub async fn run(svc: &Services, cmd: RegistrationTokenCommand) -> anyhow::Result<()> {
    match cmd {
        RegistrationTokenCommand::Create {
            uses,
            expires_in,
            label,
        } => create(svc, uses, &expires_in, label).await,
        RegistrationTokenCommand::List => list(svc).await,
        RegistrationTokenCommand::Revoke { id } => {
            initial_tokens::revoke(svc, &id)
                .await
                .map_err(|e| match e {
                    ServiceError::NotFound => {
                        anyhow::anyhow!("no initial access token has the id {id}")
                    }
                    other => describe(other),
                })?;
            println!("{}", serde_json::json!({ "revoked": id }));
            Ok(())
        }
    }
}

async fn create(
    svc: &Services,
    uses: u32,
    expires_in: &str,
    label: Option<String>,
) -> anyhow::Result<()> {
    let Some(secs) = seconds(expires_in) else {
        anyhow::bail!(
            "--expires-in: '{expires_in}' is not a duration such as 3600, 15m, 12h or 1d"
        );
    };
    let new = NewToken {
        uses,
        lifetime_secs: secs,
        label,
    };
    let minted = initial_tokens::mint(svc, new, "operator")
        .await
        .map_err(describe)?;
    let out = serde_json::json!({
        "initial_access_token": minted.token,
        "uses": minted.record.max_uses,
        "expires_at": minted.record.expires_at.to_rfc3339(),
        "id": minted.record.id,
        "label": minted.record.label,
    });
    println!("{}", serde_json::to_string_pretty(&out)?);
    Ok(())
}

async fn list(svc: &Services) -> anyhow::Result<()> {
    let mut items = Vec::new();
    let mut offset = 0;
    loop {
        let paging = PageRequest {
            offset: Some(offset),
            limit: Some(200),
        };
        let page = initial_tokens::list(svc, paging).await.map_err(describe)?;
        let n = page.items.len() as u64;
        items.extend(page.items.into_iter().map(|t| {
            serde_json::json!({
                "id": t.id,
                "label": t.label,
                "created_at": t.created_at.to_rfc3339(),
                "expires_at": t.expires_at.to_rfc3339(),
                "uses": t.max_uses,
                "uses_left": t.uses_left,
                "created_by": t.created_by,
            })
        }));
        offset += n;
        if n == 0 || offset >= page.total {
            break;
        }
    }
    println!("{}", serde_json::to_string_pretty(&items)?);
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn durations_are_read_in_seconds_minutes_hours_and_days() {
        let s = super::seconds;
        assert_eq!(s("90"), Some(90));
        assert_eq!(s("90s"), Some(90));
        assert_eq!(s("15m"), Some(900));
        assert_eq!(s("12h"), Some(43_200));
        assert_eq!(s("1d"), Some(86_400));
        assert_eq!(s("1w"), None);
        assert_eq!(s("d"), None);
        assert_eq!(s(""), None);
    }
}
