//! Template loading: the templates shipped in `templates/` are embedded at build time; an
//! operator's directory (`web.templates_dir`) may override any of them by file name, and its
//! `i18n/{lang}.toml` the strings. Templates get `t(key, **args)` for every user-visible string.

use std::path::PathBuf;
use std::sync::Arc;

use minijinja::value::Kwargs;
use minijinja::{Environment, State};
use serde::Serialize;

use super::i18n::{Lang, Translations};

pub const STYLE_CSS: &str = include_str!("../../templates/static/style.css");
/// Copy-to-clipboard buttons of the page that shows an app secret once.
pub const APPS_JS: &str = include_str!("../../templates/static/apps.js");
/// Error-summary links that move the focus to their field.
pub const FORMS_JS: &str = include_str!("../../templates/static/forms.js");
/// The show-password toggle of every password field.
pub const PASSWORD_JS: &str = include_str!("../../templates/static/password.js");
/// Submits the form_post response page's form (no inline script under the CSP).
pub const FORM_POST_JS: &str = include_str!("../../templates/static/form_post.js");
/// Registers a passkey and signs in with one (WebAuthn in the browser).
pub const PASSKEYS_JS: &str = include_str!("../../templates/static/passkeys.js");

/// The built-in templates, each by its path under `templates/` (its name when rendered).
macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../templates/", $name)))),*]
    };
}

/// Every built-in template. A new page adds its file here.
const EMBEDDED: &[(&str, &str)] = embedded![
    "base.html",
    "admin_resources.html",
    "index.html",
    "error.html",
    "login.html",
    "logout.html",
    "macros.html",
    "message.html",
    "register.html",
    "verify.html",
    "resend.html",
    "password_reset.html",
    "reset.html",
    "account.html",
    "passkeys.html",
    "email/verify_email.txt",
    "email/verify_email.html",
    "email/reset_password.txt",
    "email/reset_password.html",
    "email/change_email.txt",
    "email/change_email.html",
    "email/change_email_notice.txt",
    "email/change_email_notice.html",
    "consent.html",
    "form_post.html",
    "device.html",
    "authorized_tokens.html",
    "resource_user.html",
    "resource_group.html",
    "apps.html",
    "app_form.html",
    "app_detail.html",
    "app_secret.html",
    "app_delete.html",
    "login_two_factor.html",
    "two_factor.html",
    "two_factor_codes.html",
    "consent_lists.html",
    "sessions.html",
    "email/security_notice.txt",
    "email/security_notice.html",
    "activity.html",
    "audit_events.html",
    "admin_audit.html",
    "second_factor_required.html",
    "admin_nav.html",
    "admin_pager.html",
    "admin_confirm.html",
    "admin_users.html",
    "admin_user.html",
    "admin_groups.html",
    "admin_group.html",
    "admin_apps.html",
    "admin_app.html",
];

/// The page renderer shared by every handler.
#[derive(Clone)]
pub struct Templates {
    env: Arc<Environment<'static>>,
    translations: Arc<Translations>,
}

impl Templates {
    /// Embedded templates and strings, each overridable by a file in `override_dir`.
    pub fn new(override_dir: Option<PathBuf>) -> anyhow::Result<Self> {
        let translations = Arc::new(Translations::load(override_dir.as_deref())?);
        let mut env = Environment::new();
        env.set_loader(move |name| load(override_dir.as_ref(), name));
        let tr = translations.clone();
        env.add_function(
            "t",
            move |state: &State, key: &str, kwargs: Kwargs| -> Result<String, minijinja::Error> {
                let lang = state
                    .lookup("lang")
                    .and_then(|v| v.as_str().and_then(Lang::parse))
                    .unwrap_or(Lang::En);
                let mut args: Vec<(String, String)> = Vec::new();
                for name in kwargs.args() {
                    let v: minijinja::Value = kwargs.get(name)?;
                    args.push((name.to_owned(), v.to_string()));
                }
                let refs: Vec<(&str, &str)> =
                    args.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
                Ok(tr.format(lang, key, &refs))
            },
        );
        Ok(Self {
            env: Arc::new(env),
            translations,
        })
    }

    /// Renders a page; a template error is logged and surfaces as `Err` (a 500 page).
    pub fn render<S: Serialize>(&self, name: &str, ctx: S) -> Result<String, minijinja::Error> {
        self.env
            .get_template(name)
            .and_then(|t| t.render(ctx))
            .inspect_err(|e| tracing::error!(template = name, error = %e, "template error"))
    }

    /// The translations, for text built outside templates (emails' subjects, flash messages).
    pub fn translations(&self) -> &Translations {
        &self.translations
    }
}

fn load(override_dir: Option<&PathBuf>, name: &str) -> Result<Option<String>, minijinja::Error> {
    if let Some(dir) = override_dir {
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
}
