//! Records the admin suites arrange directly through the service and store layers: apps,
//! grants, consents, email tokens, and a whole "world" around one account to delete.
#![allow(dead_code)]

use auth_center::domain::{Consent, EmailToken, EmailTokenPurpose, Grant, User};
use auth_center::service::accounts::{create_user, NewUser};
use auth_center::service::clients::{create_client, NewClient};
use auth_center::service::groups::{create_group, NewGroup};
use auth_center::service::Services;
use auth_center::store::StoreError;
use chrono::Duration;

use crate::helpers::caller::Caller;
use crate::helpers::TestApp;

const PW: &str = "a long enough password";

pub async fn admin_user(svc: &Services, username: &str) -> User {
    let new = NewUser {
        username: username.into(),
        email: format!("{username}@example.com"),
        password: PW.into(),
        display_name: None,
        is_admin: true,
        email_verified: true,
    };
    create_user(svc, new).await.unwrap()
}

/// Registers an app owned by the user; returns its client id.
pub async fn app_owned_by(svc: &Services, username: &str) -> String {
    let owner = svc
        .stores
        .users
        .find_user_by_username(username)
        .await
        .unwrap();
    let new = NewClient {
        name: format!("{username}'s app"),
        description: String::new(),
        owner_id: owner.id,
        homepage_url: None,
        redirect_uris: vec!["https://app.example/cb".into()],
        grant_types: vec![],
        scopes: "openid profile".into(),
        public: false,
        first_party: false,
        introspection: false,
    };
    create_client(svc, new).await.unwrap().client.client_id
}

/// A live grant of the user to the app; returns its id.
pub async fn grant(svc: &Services, user_id: &str, client_id: &str) -> String {
    let now = svc.now();
    let g = Grant {
        id: uuid::Uuid::now_v7().to_string(),
        user_id: Some(user_id.into()),
        client_id: client_id.into(),
        scopes: vec!["openid".into()],
        created_at: now,
        last_used_at: now,
        expires_at: now + Duration::days(1),
        revoked_at: None,
        auth_time: Some(now),
        resources: vec![],
    };
    svc.stores.grants.insert_grant(&g).await.unwrap();
    g.id
}

pub async fn consent(svc: &Services, user_id: &str, client_id: &str) {
    let now = svc.now();
    let c = Consent {
        user_id: user_id.into(),
        client_id: client_id.into(),
        scopes: vec!["openid".into()],
        resources: vec![],
        created_at: now,
        updated_at: now,
    };
    svc.stores.consents.put_consent(&c).await.unwrap();
}

/// Stores an email token of the user; returns its digest.
pub async fn email_token(svc: &Services, user_id: &str, purpose: EmailTokenPurpose) -> String {
    let now = svc.now();
    let t = EmailToken {
        digest: format!(
            "{}{}",
            uuid::Uuid::new_v4().simple(),
            uuid::Uuid::new_v4().simple()
        ),
        user_id: user_id.into(),
        purpose,
        email: "someone@example.com".into(),
        created_at: now,
        expires_at: now + Duration::minutes(30),
    };
    svc.stores
        .email_tokens
        .insert_email_token(&t)
        .await
        .unwrap();
    t.digest
}

/// The status of a login attempt through the page (303 means logged in).
pub async fn login_status(app: &TestApp, username: &str, password: &str) -> u16 {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .unwrap();
    let html = client
        .get(app.url("/accounts/login/"))
        .send()
        .await
        .unwrap();
    let csrf = crate::helpers::extract_hidden(&html.text().await.unwrap(), "csrf_token").unwrap();
    let form = [
        ("username", username),
        ("password", password),
        ("csrf_token", &csrf),
    ];
    let resp = client
        .post(app.url("/accounts/login/"))
        .form(&form)
        .send()
        .await
        .unwrap();
    resp.status().as_u16()
}

const PURPOSES: [EmailTokenPurpose; 3] = [
    EmailTokenPurpose::VerifyEmail,
    EmailTokenPurpose::ResetPassword,
    EmailTokenPurpose::ChangeEmail,
];

/// Jane, everything that belongs to her, and what Bob has beside her.
pub struct World {
    pub jane: String,
    pub bob: String,
    jane_session: Caller,
    admin_app: String,
    jane_app: String,
    jane_grant: String,
    bob_grant_to_jane_app: String,
    bob_grant_to_admin_app: String,
    jane_tokens: Vec<(String, EmailTokenPurpose)>,
    bob_token: String,
    group: String,
}

impl World {
    pub async fn build(app: &TestApp, svc: &Services) -> World {
        let jane = app.create_user("jane", "jane@example.com", PW).await.id;
        let bob = app.create_user("bob", "bob@example.com", PW).await.id;
        let jane_session = Caller::login(app, "jane", PW).await;
        let devices = svc.stores.sessions.count_devices(&jane).await.unwrap();
        assert_eq!(devices, 1, "her sign-in's device is known");
        let admin_app = app_owned_by(svc, "admin").await;
        let jane_app = app_owned_by(svc, "jane").await;
        let jane_grant = grant(svc, &jane, &admin_app).await;
        consent(svc, &jane, &admin_app).await;
        let bob_grant_to_jane_app = grant(svc, &bob, &jane_app).await;
        consent(svc, &bob, &jane_app).await;
        let bob_grant_to_admin_app = grant(svc, &bob, &admin_app).await;
        consent(svc, &bob, &admin_app).await;
        let mut jane_tokens = Vec::new();
        for p in PURPOSES {
            jane_tokens.push((email_token(svc, &jane, p).await, p));
        }
        let bob_token = email_token(svc, &bob, EmailTokenPurpose::VerifyEmail).await;
        let new = NewGroup {
            name: "Staff".into(),
            description: None,
            members: vec![jane.clone(), bob.clone()],
        };
        let group = create_group(svc, new).await.unwrap().id;
        World {
            jane,
            bob,
            jane_session,
            admin_app,
            jane_app,
            jane_grant,
            bob_grant_to_jane_app,
            bob_grant_to_admin_app,
            jane_tokens,
            bob_token,
            group,
        }
    }

    pub async fn assert_jane_is_gone_and_bob_keeps_his_own(&self, svc: &Services) {
        self.assert_jane_and_her_sign_ins_are_gone(svc).await;
        self.assert_her_apps_grants_and_memberships_are_gone(svc)
            .await;
        self.assert_bob_keeps_his_own(svc).await;
    }

    async fn assert_jane_and_her_sign_ins_are_gone(&self, svc: &Services) {
        let s = &svc.stores;
        let user = s.users.get_user(&self.jane).await;
        assert!(matches!(user, Err(StoreError::NotFound)), "{user:?}");
        assert_eq!(self.jane_session.get("/api/v1/me").await.0, 401);
        let sessions = s.sessions.delete_sessions_for_user(&self.jane, None);
        assert_eq!(sessions.await.unwrap(), 0, "no session is left");
        let devices = s.sessions.count_devices(&self.jane).await.unwrap();
        assert_eq!(devices, 0, "her devices are forgotten");
        for (digest, purpose) in &self.jane_tokens {
            let left = s.email_tokens.consume_email_token(digest, *purpose);
            assert!(left.await.unwrap().is_none(), "a {purpose:?} token is left");
        }
        let consents = s.consents.list_consents_for_user(&self.jane).await;
        assert!(consents.unwrap().is_empty(), "her consents are gone");
    }

    async fn assert_her_apps_grants_and_memberships_are_gone(&self, svc: &Services) {
        let s = &svc.stores;
        assert!(revoked(svc, &self.jane_grant).await, "jane's grant");
        let to_her_app = revoked(svc, &self.bob_grant_to_jane_app).await;
        assert!(to_her_app, "the grant to jane's app");
        let app = s.clients.get_client(&self.jane_app).await;
        assert!(matches!(app, Err(StoreError::NotFound)), "her app is gone");
        let groups = s.groups.list_groups_for_user(&self.jane).await;
        assert!(groups.unwrap().is_empty(), "her memberships are gone");
    }

    async fn assert_bob_keeps_his_own(&self, svc: &Services) {
        let s = &svc.stores;
        assert!(
            !revoked(svc, &self.bob_grant_to_admin_app).await,
            "bob's other grant"
        );
        s.clients.get_client(&self.admin_app).await.unwrap();
        let consents = s.consents.list_consents_for_user(&self.bob).await.unwrap();
        let apps: Vec<String> = consents.into_iter().map(|c| c.client_id).collect();
        assert_eq!(apps, std::slice::from_ref(&self.admin_app));
        let group = s.groups.get_group(&self.group).await.unwrap();
        assert_eq!(group.members, std::slice::from_ref(&self.bob));
        let kept = s
            .email_tokens
            .consume_email_token(&self.bob_token, EmailTokenPurpose::VerifyEmail);
        assert!(kept.await.unwrap().is_some(), "bob's email token is kept");
    }
}

async fn revoked(svc: &Services, grant_id: &str) -> bool {
    let grant = svc.stores.grants.get_grant(grant_id).await.unwrap();
    grant.revoked_at.is_some()
}
