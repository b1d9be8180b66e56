//! GrantStore, grants themselves: round trip, activity, listing and revocation of families.

use auth_center::domain::{Grant, RefreshToken};
use auth_center::store::Stores;

use crate::fixtures::*;

pub async fn a_grant_round_trips_and_touching_it_records_its_last_use(s: &Stores) {
    let for_user = sample_grant(Some(&id()), &unique("app"));
    let for_client = sample_grant(None, &unique("app"));
    // The user's authentication time round trips (OIDC auth_time on refresh); none for a client.
    assert!(for_user.auth_time.is_some() && for_client.auth_time.is_none());
    for grant in [&for_user, &for_client] {
        s.grants.insert_grant(grant).await.unwrap();
        assert_eq!(&s.grants.get_grant(&grant.id).await.unwrap(), grant);
    }
    let later = for_user.last_used_at + secs(90);
    s.grants.touch_grant(&for_user.id, later).await.unwrap();
    let touched = Grant {
        last_used_at: later,
        ..for_user.clone()
    };
    assert_eq!(s.grants.get_grant(&for_user.id).await.unwrap(), touched);
    assert_eq!(
        s.grants.get_grant(&for_client.id).await.unwrap(),
        for_client
    );
    assert_not_found(s.grants.get_grant(&id()).await);
}

pub async fn active_grants_of_a_user_exclude_revoked_expired_and_others_newest_first(s: &Stores) {
    let (user, client) = (id(), unique("app"));
    let t = now();
    let grant = |created: i64, expires: i64| Grant {
        created_at: t + secs(created),
        last_used_at: t + secs(created),
        expires_at: t + secs(expires),
        ..sample_grant(Some(&user), &client)
    };
    let oldest = grant(-30, 86_400);
    let middle = grant(-20, 3 * 86_400);
    let newest = grant(-10, 3 * 86_400);
    let expired = grant(-5, -1);
    let revoked_before = Grant {
        revoked_at: Some(t - secs(1)),
        ..grant(-4, 86_400)
    };
    let revoked_now = grant(-3, 86_400);
    let someone_elses = sample_grant(Some(&id()), &client);
    for g in [
        &middle,
        &expired,
        &newest,
        &revoked_before,
        &oldest,
        &revoked_now,
    ] {
        s.grants.insert_grant(g).await.unwrap();
    }
    s.grants.insert_grant(&someone_elses).await.unwrap();
    s.grants.revoke_grant(&revoked_now.id, t).await.unwrap();

    let active = s
        .grants
        .list_active_grants_for_user(&user, t)
        .await
        .unwrap();
    assert_eq!(active, vec![newest.clone(), middle.clone(), oldest]);
    let in_two_days = t + secs(2 * 86_400);
    let active = s
        .grants
        .list_active_grants_for_user(&user, in_two_days)
        .await;
    assert_eq!(active.unwrap(), vec![newest, middle]);
    assert!(s
        .grants
        .list_active_grants_for_user(&id(), t)
        .await
        .unwrap()
        .is_empty());
}

async fn assert_family_revoked(s: &Stores, grant: &Grant, refresh: &[&str], access: &[&str]) {
    let got = s.grants.get_grant(&grant.id).await.unwrap();
    assert!(
        got.revoked_at.is_some(),
        "grant {} is not revoked",
        grant.id
    );
    for digest in refresh {
        assert!(s.grants.get_refresh(digest).await.unwrap().revoked);
    }
    for jti in access {
        assert!(s.grants.get_access(jti).await.unwrap().revoked);
    }
}

async fn assert_family_intact(s: &Stores, grant: &Grant, refresh: &[&str], access: &[&str]) {
    assert_eq!(&s.grants.get_grant(&grant.id).await.unwrap(), grant);
    for digest in refresh {
        assert!(!s.grants.get_refresh(digest).await.unwrap().revoked);
    }
    for jti in access {
        assert!(!s.grants.get_access(jti).await.unwrap().revoked);
    }
}

/// A grant with two refresh tokens and two access tokens, all stored.
pub struct Family {
    pub grant: Grant,
    pub refresh: Vec<String>,
    pub access: Vec<String>,
}

pub async fn family(s: &Stores, user_id: Option<&str>, client_id: &str) -> Family {
    let grant = sample_grant(user_id, client_id);
    s.grants.insert_grant(&grant).await.unwrap();
    let (mut refresh, mut access) = (vec![], vec![]);
    for _ in 0..2 {
        let r = sample_refresh(&grant);
        s.grants.insert_refresh(&r).await.unwrap();
        refresh.push(r.digest);
        let a = sample_access(&grant);
        s.grants.insert_access(&a).await.unwrap();
        access.push(a.jti);
    }
    Family {
        grant,
        refresh,
        access,
    }
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

pub async fn revoking_a_grant_revokes_its_tokens_but_not_other_grants(s: &Stores) {
    let (user, client) = (id(), unique("app"));
    let target = family(s, Some(&user), &client).await;
    let sibling = family(s, Some(&user), &client).await;
    let t = now() + secs(5);
    s.grants.revoke_grant(&target.grant.id, t).await.unwrap();

    let revoked = s.grants.get_grant(&target.grant.id).await.unwrap();
    let expected = Grant {
        revoked_at: Some(t),
        ..target.grant.clone()
    };
    assert_eq!(revoked, expected);
    let (r, a) = (strs(&target.refresh), strs(&target.access));
    assert_family_revoked(s, &target.grant, &r, &a).await;
    let (r, a) = (strs(&sibling.refresh), strs(&sibling.access));
    assert_family_intact(s, &sibling.grant, &r, &a).await;

    s.grants
        .revoke_grant(&target.grant.id, t + secs(1))
        .await
        .unwrap();
    assert_not_found(s.grants.revoke_grant(&id(), t).await);
}

pub async fn revoking_the_grants_of_a_client_counts_them_and_revokes_their_tokens(s: &Stores) {
    let (client, other_client) = (unique("app"), unique("app"));
    let doomed = [
        family(s, Some(&id()), &client).await,
        family(s, None, &client).await,
    ];
    let spared = family(s, Some(&id()), &other_client).await;
    let count = s.grants.revoke_grants_for_client(&client, now()).await;
    assert_eq!(count.unwrap(), 2);
    for f in &doomed {
        let (r, a) = (strs(&f.refresh), strs(&f.access));
        assert_family_revoked(s, &f.grant, &r, &a).await;
    }
    let (r, a) = (strs(&spared.refresh), strs(&spared.access));
    assert_family_intact(s, &spared.grant, &r, &a).await;
    let none = s
        .grants
        .revoke_grants_for_client(&unique("app"), now())
        .await;
    assert_eq!(none.unwrap(), 0);
}

/// An access token issued by client_credentials (no grant, no user) of `client_id`.
async fn grantless_access(s: &Stores, client_id: &str) -> String {
    let grant = sample_grant(None, client_id);
    let token = auth_center::domain::AccessTokenRecord {
        grant_id: None,
        ..sample_access(&grant)
    };
    s.grants.insert_access(&token).await.unwrap();
    token.jti
}

pub async fn revoking_the_grants_of_a_client_also_revokes_its_access_tokens_without_a_grant(
    s: &Stores,
) {
    let (client, other_client) = (unique("app"), unique("app"));
    let doomed = [
        grantless_access(s, &client).await,
        grantless_access(s, &client).await,
    ];
    let spared = grantless_access(s, &other_client).await;
    let count = s.grants.revoke_grants_for_client(&client, now()).await;
    assert_eq!(count.unwrap(), 0, "no grant was involved");
    for jti in &doomed {
        assert!(s.grants.get_access(jti).await.unwrap().revoked, "{jti}");
    }
    assert!(!s.grants.get_access(&spared).await.unwrap().revoked);
}

pub async fn revoking_the_grants_of_a_user_counts_them_and_revokes_their_tokens(s: &Stores) {
    let (user, other_user) = (id(), id());
    let doomed = [
        family(s, Some(&user), &unique("app")).await,
        family(s, Some(&user), &unique("app")).await,
        family(s, Some(&user), &unique("app")).await,
    ];
    let spared = family(s, Some(&other_user), &doomed[0].grant.client_id).await;
    let count = s.grants.revoke_grants_for_user(&user, now()).await;
    assert_eq!(count.unwrap(), 3);
    for f in &doomed {
        let (r, a) = (strs(&f.refresh), strs(&f.access));
        assert_family_revoked(s, &f.grant, &r, &a).await;
    }
    let (r, a) = (strs(&spared.refresh), strs(&spared.access));
    assert_family_intact(s, &spared.grant, &r, &a).await;
    assert_eq!(
        s.grants.revoke_grants_for_user(&id(), now()).await.unwrap(),
        0
    );
}

pub async fn revoking_one_refresh_or_access_token_reports_whether_it_existed(s: &Stores) {
    let f = family(s, Some(&id()), &unique("app")).await;
    assert!(s.grants.revoke_refresh(&f.refresh[0]).await.unwrap());
    let revoked = s.grants.get_refresh(&f.refresh[0]).await.unwrap();
    assert!(revoked.revoked && !revoked.used);
    let untouched: RefreshToken = s.grants.get_refresh(&f.refresh[1]).await.unwrap();
    assert!(!untouched.revoked);
    assert!(!s.grants.revoke_refresh(&digest()).await.unwrap());

    assert!(s.grants.revoke_access(&f.access[0]).await.unwrap());
    assert!(s.grants.get_access(&f.access[0]).await.unwrap().revoked);
    assert!(!s.grants.get_access(&f.access[1]).await.unwrap().revoked);
    assert!(!s.grants.revoke_access(&id()).await.unwrap());
    assert!(s
        .grants
        .get_grant(&f.grant.id)
        .await
        .unwrap()
        .revoked_at
        .is_none());
}
