//! Header, main area and footer, and small building blocks every page uses.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    i18n::{tr, use_i18n},
    shell::{LanguageSwitch, QuickExit},
};

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">
            {tr("skip-to-content")}
        </a>
        <header class="site-header">
            <a class="brand" href=move || i18n.href("/")>
                {tr("brand-name")}
            </a>
            <LanguageSwitch />
            <QuickExit />
        </header>
        <main id="main" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <h2>{tr("footer-privacy-title")}</h2>
            <ul>
                <li>{tr("footer-privacy-images")}</li>
                <li>{tr("footer-privacy-identity")}</li>
                <li>{tr("footer-privacy-traces")}</li>
            </ul>
            <p>
                <a href=move || i18n.href("/help")>{tr("footer-help-link")}</a>
            </p>
        </footer>
    }
}

/// The page's `<h1>` and the document title, from one message.
#[component]
pub fn PageTitle(text: impl Fn() -> String + Copy + Send + Sync + 'static) -> impl IntoView {
    let portal = tr("brand-name");
    view! {
        <Title text=document_title(move || format!("{} · {}", text(), portal())) />
        <h1>{text}</h1>
    }
}

/// A `<title>`'s text. On the server it is read now, while the page renders: the title is
/// written into the head only after the page's own reactive values may have been released,
/// and reading one then panics (seen with many pages rendered at once). In the browser it
/// stays live, so it follows the language.
pub fn document_title(
    text: impl Fn() -> String + Send + Sync + 'static,
) -> leptos::prelude::TextProp {
    #[cfg(feature = "ssr")]
    {
        text().into()
    }
    #[cfg(not(feature = "ssr"))]
    text.into()
}

/// What a page that a later release builds says in the meantime, with the way to help now.
#[component]
pub fn Placeholder(
    title: impl Fn() -> String + Copy + Send + Sync + 'static,
    intro: impl Fn() -> String + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle text=title />
        <p class="lead">{intro}</p>
        <p class="notice" role="note">
            {tr("placeholder-not-ready")}
        </p>
        <p>
            <a class="button" href=move || i18n.href("/help")>
                {tr("placeholder-help-now")}
            </a>
        </p>
    }
}
