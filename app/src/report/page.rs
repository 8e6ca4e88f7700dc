//! The report page: one form whose content is the current step.
//!
//! Without JavaScript the form posts to this page's own address and the server answers
//! with the next step (see `server/src/report_form.rs`). With JavaScript the same post goes
//! to the [`report_step`] server function and only the form changes: no reload. Either way
//! the draft travels in the hidden `draft` field, so nothing is stored before the receipt.

use leptos::{prelude::*, server_fn::codec::Json};
use leptos_router::hooks::use_query_map;

use super::{steps::ReportState, views::StepView};
use crate::i18n::{tr, use_i18n};

/// The state a plain form post produced, provided by the server when it renders the page.
#[derive(Clone, Debug)]
pub struct PostedReport(pub ReportState);

#[server(endpoint = "report-step", input = Json)]
pub async fn report_step(form: Vec<(String, String)>) -> Result<ReportState, ServerFnError> {
    let intake = expect_context::<super::intake::Intake>();
    let client = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<crate::abuse::ClientKey>().cloned());
    Ok(super::intake::advance(&intake, client.as_ref(), &form).await)
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let initial = SharedValue::new(move || {
        #[cfg(feature = "ssr")]
        {
            use_context::<PostedReport>()
                .map(|p| p.0)
                .unwrap_or_else(|| {
                    let for_child = query.read_untracked().get("for").as_deref() == Some("child");
                    super::intake::start(for_child, i18n.lang.get_untracked().code())
                })
        }
        #[cfg(not(feature = "ssr"))]
        {
            let _ = (query, i18n);
            ReportState::default()
        }
    });
    let state = RwSignal::new(initial.into_inner());
    let busy = RwSignal::new(false);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        send_in_page(event, state, busy);
        #[cfg(not(feature = "hydrate"))]
        let _ = event;
    };
    view! {
        <crate::shell::PageTitle text=tr("report-title") />
        <form
            method="post"
            class="report-form"
            novalidate
            aria-busy=move || busy.get().to_string()
            on:submit=on_submit
        >
            {move || view! { <StepView state=state.get() lang=i18n.lang.get() /> }}
        </form>
        // Always loaded on this page: it binds by event delegation, so the file step works
        // whenever it appears, also after in-page steps.
        <script type="module" src="/hash/hash-client.js"></script>
    }
}

/// With JavaScript: post the form to the server function and show the answer in place.
#[cfg(feature = "hydrate")]
fn send_in_page(
    event: leptos::ev::SubmitEvent,
    state: RwSignal<ReportState>,
    busy: RwSignal<bool>,
) {
    use wasm_bindgen::JsCast;

    let Some(form) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
    else {
        return;
    };
    let Ok(data) = web_sys::FormData::new_with_form(&form) else {
        return;
    };
    event.prevent_default();
    if busy.get_untracked() {
        return;
    }
    let mut pairs: Vec<(String, String)> = Vec::new();
    if let Ok(Some(entries)) = js_sys::try_iter(&data) {
        for entry in entries.flatten() {
            let entry: js_sys::Array = entry.unchecked_into();
            if let (Some(name), Some(value)) = (entry.get(0).as_string(), entry.get(1).as_string())
            {
                pairs.push((name, value));
            }
        }
    }
    // The button pressed says where to go (next, back, submit); FormData leaves it out.
    if let Some(button) = event
        .submitter()
        .and_then(|b| b.dyn_into::<web_sys::HtmlButtonElement>().ok())
        && !button.name().is_empty()
    {
        pairs.push((button.name(), button.value()));
    }
    busy.set(true);
    leptos::task::spawn_local(async move {
        match report_step(pairs).await {
            Ok(next) => state.set(next),
            Err(_) => state.update(|s| s.notice = Some("report-error-connection".into())),
        }
        busy.set(false);
        // Move focus to the new step's heading, so screen readers and keyboards follow.
        if let Some(heading) = document()
            .query_selector(".report-form [data-step-heading]")
            .ok()
            .flatten()
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = heading.focus();
        }
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
}
