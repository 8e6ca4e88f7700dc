//! What each step of the report shows. Plain HTML form controls: everything but the file
//! step works without JavaScript.

use fluent_templates::fluent_bundle::FluentValue;
use hashing::FileKind;
use leptos::prelude::*;

use super::{
    answers::*,
    file_step::FileStep,
    steps::{FieldError, ReportState, Step},
};
use crate::i18n::{Lang, t, t_args, use_i18n};

type Args = [(&'static str, FluentValue<'static>); 1];

#[component]
pub fn StepView(state: ReportState, lang: Lang) -> impl IntoView {
    let who: &'static str = match state.draft.for_whom {
        ForWhom::Myself => "self",
        ForWhom::MyChild => "child",
        ForWhom::SomeoneElse => "other",
    };
    let w: Args = [("who", FluentValue::from(who))];
    let draft_json = serde_json::to_string(&state.draft).unwrap_or_default();
    let progress = state.step.number().map(|n| {
        t_args(
            lang,
            "report-progress",
            &[("step", n.into()), ("total", Step::NUMBERED.len().into())],
        )
    });
    let notice = state
        .notice
        .as_deref()
        .map(|id| view! { <p class="notice" role="alert">{t(lang, id)}</p> });
    let summary = (!state.errors.is_empty()).then(|| error_summary(&state.errors, lang));
    // The page's script solves the challenge, fills in `work` and sends the form again.
    let challenge = state.challenge.clone().map(|challenge| {
        view! {
            <input type="hidden" name="challenge" value=challenge />
            <input type="hidden" name="work" value="" />
            <noscript>
                <p class="notice">{t(lang, "report-check-needs-js")}</p>
            </noscript>
        }
    });
    let reshow = state
        .reshow
        .clone()
        .map(|token| view! { <input type="hidden" name="reshow" value=token /> });
    let body = match state.step {
        Step::Safety => safety(&state, lang, &w).into_any(),
        Step::Acute => acute(&state, lang).into_any(),
        Step::Happened => happened(&state, lang, &w).into_any(),
        Step::AboutYou => about(&state, lang, &w).into_any(),
        Step::Where => place(&state, lang, &w).into_any(),
        Step::Files => files(&state, lang, &w).into_any(),
        Step::Check => check(&state, lang, &w).into_any(),
        Step::Done => done(&state, lang).into_any(),
    };
    view! {
        <input type="hidden" name="step" value=state.step.as_str() />
        <input type="hidden" name="draft" value=draft_json />
        {progress.map(|p| view! { <p class="progress-text">{p}</p> })}
        {notice}
        {challenge}
        {reshow}
        {summary}
        {body}
    }
}

fn error_summary(errors: &[FieldError], lang: Lang) -> impl IntoView + use<> {
    let items = errors
        .iter()
        .map(|e| {
            let href = format!("#field-{}", e.field);
            view! {
                <li>
                    <a href=href>{error_text(e, lang)}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="error-summary" role="alert" tabindex="-1">
            <h2>{t(lang, "report-error-summary")}</h2>
            <ul>{items}</ul>
        </div>
    }
}

pub fn error_text(error: &FieldError, lang: Lang) -> String {
    match error.line {
        Some(line) => format!(
            "{} {}",
            t_args(lang, "report-error-on-line", &[("line", line.into())]),
            t(lang, &error.message)
        ),
        None => t(lang, &error.message),
    }
}

/// The messages under one field.
fn field_errors(state: &ReportState, field: &'static str, lang: Lang) -> impl IntoView + use<> {
    let texts: Vec<String> = state
        .errors_for(field)
        .map(|e| error_text(e, lang))
        .collect();
    (!texts.is_empty()).then(|| {
        view! {
            <div class="field-error" id=format!("error-{field}")>
                {texts.into_iter().map(|text| view! { <p>{text}</p> }).collect_view()}
            </div>
        }
    })
}

fn described_by(state: &ReportState, field: &str) -> Option<String> {
    state.has_error(field).then(|| format!("error-{field}"))
}

/// Next (first in the DOM, so Enter means "next") and Back.
fn buttons(lang: Lang, next_id: &'static str, back: bool) -> impl IntoView + use<> {
    view! {
        <div class="step-buttons">
            <button type="submit" class="button" name="nav" value="next">
                {t(lang, next_id)}
            </button>
            {back
                .then(|| {
                    view! {
                        <button type="submit" class="button-secondary" name="nav" value="back">
                            {t(lang, "report-back")}
                        </button>
                    }
                })}
        </div>
    }
}

/// One radio button or checkbox with its label; its id is `{prefix}-{value}`.
fn choice(
    kind: &'static str,
    (name, prefix): (&'static str, &'static str),
    value: String,
    label: String,
    checked: bool,
) -> impl IntoView + use<> {
    let id = format!("{prefix}-{value}");
    view! {
        <div class="choice">
            <input type=kind name=name id=id.clone() value=value checked=checked />
            <label for=id>{label}</label>
        </div>
    }
}

fn happened_label(choice: Happened, lang: Lang, w: &Args) -> String {
    match choice {
        Happened::Sextortion => t_args(lang, "report-happened-sextortion", w),
        Happened::SharedWithoutConsent => t_args(lang, "report-happened-shared", w),
        Happened::FakeNudes => t_args(lang, "report-happened-fake", w),
        Happened::ChildAbuseMaterial => t_args(lang, "report-happened-csam", w),
        Happened::ChildPressured => t_args(lang, "report-happened-pressured", w),
        Happened::Other => t_args(lang, "report-happened-other", w),
    }
}

fn age_label(age: Option<AgeBand>, lang: Lang) -> String {
    match age {
        Some(AgeBand::Under13) => t(lang, "report-age-under-13"),
        Some(AgeBand::From13To15) => t(lang, "report-age-13-15"),
        Some(AgeBand::From16To17) => t(lang, "report-age-16-17"),
        Some(AgeBand::From18To24) => t(lang, "report-age-18-24"),
        Some(AgeBand::Over25) => t(lang, "report-age-25-plus"),
        Some(AgeBand::NotSaid) | None => t(lang, "report-age-not-said"),
    }
}

fn safety(state: &ReportState, lang: Lang, w: &Args) -> impl IntoView + use<> {
    let options = Safety::ALL
        .into_iter()
        .map(|option| {
            let label = match option {
                Safety::Safe => t_args(lang, "report-safety-safe", w),
                Safety::Danger => t_args(lang, "report-safety-danger", w),
                Safety::Suicidal => t_args(lang, "report-safety-suicidal", w),
            };
            choice(
                "radio",
                ("safety", "safety"),
                choice_value(&option),
                label,
                state.draft.safety == Some(option),
            )
        })
        .collect_view();
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    view! {
        <fieldset id="field-safety" aria-describedby=described_by(state, "safety")>
            <legend>
                <h2 data-step-heading tabindex="-1">
                    {t_args(lang, "report-safety-title", w)}
                </h2>
            </legend>
            <p class="hint">{t(lang, "report-safety-hint")}</p>
            {field_errors(state, "safety", lang)}
            {options}
        </fieldset>
        // What the browser keeps of this visit, said before anything is typed: the text
        // without JavaScript until the page runs it (not `<noscript>`, which a browser with
        // scripts blocked by a setting or an extension may still hide).
        <p class="hint" data-testid="history-note" hidden=move || !hydrated.get()>
            {t(lang, "report-history-js")}
        </p>
        <p class="hint" data-testid="history-note-no-js" hidden=move || hydrated.get()>
            {t(lang, "report-history-no-js")}
        </p>
        {buttons(lang, "report-next", false)}
    }
}

fn acute(state: &ReportState, lang: Lang) -> impl IntoView + use<> {
    let suicidal = state.draft.safety == Some(Safety::Suicidal);
    view! {
        <section class="urgent" aria-labelledby="acute-title">
            <h2 id="acute-title" data-step-heading tabindex="-1">
                {t(lang, "report-acute-title")}
            </h2>
            <p>{t(lang, "report-acute-text")}</p>
            <p>
                <a class="button" href="tel:112">
                    {t(lang, "report-acute-call-112")}
                </a>
            </p>
            <p>{t(lang, "report-acute-suicide-text")}</p>
            <p>
                <a class=if suicidal { "button" } else { "button-secondary" } href="tel:113">
                    {t(lang, "report-acute-call-113")}
                </a>
            </p>
            <p class="hint">{t(lang, "report-acute-elsewhere")}</p>
        </section>
        <p>{t(lang, "report-acute-continue-text")}</p>
        <div class="step-buttons">
            <button type="submit" class="button-secondary" name="nav" value="continue">
                {t(lang, "report-acute-continue")}
            </button>
            <button type="submit" class="button-secondary" name="nav" value="back">
                {t(lang, "report-back")}
            </button>
        </div>
    }
}

fn happened(state: &ReportState, lang: Lang, w: &Args) -> impl IntoView + use<> {
    let options = Happened::ALL
        .into_iter()
        .map(|option| {
            let checked = state.draft.happened.contains(&option);
            choice(
                "checkbox",
                ("happened", "happened"),
                choice_value(&option),
                happened_label(option, lang, w),
                checked,
            )
        })
        .collect_view();
    view! {
        <fieldset id="field-happened" aria-describedby=described_by(state, "happened")>
            <legend>
                <h2 data-step-heading tabindex="-1">
                    {t_args(lang, "report-happened-title", w)}
                </h2>
            </legend>
            <p class="hint">{t(lang, "report-happened-hint")}</p>
            {field_errors(state, "happened", lang)}
            {options}
        </fieldset>
        <div class="field">
            <label for="field-happened_other">{t(lang, "report-happened-other-label")}</label>
            {field_errors(state, "happened_other", lang)}
            <textarea
                id="field-happened_other"
                name="happened_other"
                rows="3"
                maxlength=MAX_OTHER_CHARS.to_string()
                aria-describedby=described_by(state, "happened_other")
            >
                {state.draft.happened_other.clone()}
            </textarea>
        </div>
        {buttons(lang, "report-next", true)}
    }
}

fn about(state: &ReportState, lang: Lang, w: &Args) -> impl IntoView + use<> {
    let ages = AgeBand::ALL
        .into_iter()
        .map(|option| {
            let checked = state.draft.age_band == Some(option);
            choice(
                "radio",
                ("age_band", "age"),
                choice_value(&option),
                age_label(Some(option), lang),
                checked,
            )
        })
        .collect_view();
    let whose = ForWhom::ALL
        .into_iter()
        .map(|option| {
            let label = match option {
                ForWhom::Myself => t(lang, "report-for-myself"),
                ForWhom::MyChild => t(lang, "report-for-my-child"),
                ForWhom::SomeoneElse => t(lang, "report-for-someone-else"),
            };
            choice(
                "radio",
                ("for_whom", "for"),
                choice_value(&option),
                label,
                state.draft.for_whom == option,
            )
        })
        .collect_view();
    let countries = COUNTRIES
        .into_iter()
        .map(|code| {
            view! {
                <option value=code selected=state.draft.country == code>
                    {crate::report::country_name(code, lang)}
                </option>
            }
        })
        .collect_view();
    let languages = REPLY_LANGUAGES
        .into_iter()
        .map(|code| {
            view! {
                <option value=code selected=state.draft.reply_language == code>
                    {crate::report::language_name(code, lang)}
                </option>
            }
        })
        .collect_view();
    view! {
        <h2 data-step-heading tabindex="-1">{t(lang, "report-about-title")}</h2>
        <fieldset id="field-for_whom">
            <legend>{t(lang, "report-for-legend")}</legend>
            {whose}
        </fieldset>
        <fieldset id="field-age_band" aria-describedby=described_by(state, "age_band")>
            <legend>{t_args(lang, "report-age-legend", w)}</legend>
            {field_errors(state, "age_band", lang)}
            {ages}
        </fieldset>
        <div class="field">
            <label for="field-country">{t_args(lang, "report-country-label", w)}</label>
            {field_errors(state, "country", lang)}
            <select
                id="field-country"
                name="country"
                aria-describedby=described_by(state, "country")
            >
                <option value="" selected=state.draft.country.is_empty()>
                    {t(lang, "report-country-choose")}
                </option>
                {countries}
            </select>
        </div>
        <div class="field">
            <label for="field-reply_language">{t(lang, "report-reply-language-label")}</label>
            {field_errors(state, "reply_language", lang)}
            <select id="field-reply_language" name="reply_language">
                {languages}
            </select>
        </div>
        {buttons(lang, "report-next", true)}
    }
}

fn place(state: &ReportState, lang: Lang, w: &Args) -> impl IntoView + use<> {
    view! {
        <h2 data-step-heading tabindex="-1">{t_args(lang, "report-where-title", w)}</h2>
        <p class="hint">{t(lang, "report-where-hint")}</p>
        <div class="field">
            <label for="field-urls">{t(lang, "report-urls-label")}</label>
            <p class="hint" id="urls-hint">
                {t_args(lang, "report-urls-hint", &[("max", MAX_URLS.into())])}
            </p>
            {field_errors(state, "urls", lang)}
            <textarea
                id="field-urls"
                name="urls"
                rows="5"
                inputmode="url"
                autocapitalize="off"
                spellcheck="false"
                aria-describedby=described_by(state, "urls").unwrap_or_else(|| "urls-hint".into())
            >
                {state.draft.urls_text.clone()}
            </textarea>
        </div>
        <fieldset class="account">
            <legend>{t(lang, "report-account-legend")}</legend>
            <div class="field">
                <label for="field-platform">{t(lang, "report-platform-label")}</label>
                {field_errors(state, "platform", lang)}
                <input
                    id="field-platform"
                    name="platform"
                    type="text"
                    maxlength=MAX_PLATFORM_CHARS.to_string()
                    value=state.draft.account.platform.clone()
                    aria-describedby=described_by(state, "platform")
                />
            </div>
            <div class="field">
                <label for="field-handle">{t(lang, "report-handle-label")}</label>
                {field_errors(state, "handle", lang)}
                <input
                    id="field-handle"
                    name="handle"
                    type="text"
                    autocapitalize="off"
                    maxlength=MAX_HANDLE_CHARS.to_string()
                    value=state.draft.account.handle.clone()
                    aria-describedby=described_by(state, "handle")
                />
            </div>
        </fieldset>
        {buttons(lang, "report-next", true)}
    }
}

fn files(state: &ReportState, lang: Lang, w: &Args) -> impl IntoView + use<> {
    let added = (!state.draft.files.is_empty()).then(|| {
        let items = state
            .draft
            .files
            .iter()
            .enumerate()
            .map(|(i, file)| {
                let label = file_label(file.kind, i, lang);
                view! {
                    <li>
                        <span>{label}</span>
                        <button
                            type="submit"
                            class="button-secondary"
                            name="remove_file"
                            value=i.to_string()
                        >
                            {t(lang, "report-files-remove")}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{t(lang, "report-files-added")}</h3>
            <ul class="file-list" role="list">{items}</ul>
        }
    });
    view! {
        <h2 data-step-heading tabindex="-1" class="visually-hidden">
            {t_args(lang, "report-files-step-title", w)}
        </h2>
        {field_errors(state, "files", lang)}
        {added}
        <FileStep />
        {buttons(lang, "report-next", true)}
    }
}

fn file_label(kind: FileKind, index: usize, lang: Lang) -> String {
    let n = FluentValue::from(index + 1);
    match kind {
        FileKind::Image => t_args(lang, "report-file-photo", &[("n", n)]),
        FileKind::Video => t_args(lang, "report-file-video", &[("n", n)]),
        FileKind::Other => t_args(lang, "report-file-other", &[("n", n)]),
    }
}

fn check(state: &ReportState, lang: Lang, w: &Args) -> impl IntoView + use<> {
    let d = &state.draft;
    let happened: Vec<String> = d
        .happened
        .iter()
        .map(|h| match h {
            Happened::Other => format!(
                "{} {}",
                happened_label(*h, lang, w),
                d.happened_other.trim()
            ),
            _ => happened_label(*h, lang, w),
        })
        .collect();
    let urls = state
        .urls
        .iter()
        .map(|u| view! { <li class="url">{u.clone()}</li> })
        .collect_view();
    let images = d.files.iter().filter(|f| f.kind == FileKind::Image).count();
    let others = d.files.len() - images;
    let frames: usize = d.files.iter().map(|f| f.video_frames.len()).sum();
    let frames_text = (frames > 0).then(|| {
        format!(
            " {}",
            t_args(
                lang,
                "hashing-check-video-frames",
                &[("frames", frames.into())]
            )
        )
    });
    let account = d.has_account().then(|| {
        view! {
            <dt>{t(lang, "report-account-legend")}</dt>
            <dd>{format!("{}: {}", d.account.platform.trim(), d.account.handle.trim())}</dd>
        }
    });
    view! {
        <h2 data-step-heading tabindex="-1">{t(lang, "report-check-title")}</h2>
        <p>{t(lang, "report-check-intro")}</p>
        {field_errors(state, "nothing", lang)}
        <dl class="check-list">
            <dt>{t_args(lang, "report-happened-title", w)}</dt>
            <dd>{happened.join("; ")}</dd>
            <dt>{t(lang, "report-about-title")}</dt>
            <dd>
                {format!(
                    "{} · {} · {}",
                    age_label(d.age_band, lang),
                    crate::report::country_name(&d.country, lang),
                    crate::report::language_name(&d.reply_language, lang),
                )}
            </dd>
            <dt>{t(lang, "report-urls-label")}</dt>
            <dd>
                {if state.urls.is_empty() {
                    t(lang, "report-check-none").into_any()
                } else {
                    view! { <ul role="list">{urls}</ul> }.into_any()
                }}
            </dd>
            {account}
            <dt>{t(lang, "report-check-files")}</dt>
            <dd>
                {t_args(lang, "report-check-files-text", &[("images", images.into()), ("others", others.into())])}
                {frames_text}
            </dd>
        </dl>
        <fieldset class="contact" id="field-contact_consent">
            <legend>{t(lang, "report-contact-legend")}</legend>
            <p class="hint">{t(lang, "report-contact-hint")}</p>
            {field_errors(state, "contact_consent", lang)}
            <div class="choice">
                <input
                    type="checkbox"
                    name="contact_consent"
                    id="contact-consent"
                    value="yes"
                    checked=d.contact_consent
                />
                <label for="contact-consent">{t(lang, "report-contact-consent")}</label>
            </div>
            <div class="field">
                <label for="field-contact">{t(lang, "report-contact-label")}</label>
                {field_errors(state, "contact", lang)}
                <input
                    id="field-contact"
                    name="contact"
                    type="text"
                    autocomplete="off"
                    maxlength=MAX_CONTACT_CHARS.to_string()
                    value=d.contact.clone()
                    aria-describedby=described_by(state, "contact")
                />
            </div>
        </fieldset>
        <div class="step-buttons">
            <button type="submit" class="button" name="nav" value="submit">
                {t(lang, "report-send")}
            </button>
            <button type="submit" class="button-secondary" name="nav" value="back">
                {t(lang, "report-back")}
            </button>
        </div>
    }
}

fn done(state: &ReportState, lang: Lang) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let Some(receipt) = state.receipt.clone() else {
        return view! {
            <h2 data-step-heading tabindex="-1">{t(lang, "report-already-sent-title")}</h2>
            <p>{t(lang, "report-already-sent-text")}</p>
            <p>
                <a class="button" href=i18n.href("/follow-up")>{t(lang, "report-go-follow-up")}</a>
            </p>
        }
        .into_any();
    };
    let file_text = t_args(
        lang,
        "report-receipt-file-text",
        &[("receipt", receipt.clone().into())],
    );
    view! {
        <h2 data-step-heading tabindex="-1">{t(lang, "report-sent-title")}</h2>
        <p>{t(lang, "report-sent-text")}</p>
        <section class="receipt" aria-labelledby="receipt-title">
            <h3 id="receipt-title">{t(lang, "report-receipt-title")}</h3>
            <p class="receipt-code" data-receipt>{receipt_groups(&receipt)}</p>
            <p class="receipt-actions">
                <CopyButton text=receipt.clone() lang />
                <SaveButton receipt file_text action=i18n.href("/receipt.txt") lang />
            </p>
            <p>{t(lang, "report-receipt-once")}</p>
            <ul>
                <li>{t(lang, "report-receipt-tip-write")}</li>
                <li>{t(lang, "report-receipt-tip-private")}</li>
                <li>{t(lang, "report-receipt-tip-lost")}</li>
            </ul>
        </section>
        <section aria-labelledby="next-title">
            <h3 id="next-title">{t(lang, "report-next-title")}</h3>
            <p>{t(lang, "report-next-text")}</p>
            <p>
                <a class="button" href=i18n.href("/help")>{t(lang, "report-next-help")}</a>
            </p>
            <p class="link-alone">
                <a href=i18n.href("/follow-up")>{t(lang, "report-go-follow-up")}</a>
            </p>
        </section>
    }
    .into_any()
}

/// The receipt in its groups, each kept on one line: a code that wraps inside a group
/// (`XZCG3-QB1BC-Z0GZE-Y` / `ZXVS`) is easy to copy wrongly by hand. The text stays the
/// code itself, hyphens included, for copying and for screen readers.
fn receipt_groups(receipt: &str) -> impl IntoView + use<> {
    let groups: Vec<String> = receipt.split('-').map(str::to_owned).collect();
    let last = groups.len().saturating_sub(1);
    groups
        .into_iter()
        .enumerate()
        .map(|(i, group)| {
            // The line may break after a group's hyphen, never inside a group.
            let (group, wbr) = if i < last {
                (format!("{group}-"), true)
            } else {
                (group, false)
            };
            view! { <span class="receipt-group">{group}</span> {wbr.then(|| view! { <wbr /> })} }
        })
        .collect_view()
}

/// Copies the receipt; shown only once JavaScript runs (the clipboard needs it).
#[component]
fn CopyButton(text: String, lang: Lang) -> impl IntoView {
    let copied = RwSignal::new(false);
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let on_click = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let clipboard = window().navigator().clipboard();
            let _ = clipboard.write_text(&text);
            copied.set(true);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = &text;
    };
    view! {
        <button type="button" class="button-secondary" hidden=move || !hydrated.get() on:click=on_click>
            {move || if copied.get() { t(lang, "report-receipt-copied") } else { t(lang, "report-receipt-copy") }}
        </button>
    }
}

/// Saves the receipt as a text file. Never a `data:` link: its address is the file itself, and
/// browsers keep it in the download history. With JavaScript the file is made on the phone,
/// from a `blob:` address that is gone a moment after the click; without it, the form posts
/// the receipt and the portal sends it back as a download of `/receipt.txt` (an address that
/// names nothing), keeping no copy.
#[component]
fn SaveButton(receipt: String, file_text: String, action: String, lang: Lang) -> impl IntoView {
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        if save_on_device(&file_text) {
            event.prevent_default();
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (&event, &file_text);
    };
    view! {
        <form class="inline-form" method="post" action=action on:submit=on_submit>
            <input type="hidden" name="receipt" value=receipt />
            <button type="submit" class="button-secondary">{t(lang, "report-receipt-save")}</button>
        </form>
    }
}

/// Starts the download of `text` as `receipt.txt` from a `blob:` address, revoked once the
/// download has begun. False if the browser cannot (the form then posts instead).
#[cfg(feature = "hydrate")]
fn save_on_device(text: &str) -> bool {
    use wasm_bindgen::{JsCast, JsValue};
    let Some(document) = window().document() else {
        return false;
    };
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/plain;charset=utf-8");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let Ok(link) = document.create_element("a") else {
        return false;
    };
    let link: web_sys::HtmlAnchorElement = link.unchecked_into();
    link.set_href(&url);
    link.set_download("receipt.txt");
    link.click();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(2),
    );
    true
}

fn choice_value<T: serde::Serialize>(choice: &T) -> String {
    serde_json::to_value(choice)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
