//! Unit tests of the bounded hasher: PHC compatibility with the argon2 crate's own hashing,
//! the length bound, the refusal of a full queue and of a long wait, the places kept for callers
//! first in line, the memory pool's bound and its release at rest.

use std::time::{Duration, Instant};

use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier, SaltString};

use super::*;

fn hasher(memory_kib: u32, iterations: u32, queue: HashQueue) -> PasswordHasher {
    let params = PasswordParams {
        memory_kib,
        iterations,
        parallelism: 1,
    };
    PasswordHasher::new(params, queue).unwrap()
}

fn queue(concurrency: usize, max_waiting: usize, wait_ms: u64) -> HashQueue {
    HashQueue {
        concurrency,
        max_waiting,
        wait_timeout: Duration::from_millis(wait_ms),
    }
}

fn cheap() -> PasswordHasher {
    hasher(64, 1, queue(2, 8, 1000))
}

/// Hashes that take long enough (tens of milliseconds) to hold a slot while a test looks.
fn slow(q: HashQueue) -> PasswordHasher {
    hasher(32 * 1024, 3, q)
}

#[tokio::test]
async fn a_hash_verifies_only_its_own_password() {
    let h = cheap();
    let phc = h.hash("correct horse battery").await.unwrap();
    assert!(phc.starts_with("$argon2id$v=19$m=64,t=1,p=1$"));
    assert!(h.verify("correct horse battery", Some(&phc)).await.unwrap());
    assert!(!h.verify("wrong", Some(&phc)).await.unwrap());
    assert!(!h.verify("correct horse battery", None).await.unwrap());
    assert!(!h.verify("x", Some("not a phc string")).await.unwrap());
}

/// An unknown account costs what a known one does: its dummy hash has the configured
/// parameters and a full-length salt and output (so argon2 runs the same work), differs per
/// process, and no password verifies against it.
#[tokio::test]
async fn the_dummy_hash_of_unknown_accounts_costs_a_real_verification() {
    let h = hasher(256, 2, queue(2, 8, 1000));
    let real = h.hash("correct horse battery").await.unwrap();
    let (real, dummy) = (
        PasswordHash::new(&real).unwrap(),
        PasswordHash::new(&h.inner.dummy_hash).unwrap(),
    );
    assert_eq!(dummy.algorithm, real.algorithm);
    assert_eq!(dummy.version, real.version);
    assert_eq!(dummy.params, real.params);
    assert_eq!(dummy.salt.unwrap().len(), real.salt.unwrap().len());
    assert_eq!(dummy.hash.unwrap().len(), real.hash.unwrap().len());
    assert_ne!(cheap().inner.dummy_hash, cheap().inner.dummy_hash);
    let before = h.hashes_started();
    assert!(!h
        .verify("dummy password for unknown accounts", None)
        .await
        .unwrap());
    assert_eq!(
        h.hashes_started(),
        before + 1,
        "argon2 ran for the unknown account"
    );
}

#[tokio::test]
async fn hashes_are_interchangeable_with_the_argon2_crates_own() {
    let h = cheap();
    let ours = h.hash("pw one two three").await.unwrap();
    let parsed = PasswordHash::new(&ours).unwrap();
    assert!(argon2::Argon2::default()
        .verify_password(b"pw one two three", &parsed)
        .is_ok());
    let params = argon2::Params::new(128, 2, 1, None).unwrap();
    let theirs = argon2::Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password(
            b"older settings",
            &SaltString::generate(&mut rand::rngs::OsRng),
        )
        .unwrap()
        .to_string();
    assert!(h.verify("older settings", Some(&theirs)).await.unwrap());
    assert!(!h.verify("older setting", Some(&theirs)).await.unwrap());
}

#[tokio::test]
async fn a_password_over_the_bound_is_never_hashed() {
    let h = cheap();
    let phc = h.hash("a fine password").await.unwrap();
    let started = h.hashes_started();
    let long = "a".repeat(MAX_PASSWORD_BYTES + 1);
    assert!(matches!(h.hash(&long).await, Err(HashError::TooLong)));
    assert!(!h.verify(&long, Some(&phc)).await.unwrap());
    assert!(!h.verify(&long, None).await.unwrap());
    assert_eq!(h.hashes_started(), started);
    let at_bound = "é".repeat(MAX_PASSWORD_BYTES / 2);
    assert!(h.hash(&at_bound).await.is_ok());
}

async fn until_running(h: &PasswordHasher, n: u64) {
    while h.hashes_started() < n {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_queue_refuses_at_once() {
    let h = slow(queue(1, 0, 5000));
    let busy = tokio::spawn({
        let h = h.clone();
        async move { h.hash("holds the only slot").await }
    });
    until_running(&h, 1).await;
    let start = Instant::now();
    assert!(matches!(h.verify("x", None).await, Err(HashError::Busy)));
    assert!(start.elapsed() < Duration::from_millis(20));
    busy.await.unwrap().unwrap();
    assert!(h.verify("x", None).await.is_ok());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_waiter_is_refused_when_its_turn_does_not_come_in_time() {
    let h = slow(queue(1, 1, 5));
    let busy = tokio::spawn({
        let h = h.clone();
        async move { h.hash("holds the only slot").await }
    });
    until_running(&h, 1).await;
    let start = Instant::now();
    assert!(matches!(h.hash("waits").await, Err(HashError::Busy)));
    assert!(start.elapsed() < Duration::from_millis(50));
    busy.await.unwrap().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_memory_pool_never_holds_more_buffers_than_slots_and_none_at_rest() {
    let h = hasher(256, 1, queue(2, 64, 5000));
    assert_eq!(
        h.inner.pooled(),
        0,
        "nothing is allocated before a hash needs it"
    );
    let jobs: Vec<_> = (0..32)
        .map(|i| {
            let h = h.clone();
            tokio::spawn(async move { h.hash(&format!("password {i}")).await })
        })
        .collect();
    let mut most = 0;
    while !jobs.iter().all(|j| j.is_finished()) {
        most = most.max(h.inner.pooled());
        assert!(most <= 2, "one buffer per slot at most");
        tokio::task::yield_now().await;
    }
    for j in jobs {
        j.await.unwrap().unwrap();
    }
    assert_eq!(
        h.inner.pooled(),
        0,
        "every buffer is freed once no hash runs or waits"
    );
    // A hash after rest allocates again and works.
    let phc = h.hash("after rest").await.unwrap();
    assert!(h.verify("after rest", Some(&phc)).await.unwrap());
}

#[test]
fn shared_callers_cannot_take_the_places_kept_for_those_first_in_line() {
    // One slot and four waiting places: shared callers get the slot and half the places.
    let h = cheap_with(queue(1, 4, 1000));
    let shared: Vec<_> = (0..3).map(|_| h.admit(Priority::Shared).unwrap()).collect();
    assert!(matches!(h.admit(Priority::Shared), Err(HashError::Busy)));
    let first: Vec<_> = (0..2).map(|_| h.admit(Priority::First).unwrap()).collect();
    assert!(matches!(h.admit(Priority::First), Err(HashError::Busy)));
    drop(first);
    assert!(matches!(h.admit(Priority::Shared), Err(HashError::Busy)));
    drop(shared);
    assert!(h.admit(Priority::Shared).is_ok());
}

#[test]
fn callers_first_in_line_may_take_every_place() {
    let h = cheap_with(queue(1, 4, 1000));
    let all: Vec<_> = (0..5).map(|_| h.admit(Priority::First).unwrap()).collect();
    assert!(matches!(h.admit(Priority::First), Err(HashError::Busy)));
    assert!(matches!(h.admit(Priority::Shared), Err(HashError::Busy)));
    drop(all);
}

fn cheap_with(q: HashQueue) -> PasswordHasher {
    hasher(64, 1, q)
}
