//! The hash list's staff server functions. Each one authorises first (`require_staff`), then
//! returns a DTO.

use leptos::prelude::*;

use super::dto::{HashListView, PlatformsView};
use crate::error::AppError;

/// How many disputed entries the page lists at once (oldest first).
#[cfg(feature = "ssr")]
const DISPUTED_SHOWN: u64 = 200;

#[server(prefix = "/api/staff", endpoint = "platforms")]
pub async fn load_platforms() -> Result<PlatformsView, AppError> {
    use super::{dto::PlatformRow, platform};
    use crate::staff::Permission;
    let staff = crate::ssr::require_staff(Permission::ManagePlatforms).await?;
    let store = crate::ssr::db()?;
    let db = store.read().clone();
    let internal = crate::ssr::internal;
    let from_day = store.now().div_euclid(86_400) - 30;
    let mut rows = Vec::new();
    for p in platform::all(&db).await.map_err(internal)? {
        let (calls, items) = platform::usage_since(&db, p.id, from_day)
            .await
            .map_err(internal)?
            .into_iter()
            .fold((0, 0), |(c, i), (_, calls, items)| (c + calls, i + items));
        rows.push(PlatformRow {
            id: p.id,
            name: p.name,
            key_hint: p.key_hint,
            scopes: p.scopes,
            lists: p.lists,
            sandbox: p.sandbox,
            per_minute: p.per_minute,
            created: crate::time::date_time(p.created_at),
            revoked: p.revoked_at.map(crate::time::date_time),
            webhook: p.webhook_url,
            calls_30_days: calls,
            items_30_days: items,
        });
    }
    // Keys in use first; revoked ones stay listed, for the record.
    rows.sort_by_key(|row| row.revoked.is_some());
    Ok(PlatformsView {
        csrf: staff.csrf,
        rows,
    })
}

#[server(prefix = "/api/staff", endpoint = "hash-list")]
pub async fn load_hash_list() -> Result<HashListView, AppError> {
    use super::{
        EntryStatus, HashList,
        dto::{CountRow, DisputedRow, FeedbackRow},
        store,
    };
    use crate::staff::{Permission, access::may_handle};
    let staff = crate::ssr::require_staff(Permission::DecideHashEntries).await?;
    let db = crate::ssr::db()?.read().clone();
    let internal = crate::ssr::internal;
    let mut counts: Vec<CountRow> = HashList::ALL
        .into_iter()
        .map(|list| CountRow {
            list: Some(list),
            ..CountRow::default()
        })
        .collect();
    for (list, status, synthetic, n) in store::counts(&db).await.map_err(internal)? {
        let Some(row) = counts.iter_mut().find(|r| r.list == Some(list)) else {
            continue;
        };
        if synthetic {
            continue;
        }
        match status {
            EntryStatus::SelfReported => row.self_reported += n,
            EntryStatus::AnalystConfirmed => row.analyst_confirmed += n,
            EntryStatus::Disputed => row.disputed += n,
            EntryStatus::Withdrawn => row.withdrawn += n,
        }
    }
    // Only what this analyst's organisation answers for (the rule cases follow).
    let disputed = store::disputed(&db, DISPUTED_SHOWN)
        .await
        .map_err(internal)?
        .into_iter()
        .filter(|d| may_handle(&staff.member, d.organisation))
        .map(|d| DisputedRow {
            id: d.id,
            list: d.list,
            kind: d.kind,
            case: d.report_id,
            feedback: d
                .feedback
                .into_iter()
                .map(|f| FeedbackRow {
                    platform: f.platform,
                    verdict: f.verdict,
                    reason: f.reason,
                    at: crate::time::date_time(f.at),
                })
                .collect(),
        })
        .collect();
    Ok(HashListView {
        csrf: staff.csrf,
        counts,
        disputed,
    })
}
