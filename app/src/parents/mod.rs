//! The way in for parents and carers, with guidance on sextortion, shared nudes, AI-made nudes and grooming. The guidance lands with the report issue; this is its entry page.

use leptos::prelude::*;

use crate::{i18n::tr, shell::Placeholder};

#[component]
pub fn ParentsPage() -> impl IntoView {
    view! { <Placeholder title=tr("parents-title") intro=tr("parents-intro") /> }
}
