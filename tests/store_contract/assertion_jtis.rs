//! AssertionJtiStore (RFC 7523 §3 item 7, and DPoP proof ids, RFC 9449 §11.1): an id is
//! recorded once while it lives, even by concurrent callers, and may be recorded again once it
//! has expired.

use std::sync::Arc;

use auth_center::store::Stores;
use tokio::sync::Barrier;

use crate::fixtures::*;

const RACERS: usize = 16;

pub async fn an_assertion_id_is_recorded_once_until_it_expires(s: &Stores) {
    let (key, other, t) = (digest(), digest(), now());
    let jtis = &s.assertion_jtis;
    assert!(jtis
        .record_assertion_jti(&key, t + secs(60), t)
        .await
        .unwrap());
    assert!(!jtis
        .record_assertion_jti(&key, t + secs(60), t)
        .await
        .unwrap());
    assert!(
        !jtis
            .record_assertion_jti(&key, t + secs(120), t + secs(59))
            .await
            .unwrap(),
        "a replay just before expiry is refused"
    );
    assert!(jtis
        .record_assertion_jti(&other, t + secs(60), t)
        .await
        .unwrap());
    assert!(
        jtis.record_assertion_jti(&key, t + secs(200), t + secs(60))
            .await
            .unwrap(),
        "once expired, the id may be used by a new assertion"
    );
    assert!(!jtis
        .record_assertion_jti(&key, t + secs(200), t + secs(61))
        .await
        .unwrap());
}

pub async fn only_one_of_sixteen_concurrent_uses_of_an_assertion_id_wins(s: &Stores) {
    let winners = racing_recordings(s, &digest(), RACERS).await;
    assert_eq!(winners, 1, "exactly one of {RACERS} concurrent uses wins");
}

/// How many of `n` recordings of `key` started together succeed.
async fn racing_recordings(s: &Stores, key: &str, n: usize) -> usize {
    let t = now();
    let barrier = Arc::new(Barrier::new(n));
    let racers: Vec<_> = (0..n)
        .map(|_| {
            let (s, barrier, key) = (s.clone(), barrier.clone(), key.to_owned());
            tokio::spawn(async move {
                barrier.wait().await;
                s.assertion_jtis
                    .record_assertion_jti(&key, t + secs(61), t)
                    .await
            })
        })
        .collect();
    let mut winners = 0;
    for r in racers {
        winners += usize::from(r.await.unwrap().unwrap());
    }
    winners
}

/// A DPoP proof sent twice at once (two nodes, or a client retrying): of each pair of racing
/// recordings exactly one wins, round after round.
pub async fn of_two_racing_uses_of_a_proof_id_exactly_one_wins(s: &Stores) {
    for round in 0..20 {
        let winners = racing_recordings(s, &digest(), 2).await;
        assert_eq!(
            winners, 1,
            "round {round}: exactly one of two racing uses wins"
        );
    }
}
