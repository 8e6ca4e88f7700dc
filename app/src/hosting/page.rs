//! The provider directory's staff pages: the list (with a filter and the form that adds a
//! provider) and one provider's page (its edit form, its notice API and its sources). Forms
//! are plain posts to the page's own address, handled on the server (no JavaScript needed).

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    Channel, PostedProviderForm, ProviderForm, ProviderKind, ProviderRow, ProviderView,
    ProvidersView, TEXT_FIELDS, load_provider, load_providers,
};
use crate::{
    forms::{posted, refusal},
    i18n::{Lang, t, t_args, tr, use_i18n},
    shell::PageTitle,
};

/// What a redirect after a directory form may say (`?done=`).
const DONE: [&str; 3] = [
    "provider-done-added",
    "provider-done-saved",
    "provider-done-unchanged",
];

pub fn channel_text(channel: Channel, lang: Lang) -> String {
    t(
        lang,
        match channel {
            Channel::Api => "provider-channel-api",
            Channel::Email => "provider-channel-email",
            Channel::WebForm => "provider-channel-web-form",
            Channel::None => "provider-channel-none",
        },
    )
}

fn kind_text(kind: ProviderKind, lang: Lang) -> String {
    t(
        lang,
        match kind {
            ProviderKind::Hosting => "provider-kind-hosting",
            ProviderKind::Platform => "provider-kind-platform",
            ProviderKind::Cdn => "provider-kind-cdn",
            ProviderKind::Registrar => "provider-kind-registrar",
        },
    )
}

fn done_notice(lang: Lang) -> impl IntoView {
    let query = use_query_map();
    move || {
        query
            .with(|q| q.get("done"))
            .and_then(|done| DONE.into_iter().find(|d| *d == done))
            .map(|id| view! { <p class="notice" role="status">{t(lang, id)}</p> })
    }
}

fn posted_error(posted: &PostedProviderForm, lang: Lang) -> impl IntoView + use<> {
    posted
        .error
        .as_deref()
        .map(|id| view! { <p class="notice field-error" role="alert">{t(lang, id)}</p> })
}

#[component]
pub fn ProvidersPage() -> impl IntoView {
    let i18n = use_i18n();
    let posted = posted::<PostedProviderForm>();
    let query = use_query_map();
    let providers = Resource::new(|| (), |_| load_providers());
    view! {
        <PageTitle text=tr("provider-list-title") />
        <p class="link-alone">
            <a href=move || i18n.href("/staff")>{tr("provider-back-to-workspace")}</a>
        </p>
        {move || done_notice(i18n.lang.get())}
        <Suspense fallback=|| ()>
            {move || {
                let lang = i18n.lang.get();
                let posted = posted.clone();
                let filter = query.with(|q| q.get("q")).unwrap_or_default();
                providers
                    .get()
                    .map(|loaded| match loaded {
                        Ok(view) => list_html(view, &filter, posted, lang, i18n).into_any(),
                        Err(error) => refusal(&error, lang),
                    })
            }}
        </Suspense>
    }
}

fn matches_filter(row: &ProviderRow, filter: &str) -> bool {
    let filter = filter.trim().to_lowercase();
    filter.is_empty()
        || row.name.to_lowercase().contains(&filter)
        || row.id.contains(&filter)
        || row
            .country
            .as_deref()
            .is_some_and(|c| c.eq_ignore_ascii_case(&filter))
}

fn list_html(
    view: ProvidersView,
    filter: &str,
    posted: PostedProviderForm,
    lang: Lang,
    i18n: crate::i18n::I18n,
) -> impl IntoView + use<> {
    let shown: Vec<ProviderRow> = view
        .rows
        .into_iter()
        .filter(|row| matches_filter(row, filter))
        .collect();
    let count = t_args(
        lang,
        "provider-list-count",
        &[("count", shown.len().into())],
    );
    let rows = shown
        .into_iter()
        .map(|row| {
            let kinds = row
                .kinds
                .iter()
                .map(|k| kind_text(*k, lang))
                .collect::<Vec<_>>()
                .join(", ");
            let country = row
                .country
                .as_deref()
                .map(|c| crate::report::any_country_name(c, lang))
                .unwrap_or_default();
            let state = match (row.verified, row.edited) {
                (true, _) => t(lang, "provider-state-verified"),
                (false, true) => t(lang, "provider-state-edited"),
                (false, false) => t(lang, "provider-state-unverified"),
            };
            let href = i18n.href(&format!("/staff/providers/{}", row.id));
            let data_id = row.id.clone();
            view! {
                <tr data-provider=data_id>
                    <td>
                        <a href=href>{row.name}</a>
                    </td>
                    <td>
                        <code>{row.id}</code>
                    </td>
                    <td>{kinds}</td>
                    <td>{country}</td>
                    <td>{channel_text(row.channel, lang)}</td>
                    <td>{state}</td>
                </tr>
            }
        })
        .collect_view();
    let id_invalid = posted.field.as_deref() == Some("id");
    let name_invalid = posted.field.as_deref() == Some("name");
    view! {
        {posted_error(&posted, lang)}
        <form method="get" class="queue-filters" role="search">
            <div class="field">
                <label for="field-provider-filter">{t(lang, "provider-filter-label")}</label>
                <input id="field-provider-filter" name="q" type="search" value=filter.to_owned() />
            </div>
            <button type="submit" class="button secondary">
                {t(lang, "provider-filter-button")}
            </button>
        </form>
        <p role="status">{count}</p>
        <table class="staff-table" tabindex="0">
            <thead>
                <tr>
                    <th scope="col">{t(lang, "provider-column-name")}</th>
                    <th scope="col">{t(lang, "provider-column-id")}</th>
                    <th scope="col">{t(lang, "provider-column-kinds")}</th>
                    <th scope="col">{t(lang, "provider-column-country")}</th>
                    <th scope="col">{t(lang, "provider-column-channel")}</th>
                    <th scope="col">{t(lang, "provider-column-state")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <section aria-labelledby="add-provider-title">
            <h2 id="add-provider-title">{t(lang, "provider-add-title")}</h2>
            <p class="hint">{t(lang, "provider-add-hint")}</p>
            <form method="post" class="staff-form">
                <input type="hidden" name="csrf" value=view.csrf />
                <input type="hidden" name="action" value="add-provider" />
                <div class="field">
                    <label for="field-provider-id">{t(lang, "provider-field-id")}</label>
                    <p class="hint" id="hint-provider-id">{t(lang, "provider-field-id-hint")}</p>
                    <input
                        id="field-provider-id"
                        name="id"
                        type="text"
                        required
                        autocomplete="off"
                        pattern="[a-z0-9][a-z0-9\\-]{0,63}"
                        aria-describedby="hint-provider-id"
                        aria-invalid=id_invalid.then_some("true")
                        value=posted.new_id
                    />
                </div>
                <div class="field">
                    <label for="field-provider-new-name">{t(lang, "provider-field-name")}</label>
                    <input
                        id="field-provider-new-name"
                        name="name"
                        type="text"
                        required
                        aria-invalid=name_invalid.then_some("true")
                        value=posted.new_name
                    />
                </div>
                <button type="submit" class="button">{t(lang, "provider-add-button")}</button>
            </form>
        </section>
    }
}

#[component]
pub fn ProviderPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let posted = posted::<PostedProviderForm>();
    let id = move || params.with(|p| p.get("id")).unwrap_or_default();
    let provider = Resource::new(id, load_provider);
    view! {
        <p class="link-alone">
            <a href=move || i18n.href("/staff/providers")>{tr("provider-back-to-list")}</a>
        </p>
        {move || done_notice(i18n.lang.get())}
        <Suspense fallback=|| ()>
            {move || {
                let lang = i18n.lang.get();
                let posted = posted.clone();
                provider
                    .get()
                    .map(|loaded| match loaded {
                        Ok(Some(view)) => provider_html(view, posted, lang).into_any(),
                        Ok(None) => {
                            view! {
                                <PageTitle text=tr("provider-list-title") />
                                <p class="notice" role="alert">{t(lang, "provider-error-unknown")}</p>
                            }
                                .into_any()
                        }
                        Err(error) => refusal(&error, lang),
                    })
            }}
        </Suspense>
    }
}

/// The Fluent label of an edit form field, and of its hint where it has one (an explicit
/// match, so the translation check sees every id).
fn field_text(name: &str) -> (&'static str, Option<&'static str>) {
    match name {
        "name" => ("provider-field-name", None),
        "country" => ("provider-field-country", None),
        "notice_form_url" => ("provider-field-notice-form-url", None),
        "notice_info_url" => ("provider-field-notice-info-url", None),
        "notice_email" => ("provider-field-notice-email", None),
        "contact_point_url" => ("provider-field-contact-point-url", None),
        "trusted_flagger_channel" => ("provider-field-trusted-flagger-channel", None),
        "notice_languages" => (
            "provider-field-notice-languages",
            Some("provider-field-notice-languages-hint"),
        ),
        "anonymous_csam_notices" => ("provider-field-anonymous-csam-notices", None),
        "cooperates_with_hotline" => ("provider-field-cooperates-with-hotline", None),
        "asns" => ("provider-field-asns", Some("provider-field-asns-hint")),
        "domain_suffixes" => (
            "provider-field-domain-suffixes",
            Some("provider-field-domain-suffixes-hint"),
        ),
        "rdap_handles" => (
            "provider-field-rdap-handles",
            Some("provider-field-rdap-handles-hint"),
        ),
        "notes" => ("provider-field-notes", None),
        _ => (
            "provider-field-source-url",
            Some("provider-field-source-url-hint"),
        ),
    }
}

/// A labelled input of the edit form; `invalid` marks the field the error is about.
fn text_field(
    name: &'static str,
    value: String,
    kind: &'static str,
    invalid: bool,
    lang: Lang,
) -> impl IntoView {
    let id = format!("field-provider-{name}");
    let (label, hint) = field_text(name);
    let hint_id = hint.map(|_| format!("hint-provider-{name}"));
    view! {
        <div class="field">
            <label for=id.clone()>{t(lang, label)}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{t(lang, hint)}</p> })}
            <input
                id=id
                name=name
                type=kind
                autocomplete="off"
                aria-describedby=hint_id.clone()
                aria-invalid=invalid.then_some("true")
                value=value
            />
        </div>
    }
}

fn area_field(name: &'static str, value: String, invalid: bool, lang: Lang) -> impl IntoView {
    let id = format!("field-provider-{name}");
    let (label, hint) = field_text(name);
    let hint_id = hint.map(|_| format!("hint-provider-{name}"));
    view! {
        <div class="field">
            <label for=id.clone()>{t(lang, label)}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{t(lang, hint)}</p> })}
            <textarea
                id=id
                name=name
                rows="3"
                aria-describedby=hint_id.clone()
                aria-invalid=invalid.then_some("true")
            >
                {value}
            </textarea>
        </div>
    }
}

fn tristate_field(
    name: &'static str,
    value: &str,
    invalid: bool,
    lang: Lang,
) -> impl IntoView + use<> {
    let id = format!("field-provider-{name}");
    let (label, _) = field_text(name);
    let options = [
        ("", "provider-answer-unknown"),
        ("yes", "provider-answer-yes"),
        ("no", "provider-answer-no"),
    ]
    .into_iter()
    .map(|(stored, text)| {
        view! { <option value=stored selected=value == stored>{t(lang, text)}</option> }
    })
    .collect_view();
    view! {
        <div class="field">
            <label for=id.clone()>{t(lang, label)}</label>
            <select id=id name=name aria-invalid=invalid.then_some("true")>
                {options}
            </select>
        </div>
    }
}

fn provider_html(view: ProviderView, posted: PostedProviderForm, lang: Lang) -> impl IntoView {
    let form: ProviderForm = posted.form.clone().unwrap_or_else(|| view.form.clone());
    let invalid = |name: &str| posted.field.as_deref() == Some(name);
    let title = StoredValue::new(form.name.clone());
    let kinds = ProviderKind::ALL
        .into_iter()
        .map(|kind| {
            let id = format!("field-provider-kind-{}", kind.as_str());
            let checked = form.kinds.iter().any(|k| k == kind.as_str());
            view! {
                <div class="choice">
                    <input id=id.clone() type="checkbox" name="kinds" value=kind.as_str() checked=checked />
                    <label for=id>{kind_text(kind, lang)}</label>
                </div>
            }
        })
        .collect_view();
    let channels = Channel::ALL
        .into_iter()
        .map(|channel| {
            view! {
                <option value=channel.as_str() selected=form.channel == channel.as_str()>
                    {channel_text(channel, lang)}
                </option>
            }
        })
        .collect_view();
    let text_fields = TEXT_FIELDS
        .into_iter()
        .map(|name| {
            let kind = match name {
                "notice_email" => "email",
                "trusted_flagger_channel" | "notice_languages" => "text",
                _ => "url",
            };
            text_field(name, form.text(name).to_owned(), kind, invalid(name), lang)
        })
        .collect_view();
    let api = view.api.clone().map(|api| {
        view! {
            <section aria-labelledby="provider-api-title">
                <h2 id="provider-api-title">{t(lang, "provider-api-title")}</h2>
                <p>
                    <code>{api.kind}</code>
                    {api.docs_url.map(|url| {
                        let text = url.clone();
                        view! { " " <a href=url rel="noreferrer">{text}</a> }
                    })}
                </p>
                {api.notes.map(|notes| view! { <p class="hint">{notes}</p> })}
            </section>
        }
    });
    let sources = view
        .sources
        .iter()
        .map(|(fact, urls)| {
            let links = urls
                .iter()
                .map(|url| {
                    let text = url.clone();
                    view! { <li><a href=url.clone() rel="noreferrer">{text}</a></li> }
                })
                .collect_view();
            view! {
                <dt><code>{fact.clone()}</code></dt>
                <dd><ul class="link-list">{links}</ul></dd>
            }
        })
        .collect_view();
    let unverified = (!view.unverified.is_empty()).then(|| {
        let facts = view.unverified.join(", ");
        view! { <p>{t_args(lang, "provider-unverified-facts", &[("facts", facts.into())])}</p> }
    });
    let edited = match &view.edited {
        Some((when, who)) => t_args(
            lang,
            "provider-edited-by",
            &[("when", when.clone().into()), ("who", who.clone().into())],
        ),
        None => t(lang, "provider-as-seeded"),
    };
    view! {
        <PageTitle text=move || title.get_value() />
        <p class="hint">
            <code>{view.id.clone()}</code>
            " · "
            {edited}
        </p>
        {posted_error(&posted, lang)}
        <form method="post" class="staff-form">
            <input type="hidden" name="csrf" value=view.csrf.clone() />
            <input type="hidden" name="action" value="save-provider" />
            <input type="hidden" name="version" value=form.version.clone() />
            {text_field("name", form.name.clone(), "text", invalid("name"), lang)}
            {text_field("country", form.country.clone(), "text", invalid("country"), lang)}
            <fieldset class="field">
                <legend>{t(lang, "provider-field-kinds")}</legend>
                {kinds}
            </fieldset>
            <div class="field">
                <label for="field-provider-channel">{t(lang, "provider-field-channel")}</label>
                <p class="hint" id="hint-provider-channel">{t(lang, "provider-field-channel-hint")}</p>
                <select
                    id="field-provider-channel"
                    name="channel"
                    aria-describedby="hint-provider-channel"
                    aria-invalid=invalid("channel").then_some("true")
                >
                    {channels}
                </select>
            </div>
            {text_fields}
            {tristate_field(
                "anonymous_csam_notices",
                &form.anonymous_csam_notices,
                invalid("anonymous_csam_notices"),
                lang,
            )}
            {tristate_field(
                "cooperates_with_hotline",
                &form.cooperates_with_hotline,
                invalid("cooperates_with_hotline"),
                lang,
            )}
            {area_field("asns", form.asns.clone(), invalid("asns"), lang)}
            {area_field("domain_suffixes", form.domain_suffixes.clone(), invalid("domain_suffixes"), lang)}
            {area_field("rdap_handles", form.rdap_handles.clone(), invalid("rdap_handles"), lang)}
            {area_field("notes", form.notes.clone(), false, lang)}
            {text_field("source_url", form.source_url.clone(), "url", invalid("source_url"), lang)}
            <div class="choice">
                <input id="field-provider-verified" type="checkbox" name="verified" value="yes" checked=form.verified />
                <label for="field-provider-verified">{t(lang, "provider-field-verified")}</label>
            </div>
            <button type="submit" class="button">{t(lang, "provider-save-button")}</button>
        </form>
        {api}
        <section aria-labelledby="provider-sources-title">
            <h2 id="provider-sources-title">{t(lang, "provider-sources-title")}</h2>
            {unverified}
            <dl class="hosting-facts">{sources}</dl>
        </section>
    }
}
