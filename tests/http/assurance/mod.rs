//! Assurance of a sign-in, on both stores, through the real pages and the independent
//! `openidconnect` crate: `acr`, `amr` and `auth_time` in id_tokens, access tokens and
//! introspection; `max_age` and `acr_values` at the authorization endpoint (a step-up of a
//! password session, `unmet_authentication_requirements` for a person without a second factor)
//! and apps that require a second factor (`step_up`); the administrators' second-factor
//! policy and an administrator removing a person's second factor (`admin_policy`).

mod admin_policy;
mod step_up;
