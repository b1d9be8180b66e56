//! Original-system paths end in `/` (`/accounts/resource/user/42/`), but poem-openapi declares
//! operation paths without a trailing slash. [`trailing_slash_to_api`] lets such a path reach
//! its API operation: it drops the final `/` and calls the API endpoint. The spec documents the
//! path without it; both spellings are served.
//!
//! Either way the API's own router names the route (its template, for the request metrics):
//! the page route's template is dropped before the call, or the two would be joined.

use poem::http::uri::{PathAndQuery, Uri};
use poem::{Endpoint, PathPattern, Request, Response};

use super::ApiEndpoint;

/// The API endpoint, called with the request path's trailing `/` removed.
pub fn trailing_slash_to_api(api: ApiEndpoint) -> impl Endpoint<Output = Response> {
    poem::endpoint::make(move |mut req: Request| {
        let api = api.clone();
        async move {
            let path = req.uri().path();
            if path.len() > 1 && path.ends_with('/') {
                let trimmed = match req.uri().query() {
                    Some(q) => format!("{}?{q}", &path[..path.len() - 1]),
                    None => path[..path.len() - 1].to_owned(),
                };
                let mut parts = std::mem::take(req.uri_mut()).into_parts();
                parts.path_and_query = Some(
                    trimmed
                        .parse::<PathAndQuery>()
                        .map_err(poem::error::BadRequest)?,
                );
                *req.uri_mut() = Uri::from_parts(parts).map_err(poem::error::BadRequest)?;
            }
            req.extensions_mut().remove::<PathPattern>();
            api.call(req).await
        }
    })
}

/// The API endpoint at a page route whose path is also an operation's path.
pub fn to_api(api: ApiEndpoint) -> impl Endpoint<Output = Response> {
    poem::endpoint::make(move |mut req: Request| {
        let api = api.clone();
        async move {
            req.extensions_mut().remove::<PathPattern>();
            api.call(req).await
        }
    })
}
