//! The pieces of a multi-node deployment, for real: the three-member replica set of
//! scripts/mongo-cluster.sh (started once and shared by every test of the binary run; its start
//! is idempotent and locked, so concurrent test processes may all ask for it), and auth-center
//! processes of this build serving one database on it with the same public URL and the same
//! key-encryption key, as an operator runs several nodes behind a load balancer.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc};
use std::time::Duration;

use auth_center::domain::User;
use auth_center::service::accounts::{create_user, NewUser};
use auth_center::service::clients::{create_client, CreatedClient, NewClient};
use auth_center::service::Services;
use secrecy::SecretString;

/// The public URL every node shares: the load balancer's address in production. Nobody
/// connects to it here; it is the issuer both nodes put in and expect from tokens.
pub const PUBLIC_URL: &str = "http://auth.cluster.test";
const KEY_ENCRYPTION_KEY: &str = "one key-encryption key for every node";
pub const PASSWORD: &str = "a long enough password";
pub const REDIRECT_URI: &str = "http://127.0.0.1:9/callback";

/// The three-member replica set `rs3` on 127.0.0.1:BASE..BASE+2.
#[derive(Clone)]
pub struct ReplicaSet {
    pub base: u16,
    pub uri: String,
}

fn script(args: &[&str]) -> String {
    let out = Command::new("bash")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scripts/mongo-cluster.sh"
        ))
        .args(args)
        .output()
        .expect("mongo-cluster.sh runs");
    assert!(
        out.status.success(),
        "mongo-cluster.sh {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

impl ReplicaSet {
    /// The set of this test run, started if it is not running (`AUTH_CENTER_TEST_CLUSTER_PORT`,
    /// default 27217, is its first port).
    pub fn shared() -> ReplicaSet {
        let base: u16 = std::env::var("AUTH_CENTER_TEST_CLUSTER_PORT")
            .ok()
            .filter(|v| !v.trim().is_empty())
            .map(|v| {
                v.trim()
                    .parse()
                    .expect("AUTH_CENTER_TEST_CLUSTER_PORT is a port")
            })
            .unwrap_or(27217);
        let b = base.to_string();
        script(&["start", &b]);
        let uri = script(&["uri", &b]);
        ReplicaSet { base, uri }
    }

    /// The port of the member that is primary now (waits for an election if there is none).
    pub fn primary(&self) -> u16 {
        script(&["primary", &self.base.to_string()])
            .parse()
            .expect("a port")
    }

    /// SIGKILLs the member on `port`.
    pub fn kill(&self, port: u16) {
        script(&["kill", &self.base.to_string(), &port.to_string()]);
    }

    /// Starts the member on `port` again on its data and waits until it is back in the set.
    pub fn restart(&self, port: u16) {
        script(&["restart", &self.base.to_string(), &port.to_string()]);
    }
}

/// One auth-center process; killed when dropped.
pub struct Node {
    pub url: String,
    child: Child,
}

impl Node {
    /// Starts `auth-center serve` on a free port, on database `db` of the set, and waits until
    /// it listens. `env` adds configuration (`AUTH_CENTER__…`).
    pub fn spawn(
        set: &ReplicaSet,
        db: &str,
        data_dir: &std::path::Path,
        env: &[(&str, &str)],
    ) -> Node {
        let mut cmd = crate::helpers::bin();
        cmd.args(["--mongodb-uri", &set.uri, "--mongodb-database", db])
            .args(["--bind", "127.0.0.1:0", "--public-url", PUBLIC_URL])
            .args(["--data-dir", &data_dir.display().to_string()])
            .args(["--admin-password", PASSWORD])
            .env("AUTH_CENTER__OAUTH__KEY_ENCRYPTION_KEY", KEY_ENCRYPTION_KEY)
            .envs(env.iter().copied())
            .arg("serve")
            .stdout(Stdio::piped());
        let mut child = cmd.spawn().expect("auth-center starts");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        // Reads the address, then keeps draining stdout so the process never blocks on it.
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(addr) = line.strip_prefix("auth-center listening on ") {
                    let _ = tx.send(addr.to_owned());
                }
            }
        });
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(url) => Node { url, child },
            Err(_) => {
                let _ = child.kill();
                panic!("auth-center did not listen within 60 s: {:?}", child.wait());
            }
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.url, path)
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Two nodes, A and B, on one database of the shared set, and the use cases of that database
/// for arranging accounts and apps.
pub struct Pair {
    pub set: ReplicaSet,
    pub a: Arc<Node>,
    pub b: Arc<Node>,
    pub db: String,
    pub svc: Services,
    _dirs: (tempfile::TempDir, tempfile::TempDir),
}

impl Pair {
    /// Starts A, then B (A creates the admin, indexes and first signing key; B finds them).
    pub async fn start(env: &[(&str, &str)]) -> Pair {
        let set = ReplicaSet::shared();
        let db = crate::helpers::unique_db_name("cluster");
        let dirs = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let a = Arc::new(Node::spawn(&set, &db, dirs.0.path(), env));
        let b = Arc::new(Node::spawn(&set, &db, dirs.1.path(), env));
        let svc = services(&set, &db).await;
        Pair {
            set,
            a,
            b,
            db,
            svc,
            _dirs: dirs,
        }
    }

    /// A verified account.
    pub async fn user(&self, username: &str) -> User {
        let new = NewUser {
            username: username.into(),
            email: format!("{username}@example.com"),
            password: PASSWORD.into(),
            display_name: None,
            is_admin: false,
            email_verified: true,
        };
        create_user(&self.svc, new).await.expect("user created")
    }

    /// A confidential app of `owner` with the code, refresh and client-credentials grants that
    /// may introspect any token (a resource server).
    pub async fn app(&self, owner: &User) -> CreatedClient {
        let new = NewClient {
            name: format!("app {}", uuid::Uuid::new_v4().simple()),
            description: "an app of the multi-node tests".into(),
            owner_id: owner.id.clone(),
            homepage_url: None,
            redirect_uris: vec![REDIRECT_URI.into()],
            grant_types: ["authorization_code", "refresh_token", "client_credentials"]
                .map(str::to_owned)
                .to_vec(),
            scopes: "openid profile offline_access apps".into(),
            public: false,
            first_party: false,
            introspection: true,
        };
        create_client(&self.svc, new).await.expect("app created")
    }

    /// Stops both nodes (once nothing else holds them) and drops the database.
    pub async fn stop(self) {
        drop(self.a);
        drop(self.b);
        let store = auth_center::store::mongo::connect(&self.set.uri, &self.db)
            .await
            .expect("the set answers");
        let _ = store.drop_database().await;
    }
}

/// The use cases on database `db` of the set, without a client cache, as an operator's
/// command would see them.
async fn services(set: &ReplicaSet, db: &str) -> Services {
    let mut s = auth_center::config::Settings::default();
    s.store.mongodb_uri = Some(SecretString::from(set.uri.clone()));
    s.store.mongodb_database = db.to_owned();
    s.oauth.client_cache_ttl = Duration::ZERO;
    s.oauth.key_encryption_key = Some(SecretString::from(KEY_ENCRYPTION_KEY));
    s.security.argon2_memory_kib = 64;
    s.security.argon2_iterations = 1;
    let stores = auth_center::startup::open_stores(&s)
        .await
        .expect("the set answers");
    let clock = std::sync::Arc::new(auth_center::service::clock::SystemClock);
    auth_center::startup::build_services(&s, stores, clock).expect("services")
}
