//! The follow-up page: the sign-in form, or the report's items, messages and actions.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::view_model::{CaseView, ItemView};
use crate::{
    error::AppError,
    i18n::{Lang, t, t_args, tr, use_i18n},
    report::{FieldError, FileKind, ItemKind, ItemStatus, error_text},
    shell::PageTitle,
};

/// What a form post left to show: messages, and the text typed, so nothing is lost.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PostedFollowUp {
    pub notice: Option<String>,
    pub errors: Vec<FieldError>,
    pub receipt: String,
    pub message: String,
    pub urls: String,
    pub confirm_withdraw: bool,
    /// After a withdrawal: the platforms being told to drop the files' fingerprints.
    pub told: Vec<String>,
}

impl PostedFollowUp {
    pub fn notice(id: &str) -> Self {
        PostedFollowUp {
            notice: Some(id.to_owned()),
            ..Self::default()
        }
    }

    pub fn error(field: &str, id: &str, message: &str) -> Self {
        PostedFollowUp {
            errors: vec![FieldError::new(field, id)],
            message: message.to_owned(),
            ..Self::default()
        }
    }

    fn errors_for(&self, field: &str, lang: Lang) -> Vec<String> {
        self.errors
            .iter()
            .filter(|e| e.field == field)
            .map(|e| error_text(e, lang))
            .collect()
    }
}

/// The signed-in report, or `None` when nobody is signed in.
#[server(endpoint = "follow-up")]
pub async fn load_follow_up() -> Result<Option<CaseView>, AppError> {
    use super::{signed_in, view_model::MessageView};
    use crate::{error::internal, report::store, ssr::context, time::date};

    // Database errors become `AppError::Internal` (logged once, never sent to the browser).
    let ctx = context()?;
    let session: tower_sessions::Session = leptos_axum::extract().await.map_err(internal)?;
    let Some((report_id, csrf)) = signed_in::current(&session, ctx.db.now()).await else {
        return Ok(None);
    };
    let db = ctx.db.read();
    if store::find(db, report_id).await?.is_none() {
        signed_in::sign_out(&session).await;
        return Ok(None);
    }
    let mut photo = 0;
    let items = store::items(db, report_id).await?;
    let hosts: Vec<String> = items
        .iter()
        .filter(|i| i.kind == ItemKind::Url && i.status != ItemStatus::Received)
        .filter_map(|i| i.url.as_deref().and_then(crate::hosting::store::host_of))
        .collect();
    let resolutions = crate::hosting::store::for_hosts(db, &hosts).await?;
    let item_ids: Vec<i64> = items.iter().map(|i| i.id).collect();
    let mut notices = std::collections::HashMap::new();
    for (notice, covered) in crate::notice::outbox::live_for_items(db, &item_ids).await? {
        let ledger = super::view_model::LedgerNotice {
            to: notice.provider_name.clone().unwrap_or_default(),
            hotline: notice.channel == crate::notice::NoticeChannel::Hotline,
            asked_on: notice.sent_at.map(date),
            deadline: crate::time::date_time(notice.deadline_at),
        };
        // The newest notice about an item is the one that says where it stands.
        for item in covered {
            notices.insert(item.item_id, ledger.clone());
        }
    }
    let items = items
        .into_iter()
        .map(|item| {
            let label = match item.kind {
                ItemKind::Url => item.url.clone().unwrap_or_default(),
                ItemKind::Account => crate::report::account_label(
                    item.platform.as_deref().unwrap_or_default(),
                    item.handle.as_deref().unwrap_or_default(),
                ),
                ItemKind::File => {
                    photo += 1;
                    photo.to_string()
                }
            };
            let hosted_by = item
                .url
                .as_deref()
                .and_then(crate::hosting::store::host_of)
                .filter(|_| item.status != ItemStatus::Received)
                .and_then(|host| resolutions.get(&host))
                .and_then(|(resolution, _)| hosted_by(resolution));
            ItemView {
                kind: item.kind,
                label,
                file_kind: item.file_kind,
                status: item.status,
                removed_on: item.removed_at.map(date),
                hosted_by,
                notice: notices.remove(&item.id),
            }
        })
        .collect();
    let messages = store::messages(db, report_id)
        .await?
        .into_iter()
        .map(|m| MessageView {
            from_staff: m.from_staff,
            body: m.body,
            on: date(m.created_at),
        })
        .collect();
    let lists = crate::hash_list::store::lists_of_report(db, report_id).await?;
    let platforms = if lists.is_empty() {
        Vec::new()
    } else {
        crate::hash_list::platform::receiving(db, &lists).await?
    };
    Ok(Some(CaseView {
        items,
        messages,
        platforms,
        csrf,
    }))
}

/// A follow-up form sent from the page with JavaScript: the same use case as the plain post
/// (`actions::handle`), answered with what the page should show; the page then reads the
/// report again. No navigation, so no entry in the browser's history: quick exit's
/// `location.replace` then removes the whole visit.
#[server(endpoint = "follow-up-post", input = leptos::server_fn::codec::Json)]
pub async fn follow_up_post(form: Vec<(String, String)>) -> Result<PostedFollowUp, AppError> {
    use crate::forms::Outcome;

    let ctx = crate::ssr::context()?;
    let session: tower_sessions::Session = leptos_axum::extract()
        .await
        .map_err(crate::error::internal)?;
    let client = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<crate::abuse::ClientKey>().cloned());
    match super::actions::handle(&ctx, &session, client.as_ref(), &form).await {
        Outcome::Redirect(_) | Outcome::RedirectTo(..) => Ok(PostedFollowUp::default()),
        Outcome::Render(posted) => Ok(posted),
        Outcome::Refused(error) => Err(error),
    }
}

/// Keeps a reporter's session alive while a form on the page holds typed text (with
/// JavaScript): whether it still is.
#[server(endpoint = "follow-up-alive")]
pub async fn follow_up_alive() -> Result<bool, AppError> {
    let ctx = crate::ssr::context()?;
    let session: tower_sessions::Session = leptos_axum::extract()
        .await
        .map_err(crate::error::internal)?;
    Ok(super::signed_in::current(&session, ctx.db.now())
        .await
        .is_some())
}

#[component]
pub fn FollowUpPage() -> impl IntoView {
    let i18n = use_i18n();
    let posted = RwSignal::new(crate::forms::posted::<PostedFollowUp>());
    let case = Resource::new(|| (), |_| load_follow_up());
    let busy = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    keep_alive_while_typing();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        send_in_page(event, posted, case, busy);
        #[cfg(not(feature = "hydrate"))]
        let _ = (event, case);
    };
    view! {
        <PageTitle text=tr("follow-up-title") />
        {move || {
            posted
                .read()
                .notice
                .clone()
                .map(|id| {
                    let told = posted.read().told.clone();
                    let lang = i18n.lang.get();
                    view! {
                        <p class="notice" role="status" tabindex="-1" data-follow-up-notice="">
                            {t(lang, &id)}
                        </p>
                        {(!told.is_empty())
                            .then(|| {
                                view! {
                                    <p data-follow-up-told="">
                                        {t_args(
                                            lang,
                                            "follow-up-withdrawn-platforms",
                                            &[("platforms", told.join(", ").into())],
                                        )}
                                    </p>
                                }
                            })}
                    }
                })
        }}
        // Every form on the page is sent through here with JavaScript (bubbling submit).
        <div class="follow-up" on:submit=on_submit aria-busy=move || busy.get().to_string()>
            <Transition fallback=|| ()>
                {move || {
                    let lang = i18n.lang.get();
                    let posted = posted.get();
                    case.get()
                        .map(|loaded| match loaded {
                            Ok(Some(case)) => case_view(case, posted, lang).into_any(),
                            Ok(None) => sign_in_form(posted, lang).into_any(),
                            Err(_) => unavailable(posted, lang).into_any(),
                        })
                }}
            </Transition>
        </div>
    }
}

/// With JavaScript: send the form to [`follow_up_post`], show its answer and read the report
/// again, all in place.
#[cfg(feature = "hydrate")]
fn send_in_page(
    event: leptos::ev::SubmitEvent,
    posted: RwSignal<PostedFollowUp>,
    case: Resource<Result<Option<CaseView>, AppError>>,
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
    // Whatever happens to the post, the text in the boxes stays (a lost connection included).
    let typed = |name: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let (message, urls) = (typed("message"), typed("urls"));
    busy.set(true);
    leptos::task::spawn_local(async move {
        let answer = match follow_up_post(pairs).await {
            Ok(answer) => answer,
            Err(_) => PostedFollowUp {
                message,
                urls,
                ..PostedFollowUp::notice("follow-up-error-connection")
            },
        };
        let focus = if !answer.errors.is_empty() {
            "[aria-invalid=true]"
        } else if answer.notice.is_some() {
            "[data-follow-up-notice]"
        } else {
            "h1"
        };
        posted.set(answer);
        case.refetch();
        busy.set(false);
        // Once the page shows the answer, focus goes to what it says, so screen readers and
        // keyboards follow.
        let focus = focus.to_owned();
        leptos::task::spawn_local(async move {
            gloo_timers_wait(50).await;
            if let Some(element) = document()
                .query_selector(&focus)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = element.focus();
            }
        });
    });
}

/// Waits `ms` milliseconds in the browser.
#[cfg(feature = "hydrate")]
async fn gloo_timers_wait(ms: i32) {
    let tick = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
}

/// With JavaScript, a form holding typed text keeps the session alive: every four minutes
/// (the idle sign-out is after fifteen) the page says it is still in use, only while a box
/// on it holds text.
#[cfg(feature = "hydrate")]
fn keep_alive_while_typing() {
    use std::time::Duration;

    let handle = set_interval_with_handle(
        || {
            // The two boxes a reporter writes in: the reply and the added addresses.
            let typing = ["#field-message", "#field-urls"].into_iter().any(|id| {
                document()
                    .query_selector(id)
                    .ok()
                    .flatten()
                    .and_then(|node| {
                        wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlTextAreaElement>(node).ok()
                    })
                    .is_some_and(|area| !area.value().trim().is_empty())
            });
            if typing {
                leptos::task::spawn_local(async {
                    let _ = follow_up_alive().await;
                });
            }
        },
        Duration::from_secs(4 * 60),
    );
    if let Ok(handle) = handle {
        on_cleanup(move || handle.clear());
    }
}

fn field_errors(texts: Vec<String>, field: &'static str) -> impl IntoView + use<> {
    (!texts.is_empty()).then(|| {
        view! {
            <div class="field-error" id=format!("error-{field}") role="alert">
                {texts.into_iter().map(|text| view! { <p>{text}</p> }).collect_view()}
            </div>
        }
    })
}

/// The report cannot be read at all (the database is down): whatever the person had just
/// written is still shown, in boxes they can copy from, so nothing typed is lost.
fn unavailable(posted: PostedFollowUp, lang: Lang) -> impl IntoView + use<> {
    let field = |id: &'static str, label: &'static str, text: String| {
        (!text.is_empty()).then(|| {
            view! {
                <div class="field">
                    <label for=id>{t(lang, label)}</label>
                    <textarea id=id rows="4" readonly="">{text}</textarea>
                </div>
            }
        })
    };
    let has_text = !posted.message.is_empty() || !posted.urls.is_empty();
    view! {
        <p class="notice" role="alert">{t(lang, "follow-up-error-try-again")}</p>
        {has_text.then(|| view! { <p>{t(lang, "follow-up-text-to-copy")}</p> })}
        {field("field-message", "follow-up-reply-label", posted.message)}
        {field("field-urls", "report-urls-label", posted.urls)}
    }
}

fn sign_in_form(posted: PostedFollowUp, lang: Lang) -> impl IntoView + use<> {
    let errors = posted.errors_for("receipt", lang);
    let invalid = !errors.is_empty();
    let kept = kept_fields(&posted, lang);
    view! {
        <p class="lead">{t(lang, "follow-up-intro")}</p>
        <form method="post" class="sign-in">
            <input type="hidden" name="action" value="sign-in" />
            <div class="field">
                <label for="field-receipt">{t(lang, "follow-up-receipt-label")}</label>
                <p class="hint" id="receipt-hint">{t(lang, "follow-up-receipt-hint")}</p>
                {field_errors(errors, "receipt")}
                <input
                    id="field-receipt"
                    name="receipt"
                    type="text"
                    class="receipt-input"
                    autocomplete="off"
                    autocapitalize="characters"
                    spellcheck="false"
                    maxlength="40"
                    value=posted.receipt
                    aria-invalid=invalid.to_string()
                    aria-describedby=if invalid { "error-receipt" } else { "receipt-hint" }
                />
            </div>
            {kept}
            <button type="submit" class="button">{t(lang, "follow-up-sign-in")}</button>
        </form>
        <p class="hint">{t(lang, "follow-up-lost-receipt")}</p>
    }
}

/// Text typed before an idle sign-out, carried through the sign-in form (hidden fields, never
/// a cookie or storage) and said to be kept.
fn kept_fields(posted: &PostedFollowUp, lang: Lang) -> impl IntoView + use<> {
    let has_text = !posted.message.is_empty() || !posted.urls.is_empty();
    has_text.then(|| {
        view! {
            <p class="hint" data-testid="text-kept">{t(lang, "follow-up-text-kept")}</p>
            <input type="hidden" name="message" value=posted.message.clone() />
            <input type="hidden" name="urls" value=posted.urls.clone() />
        }
    })
}

/// The token and the action every signed-in form carries.
fn signed_in_fields(csrf: &str, action: &'static str) -> impl IntoView + use<> {
    view! {
        <input type="hidden" name="csrf" value=csrf.to_owned() />
        <input type="hidden" name="action" value=action />
    }
}

/// Who hosts it, in the words a reporter knows: the CDN or provider when known, else the
/// network's name; with the network's country.
/// The notice about an item in plain words.
fn ledger_text(n: &super::view_model::LedgerNotice, lang: Lang) -> String {
    let to = ("to", n.to.clone().into());
    match (&n.asked_on, n.hotline) {
        (Some(on), false) => t_args(
            lang,
            "follow-up-notice-sent",
            &[
                to,
                ("on", on.clone().into()),
                ("deadline", n.deadline.clone().into()),
            ],
        ),
        (Some(on), true) => t_args(
            lang,
            "follow-up-notice-hotline",
            &[to, ("on", on.clone().into())],
        ),
        (None, false) => t_args(lang, "follow-up-notice-going", &[to]),
        (None, true) => t_args(lang, "follow-up-notice-hotline-going", &[to]),
    }
}

#[cfg(feature = "ssr")]
fn hosted_by(resolution: &crate::hosting::Resolution) -> Option<(String, Option<String>)> {
    let name = resolution
        .provider
        .as_ref()
        .map(|p| p.name.clone())
        .or_else(|| resolution.network.as_ref().and_then(|n| n.name.clone()))?;
    let country = resolution
        .provider
        .as_ref()
        .and_then(|p| p.country.clone())
        .or_else(|| resolution.network.as_ref().and_then(|n| n.country.clone()));
    Some((name, country))
}

/// What the reporter reads about an item. Notices (who was told, when, by which deadline)
/// come with the notice tables of the removal work; until then an item is received, in review
/// or removed.
fn status_text(item: &ItemView, lang: Lang) -> String {
    match item.status {
        // Once we asked for removal, that is where it stands.
        ItemStatus::InReview if item.notice.is_some() => item
            .notice
            .as_ref()
            .map(|n| ledger_text(n, lang))
            .unwrap_or_default(),
        ItemStatus::InReview => t(lang, "follow-up-status-in-review"),
        ItemStatus::Removed => t_args(
            lang,
            "follow-up-status-removed",
            &[("date", item.removed_on.clone().unwrap_or_default().into())],
        ),
        ItemStatus::Received => t(lang, "follow-up-status-received"),
    }
}

fn case_view(case: CaseView, posted: PostedFollowUp, lang: Lang) -> impl IntoView + use<> {
    let items = case
        .items
        .iter()
        .map(|item| {
            let label = match (item.kind, item.file_kind) {
                (ItemKind::File, Some(FileKind::Image)) => t_args(
                    lang,
                    "report-file-photo",
                    &[("n", item.label.clone().into())],
                ),
                (ItemKind::File, Some(FileKind::Video)) => t_args(
                    lang,
                    "report-file-video",
                    &[("n", item.label.clone().into())],
                ),
                (ItemKind::File, _) => t_args(
                    lang,
                    "report-file-other",
                    &[("n", item.label.clone().into())],
                ),
                _ => item.label.clone(),
            };
            view! {
                <li class="item" data-status=item.status.as_str()>
                    <span class="item-label">{label}</span>
                    <span class="item-status" data-testid="item-status">{status_text(item, lang)}</span>
                    {item.hosted_by.clone().map(|(name, country)| {
                        let text = match country {
                            Some(code) => t_args(
                                lang,
                                "follow-up-hosted-in",
                                &[("name", name.into()), ("country", crate::report::any_country_name(&code, lang).into())],
                            ),
                            None => t_args(lang, "follow-up-hosted-by", &[("name", name.into())]),
                        };
                        view! { <span class="item-hosting" data-testid="item-hosting">{text}</span> }
                    })}
                </li>
            }
        })
        .collect_view();
    let messages = if case.messages.is_empty() {
        view! { <p>{t(lang, "follow-up-no-messages")}</p> }.into_any()
    } else {
        let list = case
            .messages
            .iter()
            .map(|m| {
                let who = if m.from_staff {
                    t(lang, "follow-up-from-staff")
                } else {
                    t(lang, "follow-up-from-you")
                };
                view! {
                    <li class=if m.from_staff { "message from-staff" } else { "message from-you" }>
                        <p class="message-meta">{format!("{who} · {}", m.on)}</p>
                        <p class="message-body">{m.body.clone()}</p>
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="messages" role="list">{list}</ol> }.into_any()
    };
    let csrf = case.csrf.clone();
    let message_errors = posted.errors_for("message", lang);
    let url_errors = posted.errors_for("urls", lang);
    let withdraw = if posted.confirm_withdraw {
        view! {
            <div class="urgent" role="alert">
                <p>{t(lang, "follow-up-withdraw-confirm-text")}</p>
                <form method="post">
                    {signed_in_fields(&csrf, "withdraw-confirm")}
                    <button type="submit" class="button button-danger">
                        {t(lang, "follow-up-withdraw-confirm")}
                    </button>
                </form>
                <p>
                    <a href="">{t(lang, "follow-up-withdraw-keep")}</a>
                </p>
            </div>
        }
        .into_any()
    } else {
        view! {
            <form method="post">
                {signed_in_fields(&csrf, "withdraw")}
                <button type="submit" class="button-secondary">{t(lang, "follow-up-withdraw")}</button>
            </form>
        }
        .into_any()
    };
    view! {
        <p class="lead">{t(lang, "follow-up-signed-in")}</p>
        <section aria-labelledby="items-title">
            <h2 id="items-title">{t(lang, "follow-up-items-title")}</h2>
            <ul class="items" role="list">{items}</ul>
        </section>
        <section aria-labelledby="messages-title">
            <h2 id="messages-title">{t(lang, "follow-up-messages-title")}</h2>
            {messages}
            <form method="post">
                {signed_in_fields(&csrf, "reply")}
                <div class="field">
                    <label for="field-message">{t(lang, "follow-up-reply-label")}</label>
                    {field_errors(message_errors, "message")}
                    <textarea id="field-message" name="message" rows="4">{posted.message.clone()}</textarea>
                </div>
                <button type="submit" class="button">{t(lang, "follow-up-reply-send")}</button>
            </form>
        </section>
        <section aria-labelledby="add-title">
            <h2 id="add-title">{t(lang, "follow-up-add-title")}</h2>
            <form method="post">
                {signed_in_fields(&csrf, "add-urls")}
                <div class="field">
                    <label for="field-urls">{t(lang, "report-urls-label")}</label>
                    {field_errors(url_errors, "urls")}
                    <textarea id="field-urls" name="urls" rows="3" inputmode="url" autocapitalize="off" spellcheck="false">
                        {posted.urls.clone()}
                    </textarea>
                </div>
                <button type="submit" class="button-secondary">{t(lang, "follow-up-add-send")}</button>
            </form>
        </section>
        <section aria-labelledby="withdraw-title">
            <h2 id="withdraw-title">{t(lang, "follow-up-withdraw-title")}</h2>
            <p>{t(lang, "follow-up-withdraw-text")}</p>
            {(!case.platforms.is_empty())
                .then(|| {
                    view! {
                        <p data-follow-up-platforms="">
                            {t_args(
                                lang,
                                "follow-up-platforms",
                                &[("platforms", case.platforms.join(", ").into())],
                            )}
                        </p>
                    }
                })}
            {withdraw}
        </section>
        <form method="post" class="sign-out">
            {signed_in_fields(&csrf, "sign-out")}
            <button type="submit" class="button-secondary">{t(lang, "follow-up-sign-out")}</button>
        </form>
        <p class="hint">{t(lang, "follow-up-idle-note")}</p>
    }
}
