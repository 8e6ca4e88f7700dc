//! `portal notice render`: a notice exactly as it would be sent (subject, text, X-ARF JSON),
//! without sending anything. Needs no database, no data folder and no network: the provider
//! comes from the shipped directory, the notifier from `PORTAL_NOTIFIER_NAME` and
//! `PORTAL_NOTICE_FROM`.
//!
//! `portal notice list --open`: the notices whose addresses are not all known to be removed,
//! by deadline, most overdue first; JSON Lines from the configured database.

use std::io::Write;

use anyhow::{Context, bail};
use app::{
    hosting::providers,
    notice::{NoticeCategory, NoticeInput, Notifier, compose},
};

#[derive(clap::Subcommand)]
pub enum NoticeCommand {
    /// Print a notice as it would be sent; sends nothing.
    Render(RenderArgs),
    /// The notices sent, one JSON line each: reference, case, status, recipient, deadline.
    List {
        /// Only notices whose addresses are not all known to be removed (the only list
        /// there is today; the flag is what outside tools pass).
        #[arg(long)]
        open: bool,
        /// At most this many.
        #[arg(long, default_value_t = 1000)]
        limit: u64,
    },
}

#[derive(clap::Args)]
pub struct RenderArgs {
    /// The exact address; repeat for several at one provider.
    #[arg(long = "url", required = true)]
    urls: Vec<String>,
    /// csam, ncii or ai.
    #[arg(long)]
    category: String,
    /// The language to write in (overrides the provider's); English when it has no template.
    #[arg(long)]
    lang: Option<String>,
    /// The provider's id in the directory (`portal provider list`).
    #[arg(long)]
    provider: Option<String>,
    /// Where it is hosted (ISO code), when no provider says so.
    #[arg(long)]
    country: Option<String>,
    /// When the notice is issued (RFC 3339); now by default.
    #[arg(long)]
    at: Option<String>,
    /// Hours until the deadline.
    #[arg(long, default_value_t = 24)]
    hours: i64,
    /// `text` (subject, text, then the X-ARF JSON) or `json` ({subject, text, xarf}).
    #[arg(long, default_value = "text")]
    format: String,
}

/// Our reference for a previewed notice: the date and a digest of its addresses, so the
/// same preview gives the same reference.
fn reference(urls: &[String], at: i64) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(urls.join("\n").as_bytes());
    let date = app::time::date(at).replace('-', "");
    format!(
        "SA-{date}-{}",
        app::token::hex(&digest[..4]).to_ascii_uppercase()
    )
}

fn notifier() -> Notifier {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let mailbox = var("PORTAL_NOTICE_FROM").unwrap_or_else(|| {
        eprintln!("PORTAL_NOTICE_FROM is not set: the notice names notices@safe-again.invalid");
        "notices@safe-again.invalid".to_owned()
    });
    let domain = mailbox
        .rsplit_once('@')
        .map(|(_, d)| d.trim_end_matches('>').to_owned())
        .unwrap_or_default();
    Notifier {
        name: var("PORTAL_NOTIFIER_NAME").unwrap_or_else(|| "Safe Again".to_owned()),
        domain,
        mailbox,
    }
}

pub async fn run(command: NoticeCommand) -> anyhow::Result<()> {
    match command {
        NoticeCommand::Render(args) => render(args),
        NoticeCommand::List { open, limit } => list(open, limit).await,
    }
}

async fn list(open: bool, limit: u64) -> anyhow::Result<()> {
    if !open {
        eprintln!("listing the open notices (--open); closed ones are on their cases");
    }
    let settings = crate::config::Settings::from_env()?;
    let db = crate::db::connect(&settings).await?;
    crate::db::migrate(&db).await?;
    let now = app::time::Clock::system().now();
    let mut stdout = std::io::stdout().lock();
    for (notice, items) in app::notice::outbox::open(&db, limit).await? {
        let line = serde_json::json!({
            "reference": notice.reference,
            "case": notice.report_id,
            "status": notice.status,
            "channel": notice.channel,
            "category": notice.category,
            "to": notice.provider_name,
            "recipient": notice.recipient,
            "urls": items.iter().map(|i| i.url.clone()).collect::<Vec<_>>(),
            "created_at": app::time::rfc3339(notice.created_at),
            "sent_at": notice.sent_at.map(app::time::rfc3339),
            "deadline_at": app::time::rfc3339(notice.deadline_at),
            "overdue": notice.deadline_at < now,
            "message_id": notice.message_id,
        });
        writeln!(stdout, "{line}")?;
    }
    stdout.flush()?;
    Ok(())
}

fn render(args: RenderArgs) -> anyhow::Result<()> {
    let Some(category) = NoticeCategory::parse(&args.category) else {
        eprintln!("--category is csam, ncii or ai, not {:?}", args.category);
        std::process::exit(2);
    };
    for url in &args.urls {
        if app::hosting::store::host_of(url).is_none() {
            eprintln!("not a web address: {url:?}");
            std::process::exit(2);
        }
    }
    let issued_at = match &args.at {
        Some(at) => time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339)
            .with_context(|| format!("--at is RFC 3339 (2026-12-02T12:00:00Z), not {at:?}"))?
            .unix_timestamp(),
        None => app::time::Clock::system().now(),
    };
    if !(1..=24 * 90).contains(&args.hours) {
        bail!("--hours is between 1 and 2160");
    }
    let provider = match &args.provider {
        Some(id) => match providers::seed().iter().find(|p| &p.id == id) {
            Some(found) => Some(found),
            None => {
                eprintln!("no provider {id:?} in the directory (portal provider list)");
                std::process::exit(2);
            }
        },
        None => None,
    };
    let languages = match (&args.lang, provider) {
        (Some(lang), _) => vec![lang.clone()],
        (None, Some(p)) => p.notice_languages.clone().unwrap_or_default(),
        (None, None) => Vec::new(),
    };
    let input = NoticeInput {
        reference: reference(&args.urls, issued_at),
        category,
        urls: args.urls.clone(),
        provider: provider.map(|p| p.name.clone()),
        hosting_country: args
            .country
            .clone()
            .or_else(|| provider.and_then(|p| p.country.clone()))
            .map(|c| c.to_ascii_uppercase()),
        notifier: notifier(),
        issued_at,
        deadline: issued_at + args.hours * 3600,
        languages,
    };
    let notice = compose(&input);
    if let Some(asked) = &notice.fell_back_from {
        eprintln!("no complete notice template for {asked:?}: written in English");
    }
    if notice.draft_template {
        eprintln!(
            "the {} template awaits review by a native speaker",
            notice.lang
        );
    }
    let mut stdout = std::io::stdout().lock();
    match args.format.as_str() {
        "json" => writeln!(
            stdout,
            "{}",
            serde_json::json!({"subject": notice.subject, "text": notice.text, "xarf": notice.xarf})
        )?,
        "text" => {
            writeln!(stdout, "Subject: {}\n", notice.subject)?;
            writeln!(stdout, "{}", notice.text)?;
            writeln!(stdout, "{}", serde_json::to_string_pretty(&notice.xarf)?)?;
        }
        other => {
            eprintln!("--format is text or json, not {other:?}");
            std::process::exit(2);
        }
    }
    stdout.flush()?;
    Ok(())
}
