//! RegistrationStore (RFC 7591, RFC 7592): an initial access token is read without being used,
//! used once per use it has and never after it expired, and of sixteen concurrent uses of its
//! last one exactly one wins; a registration record round-trips, its token is replaced only
//! by the request holding the current one, and deleting it is idempotent. Tokens are listed
//! newest first while they have not expired, in pages with the total, and revoked by id.

use std::sync::Arc;

use auth_center::domain::{ClientRegistration, InitialAccessToken, Page, RegisteredMetadata};
use auth_center::store::Stores;
use tokio::sync::Barrier;

use crate::fixtures::*;

const RACERS: usize = 16;

fn sample_token(uses: u32) -> InitialAccessToken {
    let t = now();
    InitialAccessToken {
        id: id(),
        digest: digest(),
        label: None,
        max_uses: uses,
        uses_left: uses,
        created_by: id(),
        created_at: t,
        expires_at: t + secs(3600),
    }
}

pub async fn an_initial_access_token_is_used_once_per_use_and_never_after_it_expired(s: &Stores) {
    let r = &s.registrations;
    let t = sample_token(2);
    r.insert_initial_token(&t).await.unwrap();
    assert_eq!(
        r.get_initial_token(&t.digest).await.unwrap(),
        Some(t.clone())
    );
    assert_eq!(
        r.get_initial_token(&t.digest).await.unwrap(),
        Some(t.clone()),
        "reading does not use it"
    );
    let used = r
        .use_initial_token(&t.digest, now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(used.uses_left, 1);
    let late = t.expires_at + secs(1);
    assert_eq!(
        r.use_initial_token(&t.digest, late).await.unwrap(),
        None,
        "expired"
    );
    let last = r
        .use_initial_token(&t.digest, now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!((last.uses_left, last.max_uses), (0, 2));
    assert_eq!(
        r.use_initial_token(&t.digest, now()).await.unwrap(),
        None,
        "used up"
    );
    assert_eq!(
        r.use_initial_token(&digest(), now()).await.unwrap(),
        None,
        "unknown"
    );
    let again = r.insert_initial_token(&t).await;
    assert_conflict(again, "initial_access_token");
}

pub async fn only_one_of_sixteen_concurrent_uses_of_the_last_use_of_an_initial_token_wins(
    s: &Stores,
) {
    let t = InitialAccessToken {
        uses_left: 1,
        ..sample_token(3)
    };
    s.registrations.insert_initial_token(&t).await.unwrap();
    let barrier = Arc::new(Barrier::new(RACERS));
    let racers: Vec<_> = (0..RACERS)
        .map(|_| {
            let (s, barrier, digest) = (s.clone(), barrier.clone(), t.digest.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                s.registrations.use_initial_token(&digest, now()).await
            })
        })
        .collect();
    let mut winners = 0;
    for racer in racers {
        if racer.await.unwrap().unwrap().is_some() {
            winners += 1;
        }
    }
    assert_eq!(winners, 1);
    let left = s.registrations.get_initial_token(&t.digest).await.unwrap();
    assert_eq!(left.unwrap().uses_left, 0);
}

pub async fn a_registration_is_replaced_only_by_the_holder_of_its_token_and_deleted_idempotently(
    s: &Stores,
) {
    let app = sample_client(&id(), 1);
    s.clients.insert_client(&app).await.unwrap();
    let t = now();
    let reg = ClientRegistration {
        client_id: app.client_id.clone(),
        token_digest: digest(),
        metadata: RegisteredMetadata {
            token_endpoint_auth_method: "client_secret_post".into(),
            contacts: vec!["ops@client.example".into()],
            tos_uri: Some("https://client.example/tos".into()),
            policy_uri: None,
            software_id: Some("soft".into()),
            software_version: Some("1.0".into()),
        },
        created_at: t,
        updated_at: t,
    };
    let r = &s.registrations;
    r.insert_registration(&reg).await.unwrap();
    assert_eq!(r.get_registration(&app.client_id).await.unwrap(), reg);
    assert_conflict(r.insert_registration(&reg).await, "client_id");
    let renewed = ClientRegistration {
        token_digest: digest(),
        metadata: RegisteredMetadata::default(),
        updated_at: t + secs(5),
        ..reg.clone()
    };
    assert!(
        !r.replace_registration(&digest(), &renewed).await.unwrap(),
        "a stale token"
    );
    assert_eq!(r.get_registration(&app.client_id).await.unwrap(), reg);
    assert!(r
        .replace_registration(&reg.token_digest, &renewed)
        .await
        .unwrap());
    assert!(
        !r.replace_registration(&reg.token_digest, &renewed)
            .await
            .unwrap(),
        "once"
    );
    assert_eq!(r.get_registration(&app.client_id).await.unwrap(), renewed);
    r.delete_registration(&app.client_id).await.unwrap();
    r.delete_registration(&app.client_id).await.unwrap();
    assert_not_found(r.get_registration(&app.client_id).await);
}

pub async fn initial_access_tokens_are_listed_newest_first_while_live_and_revoked_by_id(
    s: &Stores,
) {
    let r = &s.registrations;
    let t = now();
    let mut made = Vec::new();
    for (age, label) in [(3, Some("partner")), (2, None), (1, Some("ci"))] {
        let mut token = sample_token(2);
        token.created_at = t - secs(age);
        token.label = label.map(str::to_owned);
        r.insert_initial_token(&token).await.unwrap();
        made.push(token);
    }
    let mut expired = sample_token(1);
    expired.created_at = t;
    expired.expires_at = t - secs(1);
    r.insert_initial_token(&expired).await.unwrap();
    let all = r.list_initial_tokens(t, Page::new(0, 10)).await.unwrap();
    assert_eq!(all.total, 3, "the expired one is not listed");
    let newest_first: Vec<_> = made.iter().rev().cloned().collect();
    assert_eq!(all.items, newest_first, "every field round-trips");
    let second = r.list_initial_tokens(t, Page::new(1, 1)).await.unwrap();
    assert_eq!((second.total, second.items), (3, vec![made[1].clone()]));

    assert!(r.revoke_initial_token(&made[1].id).await.unwrap());
    assert!(!r.revoke_initial_token(&made[1].id).await.unwrap(), "gone");
    assert!(!r.revoke_initial_token(&id()).await.unwrap(), "unknown");
    assert_eq!(r.get_initial_token(&made[1].digest).await.unwrap(), None);
    assert_eq!(r.use_initial_token(&made[1].digest, t).await.unwrap(), None);
    let left = r.list_initial_tokens(t, Page::new(0, 10)).await.unwrap();
    let ids: Vec<_> = left.items.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, [made[2].id.as_str(), made[0].id.as_str()]);
    assert!(r
        .use_initial_token(&made[0].digest, t)
        .await
        .unwrap()
        .is_some());
}
