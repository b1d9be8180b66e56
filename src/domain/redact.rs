//! `Debug` for the domain types that hold a secret (a digest, a key, a password hash, a session
//! id): the secret field prints as `<redacted>`, then the fields worth seeing in a log, so no
//! secret can reach a log through `{:?}`. Must not import anything else of the crate.

/// `impl Debug for $ty`: `$secret` as `<redacted>`, then each of `$field`, then `..` for the
/// rest.
macro_rules! debug_redacted {
    ($ty:ident, redact $secret:ident, show $($field:ident),+) => {
        impl std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($ty))
                    .field(stringify!($secret), &"<redacted>")
                    $(.field(stringify!($field), &self.$field))+
                    .finish_non_exhaustive()
            }
        }
    };
}

pub(super) use debug_redacted;
