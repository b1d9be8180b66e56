//! The resource API for apps holding a user's token, on both stores, through the generated Rust
//! SDK (JSON) and raw HTTP (headers, HTML, original paths): scope rules with RFC 6750 errors
//! naming the scope; the email only with `email`; other users and foreign groups 404 unless an
//! administrator's token carries `admin`; `.json` / `.html` / `Accept`; unknown formats 404 in
//! the JSON error shape; every original path; revoked and bad tokens 401 `invalid_token`.

use crate::helpers::authz;

use crate::helpers::oauth::{world, World};
use crate::helpers::Backend;
use auth_center::service::accounts::{create_user, NewUser};
use auth_center::service::groups::{create_group, NewGroup};
use authz::*;
use reqwest::Method;

/// An access token of `username` with `scope`, from the password grant.
async fn token(w: &World, username: &str, password: &str, scope: &str) -> String {
    let app = password_app(&w.app, &w.user.id).await;
    access(&password_tokens(&w.app, &app, username, password, scope).await)
}

async fn get(w: &World, path: &str, token: &str) -> Raw {
    raw(&w.app, Method::GET, path, Some(token), None).await
}

async fn the_profile_and_groups_scopes_are_required_and_named(b: Backend) {
    let w = world(b).await;
    let t = token(&w, "alice", PW, "email").await;
    let r = get(&w, &format!("/api/v1/users/{}", w.user.id), &t).await;
    assert_eq!(r.status, 403);
    assert_eq!(r.json()["error"], "insufficient_scope");
    let www = r.header("www-authenticate");
    assert!(
        www.contains("error=\"insufficient_scope\", scope=\"profile\""),
        "{www}"
    );
    let r = get(&w, "/api/v1/groups/whatever", &t).await;
    assert_eq!(r.status, 403);
    assert!(r.header("www-authenticate").contains("scope=\"groups\""));
    w.app.stop().await;
}

async fn the_email_is_released_only_with_the_email_scope(b: Backend) {
    let w = world(b).await;
    let plain = token(&w, "alice", PW, "profile").await;
    let me = sdk(&w.app, &plain)
        .get_user_resource(&w.user.id)
        .await
        .expect("getUserResource")
        .into_inner();
    assert_eq!(
        (me.id.as_str(), me.username.as_str()),
        (w.user.id.as_str(), "alice")
    );
    assert_eq!(me.display_name.as_deref(), Some("Alice Liddell"));
    assert_eq!(me.email, None);
    let r = get(&w, &format!("/api/v1/users/{}", w.user.id), &plain).await;
    assert!(r.json().get("email").is_none(), "{}", r.body);
    let with_email = token(&w, "alice", PW, "profile email").await;
    let me = sdk(&w.app, &with_email)
        .get_user_resource(&w.user.id)
        .await
        .unwrap()
        .into_inner();
    assert_eq!(me.email.as_deref(), Some("alice@example.com"));
    w.app.stop().await;
}

async fn other_users_are_not_found_unless_an_admin_token_carries_admin(b: Backend) {
    let w = world(b).await;
    let bob = bob(&w).await;
    let alice = token(&w, "alice", PW, "profile email").await;
    for id in [bob.id.as_str(), "no-such-user"] {
        let err = sdk(&w.app, &alice).get_user_resource(id).await.unwrap_err();
        assert_eq!(sdk_status(err), 404, "{id}");
    }
    let r = get(&w, &format!("/api/v1/users/{}", bob.id), &alice).await;
    assert_eq!(r.json()["error"], "not_found");
    let pw = w
        .app
        .admin_password
        .clone()
        .expect("generated admin password");
    let admin = token(&w, "admin", &pw, "profile admin").await;
    let seen = sdk(&w.app, &admin)
        .get_user_resource(&bob.id)
        .await
        .expect("an admin token with the admin scope reads others")
        .into_inner();
    assert_eq!(seen.username, "bob");
    let admin_without = token(&w, "admin", &pw, "profile").await;
    let err = sdk(&w.app, &admin_without)
        .get_user_resource(&bob.id)
        .await
        .unwrap_err();
    assert_eq!(sdk_status(err), 404, "admin without the admin scope");
    w.app.stop().await;
}

async fn groups_are_readable_by_their_members_only(b: Backend) {
    let w = world(b).await;
    let bob = bob(&w).await;
    let group = |name: &str, members: Vec<String>| NewGroup {
        name: name.into(),
        description: Some(format!("the {name}")),
        members,
    };
    let svc = &w.app.services;
    let team = create_group(svc, group("team", vec![w.user.id.clone(), bob.id.clone()]))
        .await
        .unwrap();
    let others = create_group(svc, group("others", vec![bob.id.clone()]))
        .await
        .unwrap();
    let alice = token(&w, "alice", PW, "groups").await;
    let g = sdk(&w.app, &alice)
        .get_group_resource(&team.id)
        .await
        .expect("getGroupResource")
        .into_inner();
    assert_eq!(
        (g.name.as_str(), g.description.as_str()),
        ("team", "the team")
    );
    let mut members: Vec<(String, String)> =
        g.members.into_iter().map(|m| (m.id, m.username)).collect();
    members.sort();
    let mut expected = vec![
        (w.user.id.clone(), "alice".to_owned()),
        (bob.id.clone(), "bob".to_owned()),
    ];
    expected.sort();
    assert_eq!(members, expected);
    for id in [others.id.as_str(), "no-such-group"] {
        let err = sdk(&w.app, &alice)
            .get_group_resource(id)
            .await
            .unwrap_err();
        assert_eq!(sdk_status(err), 404, "{id}");
    }
    let pw = w.app.admin_password.clone().unwrap();
    let admin = token(&w, "admin", &pw, "groups admin").await;
    let g = sdk(&w.app, &admin).get_group_resource(&others.id).await;
    assert_eq!(
        g.expect("admin reads any group").into_inner().name,
        "others"
    );
    w.app.stop().await;
}

async fn the_format_follows_the_suffix_then_accept(b: Backend) {
    let w = world(b).await;
    let t = token(&w, "alice", PW, "profile").await;
    let base = format!("/api/v1/users/{}", w.user.id);
    let json = get(&w, &format!("{base}.json"), &t).await;
    assert_eq!(json.status, 200);
    assert!(json.header("content-type").starts_with("application/json"));
    assert_eq!(json.json()["username"], "alice");
    let html = get(&w, &format!("{base}.html"), &t).await;
    assert_eq!(html.status, 200);
    assert!(html.header("content-type").starts_with("text/html"));
    assert!(html.body.contains("Alice Liddell") && html.body.contains(&w.user.id));
    assert!(html
        .header("content-security-policy")
        .contains("default-src 'self'"));
    let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    for accept in ["text/html", browser] {
        let r = raw(&w.app, Method::GET, &base, Some(&t), Some(accept)).await;
        assert!(
            r.header("content-type").starts_with("text/html"),
            "{accept}"
        );
    }
    for accept in [
        "*/*",
        "application/json",
        "text/html;q=0.5, application/json",
    ] {
        let r = raw(&w.app, Method::GET, &base, Some(&t), Some(accept)).await;
        assert_eq!(r.json()["id"], w.user.id.as_str(), "{accept}");
    }
    let forced = raw(
        &w.app,
        Method::GET,
        &format!("{base}.json"),
        Some(&t),
        Some("text/html"),
    )
    .await;
    assert_eq!(forced.json()["id"], w.user.id.as_str());
    let xml = get(&w, &format!("{base}.xml"), &t).await;
    assert_eq!(xml.status, 404);
    let err = xml.json();
    assert_eq!(err["error"], "not_found");
    assert!(err["message"].as_str().is_some() && err["fields"].is_array());
    w.app.stop().await;
}

async fn every_original_path_answers_with_and_without_a_suffix(b: Backend) {
    let w = world(b).await;
    let team = create_group(
        &w.app.services,
        NewGroup {
            name: "team".into(),
            description: None,
            members: vec![w.user.id.clone()],
        },
    )
    .await
    .unwrap();
    let t = token(&w, "alice", PW, "profile groups").await;
    for (kind, id, marker) in [("user", &w.user.id, "alice"), ("group", &team.id, "team")] {
        for (suffix, slash, html) in [
            ("", "/", false),
            (".json", "/", false),
            (".html", "/", true),
            ("", "", false),
            (".html", "", true),
        ] {
            let path = format!("/accounts/resource/{kind}/{id}{suffix}{slash}");
            let r = get(&w, &path, &t).await;
            assert_eq!(r.status, 200, "{path}: {}", r.body);
            if html {
                assert!(r.header("content-type").starts_with("text/html"), "{path}");
                assert!(r.body.contains(marker), "{path}");
            } else {
                assert_eq!(r.json()["id"], id.as_str(), "{path}");
            }
        }
        let xml = get(&w, &format!("/accounts/resource/{kind}/{id}.xml/"), &t).await;
        assert_eq!(
            (xml.status, xml.json()["error"].as_str()),
            (404, Some("not_found"))
        );
    }
    let sdk_user = sdk(&w.app, &t).legacy_get_user_resource(&w.user.id).await;
    assert_eq!(sdk_user.unwrap().into_inner().username, "alice");
    let sdk_group = sdk(&w.app, &t).legacy_get_group_resource(&team.id).await;
    assert_eq!(sdk_group.unwrap().into_inner().name, "team");
    w.app.stop().await;
}

async fn bad_missing_and_revoked_tokens_are_invalid_token(b: Backend) {
    let w = world(b).await;
    let path = format!("/accounts/resource/user/{}/", w.user.id);
    let none = raw(&w.app, Method::GET, &path, None, None).await;
    assert_eq!(none.status, 401);
    assert!(none.header("www-authenticate").starts_with("Bearer"));
    let bad = get(&w, &path, "not-a-token").await;
    assert_eq!(bad.status, 401);
    assert!(bad
        .header("www-authenticate")
        .contains("error=\"invalid_token\""));
    let app = password_app(&w.app, &w.user.id).await;
    let t = access(&password_tokens(&w.app, &app, "alice", PW, "profile authorizations").await);
    assert_eq!(get(&w, &path, &t).await.status, 200);
    let list = sdk(&w.app, &t)
        .list_my_authorizations()
        .await
        .unwrap()
        .into_inner();
    sdk(&w.app, &t)
        .revoke_my_authorization(&list.items[0].id)
        .await
        .unwrap();
    let revoked = get(&w, &path, &t).await;
    assert_eq!(revoked.status, 401);
    assert!(revoked
        .header("www-authenticate")
        .contains("error=\"invalid_token\""));
    assert_eq!(revoked.json()["error"], "invalid_token");
    w.app.stop().await;
}

/// Security finding 9: an app keying on the email must be able to tell an address someone
/// proved they read from one merely typed in at registration: `email_verified` travels with
/// the email (JSON, HTML, the original paths), and like the email only with the `email` scope.
async fn finding_9_the_user_resource_says_whether_the_email_is_verified(b: Backend) {
    let w = world(b).await;
    let new = NewUser {
        username: "carol".into(),
        email: "carol@example.com".into(),
        password: PW.into(),
        display_name: None,
        is_admin: false,
        email_verified: false,
    };
    let carol = create_user(&w.app.services, new).await.expect("carol");
    for (user, verified) in [(&w.user, true), (&carol, false)] {
        let name = user.username.as_str();
        let t = token(&w, name, PW, "profile email").await;
        for path in [
            format!("/api/v1/users/{}", user.id),
            format!("/accounts/resource/user/{}/", user.id),
            format!("/accounts/resource/user/{}.json/", user.id),
        ] {
            let r = get(&w, &path, &t).await;
            assert_eq!(r.status, 200, "{path}: {}", r.body);
            assert_eq!(r.json()["email_verified"], verified, "{path}: {}", r.body);
        }
        for path in [
            format!("/api/v1/users/{}.html", user.id),
            format!("/accounts/resource/user/{}.html/", user.id),
        ] {
            let r = get(&w, &path, &t).await;
            let marker = format!("<dd class=\"email-verified\" data-verified=\"{verified}\">");
            assert!(r.body.contains(&marker), "{path}: {}", r.body);
        }
        let me = sdk(&w.app, &t)
            .get_user_resource(&user.id)
            .await
            .expect("getUserResource")
            .into_inner();
        assert_eq!(me.email_verified, Some(verified), "{name}");
        let without = token(&w, name, PW, "profile").await;
        let r = get(&w, &format!("/api/v1/users/{}", user.id), &without).await;
        assert!(r.json().get("email_verified").is_none(), "{}", r.body);
        let r = get(&w, &format!("/api/v1/users/{}.html", user.id), &without).await;
        assert!(!r.body.contains("email-verified"), "{}", r.body);
    }
    w.app.stop().await;
}

on_both_stores!(
    finding_9_the_user_resource_says_whether_the_email_is_verified,
    the_profile_and_groups_scopes_are_required_and_named,
    the_email_is_released_only_with_the_email_scope,
    other_users_are_not_found_unless_an_admin_token_carries_admin,
    groups_are_readable_by_their_members_only,
    the_format_follows_the_suffix_then_accept,
    every_original_path_answers_with_and_without_a_suffix,
    bad_missing_and_revoked_tokens_are_invalid_token,
);
