//! DeviceCodeStore (RFC 8628): codes are found by their user code, polls are recorded
//! atomically (the interval grows for each poll that came too fast), a code is decided only
//! while pending and live, and an approved code is consumed by exactly one caller.

use std::sync::Arc;

use auth_center::domain::{DeviceApproval, DeviceCode, DeviceDecision, DeviceStatus};
use auth_center::store::Stores;
use tokio::sync::Barrier;

use crate::fixtures::*;

const RACERS: usize = 16;

pub fn sample_device_code() -> DeviceCode {
    let created = now();
    DeviceCode {
        digest: digest(),
        user_code_digest: digest(),
        client_id: unique("tv"),
        scopes: vec!["openid".into(), "profile".into()],
        created_at: created,
        expires_at: created + secs(600),
        interval_secs: 5,
        last_polled_at: None,
        status: DeviceStatus::Pending,
        resources: vec![],
    }
}

fn approval() -> DeviceApproval {
    DeviceApproval {
        user_id: id(),
        scopes: vec!["openid".into()],
        auth_time: now() - secs(30),
        session_id: Some(id()),
    }
}

async fn find(s: &Stores, code: &DeviceCode) -> DeviceCode {
    s.device_codes
        .find_device_code_by_user_code(&code.user_code_digest)
        .await
        .unwrap()
}

pub async fn a_device_code_round_trips_and_is_found_by_its_user_code(s: &Stores) {
    let code = sample_device_code();
    s.device_codes.insert_device_code(&code).await.unwrap();
    s.device_codes
        .insert_device_code(&sample_device_code())
        .await
        .unwrap();
    assert_eq!(find(s, &code).await, code);
    assert_not_found(
        s.device_codes
            .find_device_code_by_user_code(&digest())
            .await,
    );
}

pub async fn a_device_code_and_a_user_code_are_unique(s: &Stores) {
    let code = sample_device_code();
    s.device_codes.insert_device_code(&code).await.unwrap();
    let same_user_code = DeviceCode {
        digest: digest(),
        ..code.clone()
    };
    assert_conflict(
        s.device_codes.insert_device_code(&same_user_code).await,
        "user_code",
    );
    let same_device_code = DeviceCode {
        user_code_digest: digest(),
        ..code.clone()
    };
    assert_conflict(
        s.device_codes.insert_device_code(&same_device_code).await,
        "device_code",
    );
    assert_eq!(find(s, &code).await, code);
}

pub async fn a_poll_returns_the_record_before_it_and_a_fast_one_grows_the_interval(s: &Stores) {
    let code = sample_device_code();
    s.device_codes.insert_device_code(&code).await.unwrap();
    let t0 = now();
    let unknown = s.device_codes.record_device_poll(&digest(), t0).await;
    assert_eq!(unknown.unwrap(), None);
    let first = s.device_codes.record_device_poll(&code.digest, t0).await;
    assert_eq!(first.unwrap(), Some(code.clone()));
    let t1 = t0 + secs(2);
    let second = s.device_codes.record_device_poll(&code.digest, t1).await;
    assert_eq!(second.unwrap(), Some(code.after_poll(t0)));
    assert_eq!(find(s, &code).await.interval_secs, 10, "too fast: +5 s");
    let t2 = t1 + secs(10);
    let third = s.device_codes.record_device_poll(&code.digest, t2).await;
    let third = third.unwrap().unwrap();
    assert_eq!((third.interval_secs, third.last_polled_at), (10, Some(t1)));
    let stored = find(s, &code).await;
    assert_eq!(
        (stored.interval_secs, stored.last_polled_at),
        (10, Some(t2))
    );
}

pub async fn sixteen_concurrent_fast_polls_each_grow_the_interval(s: &Stores) {
    let code = sample_device_code();
    s.device_codes.insert_device_code(&code).await.unwrap();
    let at = now();
    let barrier = Arc::new(Barrier::new(RACERS));
    let racers: Vec<_> = (0..RACERS)
        .map(|_| {
            let (s, barrier, digest) = (s.clone(), barrier.clone(), code.digest.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                s.device_codes.record_device_poll(&digest, at).await
            })
        })
        .collect();
    for racer in racers {
        assert!(racer.await.unwrap().unwrap().is_some());
    }
    // The first poll is on time; each of the 15 others came too fast.
    let expected = 5 + 5 * (RACERS as i64 - 1);
    assert_eq!(find(s, &code).await.interval_secs, expected);
}

pub async fn a_device_code_is_decided_only_while_pending_and_live(s: &Stores) {
    let (allowed, denied, expired) = (
        sample_device_code(),
        sample_device_code(),
        sample_device_code(),
    );
    for c in [&allowed, &denied, &expired] {
        s.device_codes.insert_device_code(c).await.unwrap();
    }
    let dc = &s.device_codes;
    let a = approval();
    let approve = DeviceDecision::Approve(a.clone());
    assert!(dc
        .decide_device_code(&allowed.user_code_digest, &approve, now())
        .await
        .unwrap());
    let found = find(s, &allowed).await;
    assert_eq!(found.status, DeviceStatus::Approved(a));
    for again in [&approve, &DeviceDecision::Deny] {
        let r = dc.decide_device_code(&allowed.user_code_digest, again, now());
        assert!(!r.await.unwrap(), "only a pending code is decided");
    }
    let deny = DeviceDecision::Deny;
    assert!(dc
        .decide_device_code(&denied.user_code_digest, &deny, now())
        .await
        .unwrap());
    assert_eq!(find(s, &denied).await.status, DeviceStatus::Denied);
    assert!(!dc
        .decide_device_code(&denied.user_code_digest, &approve, now())
        .await
        .unwrap());
    let late = expired.expires_at;
    assert!(!dc
        .decide_device_code(&expired.user_code_digest, &approve, late)
        .await
        .unwrap());
    assert!(!dc
        .decide_device_code(&digest(), &approve, now())
        .await
        .unwrap());
    assert_eq!(find(s, &expired).await.status, DeviceStatus::Pending);
}

pub async fn an_approved_device_code_is_taken_once(s: &Stores) {
    let code = sample_device_code();
    s.device_codes.insert_device_code(&code).await.unwrap();
    let dc = &s.device_codes;
    assert_eq!(
        dc.take_approved_device_code(&code.digest).await.unwrap(),
        None
    );
    let a = approval();
    let approve = DeviceDecision::Approve(a.clone());
    assert!(dc
        .decide_device_code(&code.user_code_digest, &approve, now())
        .await
        .unwrap());
    let taken = dc.take_approved_device_code(&code.digest).await.unwrap();
    let approved = DeviceCode {
        status: DeviceStatus::Approved(a),
        ..code.clone()
    };
    assert_eq!(taken, Some(approved));
    assert_eq!(
        dc.take_approved_device_code(&code.digest).await.unwrap(),
        None
    );
    assert_eq!(find(s, &code).await.status, DeviceStatus::Consumed);
    assert_eq!(dc.take_approved_device_code(&digest()).await.unwrap(), None);
}

pub async fn only_one_of_sixteen_concurrent_takes_of_an_approved_device_code_wins(s: &Stores) {
    let code = sample_device_code();
    s.device_codes.insert_device_code(&code).await.unwrap();
    let approve = DeviceDecision::Approve(approval());
    let decided = s
        .device_codes
        .decide_device_code(&code.user_code_digest, &approve, now())
        .await;
    assert!(decided.unwrap());
    let barrier = Arc::new(Barrier::new(RACERS));
    let racers: Vec<_> = (0..RACERS)
        .map(|_| {
            let (s, barrier, digest) = (s.clone(), barrier.clone(), code.digest.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                s.device_codes.take_approved_device_code(&digest).await
            })
        })
        .collect();
    let mut winners = 0;
    for racer in racers {
        if let Some(c) = racer.await.unwrap().unwrap() {
            assert!(matches!(c.status, DeviceStatus::Approved(_)));
            winners += 1;
        }
    }
    assert_eq!(winners, 1);
}

pub async fn an_expired_device_code_outlives_a_sweep_during_the_purge_grace(s: &Stores) {
    let expired = DeviceCode {
        expires_at: now() - secs(3_600),
        ..sample_device_code()
    };
    s.device_codes.insert_device_code(&expired).await.unwrap();
    s.admin.sweep_expired(now()).await.unwrap();
    assert_eq!(find(s, &expired).await, expired);
}

/// The SQLite sweeper removes a device code once it has been expired for the purge grace
/// (MongoDB's TTL index on `purge_at` does the same on its own schedule).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_sqlite_sweeper_deletes_device_codes_expired_beyond_the_purge_grace() {
    crate::harness::run_sqlite(|s| async move {
        let old = DeviceCode {
            expires_at: now() - secs(25 * 3_600),
            ..sample_device_code()
        };
        let live = sample_device_code();
        for c in [&old, &live] {
            s.device_codes.insert_device_code(c).await.unwrap();
        }
        assert_eq!(s.admin.sweep_expired(now()).await.unwrap(), 1);
        assert_not_found(
            s.device_codes
                .find_device_code_by_user_code(&old.user_code_digest)
                .await,
        );
        assert_eq!(find(&s, &live).await, live);
    })
    .await;
}
