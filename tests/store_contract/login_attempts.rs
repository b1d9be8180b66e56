//! LoginAttemptStore: fixed-window counters shared by every process (the throttle of credential
//! checks, the mail limits): atomic reservation and release.

use std::sync::Arc;

use auth_center::store::Stores;
use tokio::sync::Barrier;

use crate::fixtures::*;

pub async fn a_failure_counter_grows_in_its_window_restarts_after_it_and_clears(s: &Stores) {
    let store = &s.login_attempts;
    let key = unique("account:jane");
    let t0 = now();
    assert_eq!(store.get_login_attempts(&key).await.unwrap(), None);
    let first = store
        .record_login_failure(&key, t0, t0 + secs(900))
        .await
        .unwrap();
    assert_eq!(
        (first.count, first.window_start, first.expires_at),
        (1, t0, t0 + secs(900))
    );
    let later = t0 + secs(60);
    let second = store
        .record_login_failure(&key, later, later + secs(900))
        .await
        .unwrap();
    assert_eq!(second.count, 2);
    assert_eq!(
        second.expires_at,
        t0 + secs(900),
        "the window is not extended"
    );
    assert_eq!(store.get_login_attempts(&key).await.unwrap(), Some(second));
    let after = t0 + secs(900);
    let restarted = store
        .record_login_failure(&key, after, after + secs(900))
        .await
        .unwrap();
    assert_eq!((restarted.count, restarted.window_start), (1, after));
    store.clear_login_attempts(&key).await.unwrap();
    store.clear_login_attempts(&key).await.unwrap();
    assert_eq!(store.get_login_attempts(&key).await.unwrap(), None);
}

pub async fn sixteen_concurrent_failures_are_all_counted(s: &Stores) {
    let key = Arc::new(unique("ip:192.0.2.1"));
    let t0 = now();
    let barrier = Arc::new(Barrier::new(16));
    let mut tasks = Vec::new();
    for _ in 0..16 {
        let (store, key, barrier) = (s.login_attempts.clone(), key.clone(), barrier.clone());
        tasks.push(tokio::spawn(async move {
            barrier.wait().await;
            store
                .record_login_failure(&key, t0, t0 + secs(900))
                .await
                .unwrap()
        }));
    }
    let mut counts = Vec::new();
    for t in tasks {
        counts.push(t.await.unwrap().count);
    }
    counts.sort_unstable();
    assert_eq!(counts, (1..=16).collect::<Vec<u32>>());
    let stored = s
        .login_attempts
        .get_login_attempts(&key)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.count, 16);
}

/// The throttle's reservation: 60 concurrent reservations of one key against a limit of 5 are
/// answered 1..=60, so exactly 5 callers see a count within the limit.
pub async fn sixty_concurrent_reservations_let_exactly_the_limit_through(s: &Stores) {
    let key = Arc::new(unique("account:racer"));
    let t0 = now();
    let barrier = Arc::new(Barrier::new(60));
    let mut tasks = Vec::new();
    for _ in 0..60 {
        let (store, key, barrier) = (s.login_attempts.clone(), key.clone(), barrier.clone());
        tasks.push(tokio::spawn(async move {
            barrier.wait().await;
            let counted = store
                .record_login_failure(&key, t0, t0 + secs(900))
                .await
                .unwrap();
            counted.refusal(5, t0).is_none()
        }));
    }
    let mut through = 0;
    for t in tasks {
        through += usize::from(t.await.unwrap());
    }
    assert_eq!(through, 5);
}

pub async fn a_release_gives_back_one_count_of_its_own_window_only(s: &Stores) {
    let store = &s.login_attempts;
    let key = unique("ip:192.0.2.9");
    let t0 = now();
    for _ in 0..3 {
        store
            .record_login_failure(&key, t0, t0 + secs(900))
            .await
            .unwrap();
    }
    assert!(store.release_login_attempt(&key, t0).await.unwrap());
    let count = |a: Option<auth_center::domain::LoginAttempts>| a.map(|a| a.count);
    assert_eq!(
        count(store.get_login_attempts(&key).await.unwrap()),
        Some(2)
    );
    let other_window = t0 - secs(900);
    assert!(!store
        .release_login_attempt(&key, other_window)
        .await
        .unwrap());
    assert!(!store
        .release_login_attempt(&unique("ip:none"), t0)
        .await
        .unwrap());
    // Concurrent releases never go below zero.
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let (store, key) = (s.login_attempts.clone(), key.clone());
        tasks.push(tokio::spawn(async move {
            store.release_login_attempt(&key, t0).await.unwrap()
        }));
    }
    let mut released = 0;
    for t in tasks {
        released += usize::from(t.await.unwrap());
    }
    assert_eq!(released, 2);
    assert_eq!(
        count(store.get_login_attempts(&key).await.unwrap()),
        Some(0)
    );
    // A window that ended restarts, and an old window's release leaves the new one alone.
    let later = t0 + secs(900);
    store
        .record_login_failure(&key, later, later + secs(900))
        .await
        .unwrap();
    assert!(!store.release_login_attempt(&key, t0).await.unwrap());
    assert_eq!(
        count(store.get_login_attempts(&key).await.unwrap()),
        Some(1)
    );
}
