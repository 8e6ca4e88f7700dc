//! `portal hash-list ...`: exchanges between hotlines. `import FILE` reads JSON lines (see
//! `app::hash_list::transfer::ExchangeLine`; `portal hash` output with `list` and `status`
//! added is accepted), merges duplicates, and ends with a JSON summary line. `export` writes
//! the confirmed entries: a file is outside withdrawal once it leaves, so partners should
//! rather be API clients; both are audited. `decide` settles a disputed entry.

use std::io::{BufRead, Write};

use anyhow::{Context, bail};
use app::{
    audit::{
        AuditAction,
        store::{Actor, NewEvent, append},
    },
    hash_list::{
        HashList, join,
        service::{self, By},
        store, transfer,
    },
};

use crate::{config::Settings, db};

#[derive(clap::Subcommand)]
pub enum HashListCommand {
    /// Import entries from a JSON lines file ("-" for standard input).
    Import {
        file: std::path::PathBuf,
        /// The organisation (name or id) whose confirmations these are.
        #[arg(long)]
        organisation: Option<String>,
    },
    /// Write the analyst-confirmed entries as JSON lines to standard output.
    Export {
        /// Only these lists (default: every list).
        #[arg(long)]
        lists: Option<String>,
    },
    /// Settle an entry (a disputed one): confirm it, or withdraw it from every platform.
    Decide {
        id: String,
        /// confirm or withdraw.
        decision: String,
    },
    /// How many entries each list has, by status.
    Counts,
}

/// Lines written per transaction on import.
const BATCH: usize = 500;

pub async fn run(command: HashListCommand) -> anyhow::Result<()> {
    let settings = Settings::from_env()?;
    let db = db::connect(&settings).await?;
    db::migrate(&db).await?;
    let store = settings.store(&db);
    let now = store.now();
    match command {
        HashListCommand::Import { file, organisation } => {
            let organisation = match organisation {
                None => None,
                Some(wanted) => Some(
                    app::directory::organisations(&db)
                        .await?
                        .into_iter()
                        .find(|o| o.name == wanted || o.id.to_string() == wanted)
                        .with_context(|| format!("no organisation {wanted:?}"))?
                        .id,
                ),
            };
            let reader: Box<dyn BufRead> = if file.as_os_str() == "-" {
                Box::new(std::io::stdin().lock())
            } else {
                Box::new(std::io::BufReader::new(
                    std::fs::File::open(&file)
                        .with_context(|| format!("cannot open {}", file.display()))?,
                ))
            };
            let mut summary = transfer::ImportSummary::default();
            let mut lines = reader.lines().enumerate().peekable();
            while lines.peek().is_some() {
                let txn = store.begin().await?;
                for (i, line) in lines.by_ref().take(BATCH) {
                    let line = line.context("cannot read the file")?;
                    transfer::import_line(
                        &txn,
                        &line,
                        i as u64 + 1,
                        organisation,
                        now,
                        &mut summary,
                    )
                    .await?;
                }
                txn.commit().await?;
            }
            let txn = store.begin().await?;
            append(
                &txn,
                store.audit_key(),
                now,
                NewEvent::new(Actor::cli(), AuditAction::HashListImported).detail(format!(
                    "added={} merged={} refused={}",
                    summary.added, summary.merged, summary.refused
                )),
            )
            .await?;
            txn.commit().await?;
            println!("{}", serde_json::to_string(&summary)?);
        }
        HashListCommand::Export { lists } => {
            let lists = match lists {
                None => HashList::ALL.to_vec(),
                Some(lists) => HashList::parse_set(&lists)
                    .context("--lists takes csam, ncii and ai, separated by commas")?,
            };
            let lines = transfer::export(store.read(), &lists).await?;
            // Audited before a line leaves: an export that fails halfway still counts.
            let txn = store.begin().await?;
            append(
                &txn,
                store.audit_key(),
                now,
                NewEvent::new(Actor::cli(), AuditAction::HashListExported).detail(format!(
                    "entries={} lists={}",
                    lines.len(),
                    join(&lists)
                )),
            )
            .await?;
            txn.commit().await?;
            let mut stdout = std::io::stdout().lock();
            for line in lines {
                writeln!(stdout, "{}", serde_json::to_string(&line)?)?;
            }
        }
        HashListCommand::Decide { id, decision } => {
            let decision = match decision.as_str() {
                "confirm" => store::Decision::Confirm,
                "withdraw" => store::Decision::Withdraw,
                _ => bail!("decide takes confirm or withdraw"),
            };
            service::decide(&store, By::Cli, &id, decision)
                .await
                .map_err(|error| anyhow::anyhow!("{id:?}: {error}"))?;
            println!("{}", format!("{id}: {decision:?}").to_lowercase());
        }
        HashListCommand::Counts => {
            for (list, status, synthetic, n) in store::counts(store.read()).await? {
                println!(
                    "{}",
                    serde_json::json!({"list": list, "status": status, "synthetic": synthetic, "entries": n})
                );
            }
        }
    }
    Ok(())
}
