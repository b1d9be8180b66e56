//! [`Stores`]: every store of one backend behind its trait, as the service layer consumes
//! them, with the in-memory deny-list of revoked access tokens and the change feed beside them.

use std::sync::Arc;

use super::{
    feed, revoked, AssertionJtiStore, AuditStore, ClientStore, CodeStore, ConsentStore,
    DeviceCodeStore, EmailTokenStore, GrantStore, GroupStore, LoginAttemptStore, OutboxStore,
    PasskeyStore, PushedRequestStore, RegistrationStore, ResourceServerStore, SecondFactorStore,
    SessionStore, SigningKeyStore, StoreAdmin, UserStore,
};

/// Every store of one backend, as the service layer consumes them.
#[derive(Clone)]
pub struct Stores {
    pub users: Arc<dyn UserStore>,
    pub groups: Arc<dyn GroupStore>,
    pub clients: Arc<dyn ClientStore>,
    pub codes: Arc<dyn CodeStore>,
    pub grants: Arc<dyn GrantStore>,
    pub consents: Arc<dyn ConsentStore>,
    pub sessions: Arc<dyn SessionStore>,
    pub email_tokens: Arc<dyn EmailTokenStore>,
    pub login_attempts: Arc<dyn LoginAttemptStore>,
    pub device_codes: Arc<dyn DeviceCodeStore>,
    pub keys: Arc<dyn SigningKeyStore>,
    pub outbox: Arc<dyn OutboxStore>,
    pub resource_servers: Arc<dyn ResourceServerStore>,
    pub pushed_requests: Arc<dyn PushedRequestStore>,
    pub second_factors: Arc<dyn SecondFactorStore>,
    pub assertion_jtis: Arc<dyn AssertionJtiStore>,
    /// Initial access tokens and dynamic registrations (RFC 7591, RFC 7592).
    pub registrations: Arc<dyn RegistrationStore>,
    pub audit: Arc<dyn AuditStore>,
    pub passkeys: Arc<dyn PasskeyStore>,
    pub admin: Arc<dyn StoreAdmin>,
    /// The revoked access tokens, held in memory in front of the store.
    pub revoked: Arc<revoked::DenyList>,
    /// Other processes' changes, for the caches in front of these stores (MongoDB only: a
    /// SQLite database belongs to one process).
    pub feed: Option<Arc<feed::ChangeFeed>>,
}

impl Stores {
    /// All the stores of one backend object implementing every trait.
    pub fn from_backend<B>(backend: Arc<B>) -> Self
    where
        B: UserStore
            + GroupStore
            + ClientStore
            + CodeStore
            + GrantStore
            + ConsentStore
            + SessionStore
            + EmailTokenStore
            + LoginAttemptStore
            + DeviceCodeStore
            + SigningKeyStore
            + OutboxStore
            + revoked::RevokedTokenStore
            + ResourceServerStore
            + PushedRequestStore
            + SecondFactorStore
            + AssertionJtiStore
            + RegistrationStore
            + AuditStore
            + PasskeyStore
            + StoreAdmin
            + 'static,
    {
        Self {
            users: backend.clone(),
            groups: backend.clone(),
            clients: backend.clone(),
            codes: backend.clone(),
            grants: backend.clone(),
            consents: backend.clone(),
            sessions: backend.clone(),
            email_tokens: backend.clone(),
            login_attempts: backend.clone(),
            device_codes: backend.clone(),
            keys: backend.clone(),
            outbox: backend.clone(),
            revoked: Arc::new(revoked::DenyList::new(backend.clone())),
            resource_servers: backend.clone(),
            pushed_requests: backend.clone(),
            second_factors: backend.clone(),
            assertion_jtis: backend.clone(),
            registrations: backend.clone(),
            audit: backend.clone(),
            passkeys: backend.clone(),
            admin: backend,
            feed: None,
        }
    }
}
