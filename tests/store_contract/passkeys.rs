//! PasskeyStore: a credential id is unique across people, a person lists, renames and removes
//! only their own passkeys, a use is recorded only when the signature counter advances (once
//! among sixteen concurrent uses with one counter), and an account's passkeys go with it.

use std::sync::Arc;

use auth_center::domain::Passkey;
use auth_center::store::{StoreError, Stores};
use chrono::Duration;
use tokio::sync::Barrier;

use crate::fixtures::*;

fn passkey(user_id: &str, credential_id: &str, minutes: i64) -> Passkey {
    Passkey {
        credential_id: credential_id.to_owned(),
        user_id: user_id.to_owned(),
        public_key: "pQECAyYgASFYIA".to_owned(),
        counter: 0,
        name: format!("key {credential_id}"),
        backup_eligible: true,
        created_at: now() + Duration::minutes(minutes),
        last_used_at: None,
    }
}

/// Two stored people (SQLite keeps passkeys of existing accounts only).
async fn two_people(s: &Stores) -> (String, String) {
    let (a, b) = (sample_user(1), sample_user(2));
    s.users.insert_user(&a).await.unwrap();
    s.users.insert_user(&b).await.unwrap();
    (a.id, b.id)
}

pub async fn a_passkey_round_trips_and_its_credential_id_is_unique_across_people(s: &Stores) {
    let (a, b) = two_people(s).await;
    let p = s.passkeys.as_ref();
    let first = passkey(&a, "cred-1", 0);
    p.insert_passkey(&first).await.unwrap();
    p.insert_passkey(&passkey(&a, "cred-2", 1)).await.unwrap();
    assert_eq!(p.find_passkey("cred-1").await.unwrap(), Some(first));
    assert_eq!(p.find_passkey("cred-9").await.unwrap(), None);
    let again = p.insert_passkey(&passkey(&b, "cred-1", 2)).await;
    assert!(
        matches!(again, Err(StoreError::Conflict("credential_id"))),
        "{again:?}"
    );
    let ids: Vec<_> = p.list_passkeys(&a).await.unwrap();
    let ids: Vec<_> = ids.iter().map(|k| k.credential_id.as_str()).collect();
    assert_eq!(ids, ["cred-1", "cred-2"], "oldest first");
    assert!(p.list_passkeys(&b).await.unwrap().is_empty());
}

pub async fn a_person_renames_and_removes_only_their_own_passkeys(s: &Stores) {
    let (a, b) = two_people(s).await;
    let p = s.passkeys.as_ref();
    p.insert_passkey(&passkey(&a, "cred-a", 0)).await.unwrap();
    assert!(!p.rename_passkey(&b, "cred-a", "mine").await.unwrap());
    assert!(!p.delete_passkey(&b, "cred-a").await.unwrap());
    assert!(p.rename_passkey(&a, "cred-a", "Laptop").await.unwrap());
    let stored = p.find_passkey("cred-a").await.unwrap().unwrap();
    assert_eq!(stored.name, "Laptop");
    assert!(p.delete_passkey(&a, "cred-a").await.unwrap());
    assert!(!p.delete_passkey(&a, "cred-a").await.unwrap());
    assert_eq!(p.find_passkey("cred-a").await.unwrap(), None);
}

pub async fn a_use_is_recorded_only_when_the_counter_advances(s: &Stores) {
    let (a, _) = two_people(s).await;
    let p = s.passkeys.as_ref();
    p.insert_passkey(&passkey(&a, "counterless", 0))
        .await
        .unwrap();
    assert!(p.record_passkey_use("counterless", 0, now()).await.unwrap());
    assert!(p.record_passkey_use("counterless", 0, now()).await.unwrap());
    p.insert_passkey(&passkey(&a, "counting", 1)).await.unwrap();
    let used_at = now();
    assert!(p.record_passkey_use("counting", 5, used_at).await.unwrap());
    assert!(!p.record_passkey_use("counting", 5, now()).await.unwrap());
    assert!(!p.record_passkey_use("counting", 4, now()).await.unwrap());
    assert!(!p.record_passkey_use("counting", 0, now()).await.unwrap());
    assert!(!p.record_passkey_use("unknown", 9, now()).await.unwrap());
    let stored = p.find_passkey("counting").await.unwrap().unwrap();
    assert_eq!((stored.counter, stored.last_used_at), (5, Some(used_at)));
}

pub async fn only_one_of_sixteen_concurrent_uses_with_one_counter_is_recorded(s: &Stores) {
    let (a, _) = two_people(s).await;
    s.passkeys
        .insert_passkey(&passkey(&a, "raced", 0))
        .await
        .unwrap();
    let barrier = Arc::new(Barrier::new(16));
    let racers: Vec<_> = (0..16)
        .map(|_| {
            let (store, barrier) = (s.passkeys.clone(), barrier.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                store.record_passkey_use("raced", 7, now()).await.unwrap()
            })
        })
        .collect();
    let mut wins = 0;
    for r in racers {
        wins += usize::from(r.await.unwrap());
    }
    assert_eq!(wins, 1);
}

pub async fn deleting_the_passkeys_of_a_person_keeps_the_others(s: &Stores) {
    let (a, b) = two_people(s).await;
    let p = s.passkeys.as_ref();
    p.insert_passkey(&passkey(&a, "a1", 0)).await.unwrap();
    p.insert_passkey(&passkey(&a, "a2", 1)).await.unwrap();
    p.insert_passkey(&passkey(&b, "b1", 2)).await.unwrap();
    assert_eq!(p.delete_passkeys_for_user(&a).await.unwrap(), 2);
    assert!(p.list_passkeys(&a).await.unwrap().is_empty());
    assert_eq!(p.list_passkeys(&b).await.unwrap().len(), 1);
}
