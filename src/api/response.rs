//! How every JSON operation that answers [`ApiError`] declares and builds its answers: it
//! returns poem-openapi's `Result<Success, Failure>` (the spec lists the success responses, then
//! the failures), both enums declared by [`api_response!`], which also converts every refusal
//! (an [`AuthFailure`], a [`ServiceError`] or a [`Failure`] built here) into the failure enum.
//! So a handler is `let p = authorize(..).await?; Ok(Success::Ok(Json(call(..).await?.into())))`.
//!
//! Also the one `WWW-Authenticate` formatter of every bearer-protected answer (RFC 6750 §3),
//! used by the OAuth endpoints (`oauth::response`) and the framework's own 401 too.
//!
//! Must not import a concrete store backend.

use poem::http::StatusCode;

use super::auth::AuthFailure;
use super::ApiError;
use crate::service::ServiceError;

/// The realm of every challenge this server sends.
const REALM: &str = "auth-center";

/// The `WWW-Authenticate` header of a 401/403 failure variant.
pub type WwwAuthenticate = String;

/// The `WWW-Authenticate` value for a bearer-protected resource (RFC 6750 §3): the realm, then
/// each auth-param (`error`, `error_description`, `scope`) quoted. Without params it only names
/// the scheme, as for a request that carried no credential (§3: no error code then).
pub fn bearer_challenge(params: &[(&str, &str)]) -> String {
    let mut value = format!("Bearer realm=\"{REALM}\"");
    for (name, v) in params {
        value.push_str(&format!(", {name}=\"{}\"", quoted(v)));
    }
    value
}

/// The `WWW-Authenticate` value for a DPoP-protected resource (RFC 9449 §7.1): the algorithms
/// a proof may use, then each auth-param quoted.
pub fn dpop_challenge(params: &[(&str, &str)]) -> String {
    let algs = crate::service::oauth::dpop::DPOP_ALGS.join(" ");
    let mut value = format!("DPoP algs=\"{algs}\"");
    for (name, v) in params {
        value.push_str(&format!(", {name}=\"{}\"", quoted(v)));
    }
    value
}

/// The challenge of a failed client authentication (RFC 6749 §5.2 `invalid_client`).
pub fn basic_challenge() -> String {
    format!("Basic realm=\"{REALM}\"")
}

/// An auth-param value: RFC 6750 §3 allows no `"` nor `\` in it (RFC 9110 §5.6.4).
fn quoted(s: &str) -> String {
    s.replace(['"', '\\'], "'")
}

/// A refusal as the client sees it: the status, the bearer challenge (empty unless the
/// credential was refused) and the body. Failure enums are built from it.
#[derive(Debug)]
pub struct Failure {
    pub status: StatusCode,
    pub challenge: String,
    pub body: ApiError,
}

impl Failure {
    pub fn new(status: StatusCode, body: ApiError) -> Self {
        Self {
            status,
            challenge: String::new(),
            body,
        }
    }

    /// A 500 whose cause was logged where it happened.
    pub fn internal() -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, internal_error())
    }
}

/// The body of every 500: nothing of the cause.
pub fn internal_error() -> ApiError {
    ApiError::new("internal_error", "internal server error")
}

impl From<ServiceError> for Failure {
    fn from(e: ServiceError) -> Self {
        let (status, body) = ApiError::from_service(&e);
        Self::new(status, body)
    }
}

impl From<AuthFailure> for Failure {
    /// RFC 6750 §3.1: `invalid_token` is a 401, `insufficient_scope` a 403 naming the scope;
    /// both carry the challenge. A missing CSRF header and a token where only the session may
    /// act are plain 403s.
    fn from(f: AuthFailure) -> Self {
        let forbidden =
            |message: &str| Self::new(StatusCode::FORBIDDEN, ApiError::new("forbidden", message));
        match f {
            AuthFailure::InvalidToken(msg) => Self {
                status: StatusCode::UNAUTHORIZED,
                challenge: bearer_challenge(&[
                    ("error", "invalid_token"),
                    ("error_description", &msg),
                ]),
                body: ApiError::new("invalid_token", msg),
            },
            AuthFailure::Dpop { error, message } => Self {
                status: StatusCode::UNAUTHORIZED,
                challenge: dpop_challenge(&[("error", error), ("error_description", &message)]),
                body: ApiError::new(error, message),
            },
            AuthFailure::InsufficientScope(scope) => Self {
                status: StatusCode::FORBIDDEN,
                challenge: bearer_challenge(&[("error", "insufficient_scope"), ("scope", scope)]),
                body: ApiError::new(
                    "insufficient_scope",
                    format!("the '{scope}' scope is required"),
                ),
            },
            AuthFailure::Csrf => forbidden("missing or invalid X-CSRF-Token header"),
            AuthFailure::SessionOnly => forbidden(
                "only the person's own browser session may change credentials; an access token never may",
            ),
            AuthFailure::SecondFactorRequired => Self::new(
                StatusCode::FORBIDDEN,
                ApiError::new(
                    "second_factor_required",
                    "administrators must turn on two-step verification (on the account page) before acting as one",
                ),
            ),
            AuthFailure::Service(e) => e.into(),
        }
    }
}

/// Declares an operation's answers: the success enum, then the failure enum, each variant a
/// status, a name and (success) its payload; a failure variant carries the [`ApiError`] body
/// and, when followed by `(WwwAuthenticate)`, the challenge header. `422 | 409 Invalid` also
/// answers a 409 as that 422. A status the failure enum does not declare is logged and
/// answered as its `Internal` (500) variant, so the spec never lies. `Error as Alias` also
/// declares `type Alias = Result<Response, Error>` for the operation's signature. `..admin` and `..apps`
/// append the 401/403/500/503 every operation of those surfaces answers, `..store` the 503 and
/// 500 of the other authenticated operations.
///
/// ```ignore
/// api_response! {
///     GetGroupResponse {
///         /// The group.
///         200 Ok(Json<GroupObject>),
///     }
///     GetGroupError {
///         /// No group has this id.
///         404 NotFound,
///         ..admin
///     }
/// }
/// ```
macro_rules! api_response {
    (@preset $ok:tt $err:tt [$($v:tt)*] admin) => {
        $crate::api::response::api_response!(@emit $ok $err [$($v)*
            /// No valid credential: the session ended or the token is missing, expired or
            /// revoked (RFC 6750 `invalid_token`).
            401 Unauthorized(WwwAuthenticate),
            /// The caller is not an administrator (`insufficient_scope`: the `admin` scope is
            /// required), or a session call lacks its `X-CSRF-Token` header.
            403 Forbidden(WwwAuthenticate),
            /// An unexpected error; details are in the server log, never in the body.
            500 Internal,
            /// The store is unavailable; retry later.
            503 Unavailable,
        ]);
    };
    (@preset $ok:tt $err:tt [$($v:tt)*] apps) => {
        $crate::api::response::api_response!(@emit $ok $err [$($v)*
            /// No valid credential: the session ended or the token is missing, expired or
            /// revoked (RFC 6750 `invalid_token`).
            401 Unauthorized(WwwAuthenticate),
            /// The token lacks the `apps` scope (`insufficient_scope`), or a session call lacks
            /// its `X-CSRF-Token` header.
            403 Forbidden(WwwAuthenticate),
            /// An unexpected error; details are in the server log, never in the body.
            500 Internal,
            /// The store is unavailable; retry later.
            503 Unavailable,
        ]);
    };
    (@preset $ok:tt $err:tt [$($v:tt)*] store) => {
        $crate::api::response::api_response!(@emit $ok $err [$($v)*
            /// The store is unavailable; retry later.
            503 Unavailable,
            /// An unexpected error (logged with its cause; the body carries none of it).
            500 Internal,
        ]);
    };
    (@preset $ok:tt $err:tt [$($v:tt)*]) => {
        $crate::api::response::api_response!(@emit $ok $err [$($v)*]);
    };
    (@emit
        [$(#[$om:meta])* $ok:ident { $( $(#[$od:meta])* $os:literal $ov:ident $(($oty:ty))? ,)* }]
        [$(#[$em:meta])* $err:ident $(as $alias:ident)?]
        [$( $(#[$d:meta])* $s:literal $(| $a:literal)* $v:ident $(($w:ty))? ,)*]
    ) => {
        $(
            /// What the operation returns: its success or its failure.
            pub type $alias = Result<$ok, $err>;
        )?

        $(#[$om])*
        #[derive(poem_openapi::ApiResponse)]
        #[allow(clippy::large_enum_variant)] // built once per request, moved once
        pub enum $ok {
            $( $(#[$od])* #[oai(status = $os)] $ov $(($oty))?, )*
        }

        $(#[$em])*
        #[derive(poem_openapi::ApiResponse)]
        pub enum $err {
            $(
                $(#[$d])*
                #[oai(status = $s)]
                $v(
                    poem_openapi::payload::Json<$crate::api::ApiError>
                    $(, #[oai(header = "WWW-Authenticate")] $w)?
                ),
            )*
        }

        impl From<$crate::api::response::Failure> for $err {
            fn from(f: $crate::api::response::Failure) -> Self {
                use poem_openapi::payload::Json;
                match f.status.as_u16() {
                    $( $s $(| $a)* => Self::$v(Json(f.body) $(, <$w>::from(f.challenge))?), )*
                    other => {
                        ::tracing::error!(status = other, error = %f.body.error, "undeclared status");
                        Self::Internal(Json($crate::api::response::internal_error()))
                    }
                }
            }
        }

        impl From<$crate::api::auth::AuthFailure> for $err {
            fn from(f: $crate::api::auth::AuthFailure) -> Self {
                $crate::api::response::Failure::from(f).into()
            }
        }

        impl From<$crate::service::ServiceError> for $err {
            fn from(e: $crate::service::ServiceError) -> Self {
                $crate::api::response::Failure::from(e).into()
            }
        }
    };
    (
        $(#[$om:meta])* $ok:ident { $($oks:tt)* }
        $(#[$em:meta])* $err:ident $(as $alias:ident)? {
            $( $(#[$d:meta])* $s:literal $(| $a:literal)* $v:ident $(($w:ty))? ,)*
            $(.. $preset:ident)?
        }
    ) => {
        $crate::api::response::api_response!(@preset
            [$(#[$om])* $ok { $($oks)* }]
            [$(#[$em])* $err $(as $alias)?]
            [$( $(#[$d])* $s $(| $a)* $v $(($w))? ,)*]
            $($preset)?
        );
    };
}

pub(crate) use api_response;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_challenge_names_the_realm_and_quotes_every_param() {
        assert_eq!(bearer_challenge(&[]), "Bearer realm=\"auth-center\"");
        assert_eq!(
            bearer_challenge(&[("error", "invalid_token"), ("error_description", "a \"b\\")]),
            "Bearer realm=\"auth-center\", error=\"invalid_token\", error_description=\"a 'b'\""
        );
    }

    #[test]
    fn an_insufficient_scope_is_a_403_that_names_the_scope() {
        let f = Failure::from(AuthFailure::InsufficientScope("groups"));
        assert_eq!(f.status, StatusCode::FORBIDDEN);
        assert_eq!(
            f.challenge,
            "Bearer realm=\"auth-center\", error=\"insufficient_scope\", scope=\"groups\""
        );
        assert_eq!(f.body.error, "insufficient_scope");
    }

    #[test]
    fn a_refused_csrf_header_is_a_403_without_a_challenge() {
        let f = Failure::from(AuthFailure::Csrf);
        assert_eq!(f.status, StatusCode::FORBIDDEN);
        assert!(f.challenge.is_empty());
        assert_eq!(f.body.error, "forbidden");
    }
}
