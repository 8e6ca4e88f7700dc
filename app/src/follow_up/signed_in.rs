//! The reporter's sign-in session: which report, since when active, and the form token.

use tower_sessions::Session;

/// Signed out after this long without a request.
pub const IDLE_SECONDS: i64 = 15 * 60;

const REPORT: &str = "report_id";
const SEEN: &str = "seen_at";
const CSRF: &str = "csrf";

pub async fn sign_in(
    session: &Session,
    report_id: i64,
    now: i64,
) -> Result<(), tower_sessions::session::Error> {
    // A new id on sign-in: a session id seen before sign-in is worth nothing after.
    session.cycle_id().await?;
    session.insert(REPORT, report_id).await?;
    session.insert(SEEN, now).await?;
    session.insert(CSRF, crate::token::random()).await?;
    Ok(())
}

/// The signed-in report and the form token, if the session is live; an idle one is ended.
pub async fn current(session: &Session, now: i64) -> Option<(i64, String)> {
    let report_id: i64 = session.get(REPORT).await.ok()??;
    let seen: i64 = session.get(SEEN).await.ok()??;
    if now - seen > IDLE_SECONDS {
        let _ = session.flush().await;
        return None;
    }
    let _ = session.insert(SEEN, now).await;
    let csrf: String = session.get(CSRF).await.ok()??;
    Some((report_id, csrf))
}

pub async fn sign_out(session: &Session) {
    let _ = session.flush().await;
}
