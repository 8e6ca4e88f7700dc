//! Server-only helpers for server functions: the database, and the signed-in staff member
//! with a permission check.

use leptos::prelude::*;
use sea_orm::DatabaseConnection;

pub use crate::error::internal;
use crate::{
    error::AppError,
    staff::{
        Permission,
        access::{self, SignedInStaff},
    },
};

/// The database, as the server put it in the Leptos context.
pub fn db() -> Result<DatabaseConnection, AppError> {
    use_context::<DatabaseConnection>().ok_or(AppError::Internal)
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

/// Sets the response's HTTP status for `error` (as [`AppError::status`] chooses it).
pub fn set_status(error: &AppError) {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(status) = http::StatusCode::from_u16(error.status())
    {
        response.set_status(status);
    }
}
