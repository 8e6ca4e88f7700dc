//! Quick exit: one tap replaces the page with a neutral site, without leaving the portal in
//! the back-button history.
//!
//! It must work before the WebAssembly has loaded, and without JavaScript at all: the button
//! is a plain link, and a tiny inline script upgrades it to `location.replace` and binds the
//! Escape key. The script is inline (with the response's nonce) so no extra request can delay it.

use leptos::{nonce::use_nonce, prelude::*};

use crate::i18n::{Lang, tr, use_i18n};

/// The neutral page configured by the operator, if any (`PORTAL_QUICK_EXIT_URL`). When unset,
/// each language gets a weather page that looks ordinary on a phone in that country.
#[derive(Debug, Clone, Default)]
pub struct QuickExitSetting(pub Option<String>);

pub(crate) fn neutral_url(setting: &QuickExitSetting, lang: Lang) -> String {
    if let Some(url) = &setting.0 {
        return url.clone();
    }
    match lang {
        Lang::En => "https://www.bbc.com/weather".to_owned(),
        Lang::Nl => "https://www.buienradar.nl/".to_owned(),
    }
}

/// On the server the setting comes from the configuration; in the browser from the `<meta>`
/// tag the server wrote, so both render the same link.
fn setting() -> QuickExitSetting {
    #[cfg(feature = "hydrate")]
    {
        let configured = document()
            .query_selector("meta[name=portal-quick-exit]")
            .ok()
            .flatten()
            .and_then(|meta| meta.get_attribute("content"))
            .filter(|url| !url.is_empty());
        QuickExitSetting(configured)
    }
    #[cfg(not(feature = "hydrate"))]
    use_context::<QuickExitSetting>().unwrap_or_default()
}

/// The quick-exit script (also on the edge's own pages, `edge`).
pub(crate) const QUICK_EXIT_SCRIPT: &str = r#"(function () {
  function leave(url) {
    try { document.title = ""; document.documentElement.replaceChildren(); } catch (e) {}
    window.location.replace(url);
  }
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("[data-quick-exit]");
    if (!link) return;
    event.preventDefault();
    leave(link.href);
  }, true);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    var link = document.querySelector("[data-quick-exit]");
    if (link) { event.preventDefault(); leave(link.href); }
  });
})();"#;

/// The inline script and the configured URL, for the document's `<head>`.
#[component]
pub fn QuickExitScript() -> impl IntoView {
    let configured = setting().0.unwrap_or_default();
    view! {
        <meta name="portal-quick-exit" content=configured />
        <script nonce=use_nonce()>{QUICK_EXIT_SCRIPT}</script>
    }
}

/// The quick-exit button in the header.
#[component]
pub fn QuickExit() -> impl IntoView {
    let i18n = use_i18n();
    let setting = setting();
    let href = move || neutral_url(&setting, i18n.lang.get());
    view! {
        <a class="quick-exit" data-quick-exit="" href=href rel="noreferrer">
            <span class="quick-exit-label">{tr("quick-exit-label")}</span>
            <span class="quick-exit-hint">{tr("quick-exit-hint")}</span>
        </a>
    }
}
