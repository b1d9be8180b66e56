//! Template loading: the templates shipped in `templates/` are embedded at build time; an
//! operator's directory (`web.templates_dir`) may override any of them by file name.

use std::path::PathBuf;
use std::sync::Arc;

use minijinja::Environment;
use serde::Serialize;

pub const STYLE_CSS: &str = include_str!("../../templates/static/style.css");

const EMBEDDED: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("index.html", include_str!("../../templates/index.html")),
];

/// The page renderer shared by every handler.
#[derive(Clone)]
pub struct Templates {
    env: Arc<Environment<'static>>,
}

impl Templates {
    /// Embedded templates, each overridable by a file of the same name in `override_dir`.
    pub fn new(override_dir: Option<PathBuf>) -> Self {
        let mut env = Environment::new();
        env.set_loader(move |name| {
            if let Some(dir) = &override_dir {
                let path = dir.join(name);
                if !name.contains("..") && path.is_file() {
                    return std::fs::read_to_string(&path).map(Some).map_err(|e| {
                        minijinja::Error::new(
                            minijinja::ErrorKind::InvalidOperation,
                            format!("template {}: {e}", path.display()),
                        )
                    });
                }
            }
            Ok(EMBEDDED
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, src)| (*src).to_owned()))
        });
        Self { env: Arc::new(env) }
    }

    /// Renders a page; a template error is logged and surfaces as `Err` (a 500 page).
    pub fn render<S: Serialize>(&self, name: &str, ctx: S) -> Result<String, minijinja::Error> {
        self.env
            .get_template(name)
            .and_then(|t| t.render(ctx))
            .inspect_err(|e| tracing::error!(template = name, error = %e, "template error"))
    }
}
