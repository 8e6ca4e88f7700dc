//! Expired staff and follow-up sessions are deleted from the session table. A periodic job
//! (every ten minutes).

use app::db::Db;
use tower_sessions::ExpiredDeletion;

use super::{Done, Failed};
use crate::session_store::DbSessionStore;

/// How often expired sessions are deleted.
pub const EVERY_SECONDS: i64 = 600;

pub async fn run(db: Db, _payload: serde_json::Value) -> Result<Done, Failed> {
    if let Err(error) = DbSessionStore::new(db.clone()).delete_expired().await {
        tracing::warn!(%error, "could not delete expired sessions");
        return Err(Failed("database"));
    }
    Ok(Done::Again(db.now() + EVERY_SECONDS))
}
