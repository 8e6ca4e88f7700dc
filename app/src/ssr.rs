//! Server-only helpers for server functions: the database, and the signed-in staff member
//! with a permission check.

use leptos::prelude::*;
use sea_orm::DatabaseConnection;

use crate::staff::{
    Permission, StaffFnError,
    access::{self, SignedInStaff},
};

/// The database, as the server put it in the Leptos context.
pub fn db() -> Result<DatabaseConnection, StaffFnError> {
    use_context::<DatabaseConnection>().ok_or(StaffFnError::Internal)
}

/// Logs an unexpected error once, here at the boundary, and hides it from the browser.
pub fn internal(error: impl std::fmt::Display) -> StaffFnError {
    tracing::error!(%error, "a staff server function failed");
    StaffFnError::Internal
}

/// The signed-in staff member, if their role permits `permission`; otherwise the response
/// becomes 401 (not signed in) or 403 (wrong role) and the server function returns an error.
pub async fn require_staff(permission: Permission) -> Result<SignedInStaff, StaffFnError> {
    let session: tower_sessions::Session = leptos_axum::extract().await.map_err(internal)?;
    let db = db()?;
    access::authorize(&session, &db, permission)
        .await
        .inspect_err(|error| {
            if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                response.set_status(error.status());
            }
        })
        .map_err(StaffFnError::from)
}
