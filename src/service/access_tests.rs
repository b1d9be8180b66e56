//! ARCHITECTURE.md's "Who may do what" table, as code: each row is one principal and what it
//! may do.

use chrono::Utc;

use super::*;
use crate::domain::{EmailAddress, Username};

fn user(id: &str, is_admin: bool) -> User {
    User {
        id: id.into(),
        username: Username::parse(id).unwrap(),
        email: EmailAddress::parse(format!("{id}@example.com")).unwrap(),
        email_verified: true,
        display_name: None,
        password_hash: String::new(),
        is_admin,
        disabled: false,
        locale: None,
        created_at: Utc::now(),
        updated_at: Utc::now(),
    }
}

fn token(u: User, scopes: &str) -> Principal {
    Principal {
        user: u,
        credential: Credential::Token {
            scopes: ScopeSet::parse(scopes).unwrap(),
            client_id: "app".into(),
            jti: "jti".into(),
        },
    }
}

fn app_of(owner: &str) -> Client {
    Client::sample(owner)
}

struct Row {
    who: &'static str,
    principal: Principal,
    admin: bool,
    manages_others_app: bool,
    changes_credentials: bool,
    sees_email: bool,
    writes_profile: bool,
}

fn table() -> Vec<Row> {
    let admin = || user("root", true);
    let plain = || user("jane", false);
    vec![
        Row {
            who: "an administrator's session",
            principal: Principal::session(admin(), "s"),
            admin: true,
            manages_others_app: true,
            changes_credentials: true,
            sees_email: true,
            writes_profile: true,
        },
        Row {
            who: "a person's session",
            principal: Principal::session(plain(), "s"),
            admin: false,
            manages_others_app: false,
            changes_credentials: true,
            sees_email: true,
            writes_profile: true,
        },
        Row {
            who: "an administrator's token with apps only",
            principal: token(admin(), "apps profile"),
            admin: false,
            manages_others_app: false,
            changes_credentials: false,
            sees_email: false,
            writes_profile: false,
        },
        Row {
            who: "an administrator's token with admin",
            principal: token(admin(), "apps admin email"),
            admin: true,
            manages_others_app: true,
            changes_credentials: false,
            sees_email: true,
            writes_profile: false,
        },
        Row {
            who: "a demoted administrator's token that still carries admin",
            principal: token(plain(), "apps admin"),
            admin: false,
            manages_others_app: false,
            changes_credentials: false,
            sees_email: false,
            writes_profile: false,
        },
        Row {
            who: "a person's token with every user scope",
            principal: token(plain(), "openid profile profile:write email groups apps"),
            admin: false,
            manages_others_app: false,
            changes_credentials: false,
            sees_email: true,
            writes_profile: true,
        },
    ]
}

#[test]
fn who_may_do_what_follows_the_architecture_table() {
    for row in table() {
        let p = &row.principal;
        assert_eq!(p.acts_as_admin(), row.admin, "{}: admin", row.who);
        assert_eq!(p.sees_all_resources(), row.admin, "{}: resources", row.who);
        assert_eq!(
            p.may_manage(&app_of("someone-else")),
            row.manages_others_app,
            "{}: another person's app",
            row.who
        );
        assert!(p.may_manage(&app_of(&p.user.id)), "{}: own app", row.who);
        assert_eq!(
            p.may_change_credentials(),
            row.changes_credentials,
            "{}: credentials",
            row.who
        );
        assert_eq!(p.sees_email(), row.sees_email, "{}: email", row.who);
        assert_eq!(
            p.has_scope("profile:write"),
            row.writes_profile,
            "{}: profile:write",
            row.who
        );
    }
}

#[test]
fn the_admin_scope_is_grantable_to_administrators_only() {
    let asked = ["openid", "admin", "apps"];
    assert_eq!(
        grantable(&user("jane", false), asked).to_string(),
        "apps openid"
    );
    assert_eq!(
        grantable(&user("root", true), asked).to_string(),
        "admin apps openid"
    );
    assert!(!Principal::session(user("jane", false), "s").has_scope("admin"));
}
