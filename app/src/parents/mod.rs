//! For parents and carers: a landing page that names what may be happening, and one short
//! guidance page per topic (sextortion, shared nudes, AI-made nudes, grooming) with what to do
//! now, where to get help, and the way to report for the child.
//!
//! Readers are in a panic and on a phone: short steps, a bold first line each, and never a
//! word that blames the child. Everything is plain links, so it all works without JavaScript.

mod guidance;
pub mod topic;

use leptos::prelude::*;

pub use guidance::GuidancePage;
pub use topic::Topic;

use crate::{
    i18n::{tr, use_i18n},
    shell::PageTitle,
};

#[component]
pub fn ParentsPage() -> impl IntoView {
    view! {
        <PageTitle text=tr("parents-title") />
        <p class="lead">{tr("parents-intro")}</p>
        <section aria-labelledby="parents-topics-title">
            <h2 id="parents-topics-title">{tr("parents-topics-title")}</h2>
            <ul class="ways-in" role="list">
                {Topic::ALL.into_iter().map(|topic| view! { <TopicCard topic /> }).collect_view()}
            </ul>
        </section>
        <Actions />
        <section class="urgent" aria-labelledby="parents-urgent-title">
            <h2 id="parents-urgent-title">{tr("parents-urgent-title")}</h2>
            <p>{tr("parents-urgent-text")}</p>
            <p>
                <a class="button" href="tel:112">
                    {tr("parents-help-emergency-call")}
                </a>
            </p>
        </section>
    }
}

/// One topic on the landing page, as a card linking to its guidance.
#[component]
fn TopicCard(topic: Topic) -> impl IntoView {
    let i18n = use_i18n();
    let (title, text) = match topic {
        Topic::Sextortion => (
            tr("parents-sextortion-card-title"),
            tr("parents-sextortion-card-text"),
        ),
        Topic::SharedNudes => (
            tr("parents-shared-nudes-card-title"),
            tr("parents-shared-nudes-card-text"),
        ),
        Topic::AiNudes => (
            tr("parents-ai-nudes-card-title"),
            tr("parents-ai-nudes-card-text"),
        ),
        Topic::Grooming => (
            tr("parents-grooming-card-title"),
            tr("parents-grooming-card-text"),
        ),
    };
    view! {
        <li>
            <a class="way-in" href=move || i18n.href(&topic.path())>
                <span class="way-in-title">{title}</span>
                <span class="way-in-text">{text}</span>
            </a>
        </li>
    }
}

/// The two ways on from every parents page: report for the child, or find more help.
#[component]
fn Actions() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="parents-actions">
            // `for=child` tells the report form a parent is reporting, so it can ask them its questions.
            <a class="button" href=move || i18n.href("/report?for=child")>
                {tr("parents-report-button")}
            </a>
            <a class="button button-secondary" href=move || i18n.href("/help")>
                {tr("parents-more-help-link")}
            </a>
        </p>
    }
}
