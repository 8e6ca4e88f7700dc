//! One turn of the report flow on the server: read the posted step into the draft, check
//! it, and move on, back, or stay with messages. The same code answers the plain form post
//! (no JavaScript) and the server function (with JavaScript).

use super::{
    Receipt,
    answers::*,
    steps::{FieldError, ReportState, Step},
    store::{NewReport, Stored},
    urls,
};
use crate::{abuse::ClientKey, forms::Fields, ssr::AppContext};

/// The state a new report starts in.
/// A new report. `via` is the platform a deep link came from (`/report?via=NAME`, from a
/// platform's safety centre): it fills in the platform of the account step, nothing else, and
/// nothing about it is stored unless the person sends it as their answer.
pub fn start(for_child: bool, reply_language: &str, via: Option<&str>) -> ReportState {
    let platform = via
        .map(|via| via.trim())
        .filter(|via| !via.chars().any(char::is_control))
        .map(|via| via.chars().take(MAX_PLATFORM_CHARS).collect::<String>())
        .unwrap_or_default();
    ReportState {
        draft: Draft {
            account: crate::report::Account {
                platform,
                ..Default::default()
            },
            submission: crate::token::random(),
            for_whom: if for_child {
                ForWhom::MyChild
            } else {
                ForWhom::Myself
            },
            reply_language: reply_language.to_owned(),
            ..Draft::default()
        },
        ..ReportState::default()
    }
}

pub async fn advance(
    intake: &AppContext,
    client: Option<&ClientKey>,
    form: &[(String, String)],
) -> ReportState {
    let mut state = advance_step(intake, client, form).await;
    // Every rendering of the last step gets a fresh one-time token (a page over a limit, or
    // with an error, is sent again from that page).
    if state.step == Step::Check {
        state.reshow = Some(intake.limits.reshow_tokens.issue(&state.draft.submission));
    }
    state
}

async fn advance_step(
    intake: &AppContext,
    client: Option<&ClientKey>,
    form: &[(String, String)],
) -> ReportState {
    let form = Fields(form);
    let step = form.get("step").and_then(Step::parse).unwrap_or_default();
    let mut draft = form
        .get("draft")
        .and_then(Draft::from_json)
        .unwrap_or_default();
    if draft.submission.len() != 32 {
        draft.submission = start(false, "", None).draft.submission;
    }
    // The person left this draft by quick exit, and the browser sent it again (Back, then a
    // resubmit): nothing of it is shown, a new report starts.
    // (Its reply language is the page's, not an answer about what happened.)
    if intake.exits.has_left(&draft.submission) {
        return start(false, &draft.reply_language, None);
    }
    // The answers on screen always go into the draft, also when going back: Back never loses
    // anything.
    let mut errors = read_step(step, &form, &mut draft);
    // "Remove" on an added file keeps the person on the file step.
    let nav = match form.get("remove_file") {
        Some(_) => "remove",
        None => form.get("nav").unwrap_or("next"),
    };
    let mut state = ReportState {
        step,
        draft,
        ..ReportState::default()
    };
    match (step, nav) {
        (Step::Done, _) => return start(false, &state.draft.reply_language, None),
        (_, "back") => state.step = step.previous(),
        (Step::Safety, _) if errors.is_empty() => {
            let acute = state.draft.safety.is_some_and(Safety::is_acute);
            state.step = if acute && !state.draft.acute_seen {
                Step::Acute
            } else {
                Step::Happened
            };
        }
        (Step::Acute, _) => {
            state.draft.acute_seen = true;
            state.step = Step::Happened;
        }
        (Step::Files, "remove") => {}
        (Step::Check, "submit") if errors.is_empty() => {
            return submit(intake, client, &form, state).await;
        }
        (_, _) => {
            errors.extend(check_step(step, &state.draft));
            if errors.is_empty() {
                state.step = step.next();
            }
        }
    }
    if state.step == step {
        state.errors = errors;
    }
    state.urls = urls::check(state.draft.url_lines()).0;
    state
}

/// Reads the fields of `step` into the draft. Errors here are about the form itself (a
/// value no choice on the page could give), not about the answers.
fn read_step(step: Step, form: &Fields, draft: &mut Draft) -> Vec<FieldError> {
    let mut errors = Vec::new();
    match step {
        Step::Safety => {
            if let Some(value) = form.get("safety") {
                draft.safety = parse_choice(value);
                // A new answer to "are you safe" shows the emergency help again.
                draft.acute_seen = false;
            }
        }
        Step::Happened => {
            draft.happened = form.all("happened").filter_map(parse_choice).collect();
            draft.happened.sort();
            draft.happened.dedup();
            draft.happened_other = capped(&form.text("happened_other"), MAX_OTHER_CHARS * 2);
        }
        Step::AboutYou => {
            draft.age_band = form.get("age_band").and_then(parse_choice);
            draft.country = form.text("country");
            draft.reply_language = form.text("reply_language");
            draft.for_whom = form
                .get("for_whom")
                .and_then(parse_choice)
                .unwrap_or_default();
        }
        Step::Where => {
            draft.urls_text = capped(&form.text("urls"), (MAX_URL_CHARS + 1) * MAX_URLS * 2);
            draft.account.platform = capped(&form.text("platform"), MAX_PLATFORM_CHARS * 2);
            draft.account.handle = capped(&form.text("handle"), MAX_HANDLE_CHARS * 2);
        }
        Step::Files => {
            if let Some(json) = form.get("file_hashes").filter(|j| !j.trim().is_empty()) {
                match inputs::draft::files_from_json(json) {
                    Some(files) => {
                        for file in files {
                            if !draft.files.iter().any(|f| f.sha256 == file.sha256) {
                                draft.files.push(file);
                            }
                        }
                    }
                    None => errors.push(FieldError::new("files", "report-error-files-invalid")),
                }
            }
            if let Some(index) = form
                .get("remove_file")
                .and_then(|i| i.parse::<usize>().ok())
                && index < draft.files.len()
            {
                draft.files.remove(index);
            }
        }
        Step::Check => {
            draft.contact_consent = form.get("contact_consent").is_some();
            draft.contact = capped(&form.text("contact"), MAX_CONTACT_CHARS * 2);
        }
        Step::Acute | Step::Done => {}
    }
    errors
}

/// The messages for answers of `step` that need fixing.
pub fn check_step(step: Step, draft: &Draft) -> Vec<FieldError> {
    let mut errors = Vec::new();
    match step {
        Step::Safety if draft.safety.is_none() => {
            errors.push(FieldError::new("safety", "report-error-choose-one"));
        }
        Step::Happened => {
            if draft.happened.is_empty() {
                errors.push(FieldError::new(
                    "happened",
                    "report-error-choose-at-least-one",
                ));
            }
            let other = draft.happened_other.trim();
            if draft.happened.contains(&Happened::Other) && other.is_empty() {
                errors.push(FieldError::new(
                    "happened_other",
                    "report-error-tell-us-more",
                ));
            }
            if other.chars().count() > MAX_OTHER_CHARS {
                errors.push(FieldError::new("happened_other", "report-error-too-long"));
            }
        }
        Step::AboutYou => {
            if draft.age_band.is_none() {
                errors.push(FieldError::new("age_band", "report-error-choose-one"));
            }
            if !COUNTRIES.contains(&draft.country.as_str()) {
                errors.push(FieldError::new("country", "report-error-choose-country"));
            }
            if !REPLY_LANGUAGES.contains(&draft.reply_language.as_str()) {
                errors.push(FieldError::new("reply_language", "report-error-choose-one"));
            }
        }
        Step::Where => {
            errors.extend(urls::check(draft.url_lines()).1);
            let platform = draft.account.platform.trim();
            let handle = draft.account.handle.trim();
            if platform.chars().count() > MAX_PLATFORM_CHARS {
                errors.push(FieldError::new("platform", "report-error-too-long"));
            }
            if handle.chars().count() > MAX_HANDLE_CHARS {
                errors.push(FieldError::new("handle", "report-error-too-long"));
            }
        }
        Step::Files if draft.files.len() > MAX_FILES => {
            errors.push(FieldError::new("files", "report-error-files-too-many"));
        }
        Step::Check => {
            let contact = draft.contact.trim();
            if !contact.is_empty() && !draft.contact_consent {
                errors.push(FieldError::new(
                    "contact_consent",
                    "report-error-contact-consent",
                ));
            }
            if draft.contact_consent && contact.is_empty() {
                errors.push(FieldError::new("contact", "report-error-contact-missing"));
            }
            if contact.chars().count() > MAX_CONTACT_CHARS {
                errors.push(FieldError::new("contact", "report-error-too-long"));
            }
            let nothing = draft.url_lines().next().is_none()
                && !draft.has_account()
                && draft.files.is_empty();
            if nothing {
                errors.push(FieldError::new("nothing", "report-error-nothing-to-remove"));
            }
        }
        _ => {}
    }
    errors
}

/// What a client over the report limit must do before its report is accepted.
enum Needed {
    /// Solve this challenge (the page does it by itself) and send again.
    Work(String),
    /// Nothing more for now: far over the limit.
    Wait,
}

/// Over the report limit, a report goes through only with a solved challenge, and only up to
/// a second, higher limit.
fn prove_work(intake: &AppContext, client: &ClientKey, form: &Fields) -> Result<(), Needed> {
    let limits = &intake.limits;
    let solved = form
        .get("challenge")
        .zip(form.get("work").and_then(|n| n.trim().parse().ok()))
        .is_some_and(|(challenge, n)| limits.challenges.redeem(challenge, n).is_ok());
    if solved && limits.reports_with_work.try_hit(&client.client) {
        Ok(())
    } else if solved || !limits.reports_with_work.allows(&client.client) {
        Err(Needed::Wait)
    } else {
        Err(Needed::Work(
            limits.challenges.issue(crate::abuse::WORK_BITS),
        ))
    }
}

/// The last step: everything checked again (the draft came back from the page), then stored.
async fn submit(
    intake: &AppContext,
    client: Option<&ClientKey>,
    form: &Fields<'_>,
    mut state: ReportState,
) -> ReportState {
    for step in Step::NUMBERED {
        let errors = check_step(step, &state.draft);
        if !errors.is_empty() {
            state.step = step;
            state.errors = errors;
            state.urls = urls::check(state.draft.url_lines()).0;
            return state;
        }
    }
    if state.draft.files.iter().any(|f| !f.is_well_formed()) {
        state.step = Step::Files;
        state.errors = vec![FieldError::new("files", "report-error-files-invalid")];
        return state;
    }
    if let Some(client) = client
        && !intake.limits.report_within_limits(client)
    {
        match prove_work(intake, client, form) {
            Ok(()) => {}
            Err(Needed::Work(challenge)) => {
                state.notice = Some("report-check-working".into());
                state.challenge = Some(challenge);
                return state;
            }
            Err(Needed::Wait) => {
                state.notice = Some("report-error-busy".into());
                return state;
            }
        }
    }
    let urls = urls::check(state.draft.url_lines()).0;
    let receipt = Receipt::for_submission(&intake.keys.submission, &state.draft.submission);
    let category = crate::directory::CaseCategory::of(&state.draft);
    let owner =
        match crate::directory::owners::owner_for(intake.db.read(), &state.draft.country, category)
            .await
        {
            Ok(owner) => owner,
            Err(error) => {
                tracing::error!(%error, "could not read the case owner rules");
                state.notice = Some("report-error-not-saved".into());
                state.urls = urls;
                return state;
            }
        };
    let Some(report) = NewReport::new(&intake.keys, &state.draft, &urls, &receipt, intake.db.now())
    else {
        // Every step was checked above; a missing answer here means that check has a gap.
        tracing::error!("a checked report lacks a required answer");
        state.step = Step::Safety;
        state.errors = vec![FieldError::new("safety", "report-error-choose-one")];
        return state;
    };
    let report = report.owned_by(owner);
    match intake.reports.insert(report).await {
        Ok(Stored::Created(_)) => done_with(receipt, &state),
        // The first answer was lost on the way (a dropped mobile connection, a browser
        // resending the form): shortly after, the same receipt is shown again.
        Ok(Stored::AlreadySent { created_at })
            if intake.db.now() - created_at <= RESHOW_SECONDS
                && form.get("reshow").is_some_and(|token| {
                    intake
                        .limits
                        .reshow_tokens
                        .redeem(token, &state.draft.submission)
                }) =>
        {
            done_with(receipt, &state)
        }
        // Later (a reload, the back button, someone else at this phone): only that it was sent.
        Ok(Stored::AlreadySent { .. }) => ReportState {
            step: Step::Done,
            already_sent: true,
            ..ReportState::default()
        },
        Err(error) => {
            tracing::error!(%error, "could not store a report");
            state.notice = Some("report-error-not-saved".into());
            state.urls = urls;
            state
        }
    }
}

/// How long after a report its receipt is shown again for the same submission (with the last
/// step's token, a few times): long enough for a phone on a bad connection to give up on an
/// answer and send again, short enough that someone who picks up the phone later and presses
/// Back gets only "already sent".
pub const RESHOW_SECONDS: i64 = 60;

/// The last step's answer: the receipt, and a fresh draft that keeps only the wording.
fn done_with(receipt: Receipt, state: &ReportState) -> ReportState {
    ReportState {
        step: Step::Done,
        receipt: Some(receipt.display()),
        draft: Draft {
            for_whom: state.draft.for_whom,
            reply_language: state.draft.reply_language.clone(),
            ..Draft::default()
        },
        urls: Vec::new(),
        ..ReportState::default()
    }
}

fn parse_choice<T: serde::de::DeserializeOwned>(value: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(value.to_owned())).ok()
}

/// Keeps at most `max` characters: generous caps against floods; the real limits give a
/// message instead.
fn capped(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deep_link_from_a_platform_fills_in_the_platform_and_nothing_else() {
        let state = start(false, "nl", Some("  PhotoApp "));
        assert_eq!(state.draft.account.platform, "PhotoApp");
        assert_eq!(state.draft.account.handle, "");
        assert_eq!(state.draft.reply_language, "nl");
        let long = "x".repeat(500);
        assert_eq!(
            start(false, "en", Some(&long)).draft.account.platform.len(),
            MAX_PLATFORM_CHARS
        );
        assert_eq!(start(false, "en", Some("a\nb")).draft.account.platform, "");
        assert_eq!(start(false, "en", None).draft.account.platform, "");
    }

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn going_back_keeps_the_answers_of_the_step_on_screen() {
        let mut draft = Draft::default();
        let posted = form(&[("urls", "nope\nexample.com/a"), ("platform", "Snap")]);
        read_step(Step::Where, &Fields(&posted), &mut draft);
        assert_eq!(draft.urls_text, "nope\nexample.com/a");
        assert_eq!(draft.account.platform, "Snap");
        // The app alone is enough (a victim often knows the app, not the account): the one
        // error is the line that is no address.
        let errors = check_step(Step::Where, &draft);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].message, "report-error-url-invalid");
    }

    #[test]
    fn several_things_can_have_happened() {
        let mut draft = Draft::default();
        let posted = form(&[
            ("happened", "sextortion"),
            ("happened", "fake_nudes"),
            ("happened", "made_up"),
        ]);
        read_step(Step::Happened, &Fields(&posted), &mut draft);
        assert_eq!(draft.happened, [Happened::Sextortion, Happened::FakeNudes]);
        assert!(check_step(Step::Happened, &draft).is_empty());
        draft.happened.push(Happened::Other);
        assert_eq!(
            check_step(Step::Happened, &draft)[0].message,
            "report-error-tell-us-more"
        );
    }

    #[test]
    fn contact_details_need_consent() {
        let mut draft = Draft {
            urls_text: "example.com/a".into(),
            contact: "me@example.org".into(),
            ..Draft::default()
        };
        assert_eq!(check_step(Step::Check, &draft)[0].field, "contact_consent");
        draft.contact_consent = true;
        assert!(check_step(Step::Check, &draft).is_empty());
    }

    #[test]
    fn a_report_needs_something_to_remove() {
        let draft = Draft::default();
        assert_eq!(check_step(Step::Check, &draft)[0].field, "nothing");
    }
}
