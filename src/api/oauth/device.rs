//! `POST /oauth2/device_authorization` (RFC 8628 §3.1–3.2): a device without a browser asks
//! for a device code and a user code. Form-encoded like the token endpoint, with the same client
//! authentication and the same RFC 6749 §5.2 error answers (`Cache-Control: no-store`).

use poem::web::Data;
use poem::Request;
use poem_openapi::payload::Form;
use poem_openapi::{Object, OpenApi};
use serde::Deserialize;

use super::resource_form::{Resourced, TakesResources};
use super::response::{ok, OAuthResult};
use super::token::credentials;
use crate::api::ApiTags;
use crate::service::oauth::device::{authorize_device, DeviceAuthorization};
use crate::service::Services;

#[derive(Default)]
pub struct DeviceApi;

/// A device authorization request.
#[derive(Clone, Object, Deserialize)]
pub struct DeviceAuthorizationForm {
    /// Space-delimited scopes; the app's registered scopes when absent.
    pub scope: Option<String>,
    /// client_secret_post and public clients: the client id.
    pub client_id: Option<String>,
    /// client_secret_post: the client secret (prefer HTTP Basic).
    pub client_secret: Option<String>,
    /// private_key_jwt: `urn:ietf:params:oauth:client-assertion-type:jwt-bearer`.
    pub client_assertion_type: Option<String>,
    /// private_key_jwt: a JWT signed with one of the app's registered keys (RFC 7523 §2.2).
    pub client_assertion: Option<String>,
    /// RFC 8707: the resource server(s) the access token is for, each an absolute URI
    /// registered here; repeat the field for several. The token's `aud` is exactly these.
    #[serde(skip)]
    #[oai(default, skip_serializing_if_is_empty)]
    pub resource: Vec<String>,
}

impl TakesResources for DeviceAuthorizationForm {
    fn set_resources(&mut self, resources: Vec<String>) {
        self.resource = resources;
    }
}

impl std::fmt::Debug for DeviceAuthorizationForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeviceAuthorizationForm")
            .field("scope", &self.scope)
            .field("client_id", &self.client_id)
            .finish_non_exhaustive()
    }
}

/// The codes of a device authorization (RFC 8628 §3.2).
#[derive(Clone, Object)]
pub struct DeviceAuthorizationBody {
    /// The device's secret: poll the token endpoint with it.
    pub device_code: String,
    /// The code to show to the person, `XXXX-XXXX` (case and dashes do not matter).
    pub user_code: String,
    /// Where the person enters the user code.
    pub verification_uri: String,
    /// `verification_uri` with the user code filled in (e.g. for a QR code).
    pub verification_uri_complete: String,
    /// Seconds until both codes expire.
    pub expires_in: i64,
    /// Seconds to wait between two polls of the token endpoint.
    pub interval: i64,
}

impl From<DeviceAuthorization> for DeviceAuthorizationBody {
    fn from(d: DeviceAuthorization) -> Self {
        Self {
            device_code: d.device_code,
            user_code: d.user_code,
            verification_uri: d.verification_uri,
            verification_uri_complete: d.verification_uri_complete,
            expires_in: d.expires_in,
            interval: d.interval,
        }
    }
}

#[OpenApi(tag = "ApiTags::OAuth2")]
impl DeviceApi {
    /// Start a device authorization
    ///
    /// RFC 8628 device authorization for apps whose grant types include
    /// `urn:ietf:params:oauth:grant-type:device_code` (others get `unauthorized_client`).
    /// Show `user_code` and `verification_uri` to the person, then poll `/oauth2/token` with
    /// `grant_type=urn:ietf:params:oauth:grant-type:device_code` and `device_code` every
    /// `interval` seconds. Confidential clients authenticate as at the token endpoint; public
    /// clients send `client_id`. Unregistered scopes answer `invalid_scope`.
    #[oai(
        path = "/oauth2/device_authorization",
        method = "post",
        operation_id = "createDeviceAuthorization"
    )]
    async fn device_authorization(
        &self,
        svc: Data<&Services>,
        req: &Request,
        form: Form<Resourced<DeviceAuthorizationForm>>,
    ) -> OAuthResult<DeviceAuthorizationBody> {
        let Form(Resourced(f)) = form;
        let creds = credentials(req, f.client_id, f.client_secret)
            .with_assertion(f.client_assertion_type, f.client_assertion);
        let (scope, resources) = (f.scope.as_deref(), &f.resource);
        Ok(ok(authorize_device(&svc, &creds, scope, resources).await?))
    }
}
