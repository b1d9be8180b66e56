//! Passkeys (WebAuthn Level 2 discoverable credentials) of a person's account: registering one
//! from the account page (after the password or a current two-step code, as turning two-step
//! verification off needs; attestation `none`; resident key required, user verification
//! preferred), listing, renaming and removing them. Signing in with one is in [`sign_in`].
//!
//! The relying party is the host of the public URL and the origin is checked exactly
//! (`ceremony::relying_party`). Adding or removing a passkey is told to the person by email.
//! Must not import poem.

pub mod ceremony;
pub mod sign_in;

use serde::Deserialize;

use super::security_mail::{self, SecurityEvent};
use super::{ServiceError, Services};
use crate::domain::webauthn::{self, b64url, from_b64url, Expected};
use crate::domain::{
    parse_passkey_name, ClientInfo, DomainError, Passkey, User, MAX_PASSKEYS_PER_USER,
};
use crate::store::StoreError;
use ceremony::{Issued, Purpose};

/// Longest credential JSON a form may post (a COSE RSA key and its id fit many times over).
pub const MAX_CREDENTIAL_JSON: usize = 16 * 1024;

/// The `PublicKeyCredential` a page posts back, its binary members base64url (§5.1).
#[derive(Debug, Deserialize)]
pub(crate) struct CredentialJson {
    #[serde(rename = "rawId")]
    pub raw_id: String,
    #[serde(rename = "type")]
    pub typ: String,
    pub response: ResponseJson,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ResponseJson {
    #[serde(rename = "clientDataJSON")]
    pub client_data_json: String,
    #[serde(rename = "attestationObject", default)]
    pub attestation_object: Option<String>,
    #[serde(rename = "authenticatorData", default)]
    pub authenticator_data: Option<String>,
    #[serde(default)]
    pub signature: Option<String>,
    #[serde(rename = "userHandle", default)]
    pub user_handle: Option<String>,
}

/// Parses the posted credential; `None` when it is not one.
pub(crate) fn parse_credential(json: &str) -> Option<CredentialJson> {
    if json.len() > MAX_CREDENTIAL_JSON {
        return None;
    }
    let c: CredentialJson = serde_json::from_str(json).ok()?;
    (c.typ == "public-key").then_some(c)
}

/// What the account page needs to ask the browser for a new passkey.
#[derive(Debug, Clone)]
pub struct Registration {
    pub issued: Issued,
    /// The WebAuthn user handle: base64url of the account id (no personal data, §14.6.1).
    pub user_handle: String,
    /// Credential ids the person holds already (`excludeCredentials`).
    pub exclude: Vec<String>,
}

pub async fn list(svc: &Services, user: &User) -> Result<Vec<Passkey>, ServiceError> {
    Ok(svc.stores.passkeys.list_passkeys(&user.id).await?)
}

/// A registration challenge for `user` in the browser holding `browser`.
pub async fn begin(
    svc: &Services,
    user: &User,
    browser: &str,
) -> Result<Registration, ServiceError> {
    let issued = ceremony::issue(svc, Purpose::Register, Some(&user.id), browser)?;
    let exclude = list(svc, user).await?;
    Ok(Registration {
        issued,
        user_handle: b64url(user.id.as_bytes()),
        exclude: exclude.into_iter().map(|p| p.credential_id).collect(),
    })
}

/// What the form of a new passkey posts.
pub struct NewPasskey<'a> {
    pub name: &'a str,
    /// The password or a current two-step code.
    pub proof: &'a str,
    /// The sealed challenge and the browser it was issued to.
    pub token: &'a str,
    pub browser: &'a str,
    /// The `PublicKeyCredential` JSON from `navigator.credentials.create`.
    pub credential: &'a str,
}

/// Registers the passkey of `input` for `user`.
pub async fn register(
    svc: &Services,
    user: &User,
    input: NewPasskey<'_>,
    client: &ClientInfo,
) -> Result<Passkey, ServiceError> {
    let name = parse_passkey_name(input.name)
        .ok_or_else(|| invalid("passkey_name", "length", "must be 1 to 64 characters"))?;
    let held = list(svc, user).await?.len();
    if held >= MAX_PASSKEYS_PER_USER {
        return Err(invalid(
            "name",
            "too_many",
            "you hold as many passkeys as allowed",
        ));
    }
    let refused = || invalid("credential", "refused", "the passkey was not accepted");
    let credential = parse_credential(input.credential).ok_or_else(refused)?;
    super::two_factor::check_proof(svc, user, input.proof, client.ip).await?;
    let redeemed = ceremony::redeem(
        svc,
        input.token,
        Purpose::Register,
        Some(&user.id),
        input.browser,
    );
    let Some(challenge) = redeemed.await? else {
        return Err(invalid(
            "credential",
            "expired",
            "the request expired; try again",
        ));
    };
    let (rp_id, origin) = ceremony::relying_party(svc)?;
    let expected = Expected {
        challenge: &challenge,
        origin: &origin,
        rp_id: &rp_id,
    };
    let response = &credential.response;
    let client_data = from_b64url(&response.client_data_json).ok_or_else(refused)?;
    let object = response.attestation_object.as_deref().and_then(from_b64url);
    let registered =
        webauthn::verify_registration(&client_data, &object.ok_or_else(refused)?, &expected)
            .map_err(|e| {
                tracing::info!(user_id = %user.id, reason = %e, "passkey registration refused");
                refused()
            })?;
    let passkey = Passkey {
        credential_id: b64url(&registered.credential.credential_id),
        user_id: user.id.clone(),
        public_key: b64url(&registered.credential.public_key),
        counter: i64::from(registered.data.counter),
        name,
        backup_eligible: registered.data.backup_eligible(),
        created_at: svc.now(),
        last_used_at: None,
    };
    match svc.stores.passkeys.insert_passkey(&passkey).await {
        Ok(()) => {}
        Err(StoreError::Conflict(_)) => {
            return Err(invalid(
                "credential",
                "taken",
                "this passkey is registered already",
            ))
        }
        Err(e) => return Err(e.into()),
    }
    tracing::info!(user_id = %user.id, "passkey added");
    security_mail::notify(svc, user, SecurityEvent::PasskeyAdded, client).await;
    Ok(passkey)
}

/// Renames the person's passkey `credential_id`.
pub async fn rename(
    svc: &Services,
    user: &User,
    credential_id: &str,
    name: &str,
) -> Result<(), ServiceError> {
    let name = parse_passkey_name(name)
        .ok_or_else(|| invalid("passkey_name", "length", "must be 1 to 64 characters"))?;
    let store = &svc.stores.passkeys;
    if !store.rename_passkey(&user.id, credential_id, &name).await? {
        return Err(ServiceError::NotFound);
    }
    Ok(())
}

/// Removes the person's passkey `credential_id` (another person's is a `NotFound`).
pub async fn remove(
    svc: &Services,
    user: &User,
    credential_id: &str,
    client: &ClientInfo,
) -> Result<(), ServiceError> {
    if !svc
        .stores
        .passkeys
        .delete_passkey(&user.id, credential_id)
        .await?
    {
        return Err(ServiceError::NotFound);
    }
    tracing::info!(user_id = %user.id, "passkey removed");
    security_mail::notify(svc, user, SecurityEvent::PasskeyRemoved, client).await;
    Ok(())
}

fn invalid(field: &'static str, code: &'static str, message: &str) -> ServiceError {
    DomainError::new(field, message).with_code(code).into()
}
