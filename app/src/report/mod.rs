//! Anonymous reports: what happened, where it appears, and fingerprints of files hashed on the device. The flow itself lands with the report issue; this is its entry page.

use leptos::prelude::*;

use crate::{i18n::tr, shell::Placeholder};

#[component]
pub fn ReportPage() -> impl IntoView {
    view! { <Placeholder title=tr("report-title") intro=tr("report-intro") /> }
}
