//! The queue (`/staff/cases`) and the case page (`/staff/cases/{id}`). Filters are a plain
//! GET form and every action a plain post, so both work without JavaScript. Reported
//! addresses are shown as text, never as links: the portal never loads reported content.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    dto::{
        CaseView, ItemDetail, ItemHosting, ItemView, PostedCaseForm, QueueFilters, QueueRow,
        QueueView, TimelineEvent, Verdict,
    },
    load_case, load_queue,
    urgency::{Reason, Urgency},
};
use crate::{
    forms::{posted, refusal},
    i18n::{Lang, t, t_args, tr, use_i18n},
    report::{AgeBand, COUNTRIES, FileKind, ForWhom, Happened, Safety},
    shell::PageTitle,
};

fn happened_text(h: Happened, lang: Lang) -> String {
    t(
        lang,
        match h {
            Happened::Sextortion => "case-happened-sextortion",
            Happened::SharedWithoutConsent => "case-happened-shared",
            Happened::FakeNudes => "case-happened-fake",
            Happened::ChildAbuseMaterial => "case-happened-csam",
            Happened::ChildPressured => "case-happened-pressured",
            Happened::Other => "case-happened-other",
        },
    )
}

fn age_text(age: Option<AgeBand>, lang: Lang) -> String {
    t(
        lang,
        match age {
            Some(AgeBand::Under13) => "case-age-under-13",
            Some(AgeBand::From13To15) => "case-age-13-15",
            Some(AgeBand::From16To17) => "case-age-16-17",
            Some(AgeBand::From18To24) => "case-age-18-24",
            Some(AgeBand::Over25) => "case-age-25-plus",
            Some(AgeBand::NotSaid) | None => "case-age-not-said",
        },
    )
}

fn reason_text(reason: Reason, lang: Lang) -> String {
    match reason {
        Reason::DangerNow => t(lang, "case-reason-danger"),
        Reason::Suicidal => t(lang, "case-reason-suicidal"),
        Reason::Minor => t(lang, "case-reason-minor"),
        Reason::Sextortion => t(lang, "case-reason-sextortion"),
        Reason::UrlsOnline(count) => {
            t_args(lang, "case-reason-urls-online", &[("count", count.into())])
        }
        Reason::Waiting { hours } => {
            t_args(lang, "case-reason-waiting", &[("hours", hours.into())])
        }
    }
}

/// The score, and what it is made of.
fn urgency_view(urgency: &Urgency, lang: Lang) -> impl IntoView + use<> {
    let reasons = urgency
        .reasons
        .iter()
        .map(|(reason, points)| {
            view! { <li>{format!("{} (+{points})", reason_text(*reason, lang))}</li> }
        })
        .collect_view();
    view! {
        <div class="urgency">
            <span class="urgency-score">
                {t_args(lang, "case-urgency-score", &[("score", urgency.score.into())])}
            </span>
            <ul class="urgency-reasons">{reasons}</ul>
        </div>
    }
}

fn filters_from_query(query: &leptos_router::params::ParamsMap) -> QueueFilters {
    let names = ["status", "country", "category", "mine", "page"];
    let values: Vec<(&str, String)> = names
        .iter()
        .filter_map(|name| Some((*name, query.get(name)?)))
        .collect();
    QueueFilters::from_pairs(values.iter().map(|(n, v)| (*n, v.as_str())))
}

#[component]
pub fn QueuePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let queue = Resource::new(move || query.with(filters_from_query), load_queue);
    view! {
        <PageTitle text=tr("case-queue-title") />
        // The one action that lands here: a case moved to another organisation.
        {move || {
            query
                .with(|q| q.get("done"))
                .filter(|done| done == "case-done-transferred")
                .map(|_| view! { <p class="notice" role="status">{tr("case-done-transferred")}</p> })
        }}
        <Suspense fallback=|| ()>
            {move || {
                let lang = i18n.lang.get();
                let base = i18n.href("/staff/cases");
                queue
                    .get()
                    .map(|loaded| match loaded {
                        Ok(view) => queue_html(view, lang, base).into_any(),
                        Err(error) => refusal(&error, lang),
                    })
            }}
        </Suspense>
    }
}

/// The queue below the title: filters, the cases, and the pages. `base` is the queue's
/// address in the page's language.
pub fn queue_html(view: QueueView, lang: Lang, base: String) -> impl IntoView {
    let filters = view.filters.clone();
    let rows = view
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            queue_row(
                row,
                filters.page as usize * super::dto::PAGE_SIZE + i + 1,
                &base,
                lang,
            )
        })
        .collect_view();
    let summary = t_args(
        lang,
        if filters.closed {
            "case-queue-count-closed"
        } else {
            "case-queue-count-open"
        },
        &[("count", view.total.into())],
    );
    let previous = (filters.page > 0).then(|| {
        let href = format!("{base}?{}", filters.to_query(filters.page - 1));
        view! { <a href=href rel="prev">{t(lang, "case-queue-previous")}</a> }
    });
    let next = view.has_next.then(|| {
        let href = format!("{base}?{}", filters.to_query(filters.page + 1));
        view! { <a href=href rel="next">{t(lang, "case-queue-next")}</a> }
    });
    let empty = view
        .rows
        .is_empty()
        .then(|| view! { <p>{t(lang, "case-queue-empty")}</p> });
    view! {
        {filter_form(&filters, lang)}
        <p role="status" data-testid="queue-count">{summary}</p>
        {empty}
        <table class="queue">
            <thead>
                <tr>
                    <th scope="col">{t(lang, "case-column-rank")}</th>
                    <th scope="col">{t(lang, "case-column-case")}</th>
                    <th scope="col">{t(lang, "case-column-urgency")}</th>
                    <th scope="col">{t(lang, "case-column-age")}</th>
                    <th scope="col">{t(lang, "case-column-country")}</th>
                    <th scope="col">{t(lang, "case-column-happened")}</th>
                    <th scope="col">{t(lang, "case-column-items")}</th>
                    <th scope="col">{t(lang, "case-column-reported")}</th>
                    <th scope="col">{t(lang, "case-column-assigned")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <nav class="pages" aria-label=t(lang, "case-queue-pages")>
            {previous}
            {next}
        </nav>
    }
}

fn queue_row(row: &QueueRow, rank: usize, base: &str, lang: Lang) -> impl IntoView + use<> {
    let happened = row
        .happened
        .iter()
        .map(|h| happened_text(*h, lang))
        .collect::<Vec<_>>()
        .join(", ");
    let items = t_args(
        lang,
        "case-queue-items",
        &[
            ("count", row.items.into()),
            ("online", row.urls_online.into()),
        ],
    );
    view! {
        <tr data-case=row.id>
            <td>{rank}</td>
            <td>
                <a href=format!("{base}/{}", row.id)>
                    {t_args(lang, "case-link", &[("id", row.id.into())])}
                </a>
            </td>
            <td>{urgency_view(&row.urgency, lang)}</td>
            <td>{age_text(row.age_band, lang)}</td>
            <td>{crate::report::country_name(&row.country, lang)}</td>
            <td>{happened}</td>
            <td>{items}</td>
            <td>{row.reported.clone()}</td>
            <td>{row.assigned_to.clone().unwrap_or_else(|| t(lang, "case-unassigned"))}</td>
        </tr>
    }
}

fn filter_form(filters: &QueueFilters, lang: Lang) -> impl IntoView + use<> {
    let countries = COUNTRIES
        .iter()
        .map(|code| {
            view! {
                <option value=*code selected=filters.country == *code>
                    {crate::report::country_name(code, lang)}
                </option>
            }
        })
        .collect_view();
    let categories = Happened::ALL
        .into_iter()
        .map(|h| {
            view! {
                <option value=h.as_str() selected=filters.category == Some(h)>
                    {happened_text(h, lang)}
                </option>
            }
        })
        .collect_view();
    view! {
        <form method="get" class="queue-filters">
            <div class="field">
                <label for="filter-status">{t(lang, "case-filter-status")}</label>
                <select id="filter-status" name="status">
                    <option value="open" selected=!filters.closed>
                        {t(lang, "case-filter-open")}
                    </option>
                    <option value="closed" selected=filters.closed>
                        {t(lang, "case-filter-closed")}
                    </option>
                </select>
            </div>
            <div class="field">
                <label for="filter-country">{t(lang, "case-filter-country")}</label>
                <select id="filter-country" name="country">
                    <option value="">{t(lang, "case-filter-any")}</option>
                    {countries}
                </select>
            </div>
            <div class="field">
                <label for="filter-category">{t(lang, "case-filter-category")}</label>
                <select id="filter-category" name="category">
                    <option value="">{t(lang, "case-filter-any")}</option>
                    {categories}
                </select>
            </div>
            <div class="choice">
                <input type="checkbox" id="filter-mine" name="mine" value="1" checked=filters.mine />
                <label for="filter-mine">{t(lang, "case-filter-mine")}</label>
            </div>
            <button type="submit" class="button secondary">{t(lang, "case-filter-apply")}</button>
        </form>
    }
}

/// What a successful action may say on the page it redirects to (`?done=`).
const DONE: [&str; 13] = [
    "case-done-claimed",
    "case-done-assigned",
    "case-done-released",
    "case-done-assessed",
    "case-done-messaged",
    "case-done-noted",
    "case-done-closed",
    "case-done-reopened",
    "case-done-transferred",
    "case-done-resolving",
    "case-done-notice-queued",
    "case-done-notice-task",
    "case-done-notice-filed",
];

#[component]
pub fn CasePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let posted = posted::<PostedCaseForm>();
    let id = move || {
        params
            .with(|p| p.get("id"))
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or_default()
    };
    let case = Resource::new(id, load_case);
    let title = move || t_args(i18n.lang.get(), "case-title", &[("id", id().into())]);
    view! {
        <PageTitle text=title />
        <p class="link-alone">
            <a href=move || i18n.href("/staff/cases")>{tr("case-back-to-queue")}</a>
        </p>
        {move || {
            query
                .with(|q| q.get("done"))
                .and_then(|done| DONE.into_iter().find(|d| *d == done))
                .map(|id| view! { <p class="notice" role="status">{t(i18n.lang.get(), id)}</p> })
        }}
        <Suspense fallback=|| ()>
            {move || {
                let lang = i18n.lang.get();
                let posted = posted.clone();
                case.get()
                    .map(|loaded| match loaded {
                        Ok(Some(view)) => case_html(view, posted, lang).into_any(),
                        Ok(None) => {
                            view! { <p class="notice" role="alert">{t(lang, "case-error-unknown")}</p> }
                                .into_any()
                        }
                        Err(error) => refusal(&error, lang),
                    })
            }}
        </Suspense>
    }
}

fn hidden(csrf: &str, action: &'static str) -> impl IntoView + use<> {
    view! {
        <input type="hidden" name="csrf" value=csrf.to_owned() />
        <input type="hidden" name="action" value=action />
    }
}

fn case_html(case: CaseView, posted: PostedCaseForm, lang: Lang) -> impl IntoView {
    let error = posted
        .error
        .as_deref()
        .map(|id| view! { <p class="notice field-error" role="alert">{t(lang, id)}</p> });
    let status = if case.closed {
        "case-status-closed"
    } else {
        "case-status-open"
    };
    view! {
        {error}
        <section aria-labelledby="case-summary-title" class="case-summary">
            <h2 id="case-summary-title" class="visually-hidden">{t(lang, "case-summary-title")}</h2>
            <p data-testid="case-status">
                {t(lang, status)} " · " {t_args(lang, "case-reported-at", &[("at", case.reported.clone().into())])}
            </p>
            {urgency_view(&case.urgency, lang)}
            {assignment(&case, lang)}
        </section>
        {answers(&case, lang)}
        <section aria-labelledby="case-items-title">
            <h2 id="case-items-title">{t(lang, "case-items-title")}</h2>
            <ol class="case-items">
                {case.items.iter().map(|item| item_html(item, &case, &posted, lang)).collect_view()}
            </ol>
        </section>
        {crate::notice::page::case_notices(
            crate::notice::page::CaseNotices {
                csrf: &case.csrf,
                can_send: case.can_assess,
                closed: case.closed,
                notices: &case.notices,
                proposals: &case.proposals,
                blocks: &case.proposal_blocks,
            },
            lang,
        )}
        {messages(&case, &posted, lang)}
        {notes(&case, &posted, lang)}
        {timeline(&case, lang)}
        {transfer(&case, lang)}
        {close_or_reopen(&case, lang)}
    }
}

fn assignment(case: &CaseView, lang: Lang) -> impl IntoView + use<> {
    let who = match &case.assigned_to {
        Some(a) => t_args(lang, "case-assigned-to", &[("name", a.name.clone().into())]),
        None => t(lang, "case-unassigned"),
    };
    let mine = case.assigned_to.as_ref().is_some_and(|a| a.id == case.me);
    let forms = case.can_manage.then(|| {
        let options = case
            .assignees
            .iter()
            .map(|a| {
                let selected = case.assigned_to.as_ref().is_some_and(|x| x.id == a.id);
                view! { <option value=a.id.to_string() selected=selected>{a.name.clone()}</option> }
            })
            .collect_view();
        view! {
            <div class="case-actions">
                {(!mine)
                    .then(|| {
                        view! {
                            <form method="post" class="inline-form">
                                {hidden(&case.csrf, "claim")}
                                <button type="submit" class="button">{t(lang, "case-claim")}</button>
                            </form>
                        }
                    })}
                <form method="post" class="inline-form">
                    {hidden(&case.csrf, "assign")}
                    <label for="field-assign">{t(lang, "case-assign-label")}</label>
                    <select id="field-assign" name="staff_id">{options}</select>
                    <button type="submit" class="button secondary">{t(lang, "case-assign")}</button>
                </form>
                {case
                    .assigned_to
                    .is_some()
                    .then(|| {
                        view! {
                            <form method="post" class="inline-form">
                                {hidden(&case.csrf, "release")}
                                <button type="submit" class="button secondary">
                                    {t(lang, "case-release")}
                                </button>
                            </form>
                        }
                    })}
            </div>
        }
    });
    view! {
        <p data-testid="case-assigned">{who}</p>
        {forms}
    }
}

fn answers(case: &CaseView, lang: Lang) -> impl IntoView + use<> {
    let for_whom = t(
        lang,
        match case.for_whom {
            Some(ForWhom::MyChild) => "case-for-my-child",
            Some(ForWhom::SomeoneElse) => "case-for-someone-else",
            _ => "case-for-myself",
        },
    );
    let safety = t(
        lang,
        match case.safety {
            Some(Safety::Danger) => "case-safety-danger",
            Some(Safety::Suicidal) => "case-safety-suicidal",
            _ => "case-safety-safe",
        },
    );
    let happened = case
        .happened
        .iter()
        .map(|h| view! { <li>{happened_text(*h, lang)}</li> })
        .collect_view();
    let other = (!case.happened_other.is_empty()).then(|| {
        view! { <li class="reporter-words">{case.happened_other.clone()}</li> }
    });
    let language = crate::report::language_name(&case.reply_language, lang);
    let contact = t(
        lang,
        if case.contact_given {
            "case-contact-given"
        } else {
            "case-contact-none"
        },
    );
    view! {
        <section aria-labelledby="case-answers-title">
            <h2 id="case-answers-title">{t(lang, "case-answers-title")}</h2>
            <dl class="case-answers">
                <dt>{t(lang, "case-answer-for")}</dt>
                <dd>{for_whom}</dd>
                <dt>{t(lang, "case-answer-safety")}</dt>
                <dd>{safety}</dd>
                <dt>{t(lang, "case-answer-happened")}</dt>
                <dd>
                    <ul>{happened} {other}</ul>
                </dd>
                <dt>{t(lang, "case-answer-age")}</dt>
                <dd>{age_text(case.age_band, lang)}</dd>
                <dt>{t(lang, "case-answer-country")}</dt>
                <dd>{crate::report::country_name(&case.country, lang)}</dd>
                <dt>{t(lang, "case-answer-language")}</dt>
                <dd>{language}</dd>
                <dt>{t(lang, "case-answer-contact")}</dt>
                <dd>{contact}</dd>
            </dl>
        </section>
    }
}

fn item_html(
    item: &ItemView,
    case: &CaseView,
    posted: &PostedCaseForm,
    lang: Lang,
) -> impl IntoView + use<> {
    let what = match &item.detail {
        ItemDetail::Url(url) => view! {
            <p>
                <span class="item-kind">{t(lang, "case-item-url")}</span>
                " "
                // Text, never a link: the portal must not load reported content.
                <code class="item-url" data-testid="item-url">{url.clone()}</code>
            </p>
        }
        .into_any(),
        ItemDetail::Account { platform, handle } => view! {
            <p>
                <span class="item-kind">{t(lang, "case-item-account")}</span>
                " "
                <code>{crate::report::account_label(platform, handle)}</code>
            </p>
        }
        .into_any(),
        ItemDetail::File {
            kind,
            md5,
            sha256,
            pdq,
            pdq_quality,
            video_frames,
        } => {
            let low = pdq_quality.is_some_and(|q| q < 50);
            let quality = pdq_quality.map(|q| {
                let text = t_args(lang, "case-item-pdq-quality", &[("quality", q.into())]);
                view! {
                    <dd class:field-error=low>
                        {text} {low.then(|| format!(" · {}", t(lang, "case-item-pdq-low")))}
                    </dd>
                }
            });
            let frames = (*video_frames > 0).then(|| {
                view! {
                    <dt>{t(lang, "case-item-video-frames")}</dt>
                    <dd>{*video_frames}</dd>
                }
            });
            view! {
                <p>
                    <span class="item-kind">
                        {t(lang, match kind {
                            FileKind::Video => "case-item-video",
                            FileKind::Image => "case-item-image",
                            FileKind::Other => "case-item-file",
                        })}
                    </span>
                </p>
                <dl class="hashes">
                    <dt>"MD5"</dt>
                    <dd><code>{md5.clone()}</code></dd>
                    <dt>"SHA-256"</dt>
                    <dd><code>{sha256.clone()}</code></dd>
                    {pdq.clone().map(|pdq| view! {
                        <dt>"PDQ"</dt>
                        <dd><code>{pdq}</code></dd>
                    })}
                    {quality}
                    {frames}
                </dl>
            }
            .into_any()
        }
    };
    let also = (!item.also_in.is_empty()).then(|| {
        let links = item
            .also_in
            .iter()
            .map(|id| {
                view! { <a href=format!("/staff/cases/{id}")>{t_args(lang, "case-link", &[("id", (*id).into())])}</a> " " }
            })
            .collect_view();
        view! { <p class="hint">{t(lang, "case-item-also-in")} " " {links}</p> }
    });
    let latest = item.assessment.as_ref().map(|a| {
        view! {
            <p class="assessment" data-testid="item-assessment">
                <strong>{t(lang, a.verdict.message_id())}</strong>
                " · "
                {a.reason.clone()}
                " · "
                {t_args(lang, "case-assessed-by", &[("name", a.by.clone().into()), ("at", a.at.clone().into())])}
            </p>
        }
    });
    let status = item
        .removed
        .then(|| view! { <p class="hint">{t(lang, "case-item-removed")}</p> });
    let form = case.can_assess.then(|| {
        let field = format!("reason-{}", item.id);
        let verdict_field = format!("verdict-{}", item.id);
        let reason = if posted.item == Some(item.id) { posted.reason.clone() } else { String::new() };
        let options = Verdict::ALL
            .into_iter()
            // The latest verdict stays chosen: assessing again starts from it, not from the
            // first (and gravest) choice.
            .map(|v| {
                let chosen = item.assessment.as_ref().is_some_and(|a| a.verdict == v);
                view! { <option value=v.as_str() selected=chosen>{t(lang, v.message_id())}</option> }
            })
            .collect_view();
        view! {
            <form method="post" class="assess-form">
                {hidden(&case.csrf, "assess")}
                <input type="hidden" name="item_id" value=item.id.to_string() />
                <div class="field">
                    <label for=verdict_field.clone()>{t(lang, "case-assess-verdict")}</label>
                    <select id=verdict_field name="verdict">{options}</select>
                </div>
                <div class="field">
                    <label for=field.clone()>{t(lang, "case-assess-reason")}</label>
                    <input id=field name="reason" type="text" required maxlength="1000" value=reason />
                </div>
                <button type="submit" class="button">{t(lang, "case-assess")}</button>
            </form>
        }
    });
    let hosting = hosting_html(item, case, lang);
    view! {
        <li class="case-item" data-item=item.id>
            {what}
            {hosting}
            {status}
            {also}
            {latest}
            {form}
        </li>
    }
}

fn messages(case: &CaseView, posted: &PostedCaseForm, lang: Lang) -> impl IntoView + use<> {
    let list = case
        .messages
        .iter()
        .map(|m| {
            let from = t(
                lang,
                if m.from_staff {
                    "case-message-from-staff"
                } else {
                    "case-message-from-reporter"
                },
            );
            view! {
                <li class:from-staff=m.from_staff>
                    <p class="hint">{from} " · " {m.at.clone()}</p>
                    <p class="reporter-words">{m.body.clone()}</p>
                </li>
            }
        })
        .collect_view();
    let empty = case
        .messages
        .is_empty()
        .then(|| view! { <p>{t(lang, "case-messages-none")}</p> });
    let form = case.can_message.then(|| {
        view! {
            <form method="post" class="staff-form">
                {hidden(&case.csrf, "message")}
                <div class="field">
                    <label for="field-message">{t(lang, "case-message-label")}</label>
                    <p class="hint" id="field-message-hint">{t(lang, "case-message-hint")}</p>
                    <textarea id="field-message" name="message" rows="4" required aria-describedby="field-message-hint">
                        {posted.message.clone()}
                    </textarea>
                </div>
                <button type="submit" class="button">{t(lang, "case-message-send")}</button>
            </form>
        }
    });
    view! {
        <section aria-labelledby="case-messages-title">
            <h2 id="case-messages-title">{t(lang, "case-messages-title")}</h2>
            {empty}
            <ol class="messages">{list}</ol>
            {form}
        </section>
    }
}

fn notes(case: &CaseView, posted: &PostedCaseForm, lang: Lang) -> impl IntoView + use<> {
    let list = case
        .notes
        .iter()
        .map(|n| {
            view! {
                <li>
                    <p class="hint">{n.by.clone()} " · " {n.at.clone()}</p>
                    <p>{n.body.clone()}</p>
                </li>
            }
        })
        .collect_view();
    let form = case.can_manage.then(|| {
        view! {
            <form method="post" class="staff-form">
                {hidden(&case.csrf, "note")}
                <div class="field">
                    <label for="field-note">{t(lang, "case-note-label")}</label>
                    <textarea id="field-note" name="note" rows="3" required>{posted.note.clone()}</textarea>
                </div>
                <button type="submit" class="button secondary">{t(lang, "case-note-add")}</button>
            </form>
        }
    });
    view! {
        <section aria-labelledby="case-notes-title">
            <h2 id="case-notes-title">{t(lang, "case-notes-title")}</h2>
            <p class="hint">{t(lang, "case-notes-hint")}</p>
            <ol class="notes">{list}</ol>
            {form}
        </section>
    }
}

/// Where an address is hosted: who to tell, and how sure we are (age, what failed), with a
/// button to look again.
fn hosting_html(item: &ItemView, case: &CaseView, lang: Lang) -> Option<AnyView> {
    let again = case.can_manage.then(|| {
        view! {
            <form method="post" class="inline-form">
                {hidden(&case.csrf, "resolve-again")}
                <input type="hidden" name="item_id" value=item.id.to_string() />
                <button type="submit" class="button secondary">{t(lang, "case-hosting-again")}</button>
            </form>
        }
    });
    let (resolution, at) = match &item.hosting {
        ItemHosting::NotAnAddress => return None,
        ItemHosting::Pending => {
            return Some(
                view! {
                    <div class="hosting" data-testid="item-hosting">
                        <p class="hint">{t(lang, "case-hosting-pending")}</p>
                        {again}
                    </div>
                }
                .into_any(),
            );
        }
        ItemHosting::Resolved { resolution, at } => (resolution, at),
    };
    let fact = |label: &'static str, value: Option<String>| {
        value.filter(|v| !v.is_empty()).map(|value| {
            view! {
                <dt>{t(lang, label)}</dt>
                <dd>{value}</dd>
            }
        })
    };
    let network = resolution.network.as_ref().map(|n| {
        let mut parts = vec![n.name.clone().unwrap_or_default()];
        parts.extend(n.handle.clone().map(|h| format!("({h})")));
        parts.extend(n.country.clone());
        parts.push(n.registry.as_str().to_uppercase());
        parts.join(" · ")
    });
    let asn = resolution.asn.as_ref().map(|a| match &a.name {
        Some(name) => format!("AS{} {name}", a.number),
        None => format!("AS{}", a.number),
    });
    let cdn = resolution.cdn.as_ref().map(|c| {
        let mut parts = vec![c.name.clone()];
        parts.extend(c.abuse_url.clone());
        parts.extend(c.abuse_email.clone());
        parts.join(" · ")
    });
    let mut abuse = Vec::new();
    if let Some(email) = resolution
        .network
        .as_ref()
        .and_then(|n| n.abuse_email.clone())
    {
        abuse.push(t_args(
            lang,
            "case-hosting-abuse-network",
            &[("email", email.into())],
        ));
    }
    if let Some(email) = resolution
        .registrar
        .as_ref()
        .and_then(|r| r.abuse_email.clone())
    {
        abuse.push(t_args(
            lang,
            "case-hosting-abuse-registrar",
            &[("email", email.into())],
        ));
    }
    let provider = resolution.provider.as_ref().map(|p| {
        let channel = match p.channel {
            crate::hosting::Channel::Api => "case-hosting-channel-api",
            crate::hosting::Channel::Email => "case-hosting-channel-email",
            crate::hosting::Channel::WebForm => "case-hosting-channel-web-form",
            crate::hosting::Channel::None => "case-hosting-channel-none",
        };
        let mut parts = vec![p.name.clone()];
        parts.extend(p.country.clone());
        parts.push(t(lang, channel));
        parts.join(" · ")
    });
    let problems: Vec<String> = resolution
        .errors
        .iter()
        .map(|e| {
            format!(
                "{}: {}",
                t(lang, stage_message(e.stage)),
                t(lang, error_message(e.code))
            )
        })
        .collect();
    let problems = (!problems.is_empty()).then(|| {
        view! {
            <p class="hint" data-testid="item-hosting-problems">
                {t(lang, "case-hosting-problems")} " " {problems.join(" · ")}
            </p>
        }
    });
    Some(
        view! {
            <div class="hosting" data-testid="item-hosting">
                <dl class="hosting-facts">
                    {fact("case-hosting-host", resolution.host.clone())}
                    {fact("case-hosting-via", (!resolution.cname_chain.is_empty()).then(|| resolution.cname_chain.join(" → ")))}
                    {fact("case-hosting-addresses", Some(resolution.addresses.join(", ")))}
                    {fact("case-hosting-network", network)}
                    {fact("case-hosting-asn", asn)}
                    {fact("case-hosting-cdn", cdn)}
                    {fact("case-hosting-registrar", resolution.registrar.as_ref().and_then(|r| r.name.clone()))}
                    {fact("case-hosting-abuse", Some(abuse.join(" · ")))}
                    {fact("case-hosting-provider", provider)}
                </dl>
                {problems}
                <p class="hint">{t_args(lang, "case-hosting-checked", &[("at", at.clone().into())])}</p>
                {again}
            </div>
        }
        .into_any(),
    )
}

fn stage_message(stage: crate::hosting::Stage) -> &'static str {
    use crate::hosting::Stage;
    match stage {
        Stage::Url => "case-hosting-stage-url",
        Stage::Dns => "case-hosting-stage-dns",
        Stage::Asn => "case-hosting-stage-asn",
        Stage::RdapIp => "case-hosting-stage-rdap-ip",
        Stage::RdapDomain => "case-hosting-stage-rdap-domain",
    }
}

fn error_message(code: crate::hosting::ErrorCode) -> &'static str {
    use crate::hosting::ErrorCode::*;
    match code {
        InvalidUrl => "case-hosting-error-invalid-url",
        Nxdomain => "case-hosting-error-nxdomain",
        NoAddress => "case-hosting-error-no-address",
        Timeout => "case-hosting-error-timeout",
        DnsFailed => "case-hosting-error-dns-failed",
        RdapNoServer => "case-hosting-error-rdap-no-server",
        RdapNotFound => "case-hosting-error-rdap-not-found",
        RdapRateLimited => "case-hosting-error-rdap-rate-limited",
        RdapFailed => "case-hosting-error-rdap-failed",
        BodyTooLarge => "case-hosting-error-body-too-large",
        PrivateAddress => "case-hosting-error-private-address",
        AsnNotFound => "case-hosting-error-asn-not-found",
    }
}

/// The Fluent message for a line of the timeline. Actions that never concern a case (signing
/// in, inviting) cannot appear in one; they share the plain "staff action" line.
fn timeline_message(what: TimelineEvent) -> &'static str {
    use crate::audit::AuditAction::*;
    match what {
        TimelineEvent::Received => "case-timeline-received",
        TimelineEvent::ReporterWrote => "case-timeline-reporter-wrote",
        TimelineEvent::NoticeDelivered => "case-timeline-notice-delivered",
        TimelineEvent::Staff(action) => match action {
            CaseAssigned => "case-timeline-case-assigned",
            CaseReleased => "case-timeline-case-released",
            ItemAssessed => "case-timeline-item-assessed",
            ReporterMessaged => "case-timeline-case-reporter-messaged",
            NoteAdded => "case-timeline-case-note-added",
            CaseClosed => "case-timeline-case-closed",
            CaseReopened => "case-timeline-case-reopened",
            CaseTransferred => "case-timeline-case-transferred",
            CaseViewed => "case-timeline-case-viewed",
            NoticeSent => "case-timeline-notice-sent",
            NoticeFailed => "case-timeline-notice-failed",
            NoticeFiled => "case-timeline-notice-filed",
            SignedIn | SignedOut | SignInRefused | AccountCreated | Invited | RoleChanged
            | OrganisationCreated | OwnerRuleSet | ProviderCreated | ProviderUpdated
            | PlatformCreated | PlatformRevoked | PlatformWebhookSet | HashListImported
            | HashListExported | HashEntryDecided => "case-timeline-staff-action",
        },
        TimelineEvent::Unknown => "case-timeline-staff-action",
    }
}

fn timeline(case: &CaseView, lang: Lang) -> impl IntoView + use<> {
    let entries = case
        .timeline
        .iter()
        .map(|e| {
            let by = e.by.clone().map(|by| format!(" · {by}"));
            let detail = (!e.detail.is_empty()).then(|| format!(" · {}", e.detail));
            view! {
                <li>
                    <span class="hint">{e.at.clone()}</span>
                    " "
                    {t(lang, timeline_message(e.what))}
                    {by}
                    {detail}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="case-timeline-title">
            <h2 id="case-timeline-title">{t(lang, "case-timeline-title")}</h2>
            <ol class="timeline" data-testid="case-timeline">{entries}</ol>
        </section>
    }
}

/// Moving the case to another organisation that uses the portal (e.g. the hotline of the
/// country where it is hosted), for staff who manage it. Audited; the reporter notices nothing.
fn transfer(case: &CaseView, lang: Lang) -> impl IntoView + use<> {
    let owner = match &case.owner {
        Some(name) => t_args(lang, "case-owner", &[("name", name.clone().into())]),
        None => t(lang, "case-owner-none"),
    };
    let form = (case.can_manage && !case.transfer_to.is_empty()).then(|| {
        let options = case
            .transfer_to
            .iter()
            .map(|o| view! { <option value=o.id.to_string()>{o.name.clone()}</option> })
            .collect_view();
        view! {
            <form method="post" class="inline-form">
                {hidden(&case.csrf, "transfer")}
                <label for="field-transfer">{t(lang, "case-transfer-label")}</label>
                <select id="field-transfer" name="organisation_id">{options}</select>
                <button type="submit" class="button secondary">{t(lang, "case-transfer")}</button>
            </form>
            <p class="hint">{t(lang, "case-transfer-hint")}</p>
        }
    });
    view! {
        <section aria-labelledby="case-owner-title">
            <h2 id="case-owner-title">{t(lang, "case-owner-title")}</h2>
            <p data-testid="case-owner">{owner}</p>
            {form}
        </section>
    }
}

fn close_or_reopen(case: &CaseView, lang: Lang) -> impl IntoView + use<> {
    case.can_manage.then(|| {
        let (action, label) = if case.closed {
            ("reopen", "case-reopen")
        } else {
            ("close", "case-close")
        };
        view! {
            <form method="post" class="staff-form">
                {hidden(&case.csrf, action)}
                <button type="submit" class="button secondary">{t(lang, label)}</button>
            </form>
        }
    })
}
