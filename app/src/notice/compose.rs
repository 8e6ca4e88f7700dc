//! Composing a notice: the human-readable text, structured as Art. 16(2)(a)-(d) DSA, in the
//! provider's language where a template exists (`templates/`, Fluent) with an English copy
//! after it, and the X-ARF v3 JSON that goes with it. Pure: the same input gives the same
//! notice, so what an analyst reviews is what is sent.

use std::{borrow::Cow, collections::HashMap};

use fluent_templates::{Loader, fluent_bundle::FluentValue, static_loader};
use serde_json::{Value, json};
use unic_langid::LanguageIdentifier;

use super::{NoticeCategory, grounds};

static_loader! {
    static TEMPLATES = {
        locales: "./src/notice/templates",
        fallback_language: "en",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// Languages with a complete notice template (a test checks each has every message).
pub const TEMPLATE_LANGUAGES: [&str; 4] = ["en", "nl", "de", "fr"];

/// Who sends the notice: the organisation that owns the case, never the reporter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notifier {
    pub name: String,
    pub domain: String,
    /// The case mailbox: where the provider's Art. 16(4)/(5) answers go.
    pub mailbox: String,
}

/// Everything a notice says.
#[derive(Debug, Clone)]
pub struct NoticeInput {
    /// Our reference for it, quoted in answers.
    pub reference: String,
    pub category: NoticeCategory,
    /// The exact addresses, all at one provider.
    pub urls: Vec<String>,
    /// The provider's name, when the directory knows it.
    pub provider: Option<String>,
    /// Where it is hosted (ISO code), for the national ground.
    pub hosting_country: Option<String>,
    pub notifier: Notifier,
    /// Unix seconds.
    pub issued_at: i64,
    pub deadline: i64,
    /// The languages to write in, best first (an override, or the provider's); English
    /// when none has a template.
    pub languages: Vec<String>,
}

/// A composed notice.
#[derive(Debug, Clone, PartialEq)]
pub struct Composed {
    pub subject: String,
    pub text: String,
    pub xarf: Value,
    /// The language it is written in.
    pub lang: String,
    /// The first language asked for when it had no template (English was used instead).
    pub fell_back_from: Option<String>,
    /// Whether its template awaits review by a native speaker.
    pub draft_template: bool,
}

fn langid(lang: &str) -> LanguageIdentifier {
    lang.parse().unwrap_or_default()
}

struct Writer<'a> {
    lang: &'a str,
    args: HashMap<Cow<'static, str>, FluentValue<'static>>,
}

impl Writer<'_> {
    fn text(&self, id: &str) -> String {
        TEMPLATES.lookup_with_args(&langid(self.lang), id, &self.args)
    }

    fn with(&self, name: &'static str, value: impl Into<FluentValue<'static>>) -> Self {
        let mut args = self.args.clone();
        args.insert(Cow::Borrowed(name), value.into());
        Writer {
            lang: self.lang,
            args,
        }
    }
}

fn category_id(category: NoticeCategory) -> &'static str {
    match category {
        NoticeCategory::Csam => "notice-category-csam",
        NoticeCategory::Ncii => "notice-category-ncii",
        NoticeCategory::Ai => "notice-category-ai",
    }
}

fn reason_id(category: NoticeCategory) -> &'static str {
    match category {
        NoticeCategory::Csam => "notice-reason-csam",
        NoticeCategory::Ncii => "notice-reason-ncii",
        NoticeCategory::Ai => "notice-reason-ai",
    }
}

/// The deadline as people read it: `2026-12-03 14:00 UTC`.
fn when(unix: i64) -> String {
    format!("{} UTC", crate::time::date_time(unix))
}

/// The notice's body in one language.
fn body(input: &NoticeInput, lang: &str) -> String {
    let base = Writer {
        lang,
        args: HashMap::new(),
    }
    .with("notifier", input.notifier.name.clone())
    .with("domain", input.notifier.domain.clone())
    .with("mailbox", input.notifier.mailbox.clone())
    .with("reference", input.reference.clone())
    .with("deadline", when(input.deadline))
    .with("hours", (input.deadline - input.issued_at).max(0) / 3600);
    let greeting = match &input.provider {
        Some(name) => base.with("provider", name.clone()).text("notice-greeting"),
        None => base.text("notice-greeting-unknown"),
    };
    let mut out = vec![
        greeting,
        String::new(),
        base.text("notice-intro"),
        String::new(),
        base.text("notice-location-heading"),
        base.with("count", input.urls.len() as i64)
            .text("notice-location-count"),
    ];
    out.extend(input.urls.iter().map(|url| format!("- {url}")));
    out.push(String::new());
    out.push(base.text("notice-reasons-heading"));
    out.push(base.text(reason_id(input.category)));
    out.push(base.text("notice-grounds"));
    for ground in grounds::for_notice(input.category, input.hosting_country.as_deref()) {
        let citation = ground.citation_in(lang);
        // The summaries are in English: the English text gives them, the others cite.
        if lang == "en" {
            out.push(format!("- {citation}: {}", ground.summary_en));
        } else {
            out.push(format!("- {citation}"));
        }
    }
    out.push(String::new());
    out.push(base.text("notice-notifier-heading"));
    out.push(if input.category.notifier_exempt() {
        base.text("notice-notifier-csam")
    } else {
        base.text("notice-notifier")
    });
    out.push(String::new());
    out.push(base.text("notice-good-faith-heading"));
    out.push(base.text("notice-good-faith"));
    out.push(String::new());
    out.push(base.text("notice-deadline-heading"));
    out.push(base.text("notice-deadline"));
    out.push(base.text("notice-answer"));
    out.push(String::new());
    out.push(base.text("notice-reference"));
    out.push(base.text("notice-machine"));
    out.join("\n")
}

/// The language to write in: the first asked for that has a template, else English.
fn choose(languages: &[String]) -> (&'static str, Option<String>) {
    for asked in languages {
        let asked = asked.trim().to_ascii_lowercase();
        let primary = asked
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_owned();
        if let Some(lang) = TEMPLATE_LANGUAGES.iter().find(|l| **l == primary) {
            return (lang, None);
        }
    }
    let first = languages
        .first()
        .map(|l| l.trim().to_ascii_lowercase())
        .filter(|l| !l.is_empty());
    ("en", first)
}

/// Composes the notice.
pub fn compose(input: &NoticeInput) -> Composed {
    let (lang, fell_back_from) = choose(&input.languages);
    let writer = Writer {
        lang,
        args: HashMap::new(),
    };
    let category = writer.text(category_id(input.category));
    let subject = writer
        .with("category", category)
        .with("reference", input.reference.clone())
        .text("notice-subject");
    let mut text = body(input, lang);
    if lang != "en" {
        // An English copy always goes with a translated notice: the one every provider's
        // team can read, and the one the translation is checked against.
        text = format!(
            "{text}\n\n----\n{}\n\n{}",
            writer.text("notice-english-copy"),
            body(input, "en")
        );
    }
    text.push('\n');
    Composed {
        subject,
        text,
        xarf: xarf(input),
        lang: lang.to_owned(),
        fell_back_from,
        draft_template: writer.text("notice-template-status") != "reviewed",
    }
}

/// The X-ARF v3 part: `Disclosure: false` (the report is not to be passed to the uploader),
/// the notifying organisation as reporter, the person concerned without any contact detail,
/// and the DSA taxonomy pair, our reference and the deadline in `Custom`. No samples: the
/// material itself is never attached.
pub fn xarf(input: &NoticeInput) -> Value {
    let (class, kind) = input.category.xarf_type();
    let (dsa_category, dsa_keyword) = input.category.dsa_taxonomy();
    let grounds: Vec<&str> = grounds::for_notice(input.category, input.hosting_country.as_deref())
        .iter()
        .map(|g| g.citation.as_str())
        .collect();
    let mut report = json!({
        "ReportClass": class,
        "ReportType": kind,
        "Date": crate::time::rfc3339(input.issued_at),
        "SourceUrl": input.urls.first(),
        "ReporterCaseID": input.reference,
        "ReporterNotes": format!(
            "Notice under Article 16 of Regulation (EU) 2022/2065; legal grounds: {}",
            grounds.join("; ")
        ),
    });
    if kind == "Harassment" {
        // The harassment schema's required fields: the person who posted it is not known
        // to us, and the kind is sexual.
        report["Harasser"] = json!("unknown");
        report["HarassmentType"] = json!("sexual");
        report["HarassmentLocation"] = json!("website");
        report["HarassmentDescription"] = json!(match input.category {
            NoticeCategory::Ai =>
                "Sexual image of a real person, made or altered, shared without consent",
            _ => "Intimate image of an adult shared without consent",
        });
    }
    json!({
        "Version": "3",
        "ReporterInfo": {
            "ReporterOrg": input.notifier.name,
            "ReporterOrgDomain": input.notifier.domain,
            "ReporterOrgEmail": input.notifier.mailbox,
            "ReporterContactEmail": input.notifier.mailbox,
        },
        "Disclosure": false,
        "Report": report,
        "OnBehalfOf": {
            "Type": "person concerned",
            "Identified": false,
        },
        "Custom": {
            "DsaCategory": dsa_category,
            "DsaKeyword": dsa_keyword,
            "NoticeId": input.reference,
            "Deadline": crate::time::rfc3339(input.deadline),
            "Urls": input.urls,
            "LegalGrounds": grounds,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(category: NoticeCategory, country: &str, lang: &str) -> NoticeInput {
        NoticeInput {
            reference: "SA-20261202-0001".into(),
            category,
            urls: vec![
                "https://files.example.nl/a.jpg".into(),
                "https://files.example.nl/b.jpg".into(),
            ],
            provider: Some("Example Hosting B.V.".into()),
            hosting_country: Some(country.into()),
            notifier: Notifier {
                name: "Helpwanted".into(),
                domain: "helpwanted.example".into(),
                mailbox: "cases@helpwanted.example".into(),
            },
            issued_at: 1_796_212_800,
            deadline: 1_796_212_800 + 24 * 3600,
            languages: vec![lang.into()],
        }
    }

    #[test]
    fn every_template_has_every_message_of_the_english_one() {
        let ids = |lang: &str| -> Vec<String> {
            let path = format!(
                "{}/src/notice/templates/{lang}/notice.ftl",
                env!("CARGO_MANIFEST_DIR")
            );
            std::fs::read_to_string(path)
                .unwrap()
                .lines()
                // A message starts at the line's start; comments and variants do not.
                .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
                .filter_map(|l| l.split_once(" = ").map(|(id, _)| id.to_owned()))
                .collect()
        };
        let english = ids("en");
        for lang in TEMPLATE_LANGUAGES {
            let mut have = ids(lang);
            have.sort();
            let mut want = english.clone();
            want.sort();
            assert_eq!(have, want, "{lang}");
        }
    }

    #[test]
    fn a_dutch_csam_notice_has_every_element_and_an_english_copy() {
        let notice = compose(&input(NoticeCategory::Csam, "NL", "nl"));
        assert_eq!(notice.lang, "nl");
        assert!(!notice.draft_template);
        let text = &notice.text;
        for part in [
            "https://files.example.nl/a.jpg",
            "https://files.example.nl/b.jpg",
            "art. 16, lid 2, onder c",
            "2011/93",
            "252",
            "te goeder trouw",
            "2026-12-03",
            "SA-20261202-0001",
            "cases@helpwanted.example",
            "Engelse tekst van deze melding",
            "Under Art. 16(2)(c) DSA",
        ] {
            assert!(text.contains(part), "{part} missing:\n{text}");
        }
        assert!(notice.subject.starts_with("Melding onder artikel 16 DSA"));
    }

    #[test]
    fn no_notice_in_any_language_or_country_uses_the_words_we_never_use() {
        for category in NoticeCategory::ALL {
            for country in ["NL", "DE", "BE", "FR", "US"] {
                for lang in TEMPLATE_LANGUAGES {
                    let notice = compose(&input(category, country, lang));
                    let all = format!("{}\n{}\n{}", notice.subject, notice.text, notice.xarf)
                        .to_lowercase();
                    assert!(!all.contains("porn"), "{category} {country} {lang}");
                }
            }
        }
    }

    #[test]
    fn a_german_intimate_image_notice_names_the_notifier_and_is_marked_draft() {
        let notice = compose(&input(NoticeCategory::Ncii, "DE", "de"));
        assert_eq!(notice.lang, "de");
        assert!(notice.draft_template);
        assert!(
            notice
                .text
                .contains("Helpwanted (helpwanted.example) reicht diese Meldung")
        );
        assert!(notice.text.contains("201a"), "{}", notice.text);
        assert_eq!(notice.xarf["Report"]["ReportType"], "Harassment");
        assert_eq!(
            notice.xarf["Custom"]["DsaKeyword"],
            "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING"
        );
    }

    #[test]
    fn a_language_without_a_template_gives_english_and_says_so() {
        let notice = compose(&input(NoticeCategory::Ai, "ES", "es"));
        assert_eq!(notice.lang, "en");
        assert_eq!(notice.fell_back_from.as_deref(), Some("es"));
        assert!(
            notice
                .text
                .starts_with("To the team that handles notices at")
        );
        assert!(
            !notice.text.contains("\n----\n"),
            "no second copy of the English text"
        );
        let pt_br = compose(&input(NoticeCategory::Ai, "ES", "de-AT"));
        assert_eq!(pt_br.lang, "de");
    }

    #[test]
    fn the_xarf_part_is_the_contract() {
        let x = compose(&input(NoticeCategory::Csam, "NL", "en")).xarf;
        assert_eq!(x["Version"], "3");
        assert_eq!(x["Disclosure"], false);
        assert_eq!(x["ReporterInfo"]["ReporterOrg"], "Helpwanted");
        assert_eq!(x["Report"]["ReportClass"], "Content");
        assert_eq!(x["Report"]["ReportType"], "ChildAbuse");
        assert_eq!(x["Report"]["SourceUrl"], "https://files.example.nl/a.jpg");
        assert_eq!(
            x["Custom"]["DsaCategory"],
            "STATEMENT_CATEGORY_PROTECTION_OF_MINORS"
        );
        assert_eq!(x["Custom"]["NoticeId"], "SA-20261202-0001");
        assert_eq!(x["Custom"]["Deadline"], "2026-12-03T12:00:00Z");
        assert!(x["OnBehalfOf"].get("Email").is_none());
        assert!(x["Report"].get("Samples").is_none());
    }
}
