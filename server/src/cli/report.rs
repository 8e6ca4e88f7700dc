//! `portal report ...`: the staff side of reports until the staff workspace lands. Finds a
//! report by an address it names (the receipt stays the reporter's alone) and writes to it.

use anyhow::{Context, bail};
use app::report::{store, urls};

use crate::{config::Settings, db};

#[derive(clap::Subcommand)]
pub enum ReportCommand {
    /// Print the ids of reports that name this web address.
    Find { url: String },
    /// Write a message from staff to the reporter of a report.
    Message { id: i64, text: String },
    /// Close a report; retention deletes it after PORTAL_RETENTION_DAYS.
    Close { id: i64 },
}

pub async fn run(command: ReportCommand) -> anyhow::Result<()> {
    let settings = Settings::from_env()?;
    let db = db::connect(&settings).await?;
    db::migrate(&db).await?;
    let now = settings.clock.now();
    match command {
        ReportCommand::Find { url } => {
            let url = urls::normalise(&url)
                .map_err(|id| anyhow::anyhow!("not a usable web address ({id})"))?;
            for id in store::find_by_url(&db, &url).await? {
                println!("{id}");
            }
        }
        ReportCommand::Message { id, text } => {
            if store::find(&db, id).await?.is_none() {
                bail!("no report {id}");
            }
            let text = text.trim();
            if text.is_empty() {
                bail!("the message is empty");
            }
            store::add_message(&db, id, true, text, now)
                .await
                .context("could not save the message")?;
        }
        ReportCommand::Close { id } => {
            if !store::close_report(&db, id, now).await? {
                bail!("no report {id}");
            }
        }
    }
    Ok(())
}
