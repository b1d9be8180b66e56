//! Who may do what: the one place that decides, from BOTH the person acting and the credential
//! they act with, whether an action is allowed (ARCHITECTURE.md, "Who may do what").
//!
//! A request acting for a person carries a [`Principal`]: the user and the credential. The
//! browser session carries the whole power of that person (CSRF-checked at the edge); a bearer
//! access token carries only what its scopes allow, whoever its user is: an administrator's
//! token without the `admin` scope is a plain user's token. Handlers in `api` and `web` build the
//! principal and pass it to the use cases; they never re-decide these rules.
//!
//! Must not import poem or a store backend.

use crate::domain::{Client, ScopeSet, User};

/// The scope that gives an administrator's token administrator power.
pub const ADMIN_SCOPE: &str = "admin";

/// How the person proved who they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credential {
    /// Our own pages' browser session: everything the person may do.
    Session {
        /// The digest naming the session (the one a password change keeps).
        session_id: String,
    },
    /// An OAuth 2.0 access token (RFC 6750): only what its scopes allow.
    Token {
        scopes: ScopeSet,
        client_id: String,
        jti: String,
    },
}

/// A person acting through a credential.
#[derive(Debug, Clone)]
pub struct Principal {
    pub user: User,
    pub credential: Credential,
}

impl Principal {
    pub fn session(user: User, session_id: impl Into<String>) -> Self {
        Self {
            user,
            credential: Credential::Session {
                session_id: session_id.into(),
            },
        }
    }

    /// Whether the credential allows `scope` now. A session allows every scope its person
    /// could be granted; a token allows its scopes, as far as its person could still be granted
    /// them (a demoted administrator's token has lost `admin`).
    pub fn has_scope(&self, scope: &str) -> bool {
        let carried = match &self.credential {
            Credential::Session { .. } => true,
            Credential::Token { scopes, .. } => scopes.contains(scope),
        };
        carried && may_be_granted(&self.user, scope)
    }

    /// An administrator acting as one: through the session, or a token that carries `admin`.
    pub fn acts_as_admin(&self) -> bool {
        self.user.is_admin && self.has_scope(ADMIN_SCOPE)
    }

    /// Whether this is the person's own browser session (not a token an app holds).
    pub fn is_session(&self) -> bool {
        matches!(self.credential, Credential::Session { .. })
    }

    /// The session's digest-named id, when acting through one.
    pub fn session_id(&self) -> Option<&str> {
        match &self.credential {
            Credential::Session { session_id } => Some(session_id),
            Credential::Token { .. } => None,
        }
    }

    /// Credential changes (password, email, second factor) come only from the person's own
    /// session, never from a token an app holds, whatever its scopes.
    pub fn may_change_credentials(&self) -> bool {
        self.is_session()
    }

    /// Whether the principal may see and change `app`: its owner, or an administrator acting
    /// as one (anyone else is told the app does not exist).
    pub fn may_manage(&self, app: &Client) -> bool {
        app.owner_id == self.user.id || self.acts_as_admin()
    }

    /// Whether the principal may read another person's account or group through the resource
    /// API (its own are always readable).
    pub fn sees_all_resources(&self) -> bool {
        self.acts_as_admin()
    }

    /// Whether the account's email address may be shown (`email` scope).
    pub fn sees_email(&self) -> bool {
        self.has_scope("email")
    }
}

/// Whether `user` may ever be granted `scope`: `admin` is for administrators only.
pub fn may_be_granted(user: &User, scope: &str) -> bool {
    user.is_admin || scope != ADMIN_SCOPE
}

/// The part of `scopes` that `user` may be granted (drops `admin` for non-administrators).
pub fn grantable<I, S>(user: &User, scopes: I) -> ScopeSet
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let kept: Vec<S> = scopes
        .into_iter()
        .filter(|s| may_be_granted(user, s.as_ref()))
        .collect();
    ScopeSet::from_strings(kept).unwrap_or_default()
}

#[cfg(test)]
#[path = "access_tests.rs"]
mod tests;
