//! Steady mixed traffic through several nodes, and the ledger of what it was told: every request
//! sent, every answer (an expected one is an acknowledgement, a 503 is counted with its time, any
//! other 5xx, unexpected answer or missing answer is a fault), and every write the nodes
//! acknowledged — tokens issued, revocations, codes redeemed, refresh tokens rotated — so that
//! afterwards each can be checked against the store: nothing acknowledged may be lost.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::flows::{self, client, Code, Creds, Sent};
use super::nodes::Node;

/// What became of a token family (one client-credentials token, or one authorization's grant).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Fate {
    Active,
    /// Its revocation was acknowledged.
    Revoked,
    /// A write about it got no acknowledgement: it may or may not have happened.
    Unknown,
}

#[derive(Default)]
pub struct Ledger {
    pub sent: u64,
    pub acknowledged: u64,
    pub logins: u64,
    /// When each 503 arrived, and each acknowledgement (since the load started).
    pub unavailable: Vec<Duration>,
    pub acknowledged_at: Vec<Duration>,
    /// Other 5xx, unexpected answers, requests without an answer.
    pub faults: Vec<String>,
    pub families: Vec<Fate>,
    /// Access and refresh tokens received, with their family.
    pub tokens: Vec<(String, usize)>,
    pub redeemed_codes: Vec<Code>,
    /// Refresh tokens a refresh acknowledged having replaced.
    pub spent_refresh: Vec<String>,
}

/// The load's shared state: the nodes, the app and accounts it uses, the ledger.
pub struct Load {
    pub nodes: Vec<Arc<Node>>,
    pub app: Creds,
    pub start: Instant,
    pub ledger: Mutex<Ledger>,
    stop: AtomicBool,
}

impl Load {
    pub fn new(nodes: Vec<Arc<Node>>, app: Creds) -> Arc<Load> {
        Arc::new(Load {
            nodes,
            app,
            start: Instant::now(),
            ledger: Mutex::default(),
            stop: AtomicBool::new(false),
        })
    }

    /// Records an answer; the acknowledged answer when its status is one of `ok`.
    pub fn record<'a>(&self, what: &str, sent: &'a Sent, ok: &[u16]) -> Option<&'a flows::Answer> {
        let mut l = self.ledger.lock().unwrap();
        l.sent += 1;
        match sent {
            Ok(a) if ok.contains(&a.status) => {
                l.acknowledged += 1;
                l.acknowledged_at.push(self.start.elapsed());
                return Some(a);
            }
            Ok(a) if a.status == 503 => l.unavailable.push(self.start.elapsed()),
            Ok(a) => l.faults.push(format!(
                "{what}: {} {}",
                a.status,
                a.text.chars().take(200).collect::<String>()
            )),
            Err(e) => l.faults.push(format!("{what}: no answer: {e}")),
        }
        None
    }

    fn family(&self, fate: Fate) -> usize {
        let mut l = self.ledger.lock().unwrap();
        l.families.push(fate);
        l.families.len() - 1
    }

    fn set_fate(&self, family: usize, fate: Fate) {
        self.ledger.lock().unwrap().families[family] = fate;
    }

    fn token(&self, token: &str, family: usize) {
        self.ledger
            .lock()
            .unwrap()
            .tokens
            .push((token.to_owned(), family));
    }

    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
    }

    /// Runs worker `w` as `username` until stopped: round after round of a client-credentials
    /// token, its revocation through the other node every other round, and an authorization-code
    /// flow (login, consent, exchange, two refreshes) spread over both nodes.
    pub async fn worker(self: Arc<Self>, w: usize, username: String, pause: Duration) {
        let http = client(false);
        let mut round = w;
        while !self.stop.load(Ordering::SeqCst) {
            let (x, y) = (&self.nodes[round % 2], &self.nodes[(round + 1) % 2]);
            self.client_credentials(&http, x, y, round.is_multiple_of(2))
                .await;
            if round.is_multiple_of(3) {
                self.code_flow(&http, x, y, &username, round.is_multiple_of(6))
                    .await;
            }
            round += 1;
            tokio::time::sleep(pause).await;
        }
    }

    async fn client_credentials(&self, http: &reqwest::Client, x: &Node, y: &Node, revoke: bool) {
        let sent = flows::client_credentials(http, x, &self.app).await;
        let Some(a) = self.record("client_credentials", &sent, &[200]) else {
            return;
        };
        let token = a.body["access_token"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let family = self.family(Fate::Active);
        self.token(&token, family);
        if revoke {
            let sent = flows::revoke(http, y, &self.app, &token).await;
            let fate = match self.record("revoke", &sent, &[200]) {
                Some(_) => Fate::Revoked,
                None => Fate::Unknown,
            };
            self.set_fate(family, fate);
        }
    }

    /// Logs in and authorizes at `x`, redeems at `y`, refreshes at `x` then `y`, and revokes the
    /// grant at `x` when `revoke`. A step without acknowledgement ends the flow.
    async fn code_flow(
        &self,
        http: &reqwest::Client,
        x: &Node,
        y: &Node,
        username: &str,
        revoke: bool,
    ) {
        let browser = client(true);
        let sent = flows::log_in(&browser, x, username).await;
        if self.record("login", &sent, &[303]).is_none() {
            return;
        }
        self.ledger.lock().unwrap().logins += 1;
        let code =
            match flows::authorize(&browser, x, &self.app, "openid profile offline_access").await {
                Ok(code) => code,
                Err(sent) => {
                    self.record("authorize", &sent, &[]);
                    return;
                }
            };
        self.acknowledged();
        let sent = flows::exchange(http, y, &self.app, &code).await;
        let family = self.family(Fate::Unknown);
        let Some(mut refresh) = self.tokens_of("exchange", &sent, family) else {
            return;
        };
        self.ledger.lock().unwrap().redeemed_codes.push(code);
        self.set_fate(family, Fate::Active);
        for node in [x, y] {
            let sent = flows::refresh(http, node, &self.app, &refresh).await;
            let Some(next) = self.tokens_of("refresh", &sent, family) else {
                // Rotated or not: the refresh token's state is unknown now.
                self.set_fate(family, Fate::Unknown);
                return;
            };
            self.ledger.lock().unwrap().spent_refresh.push(refresh);
            refresh = next;
        }
        // Only the last refresh token is alive: the ones before it were rotated away.
        self.token(&refresh, family);
        if revoke {
            let sent = flows::revoke(http, x, &self.app, &refresh).await;
            let fate = match self.record("revoke", &sent, &[200]) {
                Some(_) => Fate::Revoked,
                None => Fate::Unknown,
            };
            self.set_fate(family, fate);
        }
    }

    /// Records a token answer's access token in `family`; its refresh token.
    fn tokens_of(&self, what: &str, sent: &Sent, family: usize) -> Option<String> {
        let a = self.record(what, sent, &[200])?;
        let access = a.body["access_token"].as_str()?;
        self.token(access, family);
        a.body["refresh_token"].as_str().map(str::to_owned)
    }

    /// Counts a step that was answered as expected (the authorization redirect with a code).
    fn acknowledged(&self) {
        let mut l = self.ledger.lock().unwrap();
        l.sent += 1;
        l.acknowledged += 1;
        l.acknowledged_at.push(self.start.elapsed());
    }
}
