//! Delivers one notice from the outbox (`app::notice::outbox`). Idempotent: a notice that is
//! no longer queued (delivered, or dead) is left alone, so a job that runs twice sends once,
//! except when its instance died between the mail server's acceptance and the mark below.
//! That gap is one database write; the repeat carries the same Message-ID.

use std::{sync::Arc, time::Duration};

use app::{
    db::Db,
    notice::{NoticeStatus, outbox},
};

use super::{Done, Failed};
use crate::clients::smtp::{Mailer, SendError};

pub async fn deliver(
    db: Db,
    payload: serde_json::Value,
    mailer: Option<Arc<Mailer>>,
    limit: Duration,
) -> Result<Done, Failed> {
    let job: outbox::DeliverJob =
        serde_json::from_value(payload).map_err(|_| Failed("bad_payload"))?;
    let id = job.notice;
    let found = outbox::find(db.read(), id).await.map_err(db_failed)?;
    let Some(notice) = found.filter(|n| n.status == NoticeStatus::Queued) else {
        return Ok(Done::Finished);
    };
    // The whole exchange within a third of the job's lease (lettre's timeout is per read
    // and write): a slow server never lets another instance take the notice over meanwhile.
    let outcome = match &mailer {
        Some(mailer) => tokio::time::timeout(limit, mailer.send(&notice))
            .await
            .unwrap_or(Err(SendError::Transient("smtp_timeout"))),
        None => Err(SendError::Transient("no_smtp")),
    };
    match outcome {
        Ok(()) => {
            outbox::mark_sent(&db, id, db.now())
                .await
                .map_err(db_failed)?;
            Ok(Done::Finished)
        }
        Err(SendError::Permanent(code)) => {
            outbox::record_failure(&db, id, code, true, db.now())
                .await
                .map_err(db_failed)?;
            Ok(Done::Finished)
        }
        Err(SendError::Transient(code)) => {
            let dead = outbox::record_failure(&db, id, code, false, db.now())
                .await
                .map_err(db_failed)?;
            if dead {
                Ok(Done::Finished)
            } else {
                Err(Failed(code))
            }
        }
    }
}

fn db_failed(error: sea_orm::DbErr) -> Failed {
    tracing::warn!(%error, "notice delivery: database");
    Failed("database")
}
