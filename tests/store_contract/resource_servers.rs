//! ResourceServerStore: round trips with every field, unique identifiers, a fixed identifier on
//! update, not-found answers, and listing by identifier.

use auth_center::domain::{Page, ResourceIdentifier, ResourceScope, ResourceServer};
use auth_center::store::Stores;

use crate::fixtures::*;

fn sample_resource_server(identifier: &str) -> ResourceServer {
    let at = now();
    ResourceServer {
        id: id(),
        identifier: ResourceIdentifier::parse(identifier).unwrap(),
        name: "Orders API".into(),
        scopes: vec![
            ResourceScope::parse("orders:read", "Read your orders", "读取您的订单").unwrap(),
            ResourceScope::parse("orders:write", "Place orders", "").unwrap(),
        ],
        access_token_ttl_secs: Some(600),
        introspection: true,
        created_at: at,
        updated_at: at,
    }
}

pub async fn a_resource_server_round_trips_with_every_field_and_keeps_its_identifier(s: &Stores) {
    let store = &s.resource_servers;
    let server = sample_resource_server(&format!("https://{}.example/api", unique("orders")));
    store.insert_resource_server(&server).await.unwrap();
    assert_eq!(store.get_resource_server(&server.id).await.unwrap(), server);
    let found = store.find_resource_server(server.identifier.as_str()).await;
    assert_eq!(found.unwrap(), server);

    // An update replaces what may change, never the identifier nor created_at.
    let changed = ResourceServer {
        identifier: ResourceIdentifier::parse("https://elsewhere.example").unwrap(),
        name: "Orders".into(),
        scopes: vec![ResourceScope::parse("orders", "All of it", "全部").unwrap()],
        access_token_ttl_secs: None,
        introspection: false,
        created_at: server.created_at - secs(999),
        updated_at: server.updated_at + secs(60),
        ..server.clone()
    };
    store.update_resource_server(&changed).await.unwrap();
    let expected = ResourceServer {
        identifier: server.identifier.clone(),
        created_at: server.created_at,
        ..changed
    };
    assert_eq!(
        store.get_resource_server(&server.id).await.unwrap(),
        expected
    );
    assert_not_found(
        store
            .find_resource_server("https://elsewhere.example")
            .await,
    );

    store.delete_resource_server(&server.id).await.unwrap();
    assert_not_found(store.get_resource_server(&server.id).await);
    assert_not_found(store.find_resource_server(server.identifier.as_str()).await);
}

pub async fn a_resource_server_identifier_is_unique(s: &Stores) {
    let identifier = format!("https://{}.example", unique("api"));
    let first = sample_resource_server(&identifier);
    s.resource_servers
        .insert_resource_server(&first)
        .await
        .unwrap();
    let second = sample_resource_server(&identifier);
    let result = s.resource_servers.insert_resource_server(&second).await;
    assert_conflict(result, "identifier");
    assert_not_found(s.resource_servers.get_resource_server(&second.id).await);
}

pub async fn getting_updating_or_deleting_a_missing_resource_server_is_not_found(s: &Stores) {
    let ghost = sample_resource_server("https://ghost.example");
    let store = &s.resource_servers;
    assert_not_found(store.get_resource_server(&ghost.id).await);
    assert_not_found(store.find_resource_server("https://ghost.example").await);
    assert_not_found(store.update_resource_server(&ghost).await);
    assert_not_found(store.delete_resource_server(&ghost.id).await);
}

pub async fn resource_servers_are_listed_by_identifier_in_pages_with_the_total(s: &Stores) {
    for host in ["c", "a", "d", "b"] {
        let server = sample_resource_server(&format!("https://{host}.example"));
        s.resource_servers
            .insert_resource_server(&server)
            .await
            .unwrap();
    }
    let first = s
        .resource_servers
        .list_resource_servers(Page::new(0, 3))
        .await;
    let first = first.unwrap();
    assert_eq!(first.total, 4);
    let names: Vec<_> = first.items.iter().map(|r| r.identifier.as_str()).collect();
    assert_eq!(
        names,
        [
            "https://a.example",
            "https://b.example",
            "https://c.example"
        ]
    );
    let rest = s
        .resource_servers
        .list_resource_servers(Page::new(3, 3))
        .await;
    let rest = rest.unwrap();
    assert_eq!(rest.items.len(), 1);
    assert_eq!(rest.items[0].identifier.as_str(), "https://d.example");
}
