//! Retention: closed reports, with their items, hashes and messages, are deleted a set
//! number of days after closing. A periodic job (hourly); the delete is idempotent.

use app::{db::Db, report::store};

use super::{Done, Failed};

/// Reports deleted per statement: each chunk is its own short write, so the report writer's
/// batches (and staff actions) get SQLite's lock between chunks and never wait long.
const CHUNK: u64 = 200;

/// How often retention runs.
pub const EVERY_SECONDS: i64 = 3600;

pub async fn run(db: Db, retention_days: u32) -> Result<Done, Failed> {
    match run_once(&db, retention_days, db.now()).await {
        Ok(0) => {}
        Ok(deleted) => tracing::info!(deleted, "retention: deleted closed reports"),
        Err(error) => {
            tracing::warn!(%error, "retention: could not delete closed reports");
            return Err(Failed("database"));
        }
    }
    Ok(Done::Again(db.now() + EVERY_SECONDS))
}

/// Deletes reports closed more than `retention_days` before `now` (unix seconds), chunk by
/// chunk through the write path; the number deleted.
pub async fn run_once(db: &Db, retention_days: u32, now: i64) -> Result<u64, sea_orm::DbErr> {
    let cutoff = now - i64::from(retention_days) * 86_400;
    let mut total = 0;
    loop {
        let deleted = store::delete_closed_before(db.write(), cutoff, CHUNK).await?;
        total += deleted;
        if deleted < CHUNK {
            return Ok(total);
        }
        // Let queued writers in before the next chunk.
        tokio::task::yield_now().await;
    }
}
