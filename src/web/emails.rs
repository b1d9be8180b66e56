//! The email writer of the service layer, over the page templates: `email/{kind}.txt` and
//! `email/{kind}.html`, strings from the `email.*` translations, in the person's language.

use super::i18n::Lang;
use super::Templates;
use crate::service::email::{EmailKind, EmailRenderer, EmailVars, RenderedEmail};

impl EmailRenderer for Templates {
    fn render(
        &self,
        kind: EmailKind,
        lang: Option<&str>,
        vars: &EmailVars,
    ) -> anyhow::Result<RenderedEmail> {
        let lang = lang.and_then(Lang::parse).unwrap_or(Lang::En);
        let ctx = minijinja::context! {
            lang => lang.code(),
            username => vars.username,
            link => vars.link,
            minutes => vars.ttl_minutes,
            new_email => vars.new_email,
        };
        let name = kind.name();
        let text = Templates::render(self, &format!("email/{name}.txt"), &ctx)?;
        let html = Templates::render(self, &format!("email/{name}.html"), &ctx)?;
        let subject = self
            .translations()
            .get(lang, &format!("email.{name}.subject"))
            .to_owned();
        Ok(RenderedEmail {
            subject,
            text,
            html,
        })
    }
}
