//! AuditStore: events come back newest first by (time, id), the same on every backend; the
//! filters (person, app, type prefix, time range) and the cursor select the same events; an
//! event past its retention is not listed; a batch written twice is not duplicated.

use std::collections::BTreeMap;

use auth_center::domain::{AuditCursor, AuditEvent, AuditEventType, AuditQuery, AuditTypePrefix};
use auth_center::store::Stores;
use chrono::{DateTime, Utc};

use crate::fixtures::*;

fn audit_event(
    t: DateTime<Utc>,
    id: &str,
    at: i64,
    kind: AuditEventType,
    who: &str,
    app: &str,
) -> AuditEvent {
    let (time, subject) = (t + secs(at), who);
    AuditEvent {
        id: id.to_owned(),
        time,
        kind,
        reason: Some("bad_password".into()),
        actor: subject.to_owned(),
        subject: Some(subject.to_owned()),
        app: Some(app.to_owned()),
        ip: Some("192.0.2.7".into()),
        user_agent: Some("agent".into()),
        request_id: Some("req".into()),
        details: BTreeMap::from([("scope".to_owned(), "openid".to_owned())]),
        expires_at: time + secs(3600),
    }
}

fn query_at(t: DateTime<Utc>) -> AuditQuery {
    AuditQuery {
        user: None,
        app: None,
        kind: None,
        since: None,
        until: None,
        after: None,
        limit: 100,
        now: t,
    }
}

fn ids(events: &[AuditEvent]) -> Vec<&str> {
    events.iter().map(|e| e.id.as_str()).collect()
}

pub async fn audit_events_are_listed_newest_first_filtered_and_paged_by_cursor(s: &Stores) {
    use AuditEventType::*;
    let t = now();
    let query = || query_at(t);
    let events = vec![
        audit_event(t, "a1", 1, LoginFailed, "u1", "c1"),
        audit_event(t, "a2", 2, LoginSucceeded, "u1", "c2"),
        audit_event(t, "a3", 2, Logout, "u2", "c1"),
        audit_event(t, "a4", 3, ConsentGranted, "u2", "c2"),
        audit_event(t, "a5", 4, LoginSucceeded, "u1", "c1"),
    ];
    let audit = &s.audit;
    audit.insert_audit_events(&events).await.unwrap();
    audit.insert_audit_events(&events[..2]).await.unwrap();
    let all = audit.list_audit_events(&query()).await.unwrap();
    assert_eq!(
        ids(&all),
        ["a5", "a4", "a3", "a2", "a1"],
        "same time: higher id first"
    );
    assert_eq!(all[4], events[0], "every field round-trips");

    let by_user = AuditQuery {
        user: Some("u1".into()),
        ..query()
    };
    let found = audit.list_audit_events(&by_user).await.unwrap();
    assert_eq!(ids(&found), ["a5", "a2", "a1"]);
    let by_app = AuditQuery {
        app: Some("c2".into()),
        ..query()
    };
    assert_eq!(
        ids(&audit.list_audit_events(&by_app).await.unwrap()),
        ["a4", "a2"]
    );
    let login = AuditQuery {
        kind: AuditTypePrefix::parse("login."),
        ..query()
    };
    assert_eq!(
        ids(&audit.list_audit_events(&login).await.unwrap()),
        ["a5", "a2", "a1"]
    );
    let exact = AuditQuery {
        kind: AuditTypePrefix::parse("login.failed"),
        ..query()
    };
    assert_eq!(ids(&audit.list_audit_events(&exact).await.unwrap()), ["a1"]);
    let window = AuditQuery {
        since: Some(t + secs(2)),
        until: Some(t + secs(4)),
        ..query()
    };
    assert_eq!(
        ids(&audit.list_audit_events(&window).await.unwrap()),
        ["a4", "a3", "a2"]
    );

    let mut paged = Vec::new();
    let mut after = None;
    loop {
        let page = AuditQuery {
            limit: 2,
            after: after.clone(),
            ..query()
        };
        let got = audit.list_audit_events(&page).await.unwrap();
        assert!(got.len() <= 2);
        paged.extend(got.iter().map(|e| e.id.clone()));
        match got.last() {
            Some(last) => after = Some(AuditCursor::of(last)),
            None => break,
        }
    }
    assert_eq!(paged, ["a5", "a4", "a3", "a2", "a1"]);

    let later = AuditQuery {
        now: t + secs(3602),
        ..query()
    };
    let kept = audit.list_audit_events(&later).await.unwrap();
    assert_eq!(
        ids(&kept),
        ["a5", "a4"],
        "at or past the end of their retention, not listed"
    );
}
