//! `[web]`: the pages' branding and default language.

use std::path::PathBuf;

use serde::Deserialize;

use super::ConfigError;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct WebSettings {
    /// A directory whose files override the built-in templates of the same name (branding).
    pub templates_dir: Option<PathBuf>,
    /// Page language when neither `lang` nor Accept-Language picks one: `en` or `zh-CN`.
    pub default_language: String,
}

impl Default for WebSettings {
    fn default() -> Self {
        Self {
            templates_dir: None,
            default_language: "en".into(),
        }
    }
}

impl WebSettings {
    pub(super) fn validate(&self) -> Result<(), ConfigError> {
        if !matches!(self.default_language.as_str(), "en" | "zh-CN") {
            return Err(ConfigError::at(
                "web.default_language",
                "must be 'en' or 'zh-CN'",
            ));
        }
        if let Some(dir) = &self.templates_dir {
            if !dir.is_dir() {
                return Err(ConfigError::at(
                    "web.templates_dir",
                    &format!("{} is not a directory", dir.display()),
                ));
            }
        }
        Ok(())
    }
}
