//! The notices part of the case page: what the portal proposes (filled in, to review and
//! send with one click), why an illegal item is in no proposal yet, and every notice of the
//! case with where it stands. Plain posts, so it works without JavaScript. Reported addresses
//! are text, never links; a provider's or hotline's own form is a link (staff file there).

use leptos::prelude::*;

use super::{NoticeChannel, NoticeProposal, NoticeStatus, NoticeView, ProposalBlock};
use crate::i18n::{Lang, t, t_args};

/// What the section needs from the case.
pub struct CaseNotices<'a> {
    pub csrf: &'a str,
    pub can_send: bool,
    pub closed: bool,
    pub notices: &'a [NoticeView],
    pub proposals: &'a [NoticeProposal],
    pub blocks: &'a [ProposalBlock],
}

fn category_text(category: super::NoticeCategory, lang: Lang) -> String {
    t(
        lang,
        match category {
            super::NoticeCategory::Csam => "notice-category-csam-short",
            super::NoticeCategory::Ncii => "notice-category-ncii-short",
            super::NoticeCategory::Ai => "notice-category-ai-short",
        },
    )
}

fn how(channel: NoticeChannel, to: &str, recipient: &str, lang: Lang) -> String {
    let args = [
        ("to", to.to_owned().into()),
        ("recipient", recipient.to_owned().into()),
    ];
    t_args(
        lang,
        match channel {
            NoticeChannel::Email => "notice-how-email",
            NoticeChannel::WebForm => "notice-how-web-form",
            NoticeChannel::Hotline => "notice-how-hotline",
        },
        &args,
    )
}

fn urls(urls: &[String]) -> impl IntoView + use<> {
    let list = urls
        .iter()
        // Text, never a link: the portal must not load reported content.
        .map(|u| view! { <li><code class="item-url">{u.clone()}</code></li> })
        .collect_view();
    view! { <ul class="notice-urls">{list}</ul> }
}

fn proposal_html(
    p: &NoticeProposal,
    n: usize,
    notices: &CaseNotices,
    lang: Lang,
) -> impl IntoView + use<> {
    let heading_id = format!("notice-proposal-{n}");
    let language = match &p.fell_back_from {
        Some(asked) => t_args(
            lang,
            "notice-language-fell-back",
            &[
                ("asked", crate::report::language_name(asked, lang).into()),
                ("lang", crate::report::language_name(&p.lang, lang).into()),
            ],
        ),
        // English only: there is no copy to speak of.
        None if p.lang == "en" => t(lang, "notice-language-english"),
        None => t_args(
            lang,
            "notice-language",
            &[("lang", crate::report::language_name(&p.lang, lang).into())],
        ),
    };
    let draft = p
        .draft_template
        .then(|| view! { <p class="hint">{t(lang, "notice-draft-template")}</p> });
    let button = match p.channel {
        NoticeChannel::Email => "notice-send",
        NoticeChannel::WebForm | NoticeChannel::Hotline => "notice-make-task",
    };
    let form = (notices.can_send && !notices.closed).then(|| {
        view! {
            <form method="post" class="inline-form">
                <input type="hidden" name="csrf" value=notices.csrf.to_owned() />
                <input type="hidden" name="action" value="send-notice" />
                <input type="hidden" name="key" value=p.key.clone() />
                <input type="hidden" name="digest" value=p.digest.clone() />
                <button type="submit" class="button">{t(lang, button)}</button>
            </form>
        }
    });
    view! {
        <article class="notice-proposal" aria-labelledby=heading_id.clone() data-testid="notice-proposal">
            <h3 id=heading_id.clone()>{how(p.channel, &p.to, &p.recipient, lang)}</h3>
            <p>
                {category_text(p.category, lang)} " · "
                {t_args(lang, "notice-deadline-after", &[("hours", p.deadline_hours.into())])}
                " · " {language}
            </p>
            {draft}
            {urls(&p.urls)}
            <details open>
                <summary>{t(lang, "notice-read")}</summary>
                <p><strong>{p.subject.clone()}</strong></p>
                <pre class="notice-text" data-testid="notice-text">{p.text.clone()}</pre>
                <details>
                    <summary>{t(lang, "notice-xarf")}</summary>
                    <pre class="notice-text">{p.xarf.clone()}</pre>
                </details>
            </details>
            {form}
        </article>
    }
}

fn block_html(block: &ProposalBlock, lang: Lang) -> impl IntoView + use<> {
    let (url, text) = match block {
        ProposalBlock::HostingPending { url } => (url, t(lang, "notice-blocked-pending")),
        ProposalBlock::NoChannel { url } => (url, t(lang, "notice-blocked-no-channel")),
        ProposalBlock::AlreadyNotified { url, reference } => (
            url,
            t_args(
                lang,
                "notice-blocked-elsewhere",
                &[("reference", reference.clone().into())],
            ),
        ),
    };
    view! { <li><code class="item-url">{url.clone()}</code> " · " {text}</li> }
}

fn status_text(n: &NoticeView, lang: Lang) -> String {
    let mut parts = vec![t(lang, n.status.message_id())];
    if let Some(sent) = &n.sent {
        parts.push(t_args(
            lang,
            "notice-sent-at",
            &[("at", sent.clone().into())],
        ));
    }
    if n.status == NoticeStatus::Queued && n.last_error.is_some() {
        parts.push(t(lang, "notice-retrying"));
    }
    parts.join(" · ")
}

fn notice_html(n: &NoticeView, notices: &CaseNotices, lang: Lang) -> impl IntoView + use<> {
    let overdue = n.overdue && !matches!(n.status, NoticeStatus::Dead);
    let deadline = t_args(
        lang,
        "notice-deadline",
        &[("at", n.deadline.clone().into())],
    );
    let todo = matches!(n.status, NoticeStatus::Task | NoticeStatus::Dead);
    // A task's form or hotline is where staff file it: a link to it, with the text to paste.
    let task = todo.then(|| {
        let place = match n.channel {
            NoticeChannel::Email => view! {
                <p>{t_args(lang, "notice-dead-hint", &[("recipient", n.recipient.clone().into())])}</p>
            }
            .into_any(),
            _ => view! {
                <p>
                    {t(lang, "notice-task-hint")} " "
                    <a href=n.recipient.clone() rel="noreferrer noopener" target="_blank">{n.recipient.clone()}</a>
                </p>
            }
            .into_any(),
        };
        let form = notices.can_send.then(|| {
            view! {
                <form method="post" class="inline-form">
                    <input type="hidden" name="csrf" value=notices.csrf.to_owned() />
                    <input type="hidden" name="action" value="notice-filed" />
                    <input type="hidden" name="notice_id" value=n.id.to_string() />
                    <button type="submit" class="button secondary">{t(lang, "notice-mark-filed")}</button>
                </form>
            }
        });
        view! {
            {place}
            {form}
        }
    });
    view! {
        <li class="notice-sent" data-notice=n.reference.clone() data-status=n.status.as_str()>
            <p>
                <strong>{n.reference.clone()}</strong> " · "
                <span data-testid="notice-status">{status_text(n, lang)}</span>
            </p>
            <p>{how(n.channel, &n.to, &n.recipient, lang)} " · " {category_text(n.category, lang)}</p>
            {urls(&n.urls)}
            <p class="hint">
                {t_args(lang, "notice-created", &[("name", n.created_by.clone().into()), ("at", n.created.clone().into())])}
                " · "
                <span class:field-error=overdue>{deadline}</span>
            </p>
            {task}
            <details open=todo>
                <summary>{t(lang, "notice-read-sent")}</summary>
                <p><strong>{n.subject.clone()}</strong></p>
                <pre class="notice-text">{n.text.clone()}</pre>
            </details>
        </li>
    }
}

/// The section, for the case page (type-erased: the case page's view type is deep enough).
pub fn case_notices(notices: CaseNotices, lang: Lang) -> AnyView {
    let proposals = notices
        .proposals
        .iter()
        .enumerate()
        .map(|(n, p)| proposal_html(p, n, &notices, lang))
        .collect_view();
    let blocks = (!notices.blocks.is_empty()).then(|| {
        let list = notices
            .blocks
            .iter()
            .map(|b| block_html(b, lang))
            .collect_view();
        view! {
            <h3>{t(lang, "notice-blocked-title")}</h3>
            <ul class="notice-blocks">{list}</ul>
        }
    });
    let heading = !(notices.proposals.is_empty() && notices.blocks.is_empty());
    let sent = (!notices.notices.is_empty()).then(|| {
        let list = notices
            .notices
            .iter()
            .map(|n| notice_html(n, &notices, lang))
            .collect_view();
        view! {
            {heading.then(|| view! { <h3>{t(lang, "notice-sent-title")}</h3> })}
            <ol class="notices">{list}</ol>
        }
    });
    let nothing =
        (notices.proposals.is_empty() && notices.blocks.is_empty() && notices.notices.is_empty())
            .then(|| view! { <p>{t(lang, "notice-none")}</p> });
    view! {
        <section aria-labelledby="case-notices-title" class="case-notices">
            <h2 id="case-notices-title">{t(lang, "notice-title")}</h2>
            {nothing}
            {proposals}
            {blocks}
            {sent}
        </section>
    }
    .into_any()
}
