//! Resource indicators (RFC 8707) at rest: the resources authorized are kept with the code, the
//! grant, its refresh tokens (a rotation keeps them), the remembered consent and the device
//! code, in the order given; records without any read back with none.

use auth_center::domain::{AuthorizationCode, Consent, DeviceCode, Grant, RefreshToken};
use auth_center::store::{CodeTake, RefreshRotation, Stores};

use crate::device_codes::sample_device_code;
use crate::fixtures::*;

fn two_resources() -> Vec<String> {
    vec![
        "https://orders.example/api".into(),
        "http://127.0.0.1:8080/mcp".into(),
    ]
}

pub async fn resources_are_kept_with_codes_grants_refresh_tokens_consents_and_device_codes(
    s: &Stores,
) {
    for resources in [two_resources(), vec![]] {
        let grant = Grant {
            resources: resources.clone(),
            ..sample_grant(Some(&id()), &unique("app"))
        };
        s.grants.insert_grant(&grant).await.unwrap();
        assert_eq!(
            s.grants.get_grant(&grant.id).await.unwrap().resources,
            resources
        );

        let code = AuthorizationCode {
            resources: resources.clone(),
            ..sample_code(&grant)
        };
        s.codes.insert_code(&code).await.unwrap();
        let CodeTake::Taken(taken) = s.codes.take_code(&code.digest).await.unwrap() else {
            panic!("the code was not taken");
        };
        assert_eq!(taken, code);

        let token = RefreshToken {
            resources: resources.clone(),
            ..sample_refresh(&grant)
        };
        s.grants.insert_refresh(&token).await.unwrap();
        assert_eq!(s.grants.get_refresh(&token.digest).await.unwrap(), token);
        let next = RefreshToken {
            digest: digest(),
            ..token.clone()
        };
        let rotated = s.grants.rotate_refresh(&token.digest, &next).await.unwrap();
        assert!(matches!(rotated, RefreshRotation::Rotated(_)));
        let stored = s.grants.get_refresh(&next.digest).await.unwrap();
        assert_eq!(stored.resources, resources);

        let consent = Consent {
            resources: resources.clone(),
            ..sample_consent(&id(), &unique("app"))
        };
        s.consents.put_consent(&consent).await.unwrap();
        let read = s.consents.get_consent(&consent.user_id, &consent.client_id);
        assert_eq!(read.await.unwrap(), consent);

        let device = DeviceCode {
            resources: resources.clone(),
            ..sample_device_code()
        };
        s.device_codes.insert_device_code(&device).await.unwrap();
        let found = s
            .device_codes
            .find_device_code_by_user_code(&device.user_code_digest)
            .await
            .unwrap();
        assert_eq!(found, device);
    }
}

pub async fn a_wider_consent_replaces_the_resources_remembered(s: &Stores) {
    let consent = Consent {
        resources: vec!["https://orders.example/api".into()],
        ..sample_consent(&id(), &unique("app"))
    };
    s.consents.put_consent(&consent).await.unwrap();
    let wider = Consent {
        resources: two_resources(),
        updated_at: consent.updated_at + secs(60),
        ..consent.clone()
    };
    s.consents.put_consent(&wider).await.unwrap();
    let read = s.consents.get_consent(&consent.user_id, &consent.client_id);
    assert_eq!(read.await.unwrap().resources, two_resources());
}
