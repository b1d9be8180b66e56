//! SessionStore and EmailTokenStore: server-side sessions and one-time email tokens.

use std::sync::Arc;

use auth_center::domain::{EmailTokenPurpose, Session};
use auth_center::store::Stores;
use tokio::sync::Barrier;

use crate::fixtures::*;

const RACERS: usize = 16;

pub async fn a_session_round_trips_and_touching_it_moves_its_deadlines(s: &Stores) {
    let user = id();
    let session = sample_session(&user);
    let anonymous_agent = Session {
        user_agent: None,
        ..sample_session(&user)
    };
    for sess in [&session, &anonymous_agent] {
        s.sessions.insert_session(sess).await.unwrap();
        assert_eq!(&s.sessions.get_session(&sess.id).await.unwrap(), sess);
    }
    let (seen, expires) = (
        session.last_seen_at + secs(30),
        session.expires_at + secs(30),
    );
    s.sessions
        .touch_session(&session.id, seen, expires)
        .await
        .unwrap();
    let touched = Session {
        last_seen_at: seen,
        expires_at: expires,
        ..session.clone()
    };
    assert_eq!(s.sessions.get_session(&session.id).await.unwrap(), touched);
    let other = s.sessions.get_session(&anonymous_agent.id).await.unwrap();
    assert_eq!(other, anonymous_agent);

    s.sessions.delete_session(&session.id).await.unwrap();
    assert_not_found(s.sessions.get_session(&session.id).await);
    s.sessions.delete_session(&session.id).await.unwrap();
    assert_not_found(s.sessions.get_session(&digest()).await);
    assert!(s.sessions.get_session(&anonymous_agent.id).await.is_ok());
}

pub async fn deleting_the_sessions_of_a_user_keeps_the_one_asked_for(s: &Stores) {
    let (user, other_user) = (id(), id());
    let mine = [
        sample_session(&user),
        sample_session(&user),
        sample_session(&user),
    ];
    let theirs = sample_session(&other_user);
    for sess in mine.iter().chain([&theirs]) {
        s.sessions.insert_session(sess).await.unwrap();
    }
    let deleted = s
        .sessions
        .delete_sessions_for_user(&user, Some(&mine[1].id));
    assert_eq!(deleted.await.unwrap(), 2);
    assert_not_found(s.sessions.get_session(&mine[0].id).await);
    assert_eq!(s.sessions.get_session(&mine[1].id).await.unwrap(), mine[1]);
    assert_not_found(s.sessions.get_session(&mine[2].id).await);

    assert_eq!(
        s.sessions
            .delete_sessions_for_user(&user, None)
            .await
            .unwrap(),
        1
    );
    assert_not_found(s.sessions.get_session(&mine[1].id).await);
    assert_eq!(s.sessions.get_session(&theirs.id).await.unwrap(), theirs);
}

pub async fn a_person_lists_and_ends_only_their_own_sessions_by_public_id(s: &Stores) {
    let (user, other_user) = (id(), id());
    let older = Session {
        created_at: now() - secs(60),
        ..sample_session(&user)
    };
    let newer = sample_session(&user);
    let theirs = sample_session(&other_user);
    for sess in [&older, &newer, &theirs] {
        s.sessions.insert_session(sess).await.unwrap();
    }
    let listed = s.sessions.list_sessions_for_user(&user).await.unwrap();
    assert_eq!(listed, [newer.clone(), older.clone()]);

    let store = s.sessions.as_ref();
    assert!(!store
        .delete_user_session(&user, &theirs.public_id)
        .await
        .unwrap());
    assert_eq!(s.sessions.get_session(&theirs.id).await.unwrap(), theirs);
    assert!(!store.delete_user_session(&user, "").await.unwrap());
    assert!(!store.delete_user_session(&user, &theirs.id).await.unwrap());

    assert!(store
        .delete_user_session(&user, &older.public_id)
        .await
        .unwrap());
    assert_not_found(s.sessions.get_session(&older.id).await);
    assert!(!store
        .delete_user_session(&user, &older.public_id)
        .await
        .unwrap());
    let listed = s.sessions.list_sessions_for_user(&user).await.unwrap();
    assert_eq!(listed, [newer]);
}

pub async fn a_device_is_new_once_per_person_even_among_sixteen_concurrent_sign_ins(s: &Stores) {
    let (user, other_user) = (sample_user(1), sample_user(2));
    for u in [&user, &other_user] {
        s.users.insert_user(u).await.unwrap();
    }
    let (t, device) = (now(), digest());
    let until = t + secs(3_600);
    let barrier = Arc::new(Barrier::new(RACERS));
    let racers: Vec<_> = (0..RACERS)
        .map(|_| {
            let (store, barrier) = (s.sessions.clone(), barrier.clone());
            let (user_id, device) = (user.id.clone(), device.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                let remembered = store.remember_device(&user_id, &device, t, until);
                remembered.await.unwrap()
            })
        })
        .collect();
    let mut new = 0;
    for r in racers {
        new += usize::from(r.await.unwrap());
    }
    assert_eq!(new, 1, "exactly one of the sign-ins finds the device new");
    assert_eq!(s.sessions.count_devices(&user.id).await.unwrap(), 1);

    let store = s.sessions.as_ref();
    assert!(!store
        .remember_device(&user.id, &device, t + secs(5), until)
        .await
        .unwrap());
    // The same cookie digest is another person's device for them.
    assert!(store
        .remember_device(&other_user.id, &device, t, until)
        .await
        .unwrap());
    assert!(store
        .remember_device(&user.id, &digest(), t, until)
        .await
        .unwrap());
    assert_eq!(s.sessions.count_devices(&user.id).await.unwrap(), 2);
    assert_eq!(s.sessions.count_devices(&other_user.id).await.unwrap(), 1);
    assert_eq!(s.sessions.count_devices(&id()).await.unwrap(), 0);

    // A deleted account's devices are forgotten; nobody else's are touched.
    assert_eq!(store.forget_devices(&user.id).await.unwrap(), 2);
    assert_eq!(s.sessions.count_devices(&user.id).await.unwrap(), 0);
    assert_eq!(s.sessions.count_devices(&other_user.id).await.unwrap(), 1);
    assert!(store
        .remember_device(&user.id, &device, t, until)
        .await
        .unwrap());
}

pub async fn an_email_token_is_consumed_once(s: &Stores) {
    let token = sample_email_token(&id(), EmailTokenPurpose::ResetPassword);
    s.email_tokens.insert_email_token(&token).await.unwrap();
    let purpose = EmailTokenPurpose::ResetPassword;
    assert_eq!(
        consume(s, &token.digest, purpose).await,
        Some(token.clone())
    );
    assert_eq!(consume(s, &token.digest, purpose).await, None);
    assert_eq!(consume(s, &digest(), purpose).await, None);
}

pub async fn consuming_an_email_token_for_another_purpose_leaves_it_in_place(s: &Stores) {
    let token = sample_email_token(&id(), EmailTokenPurpose::VerifyEmail);
    s.email_tokens.insert_email_token(&token).await.unwrap();
    for wrong in [
        EmailTokenPurpose::ResetPassword,
        EmailTokenPurpose::ChangeEmail,
    ] {
        assert_eq!(consume(s, &token.digest, wrong).await, None);
    }
    let right = EmailTokenPurpose::VerifyEmail;
    assert_eq!(consume(s, &token.digest, right).await, Some(token));
}

pub async fn deleting_the_email_tokens_of_a_user_for_a_purpose_keeps_the_others(s: &Stores) {
    use EmailTokenPurpose::{ResetPassword, VerifyEmail};
    let (user, other_user) = (id(), id());
    let doomed = [
        sample_email_token(&user, VerifyEmail),
        sample_email_token(&user, VerifyEmail),
    ];
    let other_purpose = sample_email_token(&user, ResetPassword);
    let other_users = sample_email_token(&other_user, VerifyEmail);
    for t in doomed.iter().chain([&other_purpose, &other_users]) {
        s.email_tokens.insert_email_token(t).await.unwrap();
    }
    s.email_tokens
        .delete_email_tokens_for_user(&user, VerifyEmail)
        .await
        .unwrap();
    for t in &doomed {
        assert_eq!(consume(s, &t.digest, VerifyEmail).await, None);
    }
    let got = consume(s, &other_purpose.digest, ResetPassword).await;
    assert_eq!(got, Some(other_purpose));
    let got = consume(s, &other_users.digest, VerifyEmail).await;
    assert_eq!(got, Some(other_users));
}

pub async fn deleting_every_email_token_of_a_user_keeps_other_users_tokens(s: &Stores) {
    use EmailTokenPurpose::{ChangeEmail, ResetPassword, VerifyEmail};
    let (user, other_user) = (id(), id());
    let doomed = [
        sample_email_token(&user, VerifyEmail),
        sample_email_token(&user, ResetPassword),
        sample_email_token(&user, ChangeEmail),
        sample_email_token(&user, ChangeEmail),
    ];
    let others = sample_email_token(&other_user, ChangeEmail);
    for t in doomed.iter().chain([&others]) {
        s.email_tokens.insert_email_token(t).await.unwrap();
    }
    let deleted = s.email_tokens.delete_all_email_tokens_for_user(&user);
    assert_eq!(deleted.await.unwrap(), 4);
    for t in &doomed {
        assert_eq!(consume(s, &t.digest, t.purpose).await, None);
    }
    let again = s.email_tokens.delete_all_email_tokens_for_user(&user);
    assert_eq!(again.await.unwrap(), 0);
    assert_eq!(consume(s, &others.digest, ChangeEmail).await, Some(others));
}

pub async fn only_one_of_sixteen_concurrent_consumers_gets_an_email_token(s: &Stores) {
    let purpose = EmailTokenPurpose::ChangeEmail;
    let token = sample_email_token(&id(), purpose);
    s.email_tokens.insert_email_token(&token).await.unwrap();
    let barrier = Arc::new(Barrier::new(RACERS));
    let racers: Vec<_> = (0..RACERS)
        .map(|_| {
            let (s, barrier, digest) = (s.clone(), barrier.clone(), token.digest.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                s.email_tokens.consume_email_token(&digest, purpose).await
            })
        })
        .collect();
    let mut winners = 0;
    for racer in racers {
        if let Some(got) = racer.await.unwrap().unwrap() {
            assert_eq!(got, token);
            winners += 1;
        }
    }
    assert_eq!(winners, 1);
}
