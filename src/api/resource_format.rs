//! How the resource API chooses between JSON and HTML: a `.json` or `.html` suffix on the id
//! segment decides (any other suffix is unknown: 404); without one, HTML only when `Accept`
//! prefers `text/html` over `application/json` (RFC 9110 §12.5.1 quality values). Also the
//! response wrapper that documents both media types of the one success response, and the
//! small HTML views.
//!
//! Must not import a concrete store backend.

use poem::web::Html;
use poem::{IntoResponse, Request, Response};
use poem_openapi::payload::Payload;
use poem_openapi::registry::{MetaMediaType, MetaResponses, Registry};
use poem_openapi::ApiResponse;
use serde::Serialize;

use crate::web::i18n::negotiate;
use crate::web::{context::page_headers, Templates, WebConfig};

/// The representation a request asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Html,
}

/// Splits an id segment such as `42.html` into the id and the format; `None` for an unknown
/// suffix (`42.xml`). Without a suffix the `Accept` header decides.
pub fn split_format<'a>(segment: &'a str, accept: Option<&str>) -> Option<(&'a str, Format)> {
    match segment.rsplit_once('.') {
        Some((id, "json")) => Some((id, Format::Json)),
        Some((id, "html")) => Some((id, Format::Html)),
        Some(_) => None,
        None if accept.is_some_and(prefers_html) => Some((segment, Format::Html)),
        None => Some((segment, Format::Json)),
    }
}

/// The quality `accept` gives `ty/sub`: that of its most specific matching range, 0 if none.
fn quality(accept: &str, ty: &str, sub: &str) -> f32 {
    let mut best: Option<(u8, f32)> = None;
    for part in accept.split(',') {
        let mut params = part.split(';');
        let range = params.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = params
            .find_map(|p| p.trim().strip_prefix("q=").map(str::trim))
            .map_or(Some(1.0), |v| v.parse::<f32>().ok())
            .unwrap_or(0.0);
        let specificity = match range.split_once('/') {
            Some((t, s)) if t == ty && s == sub => 2,
            Some((t, "*")) if t == ty => 1,
            Some(("*", "*")) => 0,
            _ => continue,
        };
        if best.is_none_or(|(s, _)| specificity > s) {
            best = Some((specificity, q));
        }
    }
    best.map_or(0.0, |(_, q)| q)
}

/// Whether `Accept` ranks `text/html` above `application/json` (a tie keeps JSON).
pub fn prefers_html(accept: &str) -> bool {
    quality(accept, "text", "html") > quality(accept, "application", "json")
}

/// An operation's answer: its typed JSON responses, or the HTML view of its success.
pub enum Negotiated<R> {
    Api(R),
    Html(String),
}

impl<R: ApiResponse> ApiResponse for Negotiated<R> {
    fn meta() -> MetaResponses {
        let mut meta = R::meta();
        for r in meta.responses.iter_mut().filter(|r| r.status == Some(200)) {
            r.content.push(MetaMediaType {
                content_type: "text/html; charset=utf-8",
                schema: <poem_openapi::payload::Html<String> as Payload>::schema_ref(),
            });
        }
        meta
    }

    fn register(registry: &mut Registry) {
        R::register(registry);
    }
}

impl<R: IntoResponse> IntoResponse for Negotiated<R> {
    fn into_response(self) -> Response {
        match self {
            Self::Api(r) => r.into_response(),
            Self::Html(html) => page_headers(Html(html).into_response()),
        }
    }
}

/// Renders a resource view in the request's language; `None` when the template fails (logged).
pub fn render_view<S: Serialize>(req: &Request, template: &str, view: S) -> Option<String> {
    let templates = req.data::<Templates>()?;
    let default = req.data::<WebConfig>().map(|c| c.default_lang)?;
    let lang = negotiate(
        None,
        None,
        None,
        None,
        req.header("accept-language"),
        default,
    );
    let ctx =
        minijinja::context! { lang => lang.code(), ..minijinja::Value::from_serialize(&view) };
    templates.render(template, ctx).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suffix_decides_and_an_unknown_one_is_refused() {
        assert_eq!(split_format("42.html", None), Some(("42", Format::Html)));
        assert_eq!(
            split_format("42.json", Some("text/html")),
            Some(("42", Format::Json))
        );
        assert_eq!(split_format("42.xml", None), None);
        assert_eq!(split_format("42", None), Some(("42", Format::Json)));
    }

    #[test]
    fn accept_chooses_html_only_when_it_ranks_higher() {
        let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        assert!(prefers_html(browser));
        assert!(prefers_html("text/html"));
        assert!(!prefers_html("*/*"));
        assert!(!prefers_html("application/json"));
        assert!(!prefers_html("text/html;q=0.5, application/json"));
        assert!(!prefers_html("text/html;q=0, */*"));
        assert!(prefers_html("text/*, application/json;q=0.2"));
    }
}
