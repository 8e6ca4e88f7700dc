//! The staff sign-in session: who, since when, last seen, and the form token.
//!
//! Staff sessions end after [`IDLE_SECONDS`] without a request and [`MAX_SECONDS`] after
//! sign-in, whatever happens; sign-out deletes the session row and the cookie.

use tower_sessions::Session;

/// Signed out after this long without a request.
pub const IDLE_SECONDS: i64 = 30 * 60;
/// Signed out this long after signing in, active or not: a new sign-in at the identity
/// provider picks up a disabled account or a changed role there.
pub const MAX_SECONDS: i64 = 10 * 60 * 60;

const STAFF: &str = "staff_id";
const SINCE: &str = "staff_since";
const SEEN: &str = "staff_seen_at";
const CSRF: &str = "csrf";

pub async fn sign_in(
    session: &Session,
    staff_id: i64,
    now: i64,
) -> Result<(), tower_sessions::session::Error> {
    // Nothing from before sign-in carries over (the pending OpenID state, a reporter's
    // session), and the id changes: a session id seen before sign-in is worth nothing after.
    session.clear().await;
    session.cycle_id().await?;
    session.insert(STAFF, staff_id).await?;
    session.insert(SINCE, now).await?;
    session.insert(SEEN, now).await?;
    session.insert(CSRF, crate::token::random()).await?;
    Ok(())
}

/// The signed-in staff id and the form token, if the session is live; a stale one is ended.
pub async fn current(session: &Session, now: i64) -> Option<(i64, String)> {
    let staff_id: i64 = session.get(STAFF).await.ok()??;
    let since: i64 = session.get(SINCE).await.ok()??;
    let seen: i64 = session.get(SEEN).await.ok()??;
    if now - seen > IDLE_SECONDS || now - since > MAX_SECONDS {
        let _ = session.flush().await;
        return None;
    }
    // Written at most once a minute: every page load would otherwise be a database write.
    if now - seen > 60 {
        let _ = session.insert(SEEN, now).await;
    }
    let csrf: String = session.get(CSRF).await.ok()??;
    Some((staff_id, csrf))
}

/// The staff member this session was signed in as, whether or not it is still live: a form
/// that arrives after the session ended keeps its text for them only.
pub async fn last_member(session: &Session) -> Option<i64> {
    session.get(STAFF).await.ok()?
}

pub async fn sign_out(session: &Session) {
    let _ = session.flush().await;
}
