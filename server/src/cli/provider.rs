//! `portal provider list` and `portal provider show ID`: the provider directory as the
//! portal has it (the seed plus administrators' edits), read from the configured database.
//! JSON Lines on stdout. It only reads: the portal seeds the directory when it starts (a
//! command line of another version must not roll the entries back to its own seed).

use std::io::Write;

use anyhow::bail;
use app::hosting::directory::{self, StoredProvider};
use serde_json::json;

use crate::{config::Settings, db};

#[derive(clap::Subcommand)]
pub enum ProviderCommand {
    /// One line per provider: id, name, kinds, country, channel, verified, edited.
    List,
    /// One provider's whole entry: channels, matching, sources, who last edited it.
    Show { id: String },
}

fn summary(stored: &StoredProvider) -> serde_json::Value {
    let record = &stored.record;
    json!({
        "id": record.id,
        "name": record.name,
        "kinds": record.kinds,
        "country": record.country,
        "channel": record.channel,
        "verified": record.verified,
        "edited_at": stored.edited_at.map(app::time::rfc3339),
    })
}

pub async fn run(command: ProviderCommand) -> anyhow::Result<()> {
    let settings = Settings::from_env()?;
    let db = db::connect(&settings).await?;
    db::migrate(&db).await?;
    let mut stdout = std::io::stdout().lock();
    match command {
        ProviderCommand::List => {
            let all = directory::all(&db).await?;
            if all.is_empty() {
                eprintln!(
                    "the directory is empty: the portal fills it from its seed when it starts"
                );
            }
            for stored in all {
                writeln!(stdout, "{}", summary(&stored))?;
            }
        }
        ProviderCommand::Show { id } => {
            let Some(stored) = directory::find(&db, &id).await? else {
                bail!("no provider with id {id:?} (see `portal provider list`)");
            };
            let mut entry = serde_json::to_value(&stored.record)?;
            entry["edited_at"] = json!(stored.edited_at.map(app::time::rfc3339));
            entry["edited_by"] = json!(stored.edited_by);
            entry["updated_at"] = json!(app::time::rfc3339(stored.updated_at));
            writeln!(stdout, "{entry}")?;
        }
    }
    stdout.flush()?;
    Ok(())
}
