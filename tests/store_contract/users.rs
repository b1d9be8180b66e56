//! UserStore: round trips, case-insensitive uniqueness, listing, search and counting.

use std::sync::Arc;

use auth_center::domain::{EmailAddress, Page, User, Username};
use auth_center::store::{StoreError, Stores, UserQuery};
use tokio::sync::Barrier;

use crate::fixtures::*;

pub async fn a_user_round_trips_through_insert_get_find_update_and_delete(s: &Stores) {
    let user = user_named("Jane.Doe", "Jane.Doe@Example.COM");
    let user = User {
        display_name: Some("Jane Doe".into()),
        locale: None,
        ..user
    };
    s.users.insert_user(&user).await.unwrap();
    assert_eq!(s.users.get_user(&user.id).await.unwrap(), user);
    let by_name = s.users.find_user_by_username("jane.doe").await.unwrap();
    assert_eq!(by_name, user);
    let by_email = s.users.find_user_by_email("jane.doe@example.com").await;
    assert_eq!(by_email.unwrap(), user);

    let later = user.updated_at + secs(3_600);
    let changed = User {
        id: user.id.clone(),
        username: Username::parse("Janet").unwrap(),
        email: EmailAddress::parse("Janet@Example.org").unwrap(),
        email_verified: true,
        display_name: None,
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$bmV3c2FsdA$bmV3aGFzaA".into(),
        is_admin: true,
        disabled: true,
        locale: Some("fr-CA".into()),
        created_at: user.created_at - secs(999),
        updated_at: later,
    };
    s.users.update_user(&changed).await.unwrap();
    let expected = User {
        created_at: user.created_at,
        ..changed.clone()
    };
    assert_eq!(s.users.get_user(&user.id).await.unwrap(), expected);
    assert_eq!(
        s.users.find_user_by_username("janet").await.unwrap(),
        expected
    );
    let by_email = s.users.find_user_by_email("janet@example.org").await;
    assert_eq!(by_email.unwrap(), expected);
    assert_not_found(s.users.find_user_by_username("jane.doe").await);
    assert_not_found(s.users.find_user_by_email("jane.doe@example.com").await);

    s.users.delete_user(&user.id).await.unwrap();
    assert_not_found(s.users.get_user(&user.id).await);
    assert_not_found(s.users.find_user_by_username("janet").await);
    assert_not_found(s.users.find_user_by_email("janet@example.org").await);
}

pub async fn a_username_is_unique_case_insensitively(s: &Stores) {
    let first = user_named("alice", "alice@example.com");
    s.users.insert_user(&first).await.unwrap();
    let second = user_named("ALICE", "someone.else@example.com");
    assert_conflict(s.users.insert_user(&second).await, "username");
    assert_not_found(s.users.get_user(&second.id).await);
    assert_eq!(s.users.count_users().await.unwrap(), 1);
}

pub async fn an_email_is_unique_case_insensitively(s: &Stores) {
    let first = user_named("alice", "alice@example.com");
    s.users.insert_user(&first).await.unwrap();
    let second = user_named("bob", "ALICE@Example.COM");
    assert_conflict(s.users.insert_user(&second).await, "email");
    assert_not_found(s.users.get_user(&second.id).await);
    assert_eq!(s.users.count_users().await.unwrap(), 1);
}

pub async fn an_update_that_takes_another_users_username_or_email_conflicts(s: &Stores) {
    let alice = user_named("alice", "alice@example.com");
    let bob = user_named("bob", "bob@example.com");
    s.users.insert_user(&alice).await.unwrap();
    s.users.insert_user(&bob).await.unwrap();

    let steal_name = User {
        username: Username::parse("Alice").unwrap(),
        ..bob.clone()
    };
    assert_conflict(s.users.update_user(&steal_name).await, "username");
    let steal_email = User {
        email: EmailAddress::parse("Alice@EXAMPLE.com").unwrap(),
        ..bob.clone()
    };
    assert_conflict(s.users.update_user(&steal_email).await, "email");
    assert_eq!(s.users.get_user(&bob.id).await.unwrap(), bob);

    // Changing the case of one's own username or email is not a conflict.
    let recased = User {
        username: Username::parse("BOB").unwrap(),
        email: EmailAddress::parse("Bob@Example.com").unwrap(),
        ..bob.clone()
    };
    s.users.update_user(&recased).await.unwrap();
    assert_eq!(s.users.get_user(&bob.id).await.unwrap(), recased);
}

pub async fn getting_updating_or_deleting_a_missing_user_is_not_found(s: &Stores) {
    let ghost = sample_user(1);
    assert_not_found(s.users.get_user(&ghost.id).await);
    assert_not_found(s.users.find_user_by_username("user001").await);
    assert_not_found(s.users.find_user_by_email("user001@example.com").await);
    assert_not_found(s.users.update_user(&ghost).await);
    assert_not_found(s.users.delete_user(&ghost.id).await);
    assert_eq!(s.users.count_users().await.unwrap(), 0);
}

fn query(search: Option<&str>, offset: u64, limit: u64) -> UserQuery {
    UserQuery {
        search: search.map(str::to_string),
        page: Page::new(offset, limit),
    }
}

async fn list(s: &Stores, search: Option<&str>, offset: u64, limit: u64) -> (Vec<String>, u64) {
    let page = s.users.list_users(&query(search, offset, limit)).await;
    let page = page.unwrap();
    let names = page.items.iter().map(|u| u.username.to_string()).collect();
    (names, page.total)
}

pub async fn users_are_listed_by_username_key_in_pages_with_the_total(s: &Stores) {
    // Byte order would put "Bravo" and "Delta" first; key order does not.
    let mut users = Vec::new();
    for name in ["charlie", "echo", "alpha", "Delta", "Bravo"] {
        let user = user_named(name, &format!("{name}@example.com"));
        s.users.insert_user(&user).await.unwrap();
        users.push(user);
    }
    let by_name = |n: &str| users.iter().find(|u| u.username.as_str() == n).unwrap();

    let first = s.users.list_users(&query(None, 0, 2)).await.unwrap();
    assert_eq!(
        first.items,
        vec![by_name("alpha").clone(), by_name("Bravo").clone()]
    );
    assert_eq!(first.total, 5);
    let strs = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(list(s, None, 2, 2).await, (strs(&["charlie", "Delta"]), 5));
    assert_eq!(list(s, None, 4, 2).await, (strs(&["echo"]), 5));
    assert_eq!(list(s, None, 6, 2).await, (vec![], 5));
    let all = strs(&["alpha", "Bravo", "charlie", "Delta", "echo"]);
    assert_eq!(list(s, None, 0, 50).await, (all, 5));
}

pub async fn count_users_counts_every_user(s: &Stores) {
    assert_eq!(s.users.count_users().await.unwrap(), 0);
    let users = [sample_user(1), sample_user(2), sample_user(3)];
    for u in &users {
        s.users.insert_user(u).await.unwrap();
    }
    assert_eq!(s.users.count_users().await.unwrap(), 3);
    s.users.delete_user(&users[1].id).await.unwrap();
    assert_eq!(s.users.count_users().await.unwrap(), 2);
}

pub async fn only_enabled_administrators_are_counted_as_admins(s: &Stores) {
    assert_eq!(s.users.count_enabled_admins().await.unwrap(), 0);
    let admin = |n, disabled| User {
        is_admin: true,
        disabled,
        ..sample_user(n)
    };
    for u in [
        admin(1, false),
        admin(2, true),
        sample_user(3),
        admin(4, false),
    ] {
        s.users.insert_user(&u).await.unwrap();
    }
    assert_eq!(s.users.count_enabled_admins().await.unwrap(), 2);
    let mut first = s.users.find_user_by_username("user001").await.unwrap();
    first.disabled = true;
    s.users.update_user(&first).await.unwrap();
    assert_eq!(s.users.count_enabled_admins().await.unwrap(), 1);
}

async fn insert_all(s: &Stores, users: &[(&str, &str, Option<&str>)]) {
    for (username, email, display_name) in users {
        let user = User {
            display_name: display_name.map(str::to_string),
            ..user_named(username, email)
        };
        s.users.insert_user(&user).await.unwrap();
    }
}

pub async fn a_user_search_matches_a_case_insensitive_substring_of_username_email_or_display_name(
    s: &Stores,
) {
    insert_all(
        s,
        &[
            ("marigold", "m1@example.com", Some("Plain")),
            ("someone", "Gold.Digger@example.com", None),
            ("other", "o@example.com", Some("The GOLDEN one")),
            ("nobody", "n@example.com", Some("Silver")),
        ],
    )
    .await;
    let found = (
        vec!["marigold".to_string(), "other".into(), "someone".into()],
        3,
    );
    assert_eq!(list(s, Some("GoLd"), 0, 50).await, found);
    assert_eq!(list(s, Some("gold"), 1, 1).await, (vec!["other".into()], 3));
    assert_eq!(list(s, Some("zzz"), 0, 50).await, (vec![], 0));
    assert_eq!(
        list(s, Some("SILVER"), 0, 50).await,
        (vec!["nobody".into()], 1)
    );
}

pub async fn a_user_search_treats_like_and_regex_metacharacters_literally(s: &Stores) {
    insert_all(
        s,
        &[
            ("percent", "p1@example.com", Some("100% sure")),
            ("words", "p2@example.com", Some("100 percent")),
            ("a_b", "u1@example.com", None),
            ("axb", "u2@example.com", None),
            ("dotstar", "d1@example.com", Some("x.*y")),
            ("lookalike", "d2@example.com", Some("xzzy")),
            ("paren", "r1@example.com", Some("Smith (admin)")),
            ("backslash", "b1@example.com", Some(r"back\slash")),
        ],
    )
    .await;
    let one = |n: &str| (vec![n.to_string()], 1);
    assert_eq!(list(s, Some("%"), 0, 50).await, one("percent"));
    assert_eq!(list(s, Some("0%"), 0, 50).await, one("percent"));
    assert_eq!(list(s, Some("_"), 0, 50).await, one("a_b"));
    assert_eq!(list(s, Some("a_b"), 0, 50).await, one("a_b"));
    assert_eq!(list(s, Some(".*"), 0, 50).await, one("dotstar"));
    assert_eq!(list(s, Some("x.*y"), 0, 50).await, one("dotstar"));
    assert_eq!(list(s, Some("(admin)"), 0, 50).await, one("paren"));
    assert_eq!(list(s, Some(r"\s"), 0, 50).await, one("backslash"));
    assert_eq!(list(s, Some("("), 0, 50).await, one("paren"));
    assert_eq!(list(s, Some("[^"), 0, 50).await, (vec![], 0));
}

pub async fn only_one_of_sixteen_concurrent_registrations_of_a_username_succeeds(s: &Stores) {
    const RACERS: usize = 16;
    let barrier = Arc::new(Barrier::new(RACERS));
    let racers: Vec<_> = (0..RACERS)
        .map(|i| {
            // Alternate the case: uniqueness must hold on the key, under contention too.
            let name = if i % 2 == 0 { "racer" } else { "Racer" };
            let user = user_named(name, &format!("racer{i}@example.com"));
            let (s, barrier) = (s.clone(), barrier.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                s.users.insert_user(&user).await.map(|()| user)
            })
        })
        .collect();
    let mut winners = vec![];
    for racer in racers {
        match racer.await.unwrap() {
            Ok(user) => winners.push(user),
            Err(StoreError::Conflict("username")) => {}
            Err(e) => panic!("expected Ok or Conflict(\"username\"), got {e:?}"),
        }
    }
    assert_eq!(winners.len(), 1, "winners: {winners:?}");
    assert_eq!(s.users.count_users().await.unwrap(), 1);
    let stored = s.users.find_user_by_username("racer").await.unwrap();
    assert_eq!(stored, winners[0]);
}

pub async fn a_users_language_is_set_changed_and_removed(s: &Stores) {
    let user = user_named("jane", "jane@example.com");
    let user = User {
        locale: Some("zh-CN".into()),
        ..user
    };
    s.users.insert_user(&user).await.unwrap();
    assert_eq!(
        s.users.get_user(&user.id).await.unwrap().locale.as_deref(),
        Some("zh-CN")
    );
    for locale in [Some("en".to_owned()), None] {
        let changed = User {
            locale: locale.clone(),
            ..user.clone()
        };
        s.users.update_user(&changed).await.unwrap();
        assert_eq!(s.users.get_user(&user.id).await.unwrap().locale, locale);
    }
}
