//! Reading delivered emails in tests: `.eml` files written by the file mailer (under the app's
//! data dir) or by the SMTP sink (`scripts/smtp-sink.py`), the text part decoded, links found.

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
