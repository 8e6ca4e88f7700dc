//! The hash list's staff pages: administrators' platform keys (`/staff/platforms`: the list,
//! revoking, and the form that makes a key, shown once) and analysts' hash list
//! (`/staff/hash-list`: what is on it, and the entries platforms disagree about, to confirm or
//! withdraw). Forms are plain posts to the page's own address (no JavaScript needed).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{
    FeedbackVerdict, HashList, HashListView, PlatformForm, PlatformRow, PlatformsView,
    PostedHashListForm, PostedPlatformForm, Scope, load_hash_list, load_platforms,
};
use crate::{
    forms::{posted, refusal},
    i18n::{I18n, Lang, t, t_args, tr, use_i18n},
    report::FileKind,
    shell::PageTitle,
};

/// What a redirect after one of these forms may say (`?done=`).
const DONE: [&str; 3] = [
    "platform-done-revoked",
    "hash-list-done-confirmed",
    "hash-list-done-withdrawn",
];

fn done_notice(lang: Lang) -> impl IntoView {
    let query = use_query_map();
    move || {
        query
            .with(|q| q.get("done"))
            .and_then(|done| DONE.into_iter().find(|d| *d == done))
            .map(|id| view! { <p class="notice" role="status">{t(lang, id)}</p> })
    }
}

fn error_notice(error: Option<&str>, lang: Lang) -> impl IntoView + use<> {
    error.map(|id| view! { <p class="notice field-error" role="alert">{t(lang, id)}</p> })
}

pub fn list_text(list: HashList, lang: Lang) -> String {
    t(
        lang,
        match list {
            HashList::Csam => "hash-list-csam",
            HashList::Ncii => "hash-list-ncii",
            HashList::Ai => "hash-list-ai",
        },
    )
}

fn scope_text(scope: Scope, lang: Lang) -> String {
    t(
        lang,
        match scope {
            Scope::Read => "platform-scope-read",
            Scope::Match => "platform-scope-match",
            Scope::Feedback => "platform-scope-feedback",
        },
    )
}

fn verdict_text(verdict: FeedbackVerdict, lang: Lang) -> String {
    t(
        lang,
        match verdict {
            FeedbackVerdict::Actioned => "hash-list-verdict-actioned",
            FeedbackVerdict::NotViolating => "hash-list-verdict-not-violating",
            FeedbackVerdict::UnderReview => "hash-list-verdict-under-review",
            FeedbackVerdict::CannotReview => "hash-list-verdict-cannot-review",
        },
    )
}

fn joined<T: Copy>(items: &[T], text: impl Fn(T, Lang) -> String, lang: Lang) -> String {
    items
        .iter()
        .map(|item| text(*item, lang))
        .collect::<Vec<_>>()
        .join(", ")
}

fn back_link(i18n: I18n) -> impl IntoView {
    view! {
        <p class="link-alone">
            <a href=move || i18n.href("/staff")>{tr("provider-back-to-workspace")}</a>
        </p>
    }
}

#[component]
pub fn PlatformsPage() -> impl IntoView {
    let i18n = use_i18n();
    let posted = posted::<PostedPlatformForm>();
    let platforms = Resource::new(|| (), |_| load_platforms());
    view! {
        <PageTitle text=tr("platform-list-title") />
        {back_link(i18n)}
        {move || done_notice(i18n.lang.get())}
        <Suspense fallback=|| ()>
            {move || {
                let lang = i18n.lang.get();
                let posted = posted.clone();
                platforms
                    .get()
                    .map(|loaded| match loaded {
                        Ok(view) => platforms_html(view, posted, lang).into_any(),
                        Err(error) => refusal(&error, lang),
                    })
            }}
        </Suspense>
    }
}

/// The key just made, with what to do with it: it is not shown again.
fn created_key(name: String, key: String, lang: Lang) -> impl IntoView {
    let example =
        format!("curl -H 'Authorization: Bearer {key}' https://<portal>/api/v1/hashes/changes");
    view! {
        <section class="notice key-once" role="status" aria-labelledby="key-once-title">
            <h2 id="key-once-title">
                {t_args(lang, "platform-created-title", &[("name", name.into())])}
            </h2>
            <p>{t(lang, "platform-created-text")}</p>
            <p>
                <code class="key" data-platform-key="">
                    {key}
                </code>
            </p>
            <p class="hint">{t(lang, "platform-created-example")}</p>
            <pre class="notice-text">{example}</pre>
        </section>
    }
}

fn platform_row(row: PlatformRow, csrf: String, lang: Lang) -> impl IntoView {
    let state = match (&row.revoked, row.sandbox) {
        (Some(at), _) => t_args(lang, "platform-state-revoked", &[("at", at.clone().into())]),
        (None, true) => t(lang, "platform-state-sandbox"),
        (None, false) => t(lang, "platform-state-active"),
    };
    let usage = t_args(
        lang,
        "platform-usage",
        &[
            ("calls", row.calls_30_days.into()),
            ("items", row.items_30_days.into()),
        ],
    );
    let revoke = row.revoked.is_none().then(|| {
        let confirm = t_args(
            lang,
            "platform-revoke-confirm",
            &[("name", row.name.clone().into())],
        );
        view! {
            <details class="inline-confirm">
                <summary>{t(lang, "platform-revoke")}</summary>
                <form method="post">
                    <input type="hidden" name="csrf" value=csrf />
                    <input type="hidden" name="action" value="revoke-platform" />
                    <input type="hidden" name="platform" value=row.id.to_string() />
                    <p>{confirm}</p>
                    <button type="submit" class="button button-danger">
                        {t(lang, "platform-revoke-button")}
                    </button>
                </form>
            </details>
        }
    });
    let (revoked, data_name) = (row.revoked.is_some().then_some(""), row.name.clone());
    view! {
        <tr data-platform=data_name data-revoked=revoked>
            <td>{row.name}</td>
            <td>
                <code>{format!("{}…", row.key_hint)}</code>
            </td>
            <td>{joined(&row.scopes, scope_text, lang)}</td>
            <td>{joined(&row.lists, list_text, lang)}</td>
            <td>{row.per_minute.to_string()}</td>
            <td class="anywhere">{row.webhook.unwrap_or_else(|| t(lang, "platform-no-webhook"))}</td>
            <td>{usage}</td>
            <td>{row.created}</td>
            <td>{state} {revoke}</td>
        </tr>
    }
}

fn platforms_html(view: PlatformsView, posted: PostedPlatformForm, lang: Lang) -> impl IntoView {
    let csrf = view.csrf.clone();
    let table = if view.rows.is_empty() {
        view! { <p>{t(lang, "platform-list-empty")}</p> }.into_any()
    } else {
        let rows = view
            .rows
            .into_iter()
            .map(|row| platform_row(row, csrf.clone(), lang))
            .collect_view();
        view! {
            <table class="staff-table" tabindex="0">
                <thead>
                    <tr>
                        <th scope="col">{t(lang, "platform-column-name")}</th>
                        <th scope="col">{t(lang, "platform-column-key")}</th>
                        <th scope="col">{t(lang, "platform-column-scopes")}</th>
                        <th scope="col">{t(lang, "platform-column-lists")}</th>
                        <th scope="col">{t(lang, "platform-column-per-minute")}</th>
                        <th scope="col">{t(lang, "platform-column-webhook")}</th>
                        <th scope="col">{t(lang, "platform-column-usage")}</th>
                        <th scope="col">{t(lang, "platform-column-created")}</th>
                        <th scope="col">{t(lang, "platform-column-state")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    let created = posted
        .created
        .clone()
        .map(|(name, key)| created_key(name, key, lang));
    view! {
        {created}
        {error_notice(posted.error.as_deref(), lang)}
        <p class="lead">{t(lang, "platform-intro")}</p>
        {table}
        {create_form(view.csrf, posted, lang)}
    }
}

/// One checkbox per `(value, label, checked)`, all posted under `name`.
fn checkboxes<const N: usize>(
    name: &'static str,
    choices: [(&'static str, String, bool); N],
) -> impl IntoView + use<N> {
    choices
        .into_iter()
        .map(|(value, label, checked)| {
            let id = format!("field-{name}-{value}");
            view! {
                <div class="choice">
                    <input type="checkbox" name=name id=id.clone() value=value checked=checked />
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view()
}

fn create_form(csrf: String, posted: PostedPlatformForm, lang: Lang) -> impl IntoView {
    let invalid = |field: &str| (posted.field.as_deref() == Some(field)).then_some("true");
    let (name_invalid, scope_invalid, list_invalid, rate_invalid) = (
        invalid("name"),
        invalid("scope"),
        invalid("list"),
        invalid("per_minute"),
    );
    let form = posted.form.unwrap_or_default();
    let PlatformForm {
        name,
        scopes,
        lists,
        sandbox,
        per_minute,
    } = form;
    let scope_boxes = checkboxes(
        "scope",
        Scope::ALL.map(|s| (s.as_str(), scope_text(s, lang), scopes.contains(&s))),
    );
    let list_boxes = checkboxes(
        "list",
        HashList::ALL.map(|l| (l.as_str(), list_text(l, lang), lists.contains(&l))),
    );
    view! {
        <section aria-labelledby="add-platform-title">
            <h2 id="add-platform-title">{t(lang, "platform-add-title")}</h2>
            <p class="hint">{t(lang, "platform-add-hint")}</p>
            <form method="post" class="staff-form">
                <input type="hidden" name="csrf" value=csrf />
                <input type="hidden" name="action" value="create-platform" />
                <div class="field">
                    <label for="field-platform-name">{t(lang, "platform-field-name")}</label>
                    <input
                        id="field-platform-name"
                        name="name"
                        type="text"
                        required
                        maxlength="100"
                        autocomplete="off"
                        aria-invalid=name_invalid
                        value=name
                    />
                </div>
                <fieldset class="field" aria-invalid=scope_invalid>
                    <legend>{t(lang, "platform-field-scopes")}</legend>
                    {scope_boxes}
                </fieldset>
                <fieldset class="field" aria-invalid=list_invalid>
                    <legend>{t(lang, "platform-field-lists")}</legend>
                    {list_boxes}
                </fieldset>
                <div class="field">
                    <label for="field-platform-per-minute">
                        {t(lang, "platform-field-per-minute")}
                    </label>
                    <input
                        id="field-platform-per-minute"
                        name="per_minute"
                        type="number"
                        min="1"
                        max=super::MAX_PER_MINUTE.to_string()
                        inputmode="numeric"
                        required
                        aria-invalid=rate_invalid
                        value=per_minute
                    />
                </div>
                <div class="field">
                    <div class="choice">
                        <input
                            type="checkbox"
                            name="sandbox"
                            id="field-platform-sandbox"
                            value="yes"
                            checked=sandbox
                            aria-describedby="hint-platform-sandbox"
                        />
                        <label for="field-platform-sandbox">
                            {t(lang, "platform-field-sandbox")}
                        </label>
                    </div>
                    <p class="hint" id="hint-platform-sandbox">
                        {t(lang, "platform-field-sandbox-hint")}
                    </p>
                </div>
                <button type="submit" class="button">{t(lang, "platform-add-button")}</button>
            </form>
        </section>
    }
}

#[component]
pub fn HashListPage() -> impl IntoView {
    let i18n = use_i18n();
    let posted = posted::<PostedHashListForm>();
    let list = Resource::new(|| (), |_| load_hash_list());
    view! {
        <PageTitle text=tr("hash-list-title") />
        {back_link(i18n)}
        {move || done_notice(i18n.lang.get())}
        <Suspense fallback=|| ()>
            {move || {
                let lang = i18n.lang.get();
                let posted = posted.clone();
                list.get()
                    .map(|loaded| match loaded {
                        Ok(view) => hash_list_html(view, posted, lang, i18n).into_any(),
                        Err(error) => refusal(&error, lang),
                    })
            }}
        </Suspense>
    }
}

fn hash_list_html(
    view: HashListView,
    posted: PostedHashListForm,
    lang: Lang,
    i18n: I18n,
) -> impl IntoView {
    let counts = view
        .counts
        .into_iter()
        .map(|row| {
            view! {
                <tr>
                    <th scope="row">{row.list.map(|l| list_text(l, lang))}</th>
                    <td>{row.self_reported.to_string()}</td>
                    <td>{row.analyst_confirmed.to_string()}</td>
                    <td>{row.disputed.to_string()}</td>
                    <td>{row.withdrawn.to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    let csrf = view.csrf;
    let disputed = if view.disputed.is_empty() {
        view! { <p data-disputed-none="">{t(lang, "hash-list-disputed-none")}</p> }.into_any()
    } else {
        let entries = view
            .disputed
            .into_iter()
            .map(|entry| {
                // Imported entries have no file behind them here: no kind to say.
                let kind = entry.kind.map(|kind| {
                    let id = match kind {
                        FileKind::Video => "case-item-video",
                        FileKind::Image => "case-item-image",
                        FileKind::Other => "case-item-file",
                    };
                    format!(" · {}", t(lang, id))
                });
                let case = entry.case.map(|id| {
                    view! {
                        <a href=i18n.href(&format!("/staff/cases/{id}"))>
                            {t_args(lang, "hash-list-case", &[("id", id.into())])}
                        </a>
                    }
                });
                let said = entry
                    .feedback
                    .into_iter()
                    .map(|f| {
                        let reason = f.reason.map(|r| format!(" ({r})"));
                        view! {
                            <li>
                                <strong>{f.platform}</strong>
                                ": "
                                {verdict_text(f.verdict, lang)}
                                {reason}
                                " · "
                                {f.at}
                            </li>
                        }
                    })
                    .collect_view();
                let decide = |action: &'static str, label: &'static str, class: &'static str| {
                    view! {
                        <form method="post" class="inline-form">
                            <input type="hidden" name="csrf" value=csrf.clone() />
                            <input type="hidden" name="action" value=action />
                            <input type="hidden" name="entry" value=entry.id.clone() />
                            <button type="submit" class=class>{t(lang, label)}</button>
                        </form>
                    }
                };
                view! {
                    <li class="disputed" data-entry=entry.id.clone()>
                        <p>
                            <code>{entry.id.clone()}</code>
                            " · "
                            {list_text(entry.list, lang)}
                            {kind}
                            " "
                            {case}
                        </p>
                        <ul>{said}</ul>
                        <div class="actions">
                            {decide("confirm-entry", "hash-list-confirm", "button")}
                            {decide("withdraw-entry", "hash-list-withdraw", "button secondary")}
                        </div>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="disputed-list">{entries}</ul> }.into_any()
    };
    view! {
        {error_notice(posted.error.as_deref(), lang)}
        <p class="lead">{t(lang, "hash-list-intro")}</p>
        <table class="staff-table" tabindex="0">
            <thead>
                <tr>
                    <th scope="col">{t(lang, "hash-list-column-list")}</th>
                    <th scope="col">{t(lang, "hash-list-column-self-reported")}</th>
                    <th scope="col">{t(lang, "hash-list-column-confirmed")}</th>
                    <th scope="col">{t(lang, "hash-list-column-disputed")}</th>
                    <th scope="col">{t(lang, "hash-list-column-withdrawn")}</th>
                </tr>
            </thead>
            <tbody>{counts}</tbody>
        </table>
        <section aria-labelledby="disputed-title">
            <h2 id="disputed-title">{t(lang, "hash-list-disputed-title")}</h2>
            <p class="hint">{t(lang, "hash-list-disputed-hint")}</p>
            {disputed}
        </section>
    }
}
