//! The home page: three clear ways in, and help for right now.

use leptos::prelude::*;

use crate::{
    i18n::{tr, use_i18n},
    shell::PageTitle,
};

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle text=tr("home-title") />
        <p class="lead">{tr("home-intro")}</p>
        <ul class="ways-in" role="list">
            <li>
                <a class="way-in way-in-report" href=move || i18n.href("/report")>
                    <span class="way-in-title">{tr("home-report-title")}</span>
                    <span class="way-in-text">{tr("home-report-text")}</span>
                </a>
            </li>
            <li>
                <a class="way-in" href=move || i18n.href("/parents")>
                    <span class="way-in-title">{tr("home-parents-title")}</span>
                    <span class="way-in-text">{tr("home-parents-text")}</span>
                </a>
            </li>
            <li>
                <a class="way-in" href=move || i18n.href("/follow-up")>
                    <span class="way-in-title">{tr("home-follow-up-title")}</span>
                    <span class="way-in-text">{tr("home-follow-up-text")}</span>
                </a>
            </li>
        </ul>
        <section class="urgent" aria-labelledby="urgent-title">
            <h2 id="urgent-title">{tr("home-urgent-title")}</h2>
            <p>{tr("home-urgent-text")}</p>
            <p class="link-alone">
                <a href=move || i18n.href("/help")>{tr("home-urgent-link")}</a>
            </p>
        </section>
    }
}
