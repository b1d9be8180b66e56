//! The FAPI 2.0 Security Profile (OpenID FAPI 2.0 Security Profile, final) as rules on one app
//! with the `fapi2` switch: what its registration must be (§5.3.2.1: confidential clients,
//! `private_key_jwt`; §5.3.2.2: the authorization code flow only) and the profile's limits the
//! authorization server applies to it (§5.3.2.2 code lifetime, §5.4.1 algorithms). Mutual TLS
//! (RFC 8705), the profile's other client authentication and sender-constraining method, is
//! not served, so `private_key_jwt` and DPoP are the only ways to meet it. Pure: no IO, no
//! clock.

use chrono::Duration;

use super::{ClientType, DomainError, GrantType};

/// §5.3.2.2: authorization codes live at most 60 seconds.
pub const FAPI2_CODE_LIFETIME_SECS: i64 = 60;
/// §5.4.1: the only JWS algorithms (PS256, ES256, EdDSA with Ed25519) of client assertions
/// and DPoP proofs.
pub const FAPI2_SIGNING_ALGS: [&str; 3] = ["PS256", "ES256", "EdDSA"];
/// The grants a FAPI 2.0 app may not have: no front-channel tokens (implicit, hybrid), no
/// resource owner password (§5.3.2.2, RFC 9700 §2.4), and no device flow, which bypasses the
/// pushed authorization request.
pub const FAPI2_REFUSED_GRANTS: [GrantType; 3] = [
    GrantType::Implicit,
    GrantType::Password,
    GrantType::DeviceCode,
];

/// The errors of an app registered with `fapi2` on; empty when it may have it.
pub fn fapi2_registration_errors(
    client_type: ClientType,
    signs_assertions: bool,
    grant_types: &[GrantType],
) -> Vec<DomainError> {
    let mut errors = Vec::new();
    if client_type != ClientType::Confidential {
        let msg = "FAPI 2.0 (§5.3.2.1) serves confidential clients only";
        errors.push(DomainError::new("fapi2", msg).with_code("fapi2_confidential"));
    } else if !signs_assertions {
        let msg = "FAPI 2.0 (§5.3.2.1) needs private_key_jwt client authentication: register \
                   jwks or jwks_uri (mutual TLS is not served)";
        errors.push(DomainError::new("fapi2", msg).with_code("fapi2_keys"));
    }
    for g in FAPI2_REFUSED_GRANTS {
        if grant_types.contains(&g) {
            let msg = format!("FAPI 2.0 (§5.3.2.2) allows no {} grant", g.as_str());
            errors.push(DomainError::new("fapi2", msg).with_code("fapi2_grant"));
        }
    }
    errors
}

/// The lifetime of a code issued to the app: the configured one, at most 60 seconds for a
/// FAPI 2.0 app.
pub fn code_lifetime(configured: Duration, fapi2: bool) -> Duration {
    match fapi2 {
        true => configured.min(Duration::seconds(FAPI2_CODE_LIFETIME_SECS)),
        false => configured,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fapi2_app_is_confidential_signs_its_assertions_and_has_no_front_channel_grant() {
        let code = [GrantType::AuthorizationCode, GrantType::RefreshToken];
        assert!(fapi2_registration_errors(ClientType::Confidential, true, &code).is_empty());
        let public = fapi2_registration_errors(ClientType::Public, false, &code);
        assert_eq!(public[0].code, "fapi2_confidential");
        let secret = fapi2_registration_errors(ClientType::Confidential, false, &code);
        assert_eq!(secret[0].code, "fapi2_keys");
        let all = fapi2_registration_errors(ClientType::Confidential, true, &GrantType::ALL);
        assert_eq!(all.len(), 3);
        assert!(all
            .iter()
            .all(|e| e.field == "fapi2" && e.code == "fapi2_grant"));
    }

    #[test]
    fn a_fapi2_code_lives_at_most_sixty_seconds() {
        assert_eq!(
            code_lifetime(Duration::seconds(600), true).num_seconds(),
            60
        );
        assert_eq!(code_lifetime(Duration::seconds(30), true).num_seconds(), 30);
        assert_eq!(
            code_lifetime(Duration::seconds(600), false).num_seconds(),
            600
        );
    }
}
