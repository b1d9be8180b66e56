//! The one parameter through which an operation receives who calls and what serves it:
//! [`Caller`] (the credential of a security scheme, the services and the request) and
//! [`Anyone`] (the services and the request, for operations that need no credential). Both
//! deref to [`Services`], so a handler reads `let p = c.scope("apps").await?;` and then calls
//! its use case with `&c` and `&p`. The credential is declared in the spec exactly as the
//! scheme's own parameter would be; it is resolved to a [`Principal`] only when the handler asks,
//! so a refusal is answered through the operation's own failure enum (`response`).
//!
//! Must not import a concrete store backend.

use std::ops::Deref;

use poem::{Request, RequestBody};
use poem_openapi::registry::Registry;
use poem_openapi::{ApiExtractor, ApiExtractorType, ExtractParamOptions};

use super::auth::{authorize, authorize_app, authorize_session, ApiAuth, AuthFailure};
use super::auth::{AppToken, Principal};
use crate::service::access::ADMIN_SCOPE;
use crate::service::Services;

/// A security scheme whose credential resolves to a [`Principal`] holding a scope (not to be
/// confused with `service::access::Credential`, the kind of credential a principal came with).
pub trait Authenticates {
    fn principal(
        &self,
        svc: &Services,
        req: &Request,
        scope: &'static str,
    ) -> impl std::future::Future<Output = Result<Principal, AuthFailure>> + Send;
}

impl Authenticates for ApiAuth {
    async fn principal(
        &self,
        svc: &Services,
        req: &Request,
        scope: &'static str,
    ) -> Result<Principal, AuthFailure> {
        authorize(svc, req, self, scope).await
    }
}

impl Authenticates for AppToken {
    async fn principal(
        &self,
        svc: &Services,
        req: &Request,
        scope: &'static str,
    ) -> Result<Principal, AuthFailure> {
        authorize_app(svc, req, self, scope).await
    }
}

/// An operation's caller: the credential of scheme `A` (the session cookie or a bearer token by
/// default), the services and the request.
pub struct Caller<'a, A = ApiAuth> {
    svc: &'a Services,
    pub req: &'a Request,
    auth: A,
}

impl<A: Authenticates + Sync> Caller<'_, A> {
    /// The principal behind the credential, when it holds `scope`.
    pub async fn scope(&self, scope: &'static str) -> Result<Principal, AuthFailure> {
        self.auth.principal(self.svc, self.req, scope).await
    }

    /// The principal, when it acts as an administrator (the `admin` scope).
    pub async fn admin(&self) -> Result<Principal, AuthFailure> {
        self.scope(ADMIN_SCOPE).await
    }
}

impl Caller<'_> {
    /// The person's own browser session, for a change of credentials (never a token).
    pub async fn session(&self) -> Result<Principal, AuthFailure> {
        authorize_session(self.svc, self.req, &self.auth).await
    }
}

impl<A> Deref for Caller<'_, A> {
    type Target = Services;

    fn deref(&self) -> &Services {
        self.svc
    }
}

/// The services, which the application installs on every request (`startup`).
fn services(req: &Request) -> poem::Result<&Services> {
    req.data::<Services>().ok_or_else(|| {
        poem::Error::from_string(
            "services are not installed",
            poem::http::StatusCode::INTERNAL_SERVER_ERROR,
        )
    })
}

/// `Caller` declares and parses its credential as the scheme `A` itself does.
macro_rules! caller_extractor {
    ($($scheme:ty),*) => {$(
        impl<'a> ApiExtractor<'a> for Caller<'a, $scheme> {
            const TYPES: &'static [ApiExtractorType] = &[ApiExtractorType::SecurityScheme];
            type ParamType = ();
            type ParamRawType = ();

            fn register(registry: &mut Registry) {
                <$scheme as ApiExtractor>::register(registry);
            }

            fn security_schemes() -> Vec<&'static str> {
                <$scheme as ApiExtractor>::security_schemes()
            }

            fn has_security_fallback() -> bool {
                <$scheme as ApiExtractor>::has_security_fallback()
            }

            async fn from_request(
                req: &'a Request,
                body: &mut RequestBody,
                opts: ExtractParamOptions<()>,
            ) -> poem::Result<Self> {
                let svc = services(req)?;
                let auth = <$scheme as ApiExtractor>::from_request(req, body, opts).await?;
                Ok(Self { svc, req, auth })
            }
        }
    )*};
}

caller_extractor!(ApiAuth, AppToken);

/// A caller without a credential: the services and the request.
pub struct Anyone<'a> {
    svc: &'a Services,
    pub req: &'a Request,
}

impl Deref for Anyone<'_> {
    type Target = Services;

    fn deref(&self) -> &Services {
        self.svc
    }
}

impl<'a> ApiExtractor<'a> for Anyone<'a> {
    const TYPES: &'static [ApiExtractorType] = &[ApiExtractorType::PoemExtractor];
    type ParamType = ();
    type ParamRawType = ();

    async fn from_request(
        req: &'a Request,
        _body: &mut RequestBody,
        _opts: ExtractParamOptions<()>,
    ) -> poem::Result<Self> {
        Ok(Self {
            svc: services(req)?,
            req,
        })
    }
}
