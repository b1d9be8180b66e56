//! Sample records and assertion helpers shared by every case. Every sample gets fresh random
//! ids and digests, so cases never collide, and millisecond timestamps, so round trips compare
//! equal.

use std::fmt::Debug;

use auth_center::domain::{
    truncate_millis, AccessTokenRecord, AuthorizationCode, Client, ClientSecret, ClientType,
    Consent, EmailAddress, EmailToken, EmailTokenPurpose, Grant, GrantType, Group, GroupName,
    RefreshToken, Session, SigningKey, User, Username,
};
use auth_center::store::{StoreError, StoreResult, Stores};
use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

pub fn now() -> DateTime<Utc> {
    truncate_millis(Utc::now())
}

pub fn id() -> String {
    Uuid::now_v7().to_string()
}

pub fn unique(prefix: &str) -> String {
    format!("{prefix}-{}", Uuid::new_v4().simple())
}

/// Looks like the hex SHA-256 digest the service stores.
pub fn digest() -> String {
    format!("{}{}", Uuid::new_v4().simple(), Uuid::new_v4().simple())
}

pub fn secs(n: i64) -> Duration {
    Duration::seconds(n)
}

pub fn sample_user(n: u32) -> User {
    let t = now();
    User {
        id: id(),
        username: Username::parse(format!("user{n:03}")).unwrap(),
        email: EmailAddress::parse(format!("user{n:03}@example.com")).unwrap(),
        email_verified: false,
        display_name: Some(format!("User Number {n}")),
        password_hash: format!("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA{n:08}"),
        is_admin: false,
        disabled: false,
        locale: Some("en".into()),
        created_at: t,
        updated_at: t,
    }
}

/// A user with the given username and email and no display name.
pub fn user_named(username: &str, email: &str) -> User {
    User {
        username: Username::parse(username).unwrap(),
        email: EmailAddress::parse(email).unwrap(),
        display_name: None,
        ..sample_user(0)
    }
}

pub fn sample_group(n: u32) -> Group {
    group_named(&format!("Group {n:03}"))
}

pub fn group_named(name: &str) -> Group {
    let t = now();
    Group {
        id: id(),
        name: GroupName::parse(name).unwrap(),
        description: format!("The {name} group"),
        members: vec![],
        created_at: t,
        updated_at: t,
    }
}

/// Members order is not part of the contract: compare groups with sorted members.
pub fn sorted_members(mut g: Group) -> Group {
    g.members.sort();
    g
}

pub fn sample_client(owner_id: &str, n: u32) -> Client {
    let t = now();
    Client {
        client_id: unique("app"),
        owner_id: owner_id.into(),
        name: format!("App {n}"),
        description: format!("Test application number {n}"),
        homepage_url: Some(format!("https://app{n}.example.com/")),
        logo_url: Some(format!("https://app{n}.example.com/logo.png")),
        redirect_uris: vec![
            format!("https://app{n}.example.com/callback"),
            "http://127.0.0.1:8080/cb".into(),
        ],
        post_logout_redirect_uris: vec![format!("https://app{n}.example.com/bye")],
        client_type: ClientType::Confidential,
        secrets: vec![
            ClientSecret {
                digest: digest(),
                created_at: t - secs(86_400),
                expires_at: Some(t + secs(86_400)),
            },
            ClientSecret {
                digest: digest(),
                created_at: t,
                expires_at: None,
            },
        ],
        grant_types: vec![
            GrantType::AuthorizationCode,
            GrantType::RefreshToken,
            GrantType::ClientCredentials,
            GrantType::DeviceCode,
        ],
        scopes: vec!["openid".into(), "profile".into(), "email".into()],
        access_token_ttl_secs: Some(600),
        refresh_token_ttl_secs: Some(86_400),
        first_party: false,
        introspection: false,
        require_pushed_authorization_requests: false,
        require_mfa: false,
        dpop_bound_access_tokens: false,
        fapi2: false,
        jwks: Some(format!(
            r#"{{"keys":[{{"kty":"OKP","crv":"Ed25519","x":"{}"}}]}}"#,
            id()
        )),
        jwks_uri: None,
        created_at: t,
        updated_at: t,
    }
}

pub fn sample_grant(user_id: Option<&str>, client_id: &str) -> Grant {
    let t = now();
    Grant {
        id: id(),
        user_id: user_id.map(str::to_string),
        client_id: client_id.into(),
        scopes: vec!["openid".into(), "profile".into()],
        created_at: t,
        last_used_at: t,
        expires_at: t + secs(30 * 86_400),
        revoked_at: None,
        auth_time: user_id.map(|_| t - secs(60)),
        resources: vec![],
    }
}

pub fn sample_refresh(grant: &Grant) -> RefreshToken {
    let t = now();
    RefreshToken {
        digest: digest(),
        grant_id: grant.id.clone(),
        client_id: grant.client_id.clone(),
        user_id: grant.user_id.clone(),
        scopes: grant.scopes.clone(),
        created_at: t,
        expires_at: t + secs(14 * 86_400),
        used: false,
        revoked: false,
        resources: grant.resources.clone(),
        dpop_jkt: Some(digest()),
    }
}

pub fn sample_access(grant: &Grant) -> AccessTokenRecord {
    let t = now();
    AccessTokenRecord {
        jti: id(),
        grant_id: Some(grant.id.clone()),
        client_id: grant.client_id.clone(),
        user_id: grant.user_id.clone(),
        scopes: grant.scopes.clone(),
        issued_at: t,
        expires_at: t + secs(3_600),
        revoked: false,
    }
}

/// A code with every optional field set; `grant` must have a user.
pub fn sample_code(grant: &Grant) -> AuthorizationCode {
    let t = now();
    AuthorizationCode {
        digest: digest(),
        grant_id: grant.id.clone(),
        client_id: grant.client_id.clone(),
        user_id: grant.user_id.clone().expect("a code belongs to a user"),
        redirect_uri: "https://app.example.com/callback?x=1".into(),
        scopes: grant.scopes.clone(),
        code_challenge: Some("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM".into()),
        nonce: Some(unique("nonce")),
        auth_time: t - secs(60),
        session_id: Some(digest()),
        created_at: t,
        expires_at: t + secs(60),
        used: false,
        resources: grant.resources.clone(),
        dpop_jkt: Some(digest()),
    }
}

pub fn sample_consent(user_id: &str, client_id: &str) -> Consent {
    let t = now();
    Consent {
        user_id: user_id.into(),
        client_id: client_id.into(),
        scopes: vec!["openid".into(), "profile".into()],
        resources: vec![],
        created_at: t,
        updated_at: t,
    }
}

pub fn sample_session(user_id: &str) -> Session {
    let t = now();
    Session {
        id: digest(),
        user_id: user_id.into(),
        auth_time: t - secs(5),
        created_at: t,
        last_seen_at: t,
        expires_at: t + secs(1_800),
        absolute_expires_at: t + secs(12 * 3_600),
        user_agent: Some("Mozilla/5.0 (X11; Linux x86_64) contract-test".into()),
        amr: vec!["pwd".into(), "otp".into(), "mfa".into()],
        public_id: id(),
        ip: Some("192.0.2.7".into()),
    }
}

pub fn sample_email_token(user_id: &str, purpose: EmailTokenPurpose) -> EmailToken {
    let t = now();
    EmailToken {
        digest: digest(),
        user_id: user_id.into(),
        purpose,
        email: "Someone.Else@Example.com".into(),
        created_at: t,
        expires_at: t + secs(3_600),
    }
}

pub fn sample_key(created_at: DateTime<Utc>) -> SigningKey {
    SigningKey {
        kid: unique("kid"),
        alg: "ES256".into(),
        private_key: "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n".into(),
        public_jwk: r#"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}"#.into(),
        created_at,
        retire_at: created_at + secs(90 * 86_400),
        expires_at: created_at + secs(120 * 86_400),
    }
}

#[track_caller]
pub fn assert_not_found<T: Debug>(result: StoreResult<T>) {
    match result {
        Err(StoreError::NotFound) => {}
        other => panic!("expected Err(NotFound), got {other:?}"),
    }
}

#[track_caller]
pub fn assert_conflict<T: Debug>(result: StoreResult<T>, field: &str) {
    match result {
        Err(StoreError::Conflict(f)) if f == field => {}
        other => panic!("expected Err(Conflict({field:?})), got {other:?}"),
    }
}

/// Consumes an email token, unwrapping the store result.
pub async fn consume(s: &Stores, digest: &str, purpose: EmailTokenPurpose) -> Option<EmailToken> {
    s.email_tokens
        .consume_email_token(digest, purpose)
        .await
        .unwrap()
}
