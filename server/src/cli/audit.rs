//! `portal audit verify` checks the whole audit chain and exits non-zero if it is broken, or,
//! with `--checkpoint FILE`, if it no longer holds a head saved earlier; `portal audit head`
//! prints the current head as such a file.

use std::path::PathBuf;

use anyhow::{Context, bail};
use app::audit::{
    ChainHead,
    store::{self, CheckpointMissed},
};

use crate::{config::Settings, db};

#[derive(clap::Subcommand)]
pub enum AuditCommand {
    /// Recompute every event's hash and check the chain; fails at the first altered event.
    Verify {
        /// A head saved earlier (the output of `portal audit head`, or a line of the log
        /// stream's `audit head` events): the chain must still hold it.
        #[arg(long)]
        checkpoint: Option<PathBuf>,
    },
    /// Print the newest event's id and hash as JSON, to keep outside the database.
    Head,
}

pub async fn run(command: AuditCommand) -> anyhow::Result<()> {
    let settings = Settings::from_env()?;
    let db = db::connect(&settings).await?;
    db::migrate(&db).await?;
    let key = settings.audit_key();
    match command {
        AuditCommand::Verify { checkpoint: None } => {
            let report = store::verify(&db, &key).await?;
            match report.first_broken {
                None => println!("audit trail intact: {}", counted(&report)),
                Some(id) => bail!("audit trail altered: event {id} does not fit the chain"),
            }
        }
        AuditCommand::Verify {
            checkpoint: Some(path),
        } => {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let checkpoint = parse_checkpoint(&text)
                .with_context(|| format!("{} holds no audit head", path.display()))?;
            match store::verify_against(&db, &key, &checkpoint).await? {
                Ok(report) if report.is_intact() => println!(
                    "audit trail intact: {}, holding the checkpoint's event {}",
                    counted(&report),
                    checkpoint.id
                ),
                Ok(report) => bail!(
                    "audit trail altered: event {} does not fit the chain",
                    report.first_broken.unwrap_or_default()
                ),
                Err(CheckpointMissed::Differs) => bail!(
                    "audit trail rewritten: event {} is not the one the checkpoint saved",
                    checkpoint.id
                ),
                Err(CheckpointMissed::Gone { events }) => bail!(
                    "audit trail cut short: it ends at event {events}, before the checkpoint's \
                     event {}",
                    checkpoint.id
                ),
            }
        }
        AuditCommand::Head => match store::head(&db).await? {
            Some(head) => println!("{}", serde_json::to_string(&head)?),
            None => bail!("the audit trail is empty"),
        },
    }
    Ok(())
}

fn counted(report: &app::audit::ChainReport) -> String {
    match report.legacy_events {
        0 => format!("{} events", report.events),
        legacy => format!(
            "{} events ({legacy} from before the chain was keyed)",
            report.events
        ),
    }
}

/// A head from `portal audit head` (`{"id":…,"hash":"…"}`) or from the last `audit head`
/// line of a JSON log (its fields under `fields`, as `PORTAL_LOG_FORMAT=json` writes them).
fn parse_checkpoint(text: &str) -> Option<ChainHead> {
    text.lines().rev().find_map(|line| {
        let value: serde_json::Value = serde_json::from_str(line.trim()).ok()?;
        let fields = value.get("fields").unwrap_or(&value);
        let id = fields.get("id")?.as_i64()?;
        let hash = fields.get("hash")?.as_str()?;
        (hash.len() == 64).then(|| ChainHead {
            id,
            hash: hash.to_owned(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::parse_checkpoint;

    #[test]
    fn a_checkpoint_is_read_from_the_head_command_or_a_json_log() {
        let hash = "ab".repeat(32);
        let head = parse_checkpoint(&format!("{{\"id\":7,\"hash\":\"{hash}\"}}\n")).unwrap();
        assert_eq!((head.id, head.hash.as_str()), (7, hash.as_str()));
        let log = format!(
            "{{\"level\":\"INFO\",\"fields\":{{\"message\":\"audit head\",\"id\":8,\"hash\":\"{hash}\"}}}}\n\
             {{\"level\":\"INFO\",\"fields\":{{\"message\":\"GET /\"}}}}\n"
        );
        assert_eq!(parse_checkpoint(&log).unwrap().id, 8);
        assert!(parse_checkpoint("audit head id=8").is_none());
        assert!(parse_checkpoint("{\"id\":8,\"hash\":\"short\"}").is_none());
    }
}
