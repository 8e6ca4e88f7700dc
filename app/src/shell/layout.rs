//! Header, main area and footer, and small building blocks every page uses.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use crate::{
    i18n::{split_path, tr, use_i18n},
    shell::{LanguageSwitch, QuickExit},
};

/// Whether a path (with or without its language prefix) is in the staff workspace.
pub fn is_staff_path(path: &str) -> bool {
    let (_, rest) = split_path(path);
    rest == "/staff" || rest.starts_with("/staff/")
}

/// The frame of every page. Two shells: the public one (quick exit, the privacy promise, a
/// reading column sized for a phone) and the staff workspace's (full desktop width for the
/// queue's tables, a way back to the workspace and out of it, none of the victims' footer:
/// analysts work at a desk all day, and the quick exit is the victims' tool).
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let staff = Memo::new(move |_| is_staff_path(&location.pathname.get()));
    let header = move || {
        if staff.get() {
            view! {
                <header class="site-header staff-header">
                    <a class="brand" href=move || i18n.href("/staff")>
                        {tr("staff-shell-brand")}
                    </a>
                    <LanguageSwitch />
                    // The sign-out form needs the session's token, which the workspace home
                    // carries: the link goes to it.
                    <a class="staff-shell-sign-out" href=move || format!("{}#sign-out", i18n.href("/staff"))>
                        {tr("staff-sign-out")}
                    </a>
                </header>
            }
            .into_any()
        } else {
            view! {
                <header class="site-header">
                    <a class="brand" href=move || i18n.href("/")>
                        {tr("brand-name")}
                    </a>
                    <LanguageSwitch />
                    <QuickExit />
                </header>
            }
            .into_any()
        }
    };
    let footer = move || {
        (!staff.get()).then(|| {
            view! {
                <footer class="site-footer">
                    <h2>{tr("footer-privacy-title")}</h2>
                    <ul>
                        <li>{tr("footer-privacy-images")}</li>
                        <li>{tr("footer-privacy-identity")}</li>
                        <li>{tr("footer-privacy-traces")}</li>
                        <li>{tr("footer-privacy-history")}</li>
                    </ul>
                    <noscript>
                        <p>{tr("footer-privacy-history-no-js")}</p>
                    </noscript>
                    <p>
                        <a href=move || i18n.href("/help")>{tr("footer-help-link")}</a>
                    </p>
                </footer>
            }
        })
    };
    view! {
        <a class="skip-link" href="#main">
            {tr("skip-to-content")}
        </a>
        {header}
        <main id="main" tabindex="-1" class=move || staff.get().then_some("workspace")>
            {children()}
        </main>
        {footer}
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
