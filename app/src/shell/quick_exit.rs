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

pub fn neutral_url(setting: &QuickExitSetting, lang: Lang) -> String {
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
///
/// `location.replace` removes only the current history entry, so a visit must be one entry:
/// every link inside the portal replaces the entry it leaves. Before the app has hydrated
/// (a slow phone), the script follows such a link itself with `location.replace`; after, it
/// tells the app's router to replace (the router reads the link's `replace` property). An
/// in-page link (the skip link) replaces too: a fragment is an entry as well. Links with a
/// modifier key or a target open elsewhere and are left alone.
pub(crate) const QUICK_EXIT_SCRIPT: &str = r#"(function () {
  function leave(url) {
    try { document.title = ""; document.documentElement.replaceChildren(); } catch (e) {}
    window.location.replace(url);
  }
  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var exit = target && target.closest("[data-quick-exit]");
    if (exit) {
      event.preventDefault();
      leave(exit.href);
      return;
    }
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
        event.shiftKey || event.altKey) return;
    var link = target && target.closest("a[href]");
    if (!link || link.target || link.hasAttribute("download") ||
        link.origin !== window.location.origin) return;
    var external = /(^|\s)external(\s|$)/.test(link.rel);
    var samePage = link.pathname === window.location.pathname && link.search === window.location.search;
    if (!external && !samePage && document.documentElement.getAttribute("data-hydrated") === "true") {
      link.replace = true;
      return;
    }
    event.preventDefault();
    window.location.replace(link.href);
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

/// Quick exit from a page rendered from a report post (no JavaScript): remembers that the
/// draft was left, then redirects to the neutral site (`report::ExitedDrafts`).
pub const EXIT_PATH: &str = "/exit";

/// The submission id of the report draft this page was rendered from by a plain form post,
/// if it was: then quick exit goes through [`EXIT_PATH`]. Known on the server only; in the
/// browser the report's steps are in-page and add no history.
fn posted_draft() -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        use_context::<crate::report::PostedReport>()
            .map(|posted| posted.0.draft.submission)
            .filter(|id| !id.is_empty())
    }
    #[cfg(not(feature = "ssr"))]
    None
}

/// The quick-exit button in the header.
#[component]
pub fn QuickExit() -> impl IntoView {
    let i18n = use_i18n();
    let setting = setting();
    let draft = posted_draft();
    let href = move || match &draft {
        Some(id) => format!("{EXIT_PATH}?draft={id}&lang={}", i18n.lang.get().code()),
        None => neutral_url(&setting, i18n.lang.get()),
    };
    view! {
        <a class="quick-exit" data-quick-exit="" href=href rel="noreferrer">
            <span class="quick-exit-label">{tr("quick-exit-label")}</span>
            <span class="quick-exit-hint">{tr("quick-exit-hint")}</span>
        </a>
    }
}
