//! Server-only helpers for server functions and form handlers: the one request context, and
//! the signed-in staff member with a permission check.

use leptos::prelude::*;

pub use crate::error::internal;
use crate::{
    abuse::Limits,
    db::Db,
    error::AppError,
    report::{ExitedDrafts, ReportKeys, writer::ReportWriter},
    staff::{
        Permission,
        access::{self, SignedInStaff},
    },
};

/// What every server function, form handler and page render gets from the server: the
/// database (with its clock), the report writer, the report keys and the rate limits.
#[derive(Clone)]
pub struct AppContext {
    /// Reads, writes (one write path) and "now".
    pub db: Db,
    /// New reports, stored by group commit on SQLite (`report::writer`); it writes through
    /// the same connection as `db`'s write path.
    pub reports: ReportWriter,
    pub keys: ReportKeys,
    pub limits: Limits,
    /// Drafts left by quick exit without JavaScript (`report::ExitedDrafts`).
    pub exits: std::sync::Arc<ExitedDrafts>,
}

/// The request context, as the server put it in the Leptos context.
pub fn context() -> Result<AppContext, AppError> {
    use_context::<AppContext>().ok_or(AppError::Internal)
}

/// The database, from the request context.
pub fn db() -> Result<Db, AppError> {
    Ok(context()?.db)
}

/// The signed-in staff member, if their role permits `permission`; otherwise the response
/// becomes 401 (not signed in) or 403 (wrong role) and the server function returns an error.
pub async fn require_staff(permission: Permission) -> Result<SignedInStaff, AppError> {
    let session: tower_sessions::Session = leptos_axum::extract().await.map_err(internal)?;
    let db = db()?;
    access::authorize(&session, &db, permission)
        .await
        .map_err(AppError::from)
        .inspect_err(set_status)
}

/// [`require_staff`] for one case: also refused when the case belongs to another
/// organisation (`staff::access::authorize_case`).
pub async fn require_case(permission: Permission, case_id: i64) -> Result<SignedInStaff, AppError> {
    let session: tower_sessions::Session = leptos_axum::extract().await.map_err(internal)?;
    let db = db()?;
    access::authorize_case(&session, &db, permission, case_id)
        .await
        .map_err(AppError::from)
        .inspect_err(set_status)
}

/// Sets the response's HTTP status for `error` (as [`AppError::status`] chooses it).
pub fn set_status(error: &AppError) {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(status) = http::StatusCode::from_u16(error.status())
    {
        response.set_status(status);
    }
}
