//! Reading delivered emails in tests: `.eml` files written by the file mailer (under the app's
//! data dir) or by the SMTP sink (`scripts/smtp-sink.py`), the text part decoded, links found;
//! and an app that mails through the sink (a missing sink fails the test, it never skips).

use std::path::{Path, PathBuf};
use std::time::Duration;

use base64::Engine;

/// A delivered message: its raw form and its decoded text and HTML parts.
#[derive(Debug, Clone)]
pub struct Mail {
    pub path: PathBuf,
    pub raw: String,
    pub text: String,
    pub html: String,
}

impl Mail {
    /// The first absolute link in the text part whose path starts with `path`.
    pub fn link(&self, path: &str) -> String {
        self.text
            .split_whitespace()
            .find(|w| w.starts_with("http") && w.contains(path))
            .unwrap_or_else(|| panic!("no {path} link in:\n{}", self.text))
            .to_owned()
    }

    /// The link's path and query, to request it from the test app.
    pub fn link_path(&self, path: &str) -> String {
        let url = url::Url::parse(&self.link(path)).expect("absolute link");
        format!("{}?{}", url.path(), url.query().unwrap_or(""))
    }
}

/// Messages in `dir` addressed to `to`, oldest first.
pub fn mails_to(dir: &Path, to: &str) -> Vec<Mail> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "eml"));
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let raw = std::fs::read_to_string(&p).ok()?.replace("\r\n", "\n");
            let header_end = raw.find("\n\n").unwrap_or(raw.len());
            let addressed = raw[..header_end]
                .lines()
                .any(|l| l.to_ascii_lowercase().starts_with("to:") && l.contains(to));
            addressed.then(|| Mail {
                text: part(&raw, "text/plain"),
                html: part(&raw, "text/html"),
                path: p,
                raw,
            })
        })
        .collect()
}

/// The SMTP sink's port and directory (`AUTH_CENTER_TEST_SMTP_PORT`, `..._DIR`).
pub fn sink() -> (u16, PathBuf) {
    let get = |k: &str| {
        std::env::var(k).unwrap_or_else(|_| {
            panic!("{k} is not set: run scripts/test.sh, or `scripts/smtp-test-server.sh start 2525` and export AUTH_CENTER_TEST_SMTP_PORT=2525 AUTH_CENTER_TEST_SMTP_DIR=$(scripts/smtp-test-server.sh dir 2525)")
        })
    };
    let port = get("AUTH_CENTER_TEST_SMTP_PORT").parse().expect("a port");
    (port, PathBuf::from(get("AUTH_CENTER_TEST_SMTP_DIR")))
}

/// A test app that mails through the SMTP sink on `port`.
pub async fn spawn_with_smtp(backend: super::Backend, port: u16) -> super::TestApp {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = super::test_settings(backend, dir.path());
    let url = format!("smtp://127.0.0.1:{port}");
    settings.mail.smtp_url = Some(secrecy::SecretString::from(url));
    super::TestApp::spawn_with(settings, dir).await
}

/// An address no other test writes to (the sink's directory is shared).
pub fn unique_address(name: &str) -> String {
    format!("{name}-{}@example.com", uuid::Uuid::new_v4().simple())
}

/// Waits (up to 15 s) until a message to `to` whose text part contains `needle` is in `dir`.
pub async fn wait_for_text(dir: &Path, to: &str, needle: &str) -> Mail {
    for _ in 0..300 {
        if let Some(m) = mails_to(dir, to)
            .into_iter()
            .find(|m| m.text.contains(needle))
        {
            return m;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let got: Vec<_> = mails_to(dir, to).into_iter().map(|m| m.text).collect();
    panic!(
        "no message to {to} saying {needle:?} in {}: {got:#?}",
        dir.display()
    );
}

/// Waits (up to 15 s) until `dir` holds `n` messages to `to`; returns the n-th.
pub async fn wait_for_mail(dir: &Path, to: &str, n: usize) -> Mail {
    for _ in 0..300 {
        let mails = mails_to(dir, to);
        if mails.len() >= n {
            return mails[n - 1].clone();
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no message #{n} to {to} in {}", dir.display());
}

/// The decoded body of the MIME part of `content_type`.
fn part(raw: &str, content_type: &str) -> String {
    let Some(start) = raw.find(&format!("Content-Type: {content_type}")) else {
        return String::new();
    };
    let rest = &raw[start..];
    let Some(body_at) = rest.find("\n\n") else {
        return String::new();
    };
    let headers = rest[..body_at].to_ascii_lowercase();
    let body = &rest[body_at + 2..];
    let body = &body[..body.find("\n--").unwrap_or(body.len())];
    if headers.contains("content-transfer-encoding: base64") {
        let compact: String = body.split_whitespace().collect();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(compact)
            .expect("base64 body");
        String::from_utf8(bytes).expect("utf-8 body")
    } else if headers.contains("content-transfer-encoding: quoted-printable") {
        decode_qp(body)
    } else {
        body.to_owned()
    }
}

fn decode_qp(s: &str) -> String {
    let s = s.replace("=\n", "");
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).expect("utf-8 body")
}
