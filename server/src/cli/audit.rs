//! `portal audit verify`: checks the whole audit chain; exits non-zero if it is broken.

use anyhow::bail;
use app::audit::store;

use crate::{config::Settings, db};

#[derive(clap::Subcommand)]
pub enum AuditCommand {
    /// Recompute every event's hash and check the chain; fails at the first altered event.
    Verify,
}

pub async fn run(command: AuditCommand) -> anyhow::Result<()> {
    let settings = Settings::from_env()?;
    let db = db::connect(&settings).await?;
    db::migrate(&db).await?;
    match command {
        AuditCommand::Verify => {
            let report = store::verify(&db).await?;
            match report.first_broken {
                None => println!("audit trail intact: {} events", report.events),
                Some(id) => bail!("audit trail altered: event {id} does not fit the chain"),
            }
        }
    }
    Ok(())
}
