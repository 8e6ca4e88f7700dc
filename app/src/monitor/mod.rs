//! The public takedown monitor (aggregates only). Built by the monitor issue; this is its entry page.

use leptos::prelude::*;

use crate::{i18n::tr, shell::Placeholder};

#[component]
pub fn MonitorPage() -> impl IntoView {
    view! { <Placeholder title=tr("monitor-title") intro=tr("monitor-intro") /> }
}
