//! Unit tests of the app input rules.

use super::*;

fn rules() -> Rules<'static> {
    Rules {
        owner_is_admin: false,
        actor_is_admin: false,
        current: None,
        max_access_ttl_secs: 3600,
        max_refresh_ttl_secs: 7200,
    }
}

fn fields(input: &AppInput) -> Vec<&'static str> {
    match validate(input, &rules()) {
        Err(ServiceError::Invalid(errs)) => errs.iter().map(|e| e.field).collect(),
        other => panic!("expected invalid, got {other:?}"),
    }
}

fn valid() -> AppInput {
    AppInput {
        name: " My app ".into(),
        redirect_uris: vec!["https://app.example/cb".into()],
        ..AppInput::default()
    }
}

#[test]
fn a_minimal_app_gets_the_code_grant_and_basic_scopes_by_default() {
    let app = validate(&valid(), &rules()).unwrap();
    assert_eq!(app.name, "My app");
    assert_eq!(
        app.grant_types,
        [GrantType::AuthorizationCode, GrantType::RefreshToken]
    );
    assert_eq!(app.scopes, ["email", "openid", "profile"]);
    assert_eq!(app.client_type, ClientType::Confidential);
}

#[test]
fn every_bad_field_is_named_at_once() {
    let bad = AppInput {
        name: "x".repeat(10_000),
        homepage_url: Some("http://app.example".into()),
        redirect_uris: vec!["https://app.example/cb#frag".into()],
        grant_types: vec!["magic".into()],
        scopes: vec!["admin".into(), "nope".into()],
        access_token_ttl_secs: Some(10),
        first_party: true,
        ..AppInput::default()
    };
    assert_eq!(
        fields(&bad),
        [
            "name",
            "homepage_url",
            "redirect_uris",
            "first_party",
            "grant_types",
            "scopes",
            "scopes",
            "access_token_ttl_secs"
        ]
    );
    let empty = AppInput {
        name: "   ".into(),
        ..valid()
    };
    assert_eq!(fields(&empty), ["name"]);
}

#[test]
fn the_client_type_cannot_change_and_public_apps_have_no_client_credentials() {
    let current = Client {
        client_type: ClientType::Public,
        ..sample_client()
    };
    let r = Rules {
        current: Some(&current),
        ..rules()
    };
    let err = validate(&valid(), &r).unwrap_err();
    assert!(matches!(err, ServiceError::Invalid(e) if e[0].field == "client_type"));
    let public_cc = AppInput {
        client_type: "public".into(),
        grant_types: vec!["client_credentials".into()],
        ..valid()
    };
    assert_eq!(fields(&public_cc), ["grant_types"]);
}

#[test]
fn only_an_administrator_acting_as_one_adds_discouraged_grants_and_the_admin_scope() {
    let asks = AppInput {
        grant_types: vec!["password".into(), "implicit".into()],
        scopes: vec!["admin".into()],
        introspection: true,
        ..valid()
    };
    // The owner is an administrator, but acts through a token without `admin`.
    let owner_only = Rules {
        owner_is_admin: true,
        ..rules()
    };
    match validate(&asks, &owner_only) {
        Err(ServiceError::Invalid(errs)) => assert_eq!(
            errs.iter().map(|e| (e.field, e.code)).collect::<Vec<_>>(),
            [
                ("introspection", "admin_only"),
                ("grant_types", "admin_only"),
                ("grant_types", "admin_only"),
                ("scopes", "admin_only"),
            ]
        ),
        other => panic!("expected invalid, got {other:?}"),
    }
    let acting = Rules {
        owner_is_admin: true,
        actor_is_admin: true,
        ..rules()
    };
    assert!(validate(&asks, &acting).is_ok());
    let public_password = AppInput {
        client_type: "public".into(),
        ..asks.clone()
    };
    assert!(matches!(validate(&public_password, &acting),
        Err(ServiceError::Invalid(e)) if e.iter().any(|e| e.code == "password_confidential_only")));
    // What an app already has, its owner keeps when changing something else.
    let current = Client {
        grant_types: vec![GrantType::Password, GrantType::Implicit],
        scopes: vec!["admin".into()],
        introspection: true,
        ..sample_client()
    };
    let keeps = Rules {
        owner_is_admin: true,
        current: Some(&current),
        ..rules()
    };
    assert!(validate(&asks, &keeps).is_ok());
}

fn sample_client() -> Client {
    Client::sample("o")
}
