//! The page for addresses that do not exist, and the check on the language prefix.

use leptos::prelude::*;
use leptos_router::{components::Outlet, hooks::use_params_map};

use crate::{
    i18n::{Lang, tr, use_i18n},
    shell::PageTitle,
};

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let i18n = use_i18n();
    view! {
        <PageTitle text=tr("not-found-title") />
        <p>{tr("not-found-body")}</p>
        <p>
            <a href=move || i18n.href("/")>{tr("not-found-home-link")}</a>
        </p>
    }
}

/// Shows the nested page only if the first path segment is a language we speak.
#[component]
pub fn LanguageGate() -> impl IntoView {
    let params = use_params_map();
    let known = move || {
        params
            .read()
            .get("lang")
            .is_some_and(|code| Lang::ALL.iter().any(|lang| lang.code() == code))
    };
    view! {
        <Show when=known fallback=NotFound>
            <Outlet />
        </Show>
    }
}
