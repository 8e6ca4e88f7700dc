//! Help that fits: emergency numbers first, then helplines. The ranked directory of
//! organisations per country lands with the referral issue; until then this page lists the
//! essential Dutch numbers, which are checked in `data/directory.yaml`.

use leptos::prelude::*;

use crate::{i18n::tr, shell::PageTitle};

#[component]
pub fn HelpPage() -> impl IntoView {
    view! {
        <PageTitle text=tr("help-title") />
        <p class="lead">{tr("help-intro")}</p>
        <section class="urgent" aria-labelledby="help-danger-title">
            <h2 id="help-danger-title">{tr("help-danger-title")}</h2>
            <p>{tr("help-danger-text")}</p>
            <p>
                <a class="button" href="tel:112">
                    {tr("help-danger-call")}
                </a>
            </p>
        </section>
        <section aria-labelledby="help-suicide-title">
            <h2 id="help-suicide-title">{tr("help-suicide-title")}</h2>
            <p>{tr("help-suicide-text")}</p>
            <p>
                <a class="button" href="tel:113">
                    {tr("help-suicide-call")}
                </a>
            </p>
        </section>
        <section aria-labelledby="help-talk-title">
            <h2 id="help-talk-title">{tr("help-talk-title")}</h2>
            <p>{tr("help-talk-text")}</p>
            <p>
                <a class="button" href="tel:+31202615275">
                    {tr("help-talk-call")}
                </a>
            </p>
        </section>
    }
}
