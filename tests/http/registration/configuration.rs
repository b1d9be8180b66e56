//! The client configuration endpoint (RFC 7592): a client reads, replaces and deletes its own
//! registration with its registration access token, which is replaced on every read and
//! update; deleting revokes what the client held. Another client's token is `invalid_token`
//! and changes nothing.

use oauth2::TokenResponse;
use reqwest::Method;
use serde_json::{json, Value};

use super::support::*;
use crate::helpers::oauth::*;
use crate::helpers::Backend;
use auth_center::domain::RegistrationPolicy;

fn token_of(body: &Value) -> String {
    body["registration_access_token"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn a_client_reads_replaces_and_deletes_its_registration_with_its_own_token(b: Backend) {
    let w = world_on(app_with(b, RegistrationPolicy::Open, 10).await).await;
    let (status, reg) = register(&w.app, None, &web_metadata()).await;
    assert_eq!(status, 201, "{reg}");
    let (path, id) = (config_path(&reg), reg["client_id"].as_str().unwrap());
    let first = token_of(&reg);

    let (status, _, read) = send(&w.app, Method::GET, &path, Some(&first), None).await;
    assert_eq!(status, 200, "{read}");
    assert_eq!(read["client_id"], id);
    assert_eq!(read["contacts"], json!(["ops@client.example"]));
    assert!(read.get("client_secret").is_none(), "only a digest is kept");
    let second = token_of(&read);
    assert_ne!(second, first, "a read replaces the token");
    let (status, _, stale) = send(&w.app, Method::GET, &path, Some(&first), None).await;
    assert_eq!(
        (status, stale["error"].as_str()),
        (401, Some("invalid_token"))
    );

    let mut change = web_metadata();
    change["client_name"] = json!("Renamed app");
    change["redirect_uris"] = json!(["https://client.example/new-callback"]);
    let (status, _, refused) = send(&w.app, Method::PUT, &path, Some(&second), Some(&change)).await;
    assert_eq!(status, 400, "client_id is required: {refused}");
    assert!(refused["error_description"]
        .as_str()
        .unwrap()
        .contains("client_id"));
    change["client_id"] = json!(id);
    change["client_secret"] = json!("not the secret");
    let (status, _, refused) = send(&w.app, Method::PUT, &path, Some(&second), Some(&change)).await;
    assert_eq!(status, 400, "a secret cannot be chosen: {refused}");
    change["client_secret"] = reg["client_secret"].clone();
    let (status, _, updated) = send(&w.app, Method::PUT, &path, Some(&second), Some(&change)).await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["client_name"], "Renamed app");
    assert_eq!(
        updated["redirect_uris"],
        json!(["https://client.example/new-callback"])
    );
    let stored = w.app.services.stores.clients.get_client(id).await.unwrap();
    assert_eq!(stored.name, "Renamed app");
    let third = token_of(&updated);

    let c = created(&w.app, &reg).await;
    let held = oauth2_client(&w.app, &c)
        .exchange_client_credentials()
        .request_async(&http())
        .await
        .expect("the client's secret still works after the update");
    let (status, _, _) = send(&w.app, Method::DELETE, &path, Some(&third), None).await;
    assert_eq!(status, 204);
    assert!(w.app.services.stores.clients.get_client(id).await.is_err());
    let info = introspect(&w, held.access_token().secret()).await;
    assert_eq!(
        info["active"], false,
        "deleting revoked the client's tokens"
    );
    let (status, _, gone) = send(&w.app, Method::GET, &path, Some(&third), None).await;
    assert_eq!(
        (status, gone["error"].as_str()),
        (401, Some("invalid_token"))
    );
    w.app.stop().await;
}

async fn another_clients_registration_token_is_refused_and_changes_nothing(b: Backend) {
    let app = app_with(b, RegistrationPolicy::Open, 10).await;
    let (_, mine) = register(&app, None, &web_metadata()).await;
    let (_, theirs) = register(&app, None, &web_metadata()).await;
    let path = config_path(&mine);
    let wrong = token_of(&theirs);
    let mut change = web_metadata();
    change["client_id"] = mine["client_id"].clone();
    change["client_name"] = json!("Taken over");
    for (method, body) in [
        (Method::GET, None),
        (Method::PUT, Some(&change)),
        (Method::DELETE, None),
    ] {
        let (status, headers, refused) =
            send(&app, method.clone(), &path, Some(&wrong), body).await;
        assert_eq!(status, 401, "{method} -> {refused}");
        assert_eq!(refused["error"], "invalid_token");
        assert!(headers["www-authenticate"]
            .to_str()
            .unwrap()
            .contains("invalid_token"));
    }
    let (status, _, _) = send(&app, Method::GET, &path, None, None).await;
    assert_eq!(status, 401, "no token at all");
    let (status, _, read) = send(&app, Method::GET, &path, Some(&token_of(&mine)), None).await;
    assert_eq!(status, 200, "its own token still works: {read}");
    assert_eq!(read["client_name"], "Registered web app", "nothing changed");
    app.stop().await;
}

on_both_stores!(
    a_client_reads_replaces_and_deletes_its_registration_with_its_own_token,
    another_clients_registration_token_is_refused_and_changes_nothing,
);
