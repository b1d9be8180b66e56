//! PushedRequestStore (RFC 9126): a pushed request round-trips, is read without being used up,
//! and is taken exactly once, even by concurrent callers.

use std::collections::BTreeMap;
use std::sync::Arc;

use auth_center::domain::PushedRequest;
use auth_center::store::Stores;
use tokio::sync::Barrier;

use crate::fixtures::*;

const RACERS: usize = 16;

fn sample_pushed_request() -> PushedRequest {
    let t = now();
    let params: BTreeMap<String, String> = [
        ("response_type", "code"),
        ("redirect_uri", "https://app.example.com/cb"),
        ("scope", "openid profile"),
        ("state", "state with spaces & symbols ✓"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    PushedRequest {
        digest: digest(),
        client_id: unique("app"),
        params,
        created_at: t,
        expires_at: t + secs(60),
    }
}

pub async fn a_pushed_request_is_read_without_being_used_then_taken_once(s: &Stores) {
    let r = sample_pushed_request();
    s.pushed_requests.insert_pushed_request(&r).await.unwrap();
    let read = s.pushed_requests.get_pushed_request(&r.digest).await;
    assert_eq!(read.unwrap(), Some(r.clone()));
    let again = s.pushed_requests.get_pushed_request(&r.digest).await;
    assert_eq!(
        again.unwrap(),
        Some(r.clone()),
        "reading does not use it up"
    );
    let taken = s.pushed_requests.take_pushed_request(&r.digest).await;
    assert_eq!(taken.unwrap(), Some(r.clone()));
    let twice = s.pushed_requests.take_pushed_request(&r.digest).await;
    assert_eq!(twice.unwrap(), None);
    let gone = s.pushed_requests.get_pushed_request(&r.digest).await;
    assert_eq!(gone.unwrap(), None);
}

pub async fn inserting_a_pushed_request_twice_conflicts(s: &Stores) {
    let r = sample_pushed_request();
    s.pushed_requests.insert_pushed_request(&r).await.unwrap();
    let other_client = PushedRequest {
        client_id: unique("app"),
        ..r.clone()
    };
    let again = s.pushed_requests.insert_pushed_request(&other_client).await;
    assert_conflict(again, "request_uri");
    let kept = s.pushed_requests.get_pushed_request(&r.digest).await;
    assert_eq!(kept.unwrap(), Some(r));
}

pub async fn only_one_of_sixteen_concurrent_takes_of_a_pushed_request_wins(s: &Stores) {
    let r = sample_pushed_request();
    s.pushed_requests.insert_pushed_request(&r).await.unwrap();
    let barrier = Arc::new(Barrier::new(RACERS));
    let racers: Vec<_> = (0..RACERS)
        .map(|_| {
            let (s, barrier, digest) = (s.clone(), barrier.clone(), r.digest.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                s.pushed_requests.take_pushed_request(&digest).await
            })
        })
        .collect();
    let mut winners = Vec::new();
    for racer in racers {
        if let Some(won) = racer.await.unwrap().unwrap() {
            winners.push(won);
        }
    }
    assert_eq!(winners, vec![r]);
}
