//! Anonymous reports: what happened, where it appears, and fingerprints of files hashed on the device. The flow itself lands with the report issue; this is its entry page.

use leptos::prelude::*;

use crate::{hashing::FileStep, i18n::tr, shell::Placeholder};

/// For now: the introduction and the file step (hashing on the device). The questions, the
/// addresses and sending the report land with the report issue.
#[component]
pub fn ReportPage() -> impl IntoView {
    view! {
        <Placeholder title=tr("report-title") intro=tr("report-intro") />
        <FileStep />
    }
}
