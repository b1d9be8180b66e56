use serde_json::json;

use super::*;

const URL: &str = "https://app.example/oauth/client.json";

fn rules() -> app_input::Rules<'static> {
    app_input::Rules {
        owner_is_admin: false,
        actor_is_admin: false,
        current: None,
        max_access_ttl_secs: 86_400,
        max_refresh_ttl_secs: 86_400,
    }
}

fn public_document() -> Value {
    json!({
        "client_id": URL,
        "client_name": "Example Agent",
        "client_uri": "https://app.example/",
        "redirect_uris": ["https://app.example/callback", "http://127.0.0.1:8080/cb"],
        "grant_types": ["authorization_code", "refresh_token"],
        "response_types": ["code"],
        "token_endpoint_auth_method": "none",
        "scope": "openid profile offline_access some:resource:scope"
    })
}

fn check(doc: &Value) -> Result<Client, String> {
    client_from_document(URL, doc, &rules(), chrono::Utc::now())
}

#[test]
fn a_public_clients_document_becomes_a_public_client_that_nobody_owns() {
    let c = check(&public_document()).unwrap();
    assert_eq!(c.client_id, URL);
    assert!(c.from_metadata_document());
    assert_eq!(c.client_type, ClientType::Public);
    assert_eq!(c.name, "Example Agent");
    assert_eq!(c.redirect_uris.len(), 2);
    assert_eq!(
        c.grant_types,
        vec![GrantType::AuthorizationCode, GrantType::RefreshToken]
    );
    assert_eq!(c.scopes, vec!["offline_access", "openid", "profile"]);
    assert!(!c.first_party && !c.introspection && c.secrets.is_empty());
}

#[test]
fn without_a_name_the_host_names_the_client_and_only_the_code_grant_is_allowed() {
    let mut doc = public_document();
    let o = doc.as_object_mut().unwrap();
    o.remove("client_name");
    o.remove("grant_types");
    let c = check(&doc).unwrap();
    assert_eq!(c.name, "app.example");
    assert_eq!(c.grant_types, vec![GrantType::AuthorizationCode]);
}

#[test]
fn documents_breaking_a_rule_are_refused_with_the_reason() {
    let cases: [(&str, Value, &str); 9] = [
        (
            "client_id",
            json!("https://other.example/c.json"),
            "client_id",
        ),
        ("client_secret", json!("s3cret"), "client_secret"),
        (
            "token_endpoint_auth_method",
            json!("client_secret_post"),
            "client_secret_post",
        ),
        (
            "token_endpoint_auth_method",
            Value::Null,
            "client_secret_basic",
        ),
        (
            "grant_types",
            json!(["client_credentials"]),
            "client_credentials",
        ),
        ("response_types", json!(["token"]), "response type"),
        (
            "redirect_uris",
            json!(["http://app.example/cb"]),
            "redirect_uris",
        ),
        ("redirect_uris", Value::Null, "redirect_uris is missing"),
        ("client_name", json!(7), "client_name"),
    ];
    for (member, value, why) in cases {
        let mut doc = public_document();
        doc[member] = value;
        let err = check(&doc).unwrap_err();
        assert!(err.contains(why), "{member}: {err}");
    }
    assert!(check(&json!([URL])).is_err());
}

#[test]
fn private_key_jwt_needs_public_keys_from_the_document() {
    let key = crate::crypto::keys::generate_es256("k1")
        .unwrap()
        .public_jwk;
    let mut doc = public_document();
    doc["token_endpoint_auth_method"] = json!("private_key_jwt");
    assert!(check(&doc).unwrap_err().contains("jwks"));
    doc["jwks"] = json!({ "keys": [key] });
    let c = check(&doc).unwrap();
    assert_eq!(c.client_type, ClientType::Confidential);
    assert!(c.uses_private_key_jwt());
    doc["jwks"] = json!({ "keys": [{ "kty": "oct", "k": "c2VjcmV0" }] });
    assert!(check(&doc).is_err());
}
