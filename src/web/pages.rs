//! Pages that need no account: the landing page.

use poem::handler;
use poem::http::StatusCode;
use poem::web::{Data, Html};
use poem::{IntoResponse, Response};

use super::{with_security_headers, Templates};

#[handler]
pub async fn index(templates: Data<&Templates>) -> Response {
    let page = match templates.render("index.html", minijinja::context! {}) {
        Ok(html) => Html(html).into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    with_security_headers(page)
}
