//! The audit chain's head, written to the log stream whenever it moved: a periodic job
//! (every minute). The key makes an edited event detectable; what it cannot show is the
//! newest events deleted, or the chain rewritten by someone who has the key too. A head kept
//! where the database's users cannot reach it can: operators ship the log stream off the
//! machine, and `portal audit verify --checkpoint` checks the chain against any line of it.
//! Read after commit, so every head logged is one that exists.

use std::sync::atomic::{AtomicI64, Ordering};

use app::db::Db;

use super::{Done, Failed};

/// How often the head is looked at.
pub const EVERY_SECONDS: i64 = 60;

/// The last head this process logged, so an unchanged head is not logged again.
static LOGGED: AtomicI64 = AtomicI64::new(0);

pub async fn run(db: Db, _payload: serde_json::Value) -> Result<Done, Failed> {
    match app::audit::store::head(db.read()).await {
        Ok(Some(head)) => {
            if LOGGED.swap(head.id, Ordering::Relaxed) != head.id {
                tracing::info!(target: "portal::audit", id = head.id, hash = %head.hash, "audit head");
            }
        }
        Ok(None) => {}
        Err(error) => {
            tracing::warn!(%error, "could not read the audit head");
            return Err(Failed("database"));
        }
    }
    Ok(Done::Again(db.now() + EVERY_SECONDS))
}
