//! Looking up translated text, and the language of the page being rendered.

use std::{borrow::Cow, collections::HashMap};

use fluent_templates::{Loader, fluent_bundle::FluentValue, static_loader};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use unic_langid::LanguageIdentifier;

use super::{Lang, split_path};

static_loader! {
    static LOCALES = {
        locales: "../locales",
        fallback_language: "en",
        // Unicode isolation marks around placeables would end up in copied text (receipts,
        // phone numbers); right-to-left languages wrap their placeables themselves.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

fn langid(lang: Lang) -> LanguageIdentifier {
    lang.code().parse().unwrap_or_default()
}

/// The text of message `id` in `lang`, falling back to English.
pub fn t(lang: Lang, id: &str) -> String {
    LOCALES.lookup(&langid(lang), id)
}

/// The text of message `id` with its variables filled in.
pub fn t_args(lang: Lang, id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
        .collect();
    LOCALES.lookup_with_args(&langid(lang), id, &args)
}

/// The language of the page, for components.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    /// The language text is shown in.
    pub lang: Memo<Lang>,
    /// The language the URL names, if any. Links keep it so a chosen language sticks.
    pub chosen: Memo<Option<Lang>>,
}

impl I18n {
    /// A link to `path` (an unprefixed path such as `/report`) in the page's language.
    pub fn href(&self, path: &str) -> String {
        localized_href(self.chosen.get(), path)
    }

    /// The current page, in `lang`: the target of the language switch.
    pub fn switch_href(&self, lang: Lang, current_path: &str) -> String {
        let (_, rest) = split_path(current_path);
        localized_href(Some(lang), rest)
    }
}

fn localized_href(lang: Option<Lang>, path: &str) -> String {
    match (lang, path) {
        (None, path) => path.to_owned(),
        (Some(lang), "/") => format!("/{}", lang.code()),
        (Some(lang), path) => format!("/{}{}", lang.code(), path),
    }
}

/// Provides [`I18n`] for the app. Must be called inside the router.
pub fn provide_i18n() -> I18n {
    let fallback = negotiated_lang();
    let location = use_location();
    let chosen = Memo::new(move |_| split_path(&location.pathname.get()).0);
    let lang = Memo::new(move |_| chosen.get().unwrap_or(fallback));
    let i18n = I18n { lang, chosen };
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// A reactive translated text, for use in `view!`: `{tr("home-title")}`.
pub fn tr(id: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let lang = use_i18n().lang;
    move || t(lang.get(), id)
}

/// The language the browser asked for, when the URL names none.
#[cfg(feature = "ssr")]
fn negotiated_lang() -> Lang {
    use_context::<http::request::Parts>()
        .and_then(|parts| {
            let header = parts.headers.get(http::header::ACCEPT_LANGUAGE)?;
            super::from_accept_language(header.to_str().ok()?)
        })
        .unwrap_or_default()
}

/// In the browser, the server already negotiated: its answer is in `<html lang>`.
#[cfg(not(feature = "ssr"))]
fn negotiated_lang() -> Lang {
    #[cfg(feature = "hydrate")]
    {
        let lang = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|html| html.get_attribute("lang"));
        if let Some(lang) = lang.as_deref().and_then(Lang::from_code) {
            return lang;
        }
    }
    Lang::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_a_chosen_language() {
        assert_eq!(localized_href(Some(Lang::Nl), "/report"), "/nl/report");
        assert_eq!(localized_href(Some(Lang::Nl), "/"), "/nl");
        assert_eq!(localized_href(None, "/report"), "/report");
    }

    #[test]
    fn a_language_without_translations_falls_back_to_english() {
        let german: LanguageIdentifier = "de".parse().expect("valid language id");
        assert_eq!(
            LOCALES.lookup(&german, "home-title"),
            t(Lang::En, "home-title")
        );
    }

    #[test]
    fn dutch_text_is_dutch() {
        assert_ne!(t(Lang::Nl, "home-title"), t(Lang::En, "home-title"));
    }
}
