//! What a consent screen (the authorization endpoint's and the device page's) shows of a
//! request: the resource servers it names (RFC 8707), and each scope as text in the page's
//! language: this server's scopes from the translations, a resource server's from its record.

use minijinja::Value;

use super::context::Ctx;
use super::i18n::Lang;
use crate::domain::{ResourceServer, ScopeSet, BUILT_IN_RESOURCE_ID};

/// The text a requested resource server gives `scope` in `lang` (English when it has no
/// Chinese one, the name when it has none); `None` for the scopes of this server.
fn resource_scope_text(lang: Lang, resources: &[ResourceServer], scope: &str) -> Option<String> {
    let defined = resources
        .iter()
        .filter(|r| r.id != BUILT_IN_RESOURCE_ID)
        .find_map(|r| r.scopes.iter().find(|s| s.name.as_str() == scope))?;
    let text = match lang {
        Lang::ZhCn if !defined.description_zh.is_empty() => &defined.description_zh,
        _ => &defined.description,
    };
    Some(if text.is_empty() { scope } else { text }.to_owned())
}

/// The `scopes` (each a translation `key` or a `text`) and `resources` (`name`, `identifier`)
/// of a consent page.
pub(super) fn consent_lists(
    ctx: &Ctx<'_>,
    scopes: &ScopeSet,
    resources: &[ResourceServer],
) -> (Vec<Value>, Vec<Value>) {
    let scopes = scopes
        .iter()
        .map(|s| {
            let text = resource_scope_text(ctx.lang, resources, s);
            minijinja::context! { key => format!("scope.{s}"), text }
        })
        .collect();
    let resources = resources
        .iter()
        .map(|r| minijinja::context! { name => r.name, identifier => r.identifier.as_str() })
        .collect();
    (scopes, resources)
}
