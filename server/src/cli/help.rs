//! `portal help route ...`: the help services for a situation, best first, as one JSON array
//! (`help_routing::route`, the ranking the public pages use). It needs no server, network or
//! database: it ranks the directory seed this binary was built with
//! (`app/src/directory/seed/directory.yaml`). Each reason is `{code, text}`, the text in
//! `--lang` where the portal has that language, else English.

use anyhow::Context;
use app::i18n::{Lang, t};
use help_routing::{Directory, Needs, Reason, Timestamp, route};
use serde_json::{Value, json};

/// The seed the portal ships with.
const SEED: &str = include_str!("../../../app/src/directory/seed/directory.yaml");

#[derive(clap::Subcommand)]
pub enum HelpCommand {
    /// Rank the help services for a situation; prints one JSON array, best first.
    Route {
        /// ISO country code of where the person lives (GB for the United Kingdom).
        #[arg(long)]
        country: String,
        /// under13, from13_to15, from16_to17, from18_to24, over25 or not_said.
        #[arg(long)]
        age: String,
        /// What happened, comma-separated: sextortion, shared_without_consent, fake_nudes,
        /// child_abuse_material, child_pressured, other, sexual_violence, own_thoughts.
        #[arg(long, value_delimiter = ',')]
        happened: Vec<String>,
        /// safe, danger or suicidal.
        #[arg(long)]
        safety: String,
        /// Sexual violence happened recently, offline.
        #[arg(long)]
        recent_offline: bool,
        /// Who asks: myself, my_child, someone_else or professional.
        #[arg(long = "for")]
        for_whom: String,
        /// Whether they want to talk: now, later or no.
        #[arg(long, default_value = "later")]
        talk: String,
        /// The person's language (ISO 639-1).
        #[arg(long)]
        lang: String,
        /// The moment to rank for (RFC 3339), by default now: opening hours depend on it.
        #[arg(long)]
        at: Option<String>,
    },
}

pub fn run(command: HelpCommand) -> anyhow::Result<()> {
    let HelpCommand::Route {
        country,
        age,
        happened,
        safety,
        recent_offline,
        for_whom,
        talk,
        lang,
        at,
    } = command;
    // Through serde, so the command line takes exactly the names the ranking's contract has.
    let needs: Needs = serde_json::from_value(json!({
        "country": country,
        "age": age,
        "happened": happened.iter().map(|h| h.trim()).filter(|h| !h.is_empty()).collect::<Vec<_>>(),
        "safety": safety,
        "recent_offline": recent_offline,
        "for_whom": for_whom,
        "talk": talk,
        "lang": lang,
    }))
    .context(
        "--age, --happened, --safety, --for and --talk take the names `portal help route --help` lists",
    )?;
    let at: Timestamp = match at {
        Some(at) => at
            .parse()
            .with_context(|| format!("--at is RFC 3339 (2026-12-02T21:00:00+01:00), not {at:?}"))?,
        None => Timestamp::now(),
    };
    let directory = Directory::from_yaml(SEED).context("the directory seed")?;
    let words = Lang::from_code(&needs.lang);
    let rows: Vec<Value> = route(&needs, &directory, at)
        .into_iter()
        .map(|row| {
            let reasons: Vec<Value> = row
                .reasons
                .iter()
                .map(|reason| json!({"code": reason, "text": reason_text(*reason, words)}))
                .collect();
            let mut value = serde_json::to_value(&row).unwrap_or_default();
            value["reasons"] = Value::Array(reasons);
            value
        })
        .collect();
    println!("{}", serde_json::to_string_pretty(&rows)?);
    Ok(())
}

/// The reason in the person's language, from the same Fluent messages the pages use.
fn reason_text(reason: Reason, lang: Option<Lang>) -> String {
    let Some(lang) = lang else {
        return reason.english().to_owned();
    };
    t(
        lang,
        match reason {
            Reason::AcuteDanger => "help-reason-acute-danger",
            Reason::Suicidal => "help-reason-suicidal",
            Reason::RecentViolence => "help-reason-recent-violence",
            Reason::Topic => "help-reason-topic",
            Reason::ReportImages => "help-reason-report-images",
            Reason::SelfHelpTool => "help-reason-self-help-tool",
            Reason::ForParents => "help-reason-for-parents",
            Reason::ForProfessionals => "help-reason-for-professionals",
            Reason::GeneralHelp => "help-reason-general-help",
            Reason::Escalation => "help-reason-escalation",
            Reason::Age => "help-reason-age",
            Reason::Language => "help-reason-language",
            Reason::OpenNow => "help-reason-open-now",
            Reason::Free => "help-reason-free",
            Reason::Anonymous => "help-reason-anonymous",
        },
    )
}
