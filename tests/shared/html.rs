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

/// Undoes minijinja's HTML escaping of an attribute value.
pub fn unescape_attr(s: &str) -> String {
    s.replace("&#x2f;", "/")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}
