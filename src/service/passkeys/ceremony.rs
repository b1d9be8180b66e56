//! The challenge of a WebAuthn ceremony (§13.4.3): 32 random bytes, handed to the page in the
//! clear and, beside them, sealed (AES-256-GCM under its own derived key) with what it was
//! issued for — registration for one account or a sign-in — its deadline
//! ([`CHALLENGE_SECS`]) and the digest of the browser's CSRF token, the same binding as the
//! pending login of the second step. A challenge answers one response only: its digest is
//! recorded atomically (`AssertionJtiStore`) until it expires, and a second use is refused.

use chrono::Duration;
use rand::RngCore;
use serde::{Deserialize, Serialize};

use crate::crypto;
use crate::domain::webauthn::b64url;
use crate::service::{ServiceError, Services};

/// How long a page's passkey challenge can be answered.
pub const CHALLENGE_SECS: i64 = 300;

/// What a challenge is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    Register,
    SignIn,
}

/// The sealed form (field names unlike a pending login's, so neither opens as the other).
#[derive(Serialize, Deserialize)]
struct Sealed {
    purpose: Purpose,
    challenge: String,
    for_user: Option<String>,
    until_ms: i64,
    browser_digest: String,
}

/// A challenge issued to a page: the value the browser signs, the sealed token the form posts
/// back, and the relying party it is for.
#[derive(Debug, Clone)]
pub struct Issued {
    pub challenge: String,
    pub token: String,
    pub rp_id: String,
}

/// The relying party of this server: the host of the public URL (RP id) and its origin.
pub fn relying_party(svc: &Services) -> Result<(String, String), ServiceError> {
    let url = url::Url::parse(&svc.public_url).map_err(|e| ServiceError::Internal(e.into()))?;
    let host = url
        .host_str()
        .ok_or_else(|| ServiceError::Internal(anyhow::anyhow!("public URL without a host")))?;
    Ok((host.to_owned(), url.origin().ascii_serialization()))
}

/// A new challenge for `purpose` (of `user` when registering) in the browser holding `browser`.
pub fn issue(
    svc: &Services,
    purpose: Purpose,
    user: Option<&str>,
    browser: &str,
) -> Result<Issued, ServiceError> {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let challenge = b64url(&bytes);
    let sealed = Sealed {
        purpose,
        challenge: challenge.clone(),
        for_user: user.map(str::to_owned),
        until_ms: (svc.now() + Duration::seconds(CHALLENGE_SECS)).timestamp_millis(),
        browser_digest: crypto::digest(browser),
    };
    let json = serde_json::to_string(&sealed).map_err(|e| ServiceError::Internal(e.into()))?;
    let token = svc
        .two_factor
        .passkeys
        .seal(&json)
        .map_err(ServiceError::Internal)?;
    let (rp_id, _) = relying_party(svc)?;
    Ok(Issued {
        challenge,
        token,
        rp_id,
    })
}

/// Opens `token` for `purpose` (and `user`) in `browser` and uses it up. `None` when it does
/// not open, is for something else, has expired, belongs to another browser, or was used.
pub async fn redeem(
    svc: &Services,
    token: &str,
    purpose: Purpose,
    user: Option<&str>,
    browser: &str,
) -> Result<Option<String>, ServiceError> {
    if token.is_empty() || token.len() > 1024 {
        return Ok(None);
    }
    let Ok(json) = svc.two_factor.passkeys.open_sealed(token) else {
        return Ok(None);
    };
    let Ok(sealed) = serde_json::from_str::<Sealed>(&json) else {
        return Ok(None);
    };
    let now = svc.now();
    let fits = sealed.purpose == purpose
        && sealed.for_user.as_deref() == user
        && now.timestamp_millis() < sealed.until_ms
        && crypto::constant_time_eq(
            sealed.browser_digest.as_bytes(),
            crypto::digest(browser).as_bytes(),
        );
    if !fits {
        return Ok(None);
    }
    let until = chrono::DateTime::from_timestamp_millis(sealed.until_ms).unwrap_or(now);
    let key = crypto::digest(&format!("passkey-challenge:{}", sealed.challenge));
    let store = &svc.stores.assertion_jtis;
    let first = store.record_assertion_jti(&key, until, now).await?;
    Ok(first.then_some(sealed.challenge))
}
