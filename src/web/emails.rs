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
            section => format!("email.{}", kind.name()),
            when => vars.when,
            device => self.translations().format(
                lang,
                "sessions.device",
                &[("browser", vars.browser.as_str()), ("os", vars.os.as_str())],
            ),
            ip => vars.ip,
            sessions_link => vars.sessions_link,
        };
        let (name, template) = (kind.name(), kind.template());
        let text = Templates::render(self, &format!("email/{template}.txt"), &ctx)?;
        let html = Templates::render(self, &format!("email/{template}.html"), &ctx)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The notice to the old address, in both languages: the masked new address and the reset
    /// page, and nothing that could confirm or undo the change.
    #[test]
    fn the_change_of_email_notice_carries_no_token_in_any_language() {
        let templates = Templates::new(None).unwrap();
        let vars = EmailVars {
            username: "jane".into(),
            link: "https://id.example/accounts/password_reset/".into(),
            ttl_minutes: 30,
            new_email: "m***@evil.example".into(),
            ..EmailVars::default()
        };
        for lang in ["en", "zh-CN"] {
            let kind = EmailKind::ChangeEmailNotice;
            let mail = EmailRenderer::render(&templates, kind, Some(lang), &vars).unwrap();
            for body in [&mail.text, &mail.html] {
                assert!(body.contains("m***@evil.example"), "{lang}: {body}");
                assert!(body.contains("password_reset"), "{lang}: {body}");
                assert!(!body.contains("token"), "{lang}: {body}");
            }
            assert!(!mail.subject.is_empty(), "{lang}");
            assert!(mail.text.contains(&vars.link), "{lang}");
        }
    }
}
