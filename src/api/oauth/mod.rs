//! The OAuth 2.0 / OpenID Connect endpoints that answer JSON: token, device authorization (RFC
//! 8628), pushed authorization requests (RFC 9126), revocation, introspection, userinfo, JWKS,
//! the two discovery documents and the protected-resource metadata of the built-in API (RFC
//! 9728). Their errors are OAuth errors (RFC 6749
//! §5.2, RFC 6750 §3), not `ApiError`: `{"error", "error_description"}` with
//! `Cache-Control: no-store`, 401 + `WWW-Authenticate` for client and bearer failures.

mod device;
mod discovery;
mod par;
pub mod protected_resource;
mod register;
mod register_models;
mod resource_form;
mod response;
mod token;
mod userinfo;

pub use device::DeviceApi;
pub use discovery::DiscoveryApi;
pub use par::ParApi;
pub use protected_resource::ProtectedResourceApi;
pub use register::RegisterApi;
pub use token::TokenApi;
pub use userinfo::UserInfoApi;
