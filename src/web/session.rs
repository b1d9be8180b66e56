//! The session cookie: `ac_session`, HttpOnly, SameSite=Lax, Secure when the public URL is
//! https, holding the random value whose digest names the server-side session record. And the
//! device cookie, `ac_device`: a random value kept a year, by which a sign-in from a device
//! seen before is recognised (`service::security_mail`).

use poem::web::cookie::{Cookie, CookieJar, SameSite};

pub const SESSION_COOKIE: &str = "ac_session";

/// The raw session value the browser sent, if any.
pub fn cookie_value(jar: &CookieJar) -> Option<String> {
    jar.get(SESSION_COOKIE).map(|c| c.value_str().to_owned())
}

/// Sets the session cookie (a browser-session cookie: the server enforces the lifetimes).
pub fn set_cookie(jar: &CookieJar, value: &str, secure: bool) {
    let mut c = Cookie::new_with_str(SESSION_COOKIE, value);
    c.set_http_only(true);
    c.set_same_site(SameSite::Lax);
    c.set_path("/");
    c.set_secure(secure);
    jar.add(c);
}

pub const DEVICE_COOKIE: &str = "ac_device";

/// The device cookie the browser sent, if any.
pub fn device_value(jar: &CookieJar) -> Option<String> {
    jar.get(DEVICE_COOKIE).map(|c| c.value_str().to_owned())
}

/// Sets (or renews for a year) the device cookie.
pub fn set_device_cookie(jar: &CookieJar, value: &str, secure: bool) {
    let mut c = Cookie::new_with_str(DEVICE_COOKIE, value);
    c.set_http_only(true);
    c.set_same_site(SameSite::Lax);
    c.set_path("/");
    c.set_secure(secure);
    let days = crate::service::security_mail::DEVICE_DAYS.unsigned_abs();
    c.set_max_age(std::time::Duration::from_secs(days * 24 * 3600));
    jar.add(c);
}

/// Removes the session cookie from the browser.
pub fn clear_cookie(jar: &CookieJar) {
    let mut c = Cookie::new_with_str(SESSION_COOKIE, "");
    c.set_path("/");
    c.make_removal();
    jar.add(c);
}
