//! The store contract: one suite, written against the traits of `auth_center::store`, run
//! against every backend on a real server: SQLite in a temporary directory and MongoDB on the
//! server named by `AUTH_CENTER_TEST_MONGODB_URI` (started by `scripts/test.sh`, or by
//! `scripts/mongo-test-server.sh start 27017`). Without that variable the MongoDB tests fail:
//! a backend is never silently skipped.
//!
//! Each case is an `async fn(&Stores)` in `cases`; `contract_tests!` expands it into
//! `sqlite::<case>` and `mongo::<case>`, each on a fresh, private store. Cases that only make
//! sense for one backend live in `backend_only`.

mod assertion_jtis;
mod audit_events;
mod backend_only;
mod clients;
mod codes;
mod consents;
mod device_codes;
mod fixtures;
mod grants;
mod groups;
mod harness;
mod keys_and_admin;
mod login_attempts;
mod outbox;
mod passkeys;
mod pushed_requests;
mod refresh;
mod registrations;
mod replica_set;
mod resource_indicators;
mod resource_servers;
mod revoked;
mod second_factors;
mod sessions;
mod users;

mod cases {
    pub use crate::assertion_jtis::*;
    pub use crate::audit_events::*;
    pub use crate::clients::*;
    pub use crate::codes::*;
    pub use crate::consents::*;
    pub use crate::device_codes::*;
    pub use crate::grants::*;
    pub use crate::groups::*;
    pub use crate::keys_and_admin::*;
    pub use crate::login_attempts::*;
    pub use crate::outbox::*;
    pub use crate::passkeys::*;
    pub use crate::pushed_requests::*;
    pub use crate::refresh::*;
    pub use crate::registrations::*;
    pub use crate::resource_indicators::*;
    pub use crate::resource_servers::*;
    pub use crate::revoked::*;
    pub use crate::second_factors::*;
    pub use crate::sessions::*;
    pub use crate::users::*;
}

/// Expands each case into one test per backend.
macro_rules! contract_tests {
    ($($case:ident),+ $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $case() {
                    crate::harness::run_sqlite(|s| async move { crate::cases::$case(&s).await })
                        .await;
                }
            )+
        }

        mod mongo {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $case() {
                    crate::harness::run_mongo(|ctx| async move {
                        crate::cases::$case(&ctx.stores).await
                    })
                    .await;
                }
            )+
        }
    };
}

contract_tests!(
    // audit log
    audit_events_are_listed_newest_first_filtered_and_paged_by_cursor,
    // resource indicators (RFC 8707)
    resources_are_kept_with_codes_grants_refresh_tokens_consents_and_device_codes,
    a_wider_consent_replaces_the_resources_remembered,
    // pushed authorization requests
    a_pushed_request_is_read_without_being_used_then_taken_once,
    inserting_a_pushed_request_twice_conflicts,
    only_one_of_sixteen_concurrent_takes_of_a_pushed_request_wins,
    // passkeys (WebAuthn credentials)
    a_passkey_round_trips_and_its_credential_id_is_unique_across_people,
    a_person_renames_and_removes_only_their_own_passkeys,
    a_use_is_recorded_only_when_the_counter_advances,
    only_one_of_sixteen_concurrent_uses_with_one_counter_is_recorded,
    deleting_the_passkeys_of_a_person_keeps_the_others,
    // second factors
    an_enrolment_is_confirmed_once_and_never_replaces_a_confirmed_factor,
    a_totp_step_counts_once_and_never_before_the_last_one,
    only_one_of_sixteen_concurrent_uses_of_a_step_or_recovery_code_wins,
    new_recovery_codes_replace_the_old_and_deleting_removes_everything,
    // login attempts
    a_failure_counter_grows_in_its_window_restarts_after_it_and_clears,
    sixteen_concurrent_failures_are_all_counted,
    sixty_concurrent_reservations_let_exactly_the_limit_through,
    a_release_gives_back_one_count_of_its_own_window_only,
    // users
    a_user_round_trips_through_insert_get_find_update_and_delete,
    a_username_is_unique_case_insensitively,
    an_email_is_unique_case_insensitively,
    an_update_that_takes_another_users_username_or_email_conflicts,
    getting_updating_or_deleting_a_missing_user_is_not_found,
    users_are_listed_by_username_key_in_pages_with_the_total,
    count_users_counts_every_user,
    only_enabled_administrators_are_counted_as_admins,
    a_user_search_matches_a_case_insensitive_substring_of_username_email_or_display_name,
    a_user_search_treats_like_and_regex_metacharacters_literally,
    only_one_of_sixteen_concurrent_registrations_of_a_username_succeeds,
    a_users_language_is_set_changed_and_removed,
    // groups
    a_group_round_trips_through_insert_get_find_update_and_delete,
    getting_updating_or_deleting_a_missing_group_is_not_found,
    a_group_name_is_unique_case_insensitively,
    adding_a_member_is_idempotent_and_removing_one_keeps_the_others,
    changing_the_members_of_a_missing_group_is_not_found,
    the_groups_of_a_user_are_listed_by_name_key,
    removing_a_user_everywhere_leaves_the_other_members,
    groups_are_listed_by_name_key_in_pages_with_the_total,
    // clients
    a_client_round_trips_with_every_field,
    a_client_id_is_unique,
    getting_updating_or_deleting_a_missing_client_is_not_found,
    clients_of_an_owner_are_listed_by_creation_time_then_id_in_pages,
    every_owners_clients_are_listed_by_creation_time_then_id_in_pages,
    // authorization codes
    a_code_is_taken_once_then_reported_as_already_used,
    taking_an_unknown_code_is_not_found,
    inserting_a_code_twice_conflicts,
    only_one_of_sixteen_concurrent_takes_of_a_code_wins,
    // grants
    a_grant_round_trips_and_touching_it_records_its_last_use,
    active_grants_of_a_user_exclude_revoked_expired_and_others_newest_first,
    revoking_a_grant_revokes_its_tokens_but_not_other_grants,
    revoking_the_grants_of_a_client_counts_them_and_revokes_their_tokens,
    revoking_the_grants_of_a_client_also_revokes_its_access_tokens_without_a_grant,
    revoking_the_grants_of_a_user_counts_them_and_revokes_their_tokens,
    revoking_one_refresh_or_access_token_reports_whether_it_existed,
    // refresh and access tokens
    refresh_and_access_tokens_round_trip,
    inserting_a_refresh_token_twice_conflicts,
    a_grant_and_its_first_refresh_token_are_stored_together,
    rotating_a_refresh_token_marks_it_used_and_stores_the_new_one,
    rotating_a_used_or_revoked_refresh_token_is_reuse_and_stores_nothing,
    rotating_an_unknown_refresh_token_is_not_found_and_stores_nothing,
    only_one_of_sixteen_concurrent_rotations_of_a_refresh_token_wins,
    // the deny-list of revoked access tokens
    a_revoked_jti_is_stored_once_found_and_listed_with_its_expiry,
    the_deny_list_refuses_a_revoked_jti_at_once_and_knows_what_was_stored_before,
    // consents
    a_consent_is_put_read_replaced_and_deleted_idempotently,
    the_consents_of_a_user_are_listed,
    deleting_the_consents_of_a_client_keeps_those_given_to_other_clients,
    deleting_the_consents_of_a_user_keeps_those_of_other_users,
    // sessions and email tokens
    a_session_round_trips_and_touching_it_moves_its_deadlines,
    deleting_the_sessions_of_a_user_keeps_the_one_asked_for,
    a_person_lists_and_ends_only_their_own_sessions_by_public_id,
    a_device_is_new_once_per_person_even_among_sixteen_concurrent_sign_ins,
    an_email_token_is_consumed_once,
    consuming_an_email_token_for_another_purpose_leaves_it_in_place,
    deleting_the_email_tokens_of_a_user_for_a_purpose_keeps_the_others,
    deleting_every_email_token_of_a_user_keeps_other_users_tokens,
    only_one_of_sixteen_concurrent_consumers_gets_an_email_token,
    // signing keys, administration, expiry
    signing_keys_are_listed_newest_first_and_deleted,
    a_signing_key_id_is_unique,
    a_plaintext_signing_key_is_sealed_once_by_compare_and_set,
    the_backend_answers_a_ping,
    sweeping_expired_records_keeps_the_live_ones,
    an_expired_code_and_refresh_token_outlive_a_sweep_during_the_purge_grace,
    // device codes (RFC 8628)
    a_device_code_round_trips_and_is_found_by_its_user_code,
    a_device_code_and_a_user_code_are_unique,
    a_poll_returns_the_record_before_it_and_a_fast_one_grows_the_interval,
    sixteen_concurrent_fast_polls_each_grow_the_interval,
    a_device_code_is_decided_only_while_pending_and_live,
    an_approved_device_code_is_taken_once,
    only_one_of_sixteen_concurrent_takes_of_an_approved_device_code_wins,
    an_expired_device_code_outlives_a_sweep_during_the_purge_grace,
    // the mail outbox
    a_claimed_message_is_hidden_until_its_lease_ends_then_claimed_again,
    a_released_message_is_due_again_at_its_retry_time,
    messages_are_claimed_earliest_due_first_only_when_due_and_unexpired,
    sixteen_concurrent_claimers_of_four_messages_get_each_exactly_once,
    sixteen_concurrent_claimers_of_one_message_by_id_leave_one_winner,
    a_sweep_deletes_expired_mail_and_keeps_the_rest,
    // resource servers (RFC 8707)
    a_resource_server_round_trips_with_every_field_and_keeps_its_identifier,
    a_resource_server_identifier_is_unique,
    getting_updating_or_deleting_a_missing_resource_server_is_not_found,
    resource_servers_are_listed_by_identifier_in_pages_with_the_total,
    // client assertion ids (RFC 7523)
    an_assertion_id_is_recorded_once_until_it_expires,
    only_one_of_sixteen_concurrent_uses_of_an_assertion_id_wins,
    of_two_racing_uses_of_a_proof_id_exactly_one_wins,
    // dynamic client registration (RFC 7591, RFC 7592)
    an_initial_access_token_is_used_once_per_use_and_never_after_it_expired,
    only_one_of_sixteen_concurrent_uses_of_the_last_use_of_an_initial_token_wins,
    a_registration_is_replaced_only_by_the_holder_of_its_token_and_deleted_idempotently,
    initial_access_tokens_are_listed_newest_first_while_live_and_revoked_by_id,
);
