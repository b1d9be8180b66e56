//! GrantStore, tokens: refresh and access token round trips, and refresh rotation that only one
//! caller wins.

use std::sync::Arc;

use auth_center::domain::{AccessTokenRecord, RefreshToken};
use auth_center::store::{RefreshRotation, Stores};
use tokio::sync::Barrier;

use crate::fixtures::*;

const RACERS: usize = 16;

pub async fn refresh_and_access_tokens_round_trip(s: &Stores) {
    let user_grant = sample_grant(Some(&id()), &unique("app"));
    let client_grant = sample_grant(None, &unique("app"));
    for grant in [&user_grant, &client_grant] {
        s.grants.insert_grant(grant).await.unwrap();
        let refresh = sample_refresh(grant);
        s.grants.insert_refresh(&refresh).await.unwrap();
        assert_eq!(
            s.grants.get_refresh(&refresh.digest).await.unwrap(),
            refresh
        );
        let access = sample_access(grant);
        s.grants.insert_access(&access).await.unwrap();
        assert_eq!(s.grants.get_access(&access.jti).await.unwrap(), access);
    }
    let bare = AccessTokenRecord {
        grant_id: None,
        user_id: None,
        scopes: vec![],
        ..sample_access(&client_grant)
    };
    s.grants.insert_access(&bare).await.unwrap();
    assert_eq!(s.grants.get_access(&bare.jti).await.unwrap(), bare);
    assert_not_found(s.grants.get_refresh(&digest()).await);
    assert_not_found(s.grants.get_access(&id()).await);
}

pub async fn inserting_a_refresh_token_twice_conflicts(s: &Stores) {
    let grant = sample_grant(Some(&id()), &unique("app"));
    s.grants.insert_grant(&grant).await.unwrap();
    let token = sample_refresh(&grant);
    s.grants.insert_refresh(&token).await.unwrap();
    let again = RefreshToken {
        scopes: vec!["admin".into()],
        ..token.clone()
    };
    assert_conflict(s.grants.insert_refresh(&again).await, "refresh_token");
    assert_eq!(s.grants.get_refresh(&token.digest).await.unwrap(), token);
}

pub async fn a_grant_and_its_first_refresh_token_are_stored_together(s: &Stores) {
    let grant = sample_grant(Some(&id()), &unique("app"));
    let token = sample_refresh(&grant);
    s.grants
        .insert_grant_with_refresh(&grant, &token)
        .await
        .unwrap();
    assert_eq!(s.grants.get_grant(&grant.id).await.unwrap(), grant);
    assert_eq!(s.grants.get_refresh(&token.digest).await.unwrap(), token);
    // The grant exists: nothing is stored, the existing grant is left as it was.
    let other = sample_refresh(&grant);
    let again = auth_center::domain::Grant {
        scopes: vec!["admin".into()],
        ..grant.clone()
    };
    assert_conflict(
        s.grants.insert_grant_with_refresh(&again, &other).await,
        "id",
    );
    assert_not_found(s.grants.get_refresh(&other.digest).await);
    assert_eq!(s.grants.get_grant(&grant.id).await.unwrap(), grant);
}

async fn stored_grant_and_token(s: &Stores) -> RefreshToken {
    let grant = sample_grant(Some(&id()), &unique("app"));
    s.grants.insert_grant(&grant).await.unwrap();
    let token = sample_refresh(&grant);
    s.grants.insert_refresh(&token).await.unwrap();
    token
}

/// The successor a rotation of `old` would store.
fn successor(old: &RefreshToken) -> RefreshToken {
    RefreshToken {
        digest: digest(),
        created_at: old.created_at + secs(60),
        ..old.clone()
    }
}

pub async fn rotating_a_refresh_token_marks_it_used_and_stores_the_new_one(s: &Stores) {
    let old = stored_grant_and_token(s).await;
    let new = successor(&old);
    match s.grants.rotate_refresh(&old.digest, &new).await.unwrap() {
        RefreshRotation::Rotated(t) => assert_eq!(t.grant_id, old.grant_id),
        other => panic!("expected Rotated, got {other:?}"),
    }
    assert_eq!(s.grants.get_refresh(&new.digest).await.unwrap(), new);
    let used = RefreshToken {
        used: true,
        ..old.clone()
    };
    assert_eq!(s.grants.get_refresh(&old.digest).await.unwrap(), used);
}

pub async fn rotating_a_used_or_revoked_refresh_token_is_reuse_and_stores_nothing(s: &Stores) {
    let old = stored_grant_and_token(s).await;
    let first = successor(&old);
    let rotation = s.grants.rotate_refresh(&old.digest, &first).await.unwrap();
    assert!(
        matches!(rotation, RefreshRotation::Rotated(_)),
        "{rotation:?}"
    );
    let second = successor(&old);
    match s.grants.rotate_refresh(&old.digest, &second).await.unwrap() {
        RefreshRotation::Reused(t) => assert_eq!((t.digest, t.used), (old.digest.clone(), true)),
        other => panic!("expected Reused, got {other:?}"),
    }
    assert_not_found(s.grants.get_refresh(&second.digest).await);
    assert_eq!(s.grants.get_refresh(&first.digest).await.unwrap(), first);

    let revoked = stored_grant_and_token(s).await;
    assert!(s.grants.revoke_refresh(&revoked.digest).await.unwrap());
    let would_be = successor(&revoked);
    match s
        .grants
        .rotate_refresh(&revoked.digest, &would_be)
        .await
        .unwrap()
    {
        RefreshRotation::Reused(t) => assert_eq!(t.digest, revoked.digest),
        other => panic!("expected Reused, got {other:?}"),
    }
    assert_not_found(s.grants.get_refresh(&would_be.digest).await);
}

pub async fn rotating_an_unknown_refresh_token_is_not_found_and_stores_nothing(s: &Stores) {
    let known = stored_grant_and_token(s).await;
    let new = successor(&known);
    let rotation = s.grants.rotate_refresh(&digest(), &new).await.unwrap();
    assert_eq!(rotation, RefreshRotation::NotFound);
    assert_not_found(s.grants.get_refresh(&new.digest).await);
    assert_eq!(s.grants.get_refresh(&known.digest).await.unwrap(), known);
}

pub async fn only_one_of_sixteen_concurrent_rotations_of_a_refresh_token_wins(s: &Stores) {
    let old = stored_grant_and_token(s).await;
    let successors: Vec<RefreshToken> = (0..RACERS).map(|_| successor(&old)).collect();
    let barrier = Arc::new(Barrier::new(RACERS));
    let racers: Vec<_> = successors
        .iter()
        .map(|new| {
            let (s, barrier, old, new) =
                (s.clone(), barrier.clone(), old.digest.clone(), new.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                s.grants.rotate_refresh(&old, &new).await
            })
        })
        .collect();
    let mut winners = vec![];
    for (i, racer) in racers.into_iter().enumerate() {
        match racer.await.unwrap().unwrap() {
            RefreshRotation::Rotated(_) => winners.push(i),
            RefreshRotation::Reused(t) if t.digest == old.digest => {}
            other => panic!("unexpected outcome {other:?}"),
        }
    }
    assert_eq!(winners.len(), 1, "winners: {winners:?}");
    for (i, new) in successors.iter().enumerate() {
        let stored = s.grants.get_refresh(&new.digest).await;
        if i == winners[0] {
            assert_eq!(&stored.unwrap(), new);
        } else {
            assert_not_found(stored);
        }
    }
    assert!(s.grants.get_refresh(&old.digest).await.unwrap().used);
}
