//! SecondFactorStore: an enrolment never replaces a confirmed factor, a TOTP step and a
//! recovery code count once (also among sixteen concurrent callers), and the factor goes with
//! its recovery codes.

use std::sync::Arc;

use auth_center::domain::SecondFactor;
use auth_center::store::Stores;
use tokio::sync::Barrier;

use crate::fixtures::*;

const RACERS: usize = 16;

fn enrolment(user_id: &str, secret: &str) -> SecondFactor {
    SecondFactor {
        user_id: user_id.to_owned(),
        secret: secret.to_owned(),
        confirmed_at: None,
        last_step: 0,
        recovery_codes: Vec::new(),
        created_at: now(),
    }
}

/// A stored user (SQLite keeps factors of existing accounts only) with a confirmed factor
/// and `codes` as its recovery codes.
async fn confirmed(s: &Stores, codes: &[String]) -> String {
    let user = sample_user(1);
    s.users.insert_user(&user).await.unwrap();
    let f = s.second_factors.as_ref();
    assert!(f
        .put_enrolment(&enrolment(&user.id, "sealed-1"))
        .await
        .unwrap());
    let ok = f.confirm_enrolment(&user.id, "sealed-1", 100, codes, now());
    assert!(ok.await.unwrap());
    user.id
}

pub async fn an_enrolment_is_confirmed_once_and_never_replaces_a_confirmed_factor(s: &Stores) {
    let user = sample_user(1);
    s.users.insert_user(&user).await.unwrap();
    let f = s.second_factors.as_ref();
    assert_eq!(f.get_second_factor(&user.id).await.unwrap(), None);
    assert!(f.put_enrolment(&enrolment(&user.id, "old")).await.unwrap());
    assert!(
        f.put_enrolment(&enrolment(&user.id, "new")).await.unwrap(),
        "restarted"
    );
    let codes = vec![digest(), digest()];
    let stale = f.confirm_enrolment(&user.id, "old", 7, &codes, now());
    assert!(
        !stale.await.unwrap(),
        "the replaced secret cannot be confirmed"
    );
    assert!(f
        .confirm_enrolment(&user.id, "new", 7, &codes, now())
        .await
        .unwrap());
    assert!(!f
        .confirm_enrolment(&user.id, "new", 8, &codes, now())
        .await
        .unwrap());
    assert!(!f
        .put_enrolment(&enrolment(&user.id, "other"))
        .await
        .unwrap());
    let stored = f.get_second_factor(&user.id).await.unwrap().unwrap();
    assert_eq!((stored.secret.as_str(), stored.last_step), ("new", 7));
    assert!(stored.is_active());
    let mut want = codes.clone();
    want.sort();
    let mut got = stored.recovery_codes.clone();
    got.sort();
    assert_eq!(got, want);
}

pub async fn a_totp_step_counts_once_and_never_before_the_last_one(s: &Stores) {
    let user_id = confirmed(s, &[]).await;
    let f = s.second_factors.as_ref();
    assert!(
        !f.use_totp_step(&user_id, 100).await.unwrap(),
        "the confirming step"
    );
    assert!(f.use_totp_step(&user_id, 101).await.unwrap());
    assert!(!f.use_totp_step(&user_id, 101).await.unwrap());
    assert!(!f.use_totp_step(&user_id, 100).await.unwrap());
    assert!(f.use_totp_step(&user_id, 103).await.unwrap());
    let unconfirmed = sample_user(2);
    s.users.insert_user(&unconfirmed).await.unwrap();
    assert!(f
        .put_enrolment(&enrolment(&unconfirmed.id, "x"))
        .await
        .unwrap());
    assert!(!f.use_totp_step(&unconfirmed.id, 5).await.unwrap());
}

pub async fn only_one_of_sixteen_concurrent_uses_of_a_step_or_recovery_code_wins(s: &Stores) {
    let code = digest();
    let user_id = confirmed(s, std::slice::from_ref(&code)).await;
    for use_recovery in [false, true] {
        let barrier = Arc::new(Barrier::new(RACERS));
        let racers: Vec<_> = (0..RACERS)
            .map(|_| {
                let (s, barrier) = (s.clone(), barrier.clone());
                let (user_id, code) = (user_id.clone(), code.clone());
                tokio::spawn(async move {
                    barrier.wait().await;
                    let f = s.second_factors.as_ref();
                    if use_recovery {
                        f.take_recovery_code(&user_id, &code).await
                    } else {
                        f.use_totp_step(&user_id, 200).await
                    }
                })
            })
            .collect();
        let mut wins = 0;
        for r in racers {
            wins += usize::from(r.await.unwrap().unwrap());
        }
        assert_eq!(wins, 1, "recovery code: {use_recovery}");
    }
    let left = s.second_factors.get_second_factor(&user_id).await.unwrap();
    assert!(left.unwrap().recovery_codes.is_empty());
}

pub async fn new_recovery_codes_replace_the_old_and_deleting_removes_everything(s: &Stores) {
    let (old, new) = (digest(), digest());
    let user_id = confirmed(s, std::slice::from_ref(&old)).await;
    let f = s.second_factors.as_ref();
    assert!(f
        .replace_recovery_codes(&user_id, std::slice::from_ref(&new))
        .await
        .unwrap());
    assert!(!f.take_recovery_code(&user_id, &old).await.unwrap());
    assert!(f.take_recovery_code(&user_id, &new).await.unwrap());
    assert!(f.delete_second_factor(&user_id).await.unwrap());
    assert!(!f.delete_second_factor(&user_id).await.unwrap());
    assert_eq!(f.get_second_factor(&user_id).await.unwrap(), None);
    assert!(!f.replace_recovery_codes(&user_id, &[new]).await.unwrap());
}
