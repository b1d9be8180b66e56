//! An administrator removing a person's second factor (the person lost their authenticator
//! app and their recovery codes): the factor is deleted, every session of the person ends
//! (one may have been started by whoever has the lost device), and the person is told by the
//! "two-step verification was turned off" email. The caller has checked that the actor is an
//! administrator (the `admin` scope, or the operator's command line). Must not import poem.

use crate::domain::{ClientInfo, User};
use crate::service::audit::{Entry, Kind};
use crate::service::security_mail::{self, SecurityEvent};
use crate::service::{ServiceError, Services};
use crate::store::StoreError;

/// Removes the second factor of the account `user_id` (confirmed or an enrolment in progress);
/// `NotFound` when there is no such account or it has none. `client` is where the request
/// came from, shown in the email.
pub async fn reset_second_factor(
    svc: &Services,
    user_id: &str,
    client: &ClientInfo,
) -> Result<User, ServiceError> {
    let user = match svc.stores.users.get_user(user_id).await {
        Ok(u) => u,
        Err(StoreError::NotFound) => return Err(ServiceError::NotFound),
        Err(e) => return Err(e.into()),
    };
    if !svc
        .stores
        .second_factors
        .delete_second_factor(&user.id)
        .await?
    {
        return Err(ServiceError::NotFound);
    }
    let ended = svc
        .stores
        .sessions
        .delete_sessions_for_user(&user.id, None)
        .await?;
    tracing::info!(user_id = %user.id, sessions_ended = ended, "second factor reset by an administrator");
    let entry = Entry::acting(Kind::AdminSecondFactorReset).subject(&user.id);
    svc.audit.record(entry.detail("sessions_ended", ended));
    security_mail::notify(svc, &user, SecurityEvent::SecondFactorOff, client).await;
    Ok(user)
}
