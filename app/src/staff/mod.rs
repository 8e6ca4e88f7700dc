//! The staff workspace. OpenID Connect sign-in and roles land with the staff issue; until then this page holds no data and offers no actions.

use leptos::prelude::*;

use crate::{i18n::tr, shell::Placeholder};

#[component]
pub fn StaffPage() -> impl IntoView {
    view! { <Placeholder title=tr("staff-title") intro=tr("staff-intro") /> }
}
