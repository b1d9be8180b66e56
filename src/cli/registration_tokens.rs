//! Operator command for dynamic client registration (RFC 7591 §3): `registration-token
//! create`, which mints an initial access token good for `--uses` registrations until
//! `--expires-in` has passed, and prints it once as JSON (only its digest is stored).

use clap::Subcommand;

use super::describe;
use crate::service::dynamic_registration::initial_tokens;
use crate::service::Services;

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
    let RegistrationTokenCommand::Create { uses, expires_in } = cmd;
    let Some(secs) = seconds(&expires_in) else {
        anyhow::bail!(
            "--expires-in: '{expires_in}' is not a duration such as 3600, 15m, 12h or 1d"
        );
    };
    let minted = initial_tokens::mint(svc, uses, secs, "operator")
        .await
        .map_err(describe)?;
    let out = serde_json::json!({
        "initial_access_token": minted.token,
        "uses": minted.record.max_uses,
        "expires_at": minted.record.expires_at.to_rfc3339(),
    });
    println!("{}", serde_json::to_string_pretty(&out)?);
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
