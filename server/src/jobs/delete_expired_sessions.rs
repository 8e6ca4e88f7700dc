//! Expired staff and follow-up sessions are deleted from the session table.

use tower_sessions::ExpiredDeletion;

use crate::session_store::DbSessionStore;

/// Deletes expired sessions every `period`, for as long as the server runs.
pub async fn delete_expired_periodically(store: DbSessionStore, period: std::time::Duration) {
    let mut interval = tokio::time::interval(period);
    loop {
        interval.tick().await;
        if let Err(err) = store.delete_expired().await {
            tracing::warn!(error = %err, "could not delete expired sessions");
        }
    }
}
