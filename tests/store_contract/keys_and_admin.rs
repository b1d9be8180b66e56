//! SigningKeyStore, StoreAdmin, and garbage collection of expired records.

use auth_center::domain::{AuthorizationCode, EmailTokenPurpose, RefreshToken, Session};
use auth_center::domain::{EmailToken, SigningKey};
use auth_center::store::{CodeTake, Stores};

use crate::fixtures::*;

pub async fn signing_keys_are_listed_newest_first_and_deleted(s: &Stores) {
    let t = now();
    let keys = [
        sample_key(t - secs(7_200)),
        sample_key(t),
        sample_key(t - secs(3_600)),
    ];
    for k in &keys {
        s.keys.insert_key(k).await.unwrap();
    }
    let listed = s.keys.list_keys().await.unwrap();
    let newest_first = vec![keys[1].clone(), keys[2].clone(), keys[0].clone()];
    assert_eq!(listed, newest_first);
    s.keys.delete_key(&keys[2].kid).await.unwrap();
    let listed = s.keys.list_keys().await.unwrap();
    assert_eq!(listed, vec![keys[1].clone(), keys[0].clone()]);
}

pub async fn a_signing_key_id_is_unique(s: &Stores) {
    let key = sample_key(now());
    s.keys.insert_key(&key).await.unwrap();
    let again = SigningKey {
        kid: key.kid.clone(),
        ..sample_key(now() + secs(1))
    };
    assert_conflict(s.keys.insert_key(&again).await, "kid");
    assert_eq!(s.keys.list_keys().await.unwrap(), vec![key]);
}

pub async fn a_plaintext_signing_key_is_sealed_once_by_compare_and_set(s: &Stores) {
    let key = sample_key(now());
    s.keys.insert_key(&key).await.unwrap();
    let plain = key.private_key.clone();
    assert!(s
        .keys
        .seal_key(&key.kid, &plain, "enc:v1:first")
        .await
        .unwrap());
    // A second process that read the plaintext before does not overwrite the sealed value.
    assert!(!s
        .keys
        .seal_key(&key.kid, &plain, "enc:v1:second")
        .await
        .unwrap());
    assert!(!s
        .keys
        .seal_key("no-such-kid", &plain, "enc:v1:x")
        .await
        .unwrap());
    let stored = s.keys.list_keys().await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].private_key, "enc:v1:first");
    assert_eq!(stored[0].public_jwk, key.public_jwk);
}

pub async fn the_backend_answers_a_ping(s: &Stores) {
    s.admin.ping().await.unwrap();
    assert!(["sqlite", "mongodb"].contains(&s.admin.backend_name()));
}

/// One record of each expiring kind: a code, a session, an email token, a refresh token.
pub struct Expiring {
    pub code: AuthorizationCode,
    pub session: Session,
    pub email_token: EmailToken,
    pub refresh: RefreshToken,
}

/// Stores one set of records that expired 25 hours ago (past the token purge grace of 24 h) and
/// one that expires in an hour.
pub async fn seed_expiring(s: &Stores) -> (Expiring, Expiring) {
    let t = now();
    let grant = sample_grant(Some(&id()), &unique("app"));
    s.grants.insert_grant(&grant).await.unwrap();
    let user = grant.user_id.clone().unwrap();
    let make = |expires_at| Expiring {
        code: AuthorizationCode {
            expires_at,
            ..sample_code(&grant)
        },
        session: Session {
            expires_at,
            absolute_expires_at: expires_at,
            ..sample_session(&user)
        },
        email_token: EmailToken {
            expires_at,
            ..sample_email_token(&user, EmailTokenPurpose::VerifyEmail)
        },
        refresh: RefreshToken {
            expires_at,
            ..sample_refresh(&grant)
        },
    };
    let (expired, live) = (make(t - secs(25 * 3_600)), make(t + secs(3_600)));
    for e in [&expired, &live] {
        s.codes.insert_code(&e.code).await.unwrap();
        s.sessions.insert_session(&e.session).await.unwrap();
        s.email_tokens
            .insert_email_token(&e.email_token)
            .await
            .unwrap();
        s.grants.insert_refresh(&e.refresh).await.unwrap();
    }
    (expired, live)
}

/// Asserts every record of `e` is still stored (consuming the one-time ones).
pub async fn assert_all_present(s: &Stores, e: &Expiring) {
    let taken = s.codes.take_code(&e.code.digest).await.unwrap();
    assert_eq!(taken, CodeTake::Taken(e.code.clone()));
    assert_eq!(
        s.sessions.get_session(&e.session.id).await.unwrap(),
        e.session
    );
    let token = &e.email_token;
    let consumed = consume(s, &token.digest, token.purpose).await;
    assert_eq!(consumed.as_ref(), Some(token));
    assert_eq!(
        s.grants.get_refresh(&e.refresh.digest).await.unwrap(),
        e.refresh
    );
}

pub async fn sweeping_expired_records_keeps_the_live_ones(s: &Stores) {
    let (_expired, live) = seed_expiring(s).await;
    s.admin.sweep_expired(now()).await.unwrap();
    assert_all_present(s, &live).await;
}

/// Stores a code and a refresh token that expired an hour ago: within the purge grace.
pub async fn seed_recently_expired(s: &Stores) -> (AuthorizationCode, RefreshToken) {
    let grant = sample_grant(Some(&id()), &unique("app"));
    s.grants.insert_grant(&grant).await.unwrap();
    let expires_at = now() - secs(3_600);
    let code = AuthorizationCode {
        expires_at,
        ..sample_code(&grant)
    };
    let refresh = RefreshToken {
        expires_at,
        ..sample_refresh(&grant)
    };
    s.codes.insert_code(&code).await.unwrap();
    s.grants.insert_refresh(&refresh).await.unwrap();
    (code, refresh)
}

/// Asserts the recently expired code and refresh token are still stored: the replay of the code
/// is reported as such (so the grant can be revoked), not as an unknown code.
pub async fn assert_recently_expired_kept(s: &Stores, code: &AuthorizationCode, r: &RefreshToken) {
    let taken = s.codes.take_code(&code.digest).await.unwrap();
    assert_eq!(taken, CodeTake::Taken(code.clone()));
    let replay = s.codes.take_code(&code.digest).await.unwrap();
    assert!(matches!(replay, CodeTake::AlreadyUsed(_)), "{replay:?}");
    assert_eq!(s.grants.get_refresh(&r.digest).await.unwrap(), *r);
}

pub async fn an_expired_code_and_refresh_token_outlive_a_sweep_during_the_purge_grace(s: &Stores) {
    let (code, refresh) = seed_recently_expired(s).await;
    s.admin.sweep_expired(now()).await.unwrap();
    assert_recently_expired_kept(s, &code, &refresh).await;
}
