//! CodeStore: a code is taken exactly once, even by concurrent callers.

use std::sync::Arc;

use auth_center::domain::AuthorizationCode;
use auth_center::store::{CodeTake, Stores};
use tokio::sync::Barrier;

use crate::fixtures::*;

const RACERS: usize = 16;

pub async fn a_code_is_taken_once_then_reported_as_already_used(s: &Stores) {
    let grant = sample_grant(Some(&id()), &unique("app"));
    let full = sample_code(&grant);
    let bare = AuthorizationCode {
        code_challenge: None,
        nonce: None,
        session_id: None,
        ..sample_code(&grant)
    };
    for code in [full, bare] {
        s.codes.insert_code(&code).await.unwrap();
        let first = s.codes.take_code(&code.digest).await.unwrap();
        assert_eq!(first, CodeTake::Taken(code.clone()));
        let used = AuthorizationCode {
            used: true,
            ..code.clone()
        };
        let second = s.codes.take_code(&code.digest).await.unwrap();
        assert_eq!(second, CodeTake::AlreadyUsed(used.clone()));
        let third = s.codes.take_code(&code.digest).await.unwrap();
        assert_eq!(third, CodeTake::AlreadyUsed(used));
    }
}

pub async fn taking_an_unknown_code_is_not_found(s: &Stores) {
    let grant = sample_grant(Some(&id()), &unique("app"));
    s.codes.insert_code(&sample_code(&grant)).await.unwrap();
    let taken = s.codes.take_code(&digest()).await.unwrap();
    assert_eq!(taken, CodeTake::NotFound);
}

pub async fn inserting_a_code_twice_conflicts(s: &Stores) {
    let grant = sample_grant(Some(&id()), &unique("app"));
    let code = sample_code(&grant);
    s.codes.insert_code(&code).await.unwrap();
    let again = AuthorizationCode {
        grant_id: id(),
        ..code.clone()
    };
    assert_conflict(s.codes.insert_code(&again).await, "code");
    let taken = s.codes.take_code(&code.digest).await.unwrap();
    assert_eq!(taken, CodeTake::Taken(code));
}

pub async fn only_one_of_sixteen_concurrent_takes_of_a_code_wins(s: &Stores) {
    let grant = sample_grant(Some(&id()), &unique("app"));
    let code = sample_code(&grant);
    s.codes.insert_code(&code).await.unwrap();
    let barrier = Arc::new(Barrier::new(RACERS));
    let racers: Vec<_> = (0..RACERS)
        .map(|_| {
            let (s, barrier, digest) = (s.clone(), barrier.clone(), code.digest.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                s.codes.take_code(&digest).await
            })
        })
        .collect();
    let (mut taken, mut already_used) = (0, 0);
    for racer in racers {
        match racer.await.unwrap().unwrap() {
            CodeTake::Taken(c) if c == code => taken += 1,
            CodeTake::AlreadyUsed(c) if c.digest == code.digest && c.used => already_used += 1,
            other => panic!("unexpected outcome {other:?}"),
        }
    }
    assert_eq!((taken, already_used), (1, RACERS - 1));
}
