//! Activity of a session, on both stores: last-seen is written at most every five minutes (a
//! quarter of the idle timeout when that is shorter), so a session in use never reaches its idle
//! deadline and one left alone past it is refused.

use std::time::Duration;

use super::{browser, sign_in, signed_in, FIREFOX_LINUX, PASSWORD};
use crate::helpers::{Backend, TestApp};

pub async fn last_seen_is_written_at_most_every_five_minutes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let jane = app.create_user("jane", "jane@example.com", PASSWORD).await;
    let b = browser(FIREFOX_LINUX);
    sign_in(&app, &b, "jane").await;
    let stored = || async {
        let svc = app.services().await;
        let all = svc.stores.sessions.list_sessions_for_user(&jane.id).await;
        all.unwrap().remove(0).last_seen_at
    };
    let signed_in_at = stored().await;
    app.advance(Duration::from_secs(240));
    assert!(signed_in(&app, &b).await);
    assert_eq!(stored().await, signed_in_at, "no write four minutes on");
    app.advance(Duration::from_secs(120));
    assert!(signed_in(&app, &b).await);
    let moved = stored().await;
    assert!(
        moved >= signed_in_at + chrono::Duration::seconds(360),
        "{moved}"
    );
    app.stop().await;
}

/// With an idle timeout shorter than the usual five minutes between writes, activity is
/// recorded often enough that a session in use never reaches its idle deadline, and one left
/// alone past it is refused.
pub async fn a_session_in_use_outlives_a_short_idle_timeout(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = crate::helpers::test_settings(backend, dir.path());
    settings.session.idle_timeout = Duration::from_secs(120);
    let app = TestApp::spawn_with(settings, dir).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    let b = browser(FIREFOX_LINUX);
    sign_in(&app, &b, "jane").await;
    for minute in 1..=6 {
        app.advance(Duration::from_secs(60));
        assert!(
            signed_in(&app, &b).await,
            "still in use after {minute} minutes"
        );
    }
    app.advance(Duration::from_secs(121));
    assert!(!signed_in(&app, &b).await, "idle past the timeout");
    app.stop().await;
}
