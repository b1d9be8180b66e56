//! ClientStore: a full round trip of every field, uniqueness and per-owner listings.

use auth_center::domain::{Client, ClientSecret, ClientType, GrantType, Page};
use auth_center::store::Stores;

use crate::fixtures::*;

pub async fn a_client_round_trips_with_every_field(s: &Stores) {
    let owner = id();
    let client = Client {
        grant_types: GrantType::ALL.to_vec(),
        ..sample_client(&owner, 1)
    };
    s.clients.insert_client(&client).await.unwrap();
    assert_eq!(
        s.clients.get_client(&client.client_id).await.unwrap(),
        client
    );

    // Everything but client_id and created_at is replaced, including emptied lists and options.
    let new_owner = id();
    let changed = Client {
        client_id: client.client_id.clone(),
        owner_id: new_owner.clone(),
        name: "Renamed".into(),
        description: String::new(),
        homepage_url: None,
        logo_url: None,
        redirect_uris: vec!["https://renamed.example.com/cb".into()],
        post_logout_redirect_uris: vec![],
        client_type: ClientType::Public,
        secrets: vec![ClientSecret {
            digest: digest(),
            created_at: client.updated_at + secs(1),
            expires_at: Some(client.updated_at + secs(7_200)),
        }],
        grant_types: vec![GrantType::Implicit, GrantType::Password],
        scopes: vec![],
        access_token_ttl_secs: None,
        refresh_token_ttl_secs: None,
        first_party: true,
        introspection: true,
        require_pushed_authorization_requests: true,
        require_mfa: true,
        dpop_bound_access_tokens: true,
        fapi2: true,
        jwks: None,
        jwks_uri: Some("https://renamed.example.com/jwks.json".into()),
        created_at: client.created_at - secs(999),
        updated_at: client.updated_at + secs(60),
    };
    s.clients.update_client(&changed).await.unwrap();
    let expected = Client {
        created_at: client.created_at,
        ..changed
    };
    assert_eq!(
        s.clients.get_client(&client.client_id).await.unwrap(),
        expected
    );
    let new_owners = s
        .clients
        .list_client_ids_by_owner(&new_owner)
        .await
        .unwrap();
    assert_eq!(new_owners, vec![client.client_id.clone()]);
    assert!(s
        .clients
        .list_client_ids_by_owner(&owner)
        .await
        .unwrap()
        .is_empty());

    s.clients.delete_client(&client.client_id).await.unwrap();
    assert_not_found(s.clients.get_client(&client.client_id).await);
    assert!(s
        .clients
        .list_client_ids_by_owner(&new_owner)
        .await
        .unwrap()
        .is_empty());
}

pub async fn a_client_id_is_unique(s: &Stores) {
    let first = sample_client(&id(), 1);
    s.clients.insert_client(&first).await.unwrap();
    let second = Client {
        client_id: first.client_id.clone(),
        ..sample_client(&id(), 2)
    };
    assert_conflict(s.clients.insert_client(&second).await, "client_id");
    assert_eq!(s.clients.get_client(&first.client_id).await.unwrap(), first);
}

pub async fn getting_updating_or_deleting_a_missing_client_is_not_found(s: &Stores) {
    let ghost = sample_client(&id(), 1);
    assert_not_found(s.clients.get_client(&ghost.client_id).await);
    assert_not_found(s.clients.update_client(&ghost).await);
    assert_not_found(s.clients.delete_client(&ghost.client_id).await);
}

async fn page_of(s: &Stores, owner: &str, offset: u64, limit: u64) -> (Vec<Client>, u64) {
    let page = Page::new(offset, limit);
    let paged = s.clients.list_clients_by_owner(owner, page).await.unwrap();
    (paged.items, paged.total)
}

pub async fn clients_of_an_owner_are_listed_by_creation_time_then_id_in_pages(s: &Stores) {
    let (owner, other_owner) = (id(), id());
    let t = now();
    let client = |n: u32, id: &str, at| Client {
        client_id: id.to_string(),
        created_at: at,
        updated_at: at,
        ..sample_client(&owner, n)
    };
    let suffix = unique("");
    let first = client(1, &format!("z{suffix}"), t - secs(20));
    let tie_a = client(2, &format!("a{suffix}"), t - secs(10));
    let tie_b = client(3, &format!("b{suffix}"), t - secs(10));
    let last = client(4, &format!("c{suffix}"), t);
    let others = [
        sample_client(&other_owner, 5),
        sample_client(&other_owner, 6),
    ];
    for c in [&tie_b, &last, &others[0], &first, &tie_a, &others[1]] {
        s.clients.insert_client(c).await.unwrap();
    }

    let expected = vec![first.clone(), tie_a.clone(), tie_b.clone(), last.clone()];
    assert_eq!(page_of(s, &owner, 0, 50).await, (expected, 4));
    let middle = vec![tie_a.clone(), tie_b];
    assert_eq!(page_of(s, &owner, 1, 2).await, (middle, 4));
    assert_eq!(page_of(s, &owner, 4, 2).await, (vec![], 4));

    let (theirs, total) = page_of(s, &other_owner, 0, 50).await;
    assert_eq!(total, 2);
    assert!(theirs.iter().all(|c| c.owner_id == other_owner));
    assert_eq!(page_of(s, &id(), 0, 50).await, (vec![], 0));

    let mut ids = s.clients.list_client_ids_by_owner(&owner).await.unwrap();
    ids.sort();
    let mut expected_ids = [first, tie_a, last].map(|c| c.client_id).to_vec();
    expected_ids.push(format!("b{suffix}"));
    expected_ids.sort();
    assert_eq!(ids, expected_ids);
    let mut their_ids = s
        .clients
        .list_client_ids_by_owner(&other_owner)
        .await
        .unwrap();
    their_ids.sort();
    let mut expected_theirs = others.map(|c| c.client_id).to_vec();
    expected_theirs.sort();
    assert_eq!(their_ids, expected_theirs);
}

pub async fn every_owners_clients_are_listed_by_creation_time_then_id_in_pages(s: &Stores) {
    let t = now();
    let suffix = unique("");
    let client = |owner: &str, n: u32, id: String, at| Client {
        client_id: id,
        created_at: at,
        updated_at: at,
        ..sample_client(owner, n)
    };
    let (jane, joe) = (id(), id());
    let first = client(&joe, 1, format!("z{suffix}"), t - secs(30));
    let tie_a = client(&jane, 2, format!("a{suffix}"), t - secs(20));
    let tie_b = client(&joe, 3, format!("b{suffix}"), t - secs(20));
    let last = client(&jane, 4, format!("c{suffix}"), t);
    for c in [&last, &tie_b, &first, &tie_a] {
        s.clients.insert_client(c).await.unwrap();
    }
    let all = s.clients.list_clients(Page::new(0, 50)).await.unwrap();
    let expected = vec![first.clone(), tie_a.clone(), tie_b.clone(), last.clone()];
    assert_eq!((all.items, all.total), (expected, 4));
    let middle = s.clients.list_clients(Page::new(1, 2)).await.unwrap();
    assert_eq!((middle.items, middle.total), (vec![tie_a, tie_b], 4));
    let past = s.clients.list_clients(Page::new(4, 2)).await.unwrap();
    assert_eq!((past.items, past.total), (vec![], 4));

    s.clients.delete_client(&first.client_id).await.unwrap();
    let after = s.clients.list_clients(Page::new(0, 1)).await.unwrap();
    assert_eq!(after.total, 3);
    assert_ne!(after.items[0].client_id, first.client_id);
}
