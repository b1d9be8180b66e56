//! CSRF protection of every form (RFC 6819 §5.3.5, OWASP double-submit cookie): a random token
//! in an HttpOnly, SameSite=Lax cookie, repeated in each form's hidden `csrf_token` field (or an
//! `x-csrf-token` header for API calls authenticated by the session cookie). A POST whose token
//! does not match the cookie is refused.

use poem::web::cookie::{Cookie, CookieJar, SameSite};

use crate::crypto;

pub const CSRF_COOKIE: &str = "ac_csrf";
pub const CSRF_FIELD: &str = "csrf_token";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The browser's CSRF token, created (and set as a cookie) when it has none yet.
pub fn ensure_token(jar: &CookieJar, secure: bool) -> String {
    if let Some(c) = jar.get(CSRF_COOKIE) {
        let v = c.value_str();
        if v.len() >= 32 && v.len() <= 64 {
            return v.to_owned();
        }
    }
    let token = crypto::random_token();
    let mut c = Cookie::new_with_str(CSRF_COOKIE, &token);
    c.set_http_only(true);
    c.set_same_site(SameSite::Lax);
    c.set_path("/");
    c.set_secure(secure);
    jar.add(c);
    token
}

/// Whether `submitted` is this browser's token (compared in constant time).
pub fn verify(jar: &CookieJar, submitted: &str) -> bool {
    match jar.get(CSRF_COOKIE) {
        Some(c) => {
            let expected = c.value_str();
            !expected.is_empty()
                && crypto::constant_time_eq(expected.as_bytes(), submitted.as_bytes())
        }
        None => false,
    }
}
