//! GroupStore: round trips, case-insensitive names, membership and listing.

use auth_center::domain::{Group, GroupName, Page};
use auth_center::store::Stores;

use crate::fixtures::*;

pub async fn a_group_round_trips_through_insert_get_find_update_and_delete(s: &Stores) {
    let group = Group {
        members: vec![id(), id()],
        ..group_named("Admins Team")
    };
    s.groups.insert_group(&group).await.unwrap();
    let got = s.groups.get_group(&group.id).await.unwrap();
    assert_eq!(sorted_members(got), sorted_members(group.clone()));
    let found = s.groups.find_group_by_name("admins team").await.unwrap();
    assert_eq!(sorted_members(found), sorted_members(group.clone()));

    // Members and created_at are not replaced by an update.
    let changed = Group {
        id: group.id.clone(),
        name: GroupName::parse("Operators").unwrap(),
        description: "Runs the show".into(),
        members: vec![id()],
        created_at: group.created_at - secs(999),
        updated_at: group.updated_at + secs(60),
    };
    s.groups.update_group(&changed).await.unwrap();
    let expected = Group {
        members: group.members.clone(),
        created_at: group.created_at,
        ..changed
    };
    let got = s.groups.get_group(&group.id).await.unwrap();
    assert_eq!(sorted_members(got), sorted_members(expected.clone()));
    let found = s.groups.find_group_by_name("operators").await.unwrap();
    assert_eq!(sorted_members(found), sorted_members(expected));
    assert_not_found(s.groups.find_group_by_name("admins team").await);

    s.groups.delete_group(&group.id).await.unwrap();
    assert_not_found(s.groups.get_group(&group.id).await);
    assert_not_found(s.groups.find_group_by_name("operators").await);
}

pub async fn getting_updating_or_deleting_a_missing_group_is_not_found(s: &Stores) {
    let ghost = sample_group(1);
    assert_not_found(s.groups.get_group(&ghost.id).await);
    assert_not_found(s.groups.find_group_by_name("group 001").await);
    assert_not_found(s.groups.update_group(&ghost).await);
    assert_not_found(s.groups.delete_group(&ghost.id).await);
}

pub async fn a_group_name_is_unique_case_insensitively(s: &Stores) {
    let admins = group_named("Admins");
    s.groups.insert_group(&admins).await.unwrap();
    let shouting = group_named("ADMINS");
    assert_conflict(s.groups.insert_group(&shouting).await, "name");
    assert_not_found(s.groups.get_group(&shouting.id).await);

    let other = group_named("Others");
    s.groups.insert_group(&other).await.unwrap();
    let renamed = Group {
        name: GroupName::parse("admins").unwrap(),
        ..other.clone()
    };
    assert_conflict(s.groups.update_group(&renamed).await, "name");
    assert_eq!(s.groups.get_group(&other.id).await.unwrap(), other);
}

async fn members(s: &Stores, group_id: &str) -> Vec<String> {
    let mut members = s.groups.get_group(group_id).await.unwrap().members;
    members.sort();
    members
}

pub async fn adding_a_member_is_idempotent_and_removing_one_keeps_the_others(s: &Stores) {
    let group = sample_group(1);
    s.groups.insert_group(&group).await.unwrap();
    let (u1, u2) = (id(), id());
    s.groups.add_member(&group.id, &u1).await.unwrap();
    s.groups.add_member(&group.id, &u1).await.unwrap();
    assert_eq!(members(s, &group.id).await, vec![u1.clone()]);
    s.groups.add_member(&group.id, &u2).await.unwrap();
    let mut both = vec![u1.clone(), u2.clone()];
    both.sort();
    assert_eq!(members(s, &group.id).await, both);

    s.groups.remove_member(&group.id, &u1).await.unwrap();
    assert_eq!(members(s, &group.id).await, vec![u2.clone()]);
    s.groups.remove_member(&group.id, &u1).await.unwrap();
    assert_eq!(members(s, &group.id).await, vec![u2]);
}

pub async fn changing_the_members_of_a_missing_group_is_not_found(s: &Stores) {
    let ghost = sample_group(1);
    assert_not_found(s.groups.add_member(&ghost.id, &id()).await);
    assert_not_found(s.groups.remove_member(&ghost.id, &id()).await);
    assert_not_found(s.groups.get_group(&ghost.id).await);
}

pub async fn the_groups_of_a_user_are_listed_by_name_key(s: &Stores) {
    let (user, other_user) = (id(), id());
    let mut groups = Vec::new();
    for name in ["beta", "Gamma", "Alpha", "delta"] {
        let group = group_named(name);
        s.groups.insert_group(&group).await.unwrap();
        if name != "Gamma" {
            s.groups.add_member(&group.id, &user).await.unwrap();
        }
        groups.push(group);
    }
    s.groups
        .add_member(&groups[1].id, &other_user)
        .await
        .unwrap();

    let names = |gs: Vec<Group>| {
        gs.into_iter()
            .map(|g| g.name.to_string())
            .collect::<Vec<_>>()
    };
    let listed = s.groups.list_groups_for_user(&user).await.unwrap();
    assert!(listed.iter().all(|g| g.members.contains(&user)));
    assert_eq!(names(listed), vec!["Alpha", "beta", "delta"]);
    let listed = s.groups.list_groups_for_user(&other_user).await.unwrap();
    assert_eq!(names(listed), vec!["Gamma"]);
    assert!(s
        .groups
        .list_groups_for_user(&id())
        .await
        .unwrap()
        .is_empty());
}

pub async fn removing_a_user_everywhere_leaves_the_other_members(s: &Stores) {
    let (leaving, staying) = (id(), id());
    let (g1, g2) = (sample_group(1), sample_group(2));
    for g in [&g1, &g2] {
        s.groups.insert_group(g).await.unwrap();
        s.groups.add_member(&g.id, &leaving).await.unwrap();
        s.groups.add_member(&g.id, &staying).await.unwrap();
    }
    s.groups.remove_user_everywhere(&leaving).await.unwrap();
    assert!(s
        .groups
        .list_groups_for_user(&leaving)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(members(s, &g1.id).await, vec![staying.clone()]);
    assert_eq!(members(s, &g2.id).await, vec![staying.clone()]);
    assert_eq!(
        s.groups.list_groups_for_user(&staying).await.unwrap().len(),
        2
    );
}

pub async fn groups_are_listed_by_name_key_in_pages_with_the_total(s: &Stores) {
    let mut groups = Vec::new();
    for name in ["charlie", "echo", "alpha", "Delta", "Bravo"] {
        let group = group_named(name);
        s.groups.insert_group(&group).await.unwrap();
        groups.push(group);
    }
    let by_name = |n: &str| {
        groups
            .iter()
            .find(|g| g.name.as_str() == n)
            .unwrap()
            .clone()
    };
    let first = s.groups.list_groups(Page::new(0, 2)).await.unwrap();
    assert_eq!(first.items, vec![by_name("alpha"), by_name("Bravo")]);
    assert_eq!(first.total, 5);
    let second = s.groups.list_groups(Page::new(2, 2)).await.unwrap();
    assert_eq!(second.items, vec![by_name("charlie"), by_name("Delta")]);
    assert_eq!(second.total, 5);
    let last = s.groups.list_groups(Page::new(4, 2)).await.unwrap();
    assert_eq!((last.items, last.total), (vec![by_name("echo")], 5));
    let beyond = s.groups.list_groups(Page::new(5, 2)).await.unwrap();
    assert_eq!((beyond.items, beyond.total), (vec![], 5));
}
