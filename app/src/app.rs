//! The document shell and the routes of the portal.

use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::{
    MatchNestedRoutes, SsrMode,
    components::{ParentRoute, Route, Router, Routes},
    path,
};

use crate::{
    case::{CasePage, QueuePage},
    follow_up::FollowUpPage,
    hash_list::{HashListPage, PlatformsPage},
    help::HelpPage,
    home::HomePage,
    hosting::{ProviderPage, ProvidersPage},
    i18n::{provide_i18n, tr},
    monitor::MonitorPage,
    parents::{GuidancePage, ParentsPage},
    report::ReportPage,
    shell::{LanguageGate, Layout, NotFound, QuickExitScript, document_lang},
    staff::{StaffAdminPage, StaffAuditPage, StaffPage},
};

/// The HTML document around the app, rendered on the server only.
///
/// `<html lang dir>` come from the request, so the very first paint is in the right language
/// and direction, before (or without) any WebAssembly.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = document_lang();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code() dir=lang.direction().as_str()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="referrer" content="same-origin" />
                <meta name="robots" content="noindex, nofollow" />
                // An empty icon: no request, and nothing for a browser to keep.
                <link rel="icon" href="data:," />
                <link rel="stylesheet" href="/pkg/portal.css" />
                <QuickExitScript />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The app: the same component renders on the server and hydrates in the browser.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <I18nRoot />
        </Router>
    }
}

/// Everything that needs the router (the language comes from the URL).
#[component]
fn I18nRoot() -> impl IntoView {
    let i18n = provide_i18n();
    crate::report::ReportInProgress::provide();
    mark_hydrated(i18n);
    let title = tr("brand-name");
    view! {
        <Title text=crate::shell::document_title(title) />
        <Layout>
            <Routes fallback=NotFound>
                <PageRoutes />
                // The same pages under a language prefix. The unprefixed routes come first:
                // the router takes the first match, so `/report` is never read as a language.
                <ParentRoute path=path!("/:lang") view=LanguageGate>
                    <PageRoutes />
                </ParentRoute>
            </Routes>
        </Layout>
    }
}

/// Every page of the portal, declared once: used bare (`/report`) and under a language
/// prefix (`/nl/report`). Which of them are staff pages, and what each needs, is
/// `staff::routes::STAFF_PAGES`; the route-enumeration tests hold the two together.
#[component(transparent)]
fn PageRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("") view=HomePage />
        <Route path=path!("report") view=ReportPage />
        <Route path=path!("parents") view=ParentsPage />
        <Route path=path!("parents/:topic") view=GuidancePage />
        <Route path=path!("follow-up") view=FollowUpPage ssr=SsrMode::Async />
        <Route path=path!("help") view=HelpPage />
        <Route path=path!("monitor") view=MonitorPage />
        <Route path=path!("staff") view=StaffPage ssr=SsrMode::Async />
        <Route path=path!("staff/admin") view=StaffAdminPage ssr=SsrMode::Async />
        <Route path=path!("staff/audit") view=StaffAuditPage ssr=SsrMode::Async />
        <Route path=path!("staff/cases") view=QueuePage ssr=SsrMode::Async />
        <Route path=path!("staff/cases/:id") view=CasePage ssr=SsrMode::Async />
        <Route path=path!("staff/providers") view=ProvidersPage ssr=SsrMode::Async />
        <Route path=path!("staff/platforms") view=PlatformsPage ssr=SsrMode::Async />
        <Route path=path!("staff/hash-list") view=HashListPage ssr=SsrMode::Async />
        <Route path=path!("staff/providers/:id") view=ProviderPage ssr=SsrMode::Async />
    }
    .into_inner()
}

/// Keeps `<html lang dir>` in step with client-side navigation, and marks the document once
/// the app is interactive (end-to-end tests wait for it).
fn mark_hydrated(i18n: crate::i18n::I18n) {
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let lang = i18n.lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.code());
            let _ = html.set_attribute("dir", lang.direction().as_str());
            let _ = html.set_attribute("data-hydrated", "true");
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = i18n;
}
