//! `/docs`: poem-openapi's Swagger UI, with OAuth configured for the built-in `swagger-ui`
//! public client and PKCE (Swagger UI does not use PKCE unless told to), so "Authorize" logs a
//! person in through our own pages and then calls the API with the resulting bearer token.

use poem::endpoint::make_sync;
use poem::middleware::SetHeader;
use poem::web::Html;
use poem::{Endpoint, EndpointExt, Route};
use poem_openapi::{OpenApi, OpenApiService, Webhook};

use crate::service::oauth::builtin::SWAGGER_CLIENT_ID;

/// Where poem-openapi's page creates the UI; `initOAuth` is chained on its result.
const UI_CALL_END: &str = "deepLinking: true,\n    })";

/// The Swagger UI page with `initOAuth` for the built-in client.
pub fn with_oauth(html: &str) -> String {
    let init = format!(
        "deepLinking: true,\n    }}).initOAuth({{ clientId: \"{SWAGGER_CLIENT_ID}\", \
         usePkceWithAuthorizationCodeGrant: true }})"
    );
    if !html.contains(UI_CALL_END) {
        tracing::warn!("Swagger UI page changed shape; Authorize will not use PKCE");
    }
    html.replacen(UI_CALL_END, &init, 1)
}

/// The `/docs` endpoint: the configured page, and poem-openapi's OAuth receiver page.
pub fn swagger_ui<T: OpenApi, W: Webhook>(api: &OpenApiService<T, W>) -> impl Endpoint {
    let html = with_oauth(&api.swagger_ui_html());
    // Its built-in client skips the consent page: it must never be framed by another site
    // (clickjacking the Authorize button).
    let no_framing = SetHeader::new()
        .overriding("content-security-policy", "frame-ancestors 'none'")
        .overriding("x-frame-options", "DENY");
    Route::new()
        .at("/", make_sync(move |_| Html(html.clone())))
        .at("/oauth-receiver.html", api.swagger_ui())
        .with(no_framing)
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
    }
}
