//! What a deployment on an https public URL adds at the edge of the whole surface:
//! - `Strict-Transport-Security` on every answer (RFC 6797), so browsers never fall back to http;
//! - every cookie of this server carries the `__Host-` prefix (RFC 6265bis §4.1.3.2) and
//!   `Secure`: the browser then accepts it only from this exact host over https with `Path=/`,
//!   so a sibling subdomain cannot plant (toss) a session or CSRF cookie. An incoming
//!   unprefixed cookie of ours is dropped for the same reason.
//!
//! The rest of the code names cookies without the prefix (`ac_session`, `ac_csrf`, `ac_lang`):
//! this middleware maps the names in both directions, so the rule lives in one place.

use poem::http::header::{COOKIE, SET_COOKIE, STRICT_TRANSPORT_SECURITY};
use poem::http::HeaderValue;
use poem::{Endpoint, IntoResponse, Request, Response};

/// The prefix of this server's cookie names.
const OURS: &str = "ac_";
/// The prefix browsers bind to one host, https and `Path=/`.
pub const HOST_PREFIX: &str = "__Host-";
/// Two years, the preload list's minimum; not `includeSubDomains` (other hosts are not ours).
const HSTS: &str = "max-age=63072000";

/// Middleware (`EndpointExt::around`): a no-op unless `https`.
pub async fn harden<E: Endpoint>(next: E, mut req: Request, https: bool) -> poem::Result<Response> {
    if !https {
        return next.call(req).await.map(IntoResponse::into_response);
    }
    unprefix_request_cookies(&mut req);
    let mut resp = next.call(req).await?.into_response();
    prefix_set_cookies(&mut resp);
    resp.headers_mut()
        .insert(STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
    Ok(resp)
}

/// `__Host-ac_x=v` becomes `ac_x=v`; an unprefixed `ac_x` is dropped; others pass.
fn unprefix_request_cookies(req: &mut Request) {
    let mut kept = Vec::new();
    for value in req.headers().get_all(COOKIE) {
        let Ok(value) = value.to_str() else { continue };
        for pair in value.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            if let Some(ours) = pair.strip_prefix(HOST_PREFIX) {
                if ours.starts_with(OURS) {
                    kept.push(ours.to_owned());
                }
            } else if !pair.starts_with(OURS) {
                kept.push(pair.to_owned());
            }
        }
    }
    let headers = req.headers_mut();
    headers.remove(COOKIE);
    if let Ok(v) = HeaderValue::from_str(&kept.join("; ")) {
        if !kept.is_empty() {
            headers.insert(COOKIE, v);
        }
    }
}

/// `Set-Cookie: ac_x=v; …` becomes `Set-Cookie: __Host-ac_x=v; …; Secure`.
fn prefix_set_cookies(resp: &mut Response) {
    let values: Vec<HeaderValue> = resp.headers().get_all(SET_COOKIE).iter().cloned().collect();
    if values.is_empty() {
        return;
    }
    let headers = resp.headers_mut();
    headers.remove(SET_COOKIE);
    for v in values {
        let rewritten = v
            .to_str()
            .ok()
            .filter(|s| s.starts_with(OURS))
            .and_then(|s| {
                let secure = s
                    .split(';')
                    .any(|a| a.trim().eq_ignore_ascii_case("secure"));
                let suffix = if secure { "" } else { "; Secure" };
                HeaderValue::from_str(&format!("{HOST_PREFIX}{s}{suffix}")).ok()
            });
        headers.append(SET_COOKIE, rewritten.unwrap_or(v));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn incoming_cookies_are_unprefixed_and_tossed_ones_dropped() {
        let mut req = Request::builder()
            .header(COOKIE, "__Host-ac_session=s1; ac_session=tossed; other=1")
            .header(COOKIE, "__Host-ac_csrf=c1")
            .finish();
        unprefix_request_cookies(&mut req);
        assert_eq!(req.headers()[COOKIE], "ac_session=s1; other=1; ac_csrf=c1");
    }

    #[test]
    fn outgoing_cookies_are_prefixed_and_secure() {
        let mut resp = Response::builder()
            .header(SET_COOKIE, "ac_session=v; HttpOnly; Path=/; Secure")
            .header(SET_COOKIE, "ac_lang=en; Path=/")
            .header(SET_COOKIE, "foreign=1; Path=/")
            .finish();
        prefix_set_cookies(&mut resp);
        let all: Vec<_> = resp.headers().get_all(SET_COOKIE).iter().collect();
        assert_eq!(all[0], "__Host-ac_session=v; HttpOnly; Path=/; Secure");
        assert_eq!(all[1], "__Host-ac_lang=en; Path=/; Secure");
        assert_eq!(all[2], "foreign=1; Path=/");
    }
}
