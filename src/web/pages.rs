//! Pages that need no account: the landing page.

use poem::handler;
use poem::http::StatusCode;
use poem::Response;

use super::context::Ctx;

#[handler]
pub async fn index(ctx: Ctx<'_>) -> Response {
    ctx.render(StatusCode::OK, "index.html", minijinja::context! {})
}
