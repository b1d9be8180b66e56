//! OutboxStore: the durable mail outbox. A message is claimed with a lease by one atomic update
//! (of concurrent claimers exactly one gets it), hidden while leased, due again when its lease
//! ends (a sender that died) or at the retry time it is released to, gone once acknowledged,
//! and never claimable after it expired. Acknowledging and releasing belong to the current
//! claim only.

use std::sync::Arc;

use auth_center::store::{OutboxMessage, Stores};
use tokio::sync::Barrier;

use crate::fixtures::*;

const RACERS: usize = 16;

fn sample_mail(due_in_secs: i64) -> OutboxMessage {
    let t = now();
    OutboxMessage {
        id: unique("mail"),
        kind: "reset_password".into(),
        user_id: id(),
        to: format!("{}@example.com", unique("jane")),
        subject: "Reset your password".into(),
        text: "https://id.example/accounts/reset/?token=secret".into(),
        html: "<a href=\"https://id.example/accounts/reset/?token=secret\">reset</a>".into(),
        created_at: t,
        expires_at: t + secs(1_800),
        due_at: t + secs(due_in_secs),
        attempts: 0,
    }
}

pub async fn a_claimed_message_is_hidden_until_its_lease_ends_then_claimed_again(s: &Stores) {
    let mail = sample_mail(0);
    s.outbox.enqueue_mail(&mail).await.unwrap();
    let (t, lease_end) = (now(), now() + secs(60));
    let first = s.outbox.claim_mail(None, "a", t, lease_end).await.unwrap();
    let expected = OutboxMessage {
        due_at: lease_end,
        attempts: 1,
        ..mail.clone()
    };
    assert_eq!(
        first.as_ref(),
        Some(&expected),
        "the claim returns it leased"
    );
    for at in [t, lease_end - secs(1)] {
        let hidden = s.outbox.claim_mail(None, "b", at, at + secs(60)).await;
        assert_eq!(hidden.unwrap(), None, "leased to a until {lease_end}");
    }
    // Sender a died: at the end of its lease the message is someone else's.
    let again = s
        .outbox
        .claim_mail(Some(&mail.id), "b", lease_end, lease_end + secs(60));
    assert_eq!(again.await.unwrap().map(|m| m.attempts), Some(2));
    assert!(
        !s.outbox.ack_mail(&mail.id, "a").await.unwrap(),
        "a's claim is over"
    );
    let late_release = s.outbox.release_mail(&mail.id, "a", t).await.unwrap();
    assert!(!late_release, "a cannot release b's claim");
    assert_eq!(s.outbox.count_mail().await.unwrap(), 1);
    assert!(s.outbox.ack_mail(&mail.id, "b").await.unwrap());
    assert_eq!(
        s.outbox.count_mail().await.unwrap(),
        0,
        "delivered mail is deleted"
    );
    let gone = s
        .outbox
        .claim_mail(None, "c", lease_end + secs(600), lease_end + secs(660));
    assert_eq!(gone.await.unwrap(), None);
}

pub async fn a_released_message_is_due_again_at_its_retry_time(s: &Stores) {
    let mail = sample_mail(0);
    s.outbox.enqueue_mail(&mail).await.unwrap();
    let t = now();
    let claimed = s.outbox.claim_mail(Some(&mail.id), "a", t, t + secs(60));
    assert!(claimed.await.unwrap().is_some());
    let retry_at = t + secs(5);
    assert!(s
        .outbox
        .release_mail(&mail.id, "a", retry_at)
        .await
        .unwrap());
    let early = s
        .outbox
        .claim_mail(None, "b", retry_at - secs(1), retry_at + secs(60));
    assert_eq!(early.await.unwrap(), None, "not before its retry time");
    let due = s
        .outbox
        .claim_mail(None, "b", retry_at, retry_at + secs(60))
        .await;
    let due = due.unwrap().expect("due at its retry time");
    assert_eq!((due.id.as_str(), due.attempts), (mail.id.as_str(), 2));
    assert!(
        !s.outbox.ack_mail(&mail.id, "a").await.unwrap(),
        "a released it"
    );
}

pub async fn messages_are_claimed_earliest_due_first_only_when_due_and_unexpired(s: &Stores) {
    let later = sample_mail(-10);
    let earlier = sample_mail(-20);
    let not_yet = sample_mail(30);
    let expired = OutboxMessage {
        expires_at: now() - secs(1),
        ..sample_mail(-30)
    };
    for m in [&later, &earlier, &not_yet, &expired] {
        s.outbox.enqueue_mail(m).await.unwrap();
    }
    let conflict = s.outbox.enqueue_mail(&later).await;
    assert!(matches!(
        conflict,
        Err(auth_center::store::StoreError::Conflict("id"))
    ));
    let t = now();
    let mut order = Vec::new();
    while let Some(m) = s
        .outbox
        .claim_mail(None, "a", t, t + secs(60))
        .await
        .unwrap()
    {
        order.push(m.id);
    }
    assert_eq!(
        order,
        [earlier.id, later.id],
        "neither the future nor the expired one"
    );
    let by_id = s.outbox.claim_mail(Some(&not_yet.id), "a", t, t + secs(60));
    assert_eq!(
        by_id.await.unwrap(),
        None,
        "a message is not claimed by id before it is due"
    );
    let expired_by_id = s.outbox.claim_mail(Some(&expired.id), "a", t, t + secs(60));
    assert_eq!(expired_by_id.await.unwrap(), None);
}

pub async fn sixteen_concurrent_claimers_of_four_messages_get_each_exactly_once(s: &Stores) {
    let mails: Vec<OutboxMessage> = (0..4).map(|_| sample_mail(-1)).collect();
    for m in &mails {
        s.outbox.enqueue_mail(m).await.unwrap();
    }
    let barrier = Arc::new(Barrier::new(RACERS));
    let mut handles = Vec::new();
    for n in 0..RACERS {
        let (s, barrier) = (s.clone(), barrier.clone());
        handles.push(tokio::spawn(async move {
            barrier.wait().await;
            let t = now();
            let claim = format!("claimer-{n}");
            s.outbox
                .claim_mail(None, &claim, t, t + secs(60))
                .await
                .unwrap()
        }));
    }
    let mut won: Vec<String> = Vec::new();
    for h in handles {
        won.extend(h.await.unwrap().map(|m| m.id));
    }
    won.sort();
    let mut expected: Vec<String> = mails.into_iter().map(|m| m.id).collect();
    expected.sort();
    assert_eq!(won, expected, "four winners, one per message, none twice");
}

pub async fn sixteen_concurrent_claimers_of_one_message_by_id_leave_one_winner(s: &Stores) {
    let mail = sample_mail(0);
    s.outbox.enqueue_mail(&mail).await.unwrap();
    let barrier = Arc::new(Barrier::new(RACERS));
    let mut handles = Vec::new();
    for n in 0..RACERS {
        let (s, barrier, id) = (s.clone(), barrier.clone(), mail.id.clone());
        handles.push(tokio::spawn(async move {
            barrier.wait().await;
            let t = now() + secs(1);
            let claim = format!("claimer-{n}");
            let got = s.outbox.claim_mail(Some(&id), &claim, t, t + secs(60));
            got.await.unwrap().map(|_| claim)
        }));
    }
    let mut winners = Vec::new();
    for h in handles {
        winners.extend(h.await.unwrap());
    }
    assert_eq!(winners.len(), 1, "{winners:?}");
    assert!(s.outbox.ack_mail(&mail.id, &winners[0]).await.unwrap());
}

pub async fn a_sweep_deletes_expired_mail_and_keeps_the_rest(s: &Stores) {
    let live = sample_mail(0);
    let expired = OutboxMessage {
        expires_at: now() - secs(1),
        ..sample_mail(0)
    };
    s.outbox.enqueue_mail(&live).await.unwrap();
    s.outbox.enqueue_mail(&expired).await.unwrap();
    s.admin.sweep_expired(now()).await.unwrap();
    let t = now();
    let left = s
        .outbox
        .claim_mail(None, "a", t, t + secs(60))
        .await
        .unwrap();
    assert_eq!(left.map(|m| m.id), Some(live.id));
    if s.admin.backend_name() == "sqlite" {
        // MongoDB's TTL monitor collects the other one on its own schedule.
        assert_eq!(s.outbox.count_mail().await.unwrap(), 1);
    }
}
