//! How configuration values are read from their documented forms: durations as whole seconds
//! or milliseconds (the `_secs` / `_ms` keys), and lists of parsed values given as strings.
//! An error here is reported with the key it was read for.

use std::fmt::Display;
use std::str::FromStr;
use std::time::Duration;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer};

/// The longest duration any key accepts: beyond it, adding it to a date would overflow.
const MAX_SECS: u64 = 100 * 365 * 86_400;

fn bounded<E: serde::de::Error>(d: Duration) -> Result<Duration, E> {
    if d.as_secs() > MAX_SECS {
        return Err(E::custom(format!(
            "must be at most {MAX_SECS} seconds (100 years)"
        )));
    }
    Ok(d)
}

/// A duration written as a whole number of seconds.
pub fn secs<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
    bounded(Duration::from_secs(u64::deserialize(d)?))
}

/// A duration written as a whole number of milliseconds.
pub fn millis<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
    bounded(Duration::from_millis(u64::deserialize(d)?))
}

/// A list of values each written as a string (`["10.0.0.0/8", "::1"]`).
pub fn parsed_list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr,
    T::Err: Display,
{
    Vec::<String>::deserialize(d)?
        .iter()
        .map(|s| s.parse().map_err(D::Error::custom))
        .collect()
}

/// A value written as a string and parsed by `parse`, which says what is allowed when it fails.
pub fn parsed<'de, D, T>(d: D, parse: fn(&str) -> Option<T>, allowed: &str) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let s = String::deserialize(d)?;
    parse(&s).ok_or_else(|| D::Error::custom(format!("'{s}': {allowed}")))
}

/// A duration as `chrono` counts it, for the use cases (bounded at load, so it fits).
pub fn to_chrono(d: Duration) -> chrono::Duration {
    chrono::Duration::from_std(d).unwrap_or_else(|_| chrono::Duration::days(36_500))
}
