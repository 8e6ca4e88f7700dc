//! The provider directory's server functions. Each one authorises first (`require_staff`),
//! then returns a DTO.

use leptos::prelude::*;

use super::dto::{ProviderView, ProvidersView};
use crate::error::AppError;

#[server(prefix = "/api/staff", endpoint = "providers")]
pub async fn load_providers() -> Result<ProvidersView, AppError> {
    use super::{directory, dto::ProviderRow};
    use crate::staff::Permission;
    let staff = crate::ssr::require_staff(Permission::ManageProviders).await?;
    let db = crate::ssr::db()?.read().clone();
    let rows = directory::all(&db)
        .await
        .map_err(crate::ssr::internal)?
        .into_iter()
        .map(|stored| ProviderRow {
            edited: stored.edited_at.is_some(),
            id: stored.record.id,
            name: stored.record.name,
            country: stored.record.country,
            channel: stored.record.channel,
            kinds: stored.record.kinds,
            verified: stored.record.verified,
        })
        .collect();
    Ok(ProvidersView {
        csrf: staff.csrf,
        rows,
    })
}

/// `None` when there is no such provider.
#[server(prefix = "/api/staff", endpoint = "provider")]
pub async fn load_provider(
    #[server(default)] id: String,
) -> Result<Option<ProviderView>, AppError> {
    use super::{directory, dto::ProviderForm};
    use crate::staff::Permission;
    let staff = crate::ssr::require_staff(Permission::ManageProviders).await?;
    let db = crate::ssr::db()?.read().clone();
    let internal = crate::ssr::internal;
    let Some(stored) = directory::find(&db, &id).await.map_err(internal)? else {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(http::StatusCode::NOT_FOUND);
        }
        return Ok(None);
    };
    let edited = match (stored.edited_at, stored.edited_by) {
        (Some(at), Some(by)) => {
            let name = crate::staff::service::find_member(&db, by)
                .await
                .map_err(internal)?
                .map(|member| member.display_name)
                .unwrap_or_default();
            Some((crate::time::date_time(at), name))
        }
        _ => None,
    };
    let record = stored.record;
    let mut form = ProviderForm::from_record(&record);
    form.version = stored.updated_at.to_string();
    Ok(Some(ProviderView {
        csrf: staff.csrf,
        id: record.id.clone(),
        form,
        api: record.dsa.api.clone(),
        sources: record.sources.into_iter().collect(),
        unverified: record.unverified,
        edited,
    }))
}
