//! Text a staff member typed into a case form after their session ended (idle for 30 minutes,
//! or past its 10 hours), kept through signing in again: writing a careful note is exactly
//! when the session runs out.
//!
//! The post is refused as before, but its text goes into the browser's session on the server
//! (the cookie holds only the session's id), next to the pending sign-in; the page says so and
//! offers the sign-in. After it, the callback sends the person back to the page they were on,
//! and that page's first load shows the text in its box again, once. Kept for 30 minutes, and
//! only for the member who typed it when the session still said who that was.

use app::{case::PostedCaseForm, staff::signed_in};
use axum::{
    extract::{Request, State},
    middleware::Next,
    response::Response,
};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::state::AppState;

const DRAFT: &str = "staff_draft";
const KEPT_SECONDS: i64 = 30 * 60;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StaffDraft {
    /// The page's address (with its language prefix), where the text goes back.
    pub path: String,
    /// Who typed it, if the ended session still said.
    pub member: Option<i64>,
    pub form: PostedCaseForm,
    pub at: i64,
}

/// Keeps a refused case form's text; false when there was none (or it could not be kept).
pub async fn keep(session: &Session, path: &str, form: &[(String, String)], now: i64) -> bool {
    let typed = PostedCaseForm::typed(form);
    if !typed.has_text() || !is_staff_page(path) {
        return false;
    }
    let draft = StaffDraft {
        path: path.to_owned(),
        member: signed_in::last_member(session).await,
        form: typed,
        at: now,
    };
    match session.insert(DRAFT, draft).await {
        Ok(()) => true,
        Err(error) => {
            tracing::error!(%error, "could not keep a staff draft");
            false
        }
    }
}

/// The kept draft, taken out of the session (the sign-in clears the session, and puts it
/// back with [`put_back`]).
pub async fn take(session: &Session, now: i64) -> Option<StaffDraft> {
    let draft: StaffDraft = session.remove(DRAFT).await.ok()??;
    (now - draft.at <= KEPT_SECONDS).then_some(draft)
}

pub async fn put_back(session: &Session, draft: StaffDraft) {
    if let Err(error) = session.insert(DRAFT, draft).await {
        tracing::error!(%error, "could not keep a staff draft through sign-in");
    }
}

/// Whether `path` is a staff page a draft may go back to (never somewhere else: it becomes
/// the sign-in's redirect).
fn is_staff_page(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains(['\\', '?', '#'])
        && app::shell::is_staff_path(path)
}

/// On a GET of the page a draft was typed on, by the member who typed it, signed in: the
/// draft goes into the request, where the page's form finds it (`app::forms::posted`).
pub async fn restore(
    State(state): State<AppState>,
    session: Session,
    mut request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    if request.method() == http::Method::GET && app::shell::is_staff_path(&path) {
        let now = state.app.db.now();
        let wanted = session
            .get::<StaffDraft>(DRAFT)
            .await
            .ok()
            .flatten()
            .is_some_and(|draft| draft.path == path);
        if wanted
            && let Some((member, _)) = signed_in::current(&session, now).await
            && let Some(draft) = take(&session, now).await
            && draft.member.is_none_or(|m| m == member)
        {
            let form = PostedCaseForm {
                error: Some("staff-draft-restored".to_owned()),
                ..draft.form
            };
            request.extensions_mut().insert(form);
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::is_staff_page;

    #[test]
    fn a_draft_goes_back_only_to_a_staff_page_of_this_portal() {
        assert!(is_staff_page("/staff/cases/4"));
        assert!(is_staff_page("/nl/staff/cases/4"));
        assert!(!is_staff_page("//evil.example/staff"));
        assert!(!is_staff_page("/report"));
        assert!(!is_staff_page("https://evil.example/staff"));
        assert!(!is_staff_page("/staff/cases/4?x=1"));
    }
}
