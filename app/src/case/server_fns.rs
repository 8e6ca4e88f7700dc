//! The queue's and the case page's server functions. Each one authorises first
//! (`require_staff`), then returns a DTO. Missing arguments take their defaults, so a
//! request without them is refused for who sent it, not for its shape.

use leptos::prelude::*;

use super::dto::{CaseView, QueueFilters, QueueView};
use crate::error::AppError;

#[server(prefix = "/api/staff", endpoint = "queue")]
pub async fn load_queue(#[server(default)] filters: QueueFilters) -> Result<QueueView, AppError> {
    use crate::staff::Permission;
    let staff = crate::ssr::require_staff(Permission::ViewQueue).await?;
    let store = crate::ssr::db()?;
    super::queue::load(store.read(), &filters, &staff.member, store.now())
        .await
        .map_err(crate::ssr::internal)
}

/// `None` when there is no such case (withdrawn by the reporter, or deleted after closing).
#[server(prefix = "/api/staff", endpoint = "case")]
pub async fn load_case(#[server(default)] id: i64) -> Result<Option<CaseView>, AppError> {
    use crate::staff::Permission;
    let staff = crate::ssr::require_case(Permission::ViewCase, id).await?;
    let db = crate::ssr::db()?;
    let case = super::service::view(db.read(), &staff.member, staff.csrf, id, db.now())
        .await
        .map_err(crate::ssr::internal)?;
    if case.is_none() {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(http::StatusCode::NOT_FOUND);
        }
    } else {
        super::service::record_view(&db, &staff.member, id)
            .await
            .map_err(crate::ssr::internal)?;
    }
    Ok(case)
}
