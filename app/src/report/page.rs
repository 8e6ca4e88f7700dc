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

/// The report in progress, kept above the page (in memory only) so switching the language
/// mid-report, which mounts the page anew under the other language's address, keeps the
/// answers. Provided once by the app root.
#[derive(Clone, Copy)]
pub struct ReportInProgress(RwSignal<Option<ReportState>>);

impl ReportInProgress {
    pub fn provide() {
        provide_context(ReportInProgress(RwSignal::new(None)));
    }
}

#[server(endpoint = "report-step", input = Json)]
pub async fn report_step(
    form: Vec<(String, String)>,
) -> Result<ReportState, crate::error::AppError> {
    let intake = crate::ssr::context()?;
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
                    let query = query.read_untracked();
                    let for_child = query.get("for").as_deref() == Some("child");
                    let via = query.get("via");
                    super::intake::start(
                        for_child,
                        i18n.lang.get_untracked().code(),
                        via.as_deref(),
                    )
                })
        }
        #[cfg(not(feature = "ssr"))]
        {
            let _ = (query, i18n);
            ReportState::default()
        }
    });
    let kept = use_context::<ReportInProgress>();
    let state = RwSignal::new(
        kept.and_then(|k| k.0.get_untracked())
            .unwrap_or_else(|| initial.into_inner()),
    );
    if let Some(kept) = kept {
        // A finished report is not kept: the next visit starts a new one.
        Effect::new(move |_| {
            let now = state.get();
            kept.0
                .set((now.step != super::steps::Step::Done).then_some(now));
        });
    }
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
        let mut challenge = None;
        match report_step(pairs).await {
            Ok(next) => {
                challenge = next.challenge.clone();
                state.set(next);
            }
            Err(_) => state.update(|s| s.notice = Some("report-error-connection".into())),
        }
        if let Some(challenge) = challenge {
            let work = solve(&challenge).await;
            busy.set(false);
            send_with_work(&form, work);
            return;
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

/// Finds the challenge's solution in slices of a few milliseconds, yielding to the browser
/// between them, so the page stays responsive while it works.
#[cfg(feature = "hydrate")]
async fn solve(challenge: &str) -> Option<u64> {
    const SLICE: u64 = 4096;
    let challenge = crate::abuse::work::Challenge(challenge);
    challenge.bits()?;
    let mut from = 0;
    loop {
        if let Some(n) = challenge.search(from, SLICE) {
            return Some(n);
        }
        from += SLICE;
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window().set_timeout_with_callback(&resolve);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
    }
}

/// Sends the report again, now with the solved challenge (the form shows its fields by now).
#[cfg(feature = "hydrate")]
fn send_with_work(form: &web_sys::HtmlFormElement, work: Option<u64>) {
    use wasm_bindgen::JsCast;

    let field = form
        .query_selector("input[name=work]")
        .ok()
        .flatten()
        .and_then(|f| f.dyn_into::<web_sys::HtmlInputElement>().ok());
    let submit = form
        .query_selector("button[name=nav][value=submit]")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
    if let (Some(field), Some(submit), Some(work)) = (field, submit, work) {
        field.set_value(&work.to_string());
        let _ = form.request_submit_with_submitter(Some(&submit));
    }
}
