//! SQLite adapter (placeholder until written).
