use thiserror::Error;

/// A value that failed validation. `field` names the input, `message` is for people (English,
/// API callers), `code` is a stable reason pages translate (`fields.{field}.{code}`).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{field}: {message}")]
pub struct DomainError {
    pub field: &'static str,
    pub message: String,
    pub code: &'static str,
}

impl DomainError {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
            code: "invalid",
        }
    }

    /// The same error with a stable reason code.
    pub fn with_code(mut self, code: &'static str) -> Self {
        self.code = code;
        self
    }
}
