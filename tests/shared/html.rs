//! Reading the pages' forms the way a browser submits them: a hidden field's value, unescaped.
//! One file included by each test binary that posts forms (HTTP suites, multi-node tests).
#![allow(dead_code)]

/// The value of `<input ... name="NAME" value="VALUE">` in a page.
pub fn extract_hidden(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_owned())
}

/// Every value of the fields `name` a page carries, in order (a repeated parameter such as
/// RFC 8707 `resource`).
pub fn extract_all_hidden(html: &str, name: &str) -> Vec<String> {
    let marker = format!("name=\"{name}\" value=\"");
    html.match_indices(&marker)
        .filter_map(|(at, _)| {
            let start = at + marker.len();
            let end = html[start..].find('"')? + start;
            Some(html[start..end].to_owned())
        })
        .collect()
}

/// Undoes minijinja's HTML escaping of an attribute value.
pub fn unescape_attr(s: &str) -> String {
    s.replace("&#x2f;", "/")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The form a browser posts from the consent page with `decision` (`allow` or `deny`): the
/// authorization request's hidden fields as the page carries them, and its CSRF token.
pub fn consent_form(html: &str, decision: &str) -> Vec<(String, String)> {
    let keys = [
        "response_type",
        "client_id",
        "redirect_uri",
        "scope",
        "state",
        "code_challenge",
        "code_challenge_method",
        "request_uri",
        "response_mode",
        "nonce",
        "csrf_token",
    ];
    let mut form: Vec<(String, String)> = keys
        .iter()
        .filter_map(|k| extract_hidden(html, k).map(|v| ((*k).to_owned(), unescape_attr(&v))))
        .collect();
    for r in extract_all_hidden(html, "resource") {
        form.push(("resource".into(), unescape_attr(&r)));
    }
    form.push(("decision".into(), decision.into()));
    form
}
