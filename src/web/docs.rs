//! `/docs`: poem-openapi's Swagger UI, with OAuth configured for the built-in `swagger-ui`
//! public client and PKCE (Swagger UI does not use PKCE unless told to), so "Authorize" logs a
//! person in through our own pages and then calls the API with the resulting bearer token.
//! The page is given a doctype, its language (`<html lang="en">`: Swagger UI speaks English,
//! WCAG 3.1.1) and a title that names the site. Also the spec itself, as JSON and YAML.

use std::sync::OnceLock;

use poem::endpoint::{make, make_sync, BoxEndpoint};
use poem::middleware::SetHeader;
use poem::web::Html;
use poem::{Endpoint, EndpointExt, Request, Response, Route};
use poem_openapi::{OpenApi, OpenApiService, Webhook};

use crate::service::oauth::builtin::SWAGGER_CLIENT_ID;

/// Where poem-openapi's page creates the UI; `initOAuth` is chained on its result.
const UI_CALL_END: &str = "deepLinking: true,\n    })";

/// The opening of poem-openapi's page, and what replaces it.
const PAGE_OPENING: (&str, &str) = (
    "<html charset=\"UTF-8\">",
    "<!doctype html>\n<html lang=\"en\">",
);
const PAGE_TITLE: (&str, &str) = (
    "<title>Swagger UI</title>",
    "<title>API documentation · auth-center</title>",
);

/// The Swagger UI page with `initOAuth` for the built-in client, its language and title.
pub fn with_oauth(html: &str) -> String {
    let init = format!(
        "deepLinking: true,\n    }}).initOAuth({{ clientId: \"{SWAGGER_CLIENT_ID}\", \
         usePkceWithAuthorizationCodeGrant: true }})"
    );
    if !html.contains(UI_CALL_END) {
        tracing::warn!("Swagger UI page changed shape; Authorize will not use PKCE");
    }
    let mut page = html.replacen(UI_CALL_END, &init, 1);
    for (from, to) in [PAGE_OPENING, PAGE_TITLE] {
        if !page.contains(from) {
            tracing::warn!(expected = from, "Swagger UI page changed shape");
        }
        page = page.replacen(from, to, 1);
    }
    page
}

/// The `/docs` endpoint: the configured page, and poem-openapi's OAuth receiver page. Both
/// embed the whole spec, so they are rendered on their first request rather than at start-up.
pub fn swagger_ui<T, W>(api: fn() -> OpenApiService<T, W>) -> impl Endpoint
where
    T: OpenApi + 'static,
    W: Webhook + 'static,
{
    static PAGE: OnceLock<String> = OnceLock::new();
    static RECEIVER: OnceLock<BoxEndpoint<'static>> = OnceLock::new();
    // Its built-in client skips the consent page: it must never be framed by another site
    // (clickjacking the Authorize button).
    let no_framing = SetHeader::new()
        .overriding("content-security-policy", "frame-ancestors 'none'")
        .overriding("x-frame-options", "DENY");
    let page = move |_| {
        Html(
            PAGE.get_or_init(|| with_oauth(&api().swagger_ui_html()))
                .clone(),
        )
    };
    let receiver = move |req: Request| async move {
        let ep = RECEIVER.get_or_init(|| api().swagger_ui().map_to_response().boxed());
        ep.call(req).await
    };
    Route::new()
        .at("/", make_sync(page))
        .at("/oauth-receiver.html", make(receiver))
        .with(no_framing)
}

/// `/openapi.json` and `/openapi.yaml`, each rendered on its first request.
pub fn spec_endpoints<T, W>(api: fn() -> OpenApiService<T, W>) -> (impl Endpoint, impl Endpoint)
where
    T: OpenApi + 'static,
    W: Webhook + 'static,
{
    static JSON: OnceLock<String> = OnceLock::new();
    static YAML: OnceLock<String> = OnceLock::new();
    let json = make_sync(move |_| {
        Response::builder()
            .content_type("application/json")
            .body(JSON.get_or_init(|| api().spec()).clone())
    });
    let yaml = make_sync(move |_| {
        Response::builder()
            .content_type("application/x-yaml")
            .header("Content-Disposition", "inline; filename=\"spec.yaml\"")
            .body(YAML.get_or_init(|| api().spec_yaml()).clone())
    });
    (json, yaml)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_swagger_page_is_configured_for_pkce_with_the_built_in_client() {
        let html = super::with_oauth(&crate::api::service().swagger_ui_html());
        assert!(
            html.contains("initOAuth({ clientId: \"swagger-ui\""),
            "page shape changed"
        );
        assert!(html.contains("usePkceWithAuthorizationCodeGrant: true"));
        assert!(html
            .trim_start()
            .starts_with("<!doctype html>\n<html lang=\"en\">"));
        assert!(html.contains("<title>API documentation · auth-center</title>"));
        assert!(!html.contains("<html charset"));
    }
}
