//! The rules tying an app's security switches to the rest of its registration: `require_mfa`
//! (no grant that bypasses the authorization endpoint, where the second factor is asked) and
//! `fapi2` (the FAPI 2.0 Security Profile's client rules, `domain::fapi`). Part of
//! `app_input::validate`; failures are pushed with every other field error.
//!
//! Pure rules: no store, no clock. Must not import poem or a store backend.

use super::app_input::AppInput;
use super::app_keys::ValidKeys;
use super::Validation;
use crate::domain::{fapi2_registration_errors, ClientType, DomainError, GrantType};

/// Pushes the errors of the app's `require_mfa` and `fapi2` switches to `v`.
pub(super) fn validate(
    input: &AppInput,
    client_type: ClientType,
    grant_types: &[GrantType],
    keys: &ValidKeys,
    v: &mut Validation,
) {
    // Neither grant passes through the authorization endpoint, where the step-up is asked.
    for g in [GrantType::Password, GrantType::DeviceCode] {
        if input.require_mfa && grant_types.contains(&g) {
            let msg = format!(
                "an app that requires a second factor cannot use the {} grant",
                g.as_str()
            );
            v.push(DomainError::new("require_mfa", msg).with_code("mfa_grant"));
        }
    }
    if input.fapi2 {
        let signs = keys.jwks.is_some() || keys.jwks_uri.is_some();
        for e in fapi2_registration_errors(client_type, signs, grant_types) {
            v.push(e);
        }
    }
}
