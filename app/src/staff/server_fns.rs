//! The staff pages' server functions. Each one authorises first (`require_staff`), then
//! returns a DTO.

use leptos::prelude::*;

use super::dto::{AdminView, AuditView, HomeView};
use crate::error::AppError;

#[server(prefix = "/api/staff", endpoint = "home")]
pub async fn load_staff_home() -> Result<HomeView, AppError> {
    use super::{Permission, permits};
    let staff = crate::ssr::require_staff(Permission::OpenWorkspace).await?;
    // Reads only.
    let db = crate::ssr::db()?.read().clone();
    let member = staff.member;
    let organisation = match member.organisation_id {
        Some(id) => crate::directory::organisations(&db)
            .await
            .map_err(crate::ssr::internal)?
            .into_iter()
            .find(|o| o.id == id)
            .map(|o| o.name),
        None => None,
    };
    Ok(HomeView {
        name: member.display_name,
        role: member.role,
        organisation,
        csrf: staff.csrf,
        can_view_queue: permits(member.role, Permission::ViewQueue),
        can_manage_staff: permits(member.role, Permission::ManageStaff),
        can_view_audit: permits(member.role, Permission::ViewAudit),
        can_manage_providers: permits(member.role, Permission::ManageProviders),
        can_manage_platforms: permits(member.role, Permission::ManagePlatforms),
        can_decide_hash_entries: permits(member.role, Permission::DecideHashEntries),
    })
}

#[server(prefix = "/api/staff", endpoint = "admin")]
pub async fn load_staff_admin() -> Result<AdminView, AppError> {
    use super::{
        Permission,
        dto::{InvitationRow, OrganisationRow, StaffRow},
        service,
    };
    let staff = crate::ssr::require_staff(Permission::ManageStaff).await?;
    // Reads only.
    let db = crate::ssr::db()?.read().clone();
    let internal = crate::ssr::internal;
    let organisations = crate::directory::organisations(&db)
        .await
        .map_err(internal)?;
    let org_name = |id: Option<i64>| {
        id.and_then(|id| organisations.iter().find(|o| o.id == id))
            .map(|o| o.name.clone())
    };
    let staff_rows = service::accounts(&db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|a| StaffRow {
            id: a.id,
            name: a.display_name,
            email: a.email,
            role: a.role,
            organisation_id: a.organisation_id,
            last_sign_in: a.last_sign_in_at.map(crate::time::date_time),
            disabled: a.disabled_at.is_some(),
        })
        .collect();
    let invitations = service::open_invitations(&db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|i| InvitationRow {
            who: i.email.or(i.subject).unwrap_or_default(),
            role: i.role,
            organisation: org_name(i.organisation_id),
            invited_on: crate::time::date_time(i.created_at),
        })
        .collect();
    let owner_rules = crate::directory::owners::rules(&db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|rule| super::dto::OwnerRuleRow {
            country: rule.country,
            category: rule.category,
            organisation: org_name(Some(rule.organisation_id)).unwrap_or_default(),
        })
        .collect();
    let jobs_pending = crate::jobs::pending_count(&db).await.map_err(internal)? as u32;
    let dead_jobs = crate::jobs::dead(&db, 50)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|job| super::dto::DeadJobRow {
            id: job.id,
            kind: job.kind,
            attempts: job.attempts,
            error: job.last_error,
            // A dead job's `run_at` is when it failed the last time.
            last_tried: crate::time::date_time(job.run_at),
        })
        .collect();
    Ok(AdminView {
        me: staff.member.id,
        owner_rules,
        jobs_pending,
        dead_jobs,
        csrf: staff.csrf,
        staff: staff_rows,
        invitations,
        organisations: organisations
            .into_iter()
            .map(|o| OrganisationRow {
                id: o.id,
                name: o.name,
                kind: o.kind,
            })
            .collect(),
    })
}

#[server(prefix = "/api/staff", endpoint = "audit")]
pub async fn load_audit_trail() -> Result<AuditView, AppError> {
    use super::Permission;
    use crate::audit::store;
    crate::ssr::require_staff(Permission::ViewAudit).await?;
    // Reads only.
    let store_handle = crate::ssr::db()?;
    let db = store_handle.read();
    let chain = store::verify(db, store_handle.audit_key())
        .await
        .map_err(crate::ssr::internal)?;
    let events = store::recent(db, 200).await.map_err(crate::ssr::internal)?;
    Ok(AuditView { chain, events })
}
