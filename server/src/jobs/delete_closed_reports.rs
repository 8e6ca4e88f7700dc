//! Retention: closed reports, with their items, hashes and messages, are deleted a set
//! number of days after closing. Runs in every instance; the delete is idempotent.

use std::time::Duration;

use app::report::store;
use sea_orm::DatabaseConnection;

pub async fn delete_closed_periodically(db: DatabaseConnection, retention_days: u32) {
    let mut tick = tokio::time::interval(Duration::from_secs(3600));
    loop {
        tick.tick().await;
        match run_once(&db, retention_days, store::now()).await {
            Ok(0) => {}
            Ok(deleted) => tracing::info!(deleted, "retention: deleted closed reports"),
            Err(error) => tracing::warn!(%error, "retention: could not delete closed reports"),
        }
    }
}

/// Deletes reports closed more than `retention_days` before `now` (unix seconds).
pub async fn run_once(
    db: &DatabaseConnection,
    retention_days: u32,
    now: i64,
) -> Result<u64, sea_orm::DbErr> {
    store::delete_closed_before(db, now - i64::from(retention_days) * 86_400).await
}
