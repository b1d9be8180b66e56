//! The browser side of the OIDC suites: an `openidconnect` client built from our discovery
//! document, the login and consent pages driven with reqwest, and the parameters of the
//! redirect back to the client (query or fragment).
#![allow(dead_code)]

use std::collections::HashMap;

use auth_center::service::clients::CreatedClient;
use openidconnect::core::{CoreClient, CoreJwsSigningAlgorithm, CoreProviderMetadata};
use openidconnect::{
    EndpointMaybeSet, EndpointNotSet, EndpointSet, IdTokenVerifier, IssuerUrl, RedirectUrl,
};

pub use crate::helpers::accounts::location;
use crate::helpers::extract_hidden;
use crate::helpers::oauth::{http, log_in_and_return, World, REDIRECT_URI};
use crate::helpers::unescape_attr as unescape;

pub const PASSWORD: &str = "a long enough password";

pub type OidcClient = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// The library's client for `c`, configured from `/.well-known/openid-configuration`.
pub async fn oidc_client(w: &World, c: &CreatedClient) -> OidcClient {
    let issuer = IssuerUrl::new(w.app.address.clone()).unwrap();
    let meta = CoreProviderMetadata::discover_async(issuer, &http())
        .await
        .expect("discovery");
    CoreClient::from_provider_metadata(
        meta,
        openidconnect::ClientId::new(c.client.client_id.clone()),
        c.secret.clone().map(openidconnect::ClientSecret::new),
    )
    .set_redirect_uri(RedirectUrl::new(REDIRECT_URI.into()).unwrap())
}

/// The id_token verifier of `client`, accepting `alg` only.
pub fn verifier_for(
    client: &OidcClient,
    alg: CoreJwsSigningAlgorithm,
) -> IdTokenVerifier<'_, openidconnect::core::CoreJsonWebKey> {
    client.id_token_verifier().set_allowed_algs(vec![alg])
}

/// Every `<input type="hidden" name=".." value="..">` of the consent form.
fn hidden_fields(page: &str) -> Vec<(String, String)> {
    let start = page.find("action=\"/oauth2/authorize\"").unwrap();
    let html = &page[start..start + page[start..].find("</form>").unwrap()];
    let marker = "<input type=\"hidden\" name=\"";
    html.match_indices(marker)
        .filter_map(|(i, _)| {
            let rest = &html[i + marker.len()..];
            let name = &rest[..rest.find('"')?];
            let value = extract_hidden(&html[i..], name)?;
            Some((name.to_owned(), unescape(&value)))
        })
        .collect()
}

/// Opens `url` (logging in through the login page first when there is no session) and, when
/// the consent page shows, allows; returns the redirect to the client.
pub async fn authorize(w: &World, url: &str) -> String {
    let mut resp = w.app.client.get(url).send().await.unwrap();
    if resp.status() == 303 && location(&resp).starts_with("/accounts/login/") {
        resp = log_in_and_return(w, &location(&resp)).await;
    }
    if resp.status() == 200 {
        let html = resp.text().await.unwrap();
        assert!(html.contains("name=\"decision\""), "{html}");
        let mut form = hidden_fields(&html);
        form.push(("decision".into(), "allow".into()));
        resp = w
            .app
            .client
            .post(w.app.url("/oauth2/authorize"))
            .form(&form)
            .send()
            .await
            .unwrap();
    }
    if resp.status() != 303 {
        panic!("{}: {}", resp.status(), resp.text().await.unwrap());
    }
    let back = location(&resp);
    assert!(back.starts_with(REDIRECT_URI), "{back}");
    back
}

/// The parameters of the fragment of a redirect (and none of its query).
pub fn fragment_of(url: &str) -> HashMap<String, String> {
    let u = url::Url::parse(url).unwrap();
    assert_eq!(u.query(), None, "nothing travels in the query: {url}");
    url::form_urlencoded::parse(u.fragment().unwrap_or("").as_bytes())
        .into_owned()
        .collect()
}

/// The parameters of the query of a redirect.
pub fn query_of(url: &str) -> HashMap<String, String> {
    url::Url::parse(url)
        .unwrap()
        .query_pairs()
        .into_owned()
        .collect()
}

/// A raw authorization request for `c` with `params` (no library: for malformed requests).
pub fn raw_authorize_url(w: &World, c: &CreatedClient, params: &[(&str, &str)]) -> String {
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    q.append_pair("client_id", &c.client.client_id);
    q.append_pair("redirect_uri", REDIRECT_URI);
    q.extend_pairs(params);
    w.app.url(&format!("/oauth2/authorize?{}", q.finish()))
}
