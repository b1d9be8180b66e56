//! ConsentStore: one consent per (user, client), replaced in place, deleted in bulk.

use auth_center::domain::Consent;
use auth_center::store::Stores;

use crate::fixtures::*;

async fn clients_consented_by(s: &Stores, user_id: &str) -> Vec<String> {
    let consents = s.consents.list_consents_for_user(user_id).await.unwrap();
    assert!(consents.iter().all(|c| c.user_id == user_id));
    let mut clients: Vec<String> = consents.into_iter().map(|c| c.client_id).collect();
    clients.sort();
    clients
}

pub async fn a_consent_is_put_read_replaced_and_deleted_idempotently(s: &Stores) {
    let (user, client) = (id(), unique("app"));
    assert_not_found(s.consents.get_consent(&user, &client).await);
    let consent = sample_consent(&user, &client);
    s.consents.put_consent(&consent).await.unwrap();
    assert_eq!(
        s.consents.get_consent(&user, &client).await.unwrap(),
        consent
    );

    let wider = Consent {
        scopes: vec![
            "openid".into(),
            "profile".into(),
            "email".into(),
            "groups".into(),
        ],
        updated_at: consent.updated_at + secs(60),
        ..consent.clone()
    };
    s.consents.put_consent(&wider).await.unwrap();
    assert_eq!(s.consents.get_consent(&user, &client).await.unwrap(), wider);
    assert_eq!(clients_consented_by(s, &user).await, vec![client.clone()]);

    s.consents.delete_consent(&user, &client).await.unwrap();
    assert_not_found(s.consents.get_consent(&user, &client).await);
    s.consents.delete_consent(&user, &client).await.unwrap();
    assert!(clients_consented_by(s, &user).await.is_empty());
}

pub async fn the_consents_of_a_user_are_listed(s: &Stores) {
    let (user, other_user) = (id(), id());
    let (c1, c2) = (unique("app"), unique("app"));
    let mine = [sample_consent(&user, &c1), sample_consent(&user, &c2)];
    for c in &mine {
        s.consents.put_consent(c).await.unwrap();
    }
    s.consents
        .put_consent(&sample_consent(&other_user, &c1))
        .await
        .unwrap();
    let mut listed = s.consents.list_consents_for_user(&user).await.unwrap();
    listed.sort_by(|a, b| a.client_id.cmp(&b.client_id));
    let mut expected = mine.to_vec();
    expected.sort_by(|a, b| a.client_id.cmp(&b.client_id));
    assert_eq!(listed, expected);
    assert_eq!(clients_consented_by(s, &other_user).await, vec![c1]);
    assert!(clients_consented_by(s, &id()).await.is_empty());
}

pub async fn deleting_the_consents_of_a_client_keeps_those_given_to_other_clients(s: &Stores) {
    let (alice, bob) = (id(), id());
    let (doomed, kept) = (unique("app"), unique("app"));
    for (user, client) in [(&alice, &doomed), (&alice, &kept), (&bob, &doomed)] {
        s.consents
            .put_consent(&sample_consent(user, client))
            .await
            .unwrap();
    }
    s.consents
        .delete_consents_for_client(&doomed)
        .await
        .unwrap();
    assert_eq!(clients_consented_by(s, &alice).await, vec![kept.clone()]);
    assert!(clients_consented_by(s, &bob).await.is_empty());
    assert_not_found(s.consents.get_consent(&bob, &doomed).await);
}

pub async fn deleting_the_consents_of_a_user_keeps_those_of_other_users(s: &Stores) {
    let (alice, bob) = (id(), id());
    let (c1, c2) = (unique("app"), unique("app"));
    for (user, client) in [(&alice, &c1), (&alice, &c2), (&bob, &c1)] {
        s.consents
            .put_consent(&sample_consent(user, client))
            .await
            .unwrap();
    }
    s.consents.delete_consents_for_user(&alice).await.unwrap();
    assert!(clients_consented_by(s, &alice).await.is_empty());
    assert_eq!(clients_consented_by(s, &bob).await, vec![c1.clone()]);
    assert_not_found(s.consents.get_consent(&alice, &c2).await);
    assert!(s.consents.get_consent(&bob, &c1).await.is_ok());
}
