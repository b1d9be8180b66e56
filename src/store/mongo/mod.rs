//! MongoDB adapter (placeholder until written).
