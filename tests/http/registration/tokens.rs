//! Initial access tokens as administrators manage them: listed (id, label, creation, expiry,
//! uses left, creator; never the token nor its digest), revoked by id (then refused at
//! `/oauth2/register`), only by administrators with the `admin` scope; and each step of a
//! dynamically registered client's life in the audit log as its own doing.

use reqwest::Method;
use serde_json::{json, Value};

use super::support::*;
use crate::audit_log::{assert_event, event, events_until};
use crate::helpers::caller::Caller;
use crate::helpers::Backend;
use auth_center::domain::RegistrationPolicy;

const TOKENS: &str = "/api/v1/admin/registration-tokens";

/// Mints a token through the admin API: the answer's token and id.
async fn mint(admin: &Caller, body: Value) -> (String, String) {
    let (status, minted) = admin.post(TOKENS, body).await;
    assert_eq!(status, 201, "{minted}");
    let token = minted["initial_access_token"].as_str().unwrap().to_owned();
    (token, minted["id"].as_str().unwrap().to_owned())
}

async fn tokens_are_listed_without_their_secret_and_a_revoked_one_registers_nothing(b: Backend) {
    let app = app_with(b, RegistrationPolicy::InitialAccessToken, 10).await;
    let admin = Caller::admin(&app).await;
    let admin_id = app.stored_user("admin").await.id;
    let labelled = json!({"uses": 2, "expires_in": 3600, "label": "  partner onboarding "});
    let (first, first_id) = mint(&admin, labelled).await;
    let (second, second_id) = mint(&admin, json!({"uses": 1, "expires_in": 600})).await;

    let (status, list) = admin.get(TOKENS).await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(list["total"], 2);
    let items = list["items"].as_array().unwrap();
    let ids: Vec<&str> = items.iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [second_id.as_str(), first_id.as_str()], "newest first");
    let listed = &items[1];
    assert_eq!(listed["label"], "partner onboarding");
    assert_eq!(
        (&listed["uses"], &listed["uses_left"]),
        (&json!(2), &json!(2))
    );
    assert_eq!(listed["created_by"], admin_id.as_str());
    assert!(listed["created_at"].is_string() && listed["expires_at"].is_string());
    assert!(items[0].get("label").is_none(), "{}", items[0]);
    let text = list.to_string();
    for token in [&first, &second] {
        assert!(!text.contains(token.as_str()), "the token is never listed");
        let digest = auth_center::crypto::digest(token);
        assert!(!text.contains(&digest), "nor its digest");
    }

    let (status, reg) = register(&app, Some(&first), &web_metadata()).await;
    assert_eq!(status, 201, "{reg}");
    let (_, list) = admin.get(TOKENS).await;
    assert_eq!(list["items"][1]["uses_left"], 1, "{list}");

    let path = format!("{TOKENS}/{first_id}");
    let (status, body) = admin.delete(&path).await;
    assert_eq!(status, 204, "{body}");
    let (status, refused) = register(&app, Some(&first), &web_metadata()).await;
    assert_eq!(
        (status, refused["error"].as_str()),
        (401, Some("invalid_token"))
    );
    let (_, list) = admin.get(TOKENS).await;
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["id"], second_id.as_str());
    assert_eq!(admin.delete(&path).await.0, 404, "revoked already");
    assert_eq!(admin.delete(&format!("{TOKENS}/no-such-id")).await.0, 404);
    let too_long = json!({"uses": 1, "expires_in": 600, "label": "x".repeat(101)});
    let (status, body) = admin.post(TOKENS, too_long).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["fields"][0]["field"], "label", "{body}");
    assert_eq!(admin.get(TOKENS).await.1["total"], 1, "nothing minted");

    let created = event(&admin, "admin.registration_token_created", |e| {
        e["details"]["token"] == first_id.as_str()
    })
    .await;
    assert_event(&created, &admin_id, None, None);
    assert_eq!(created["details"]["uses"], "2");
    let revoked = event(&admin, "admin.registration_token_revoked", |e| {
        e["details"]["token"] == first_id.as_str()
    })
    .await;
    assert_event(&revoked, &admin_id, None, None);
    let client_id = reg["client_id"].as_str().unwrap();
    let registered = event(&admin, "app.created", |e| e["app"] == client_id).await;
    assert_event(&registered, client_id, None, Some(client_id));
    assert_eq!(registered["details"]["via"], "dynamic_registration");
    assert_eq!(registered["details"]["initial_token"], first_id.as_str());
    let all = events_until(&admin, "limit=100", |_| true).await;
    for e in &all {
        let text = e.to_string();
        for secret in [&first, &second] {
            assert!(!text.contains(secret.as_str()), "{text}");
        }
    }
    app.stop().await;
}

/// Listing and revoking are for administrators, through their session or a token carrying
/// the `admin` scope: a person who is not one, and an administrator's token without that
/// scope, get 403 and the token stays.
async fn only_administrators_with_the_admin_scope_list_and_revoke_tokens(b: Backend) {
    use crate::helpers::authz::{access, password_app, password_tokens};

    let app = app_with(b, RegistrationPolicy::InitialAccessToken, 10).await;
    let admin = Caller::admin(&app).await;
    let (token, id) = mint(&admin, json!({"uses": 1, "expires_in": 3600})).await;
    let path = format!("{TOKENS}/{id}");
    app.create_user("jane", "jane@example.com", "a long enough password")
        .await;
    let jane = Caller::login(&app, "jane", "a long enough password").await;
    assert_eq!(jane.get(TOKENS).await.0, 403);
    assert_eq!(jane.delete(&path).await.0, 403);

    let admin_user = app.stored_user("admin").await;
    let pw = app
        .admin_password
        .clone()
        .expect("generated admin password");
    let client = password_app(&app, &admin_user.id).await;
    let http = reqwest::Client::new();
    let scoped = access(&password_tokens(&app, &client, "admin", &pw, "profile").await);
    for method in [Method::GET, Method::DELETE] {
        let url = if method == Method::GET {
            app.url(TOKENS)
        } else {
            app.url(&path)
        };
        let resp = http
            .request(method.clone(), url)
            .bearer_auth(&scoped)
            .send()
            .await;
        let resp = resp.unwrap();
        assert_eq!(resp.status(), 403, "{method} without the admin scope");
        let body: Value = resp.json().await.unwrap();
        assert_eq!(body["error"], "insufficient_scope", "{body}");
    }
    let (status, list) = admin.get(TOKENS).await;
    assert_eq!(
        (status.as_u16(), &list["total"]),
        (200, &json!(1)),
        "still there"
    );

    let full = access(&password_tokens(&app, &client, "admin", &pw, "admin").await);
    let resp = http
        .get(app.url(TOKENS))
        .bearer_auth(&full)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let resp = http
        .delete(app.url(&path))
        .bearer_auth(&full)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 204);
    let (status, refused) = register(&app, Some(&token), &web_metadata()).await;
    assert_eq!(
        (status, refused["error"].as_str()),
        (401, Some("invalid_token"))
    );
    app.stop().await;
}

/// A client registered, changed and deleted through the configuration endpoint is the actor
/// of each event; no person is its subject; neither its secret nor a registration access
/// token is in any event.
async fn a_dynamically_registered_clients_life_is_recorded_as_its_own_doing(b: Backend) {
    let app = app_with(b, RegistrationPolicy::Open, 10).await;
    let admin = Caller::admin(&app).await;
    let (status, reg) = register(&app, None, &web_metadata()).await;
    assert_eq!(status, 201, "{reg}");
    let id = reg["client_id"].as_str().unwrap();
    let path = config_path(&reg);
    let first = reg["registration_access_token"].as_str().unwrap();
    let created = event(&admin, "app.created", |e| e["app"] == id).await;
    assert_event(&created, id, None, Some(id));
    assert_eq!(created["details"]["via"], "dynamic_registration");
    assert!(created["details"].get("initial_token").is_none());

    let mut change = web_metadata();
    change["client_id"] = json!(id);
    change["client_name"] = json!("Renamed app");
    let (status, _, updated) = send(&app, Method::PUT, &path, Some(first), Some(&change)).await;
    assert_eq!(status, 200, "{updated}");
    let changed = event(&admin, "app.changed", |e| e["app"] == id).await;
    assert_event(&changed, id, None, Some(id));
    let second = updated["registration_access_token"].as_str().unwrap();
    let (status, _, _) = send(&app, Method::DELETE, &path, Some(second), None).await;
    assert_eq!(status, 204);
    let deleted = event(&admin, "app.deleted", |e| e["app"] == id).await;
    assert_event(&deleted, id, None, Some(id));

    let all = events_until(&admin, &format!("app={id}"), |_| true).await;
    assert_eq!(all.len(), 3, "{all:?}");
    let secret = reg["client_secret"].as_str().unwrap();
    for e in &all {
        let text = e.to_string();
        for s in [secret, first, second] {
            assert!(!text.contains(s), "{text}");
        }
    }
    app.stop().await;
}

on_both_stores!(
    tokens_are_listed_without_their_secret_and_a_revoked_one_registers_nothing,
    only_administrators_with_the_admin_scope_list_and_revoke_tokens,
    a_dynamically_registered_clients_life_is_recorded_as_its_own_doing,
);
