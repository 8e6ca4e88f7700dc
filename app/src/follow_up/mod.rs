//! Checking on a report with its receipt. Sign-in with a receipt lands with the report issue; this is its entry page.

use leptos::prelude::*;

use crate::{i18n::tr, shell::Placeholder};

#[component]
pub fn FollowUpPage() -> impl IntoView {
    view! { <Placeholder title=tr("follow-up-title") intro=tr("follow-up-intro") /> }
}
