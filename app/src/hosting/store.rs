//! Storing resolutions (one per host), finding them for a case, and the jobs that make them.

use std::collections::{HashMap, HashSet};

use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::OnConflict,
};

use super::{Resolution, entity::resolution};
use crate::{
    jobs::{self, NewJob},
    report::{ItemKind, entity::item},
};

/// The host of a reported address (lower case, no trailing dot), as resolutions are keyed.
/// None for a name longer than DNS allows (253): it cannot resolve, and is not looked up.
pub fn host_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let host = parsed
        .host_str()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    (!host.is_empty() && host.len() <= 253).then_some(host)
}

/// What a resolution job is asked: the host, and whether to resolve it even if fresh.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ResolveJob {
    pub host: String,
    #[serde(default)]
    pub again: bool,
}

/// The job that resolves `host` at `run_at`, on the caller's transaction.
pub async fn enqueue_resolution(
    db: &impl ConnectionTrait,
    host: &str,
    again: bool,
    run_at: i64,
) -> Result<(), DbErr> {
    jobs::enqueue(db, resolution_job(host, again, run_at), run_at).await
}

/// The jobs for many hosts at once (a batch of new reports), one statement per chunk.
pub async fn enqueue_resolutions(
    db: &impl ConnectionTrait,
    hosts: &[String],
    again: bool,
    run_at: i64,
) -> Result<(), DbErr> {
    let jobs = hosts
        .iter()
        .map(|h| resolution_job(h, again, run_at))
        .collect();
    jobs::enqueue_many(db, jobs, run_at).await
}

fn resolution_job(host: &str, again: bool, run_at: i64) -> NewJob {
    let mut job = NewJob::new(
        jobs::kind::RESOLVE_HOSTING,
        ResolveJob {
            host: host.to_owned(),
            again,
        },
        run_at,
    );
    // Only a lookup asked again (staff, the refresh) is one per host by key. Those queued by
    // the intake carry no key: on PostgreSQL a transaction inserting a unique key another
    // open transaction inserted waits for that one's commit, which serialised every report
    // naming the same site (make bench-intake: 1,475 reports/s and p99 271 ms at 1,000/s,
    // against 2,231/s and 7 ms without). The job skips a host resolved recently instead, so
    // a dozen reports of one site still make one resolution.
    if again {
        job.dedupe_key = Some(dedupe_key(host));
    }
    job
}

/// The job's singleton key: the host's SHA-256, so a host of any length fits the column.
pub fn dedupe_key(host: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(host.as_bytes());
    format!(
        "{}:{}",
        jobs::kind::RESOLVE_HOSTING,
        crate::token::hex(&digest)
    )
}

/// Saves (or replaces) the resolution of `host`.
pub async fn save(
    db: &impl ConnectionTrait,
    host: &str,
    resolution: &Resolution,
    at: i64,
) -> Result<(), DbErr> {
    let row = resolution::ActiveModel {
        id: NotSet,
        host: Set(host.to_owned()),
        data: Set(serde_json::to_string(resolution).unwrap_or_default()),
        country: Set(resolution
            .network
            .as_ref()
            .and_then(|n| n.country.clone())
            .filter(|c| c.len() == 2)),
        provider_id: Set(resolution.provider.as_ref().map(|p| p.id.clone())),
        resolved_at: Set(at),
    };
    resolution::Entity::insert(row)
        .on_conflict(
            OnConflict::column(resolution::Column::Host)
                .update_columns([
                    resolution::Column::Data,
                    resolution::Column::Country,
                    resolution::Column::ProviderId,
                    resolution::Column::ResolvedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// When `host` was last resolved, if ever.
pub async fn resolved_at(db: &impl ConnectionTrait, host: &str) -> Result<Option<i64>, DbErr> {
    resolution::Entity::find()
        .select_only()
        .column(resolution::Column::ResolvedAt)
        .filter(resolution::Column::Host.eq(host))
        .into_tuple()
        .one(db)
        .await
}

/// The resolutions of `hosts`, with when each was made.
pub async fn for_hosts(
    db: &impl ConnectionTrait,
    hosts: &[String],
) -> Result<HashMap<String, (Resolution, i64)>, DbErr> {
    if hosts.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = resolution::Entity::find()
        .filter(resolution::Column::Host.is_in(hosts.iter().map(String::as_str)))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let resolution = serde_json::from_str(&row.data).ok()?;
            Some((row.host, (resolution, row.resolved_at)))
        })
        .collect())
}

/// Hosts resolved before `cutoff`, at most `limit`: to be resolved again.
pub async fn stale(
    db: &impl ConnectionTrait,
    cutoff: i64,
    limit: u64,
) -> Result<Vec<String>, DbErr> {
    resolution::Entity::find()
        .select_only()
        .column(resolution::Column::Host)
        .filter(resolution::Column::ResolvedAt.lt(cutoff))
        // In key order, as the intake enqueues: two writers never take the unique index's
        // locks in opposite orders (PostgreSQL).
        .order_by_asc(resolution::Column::Host)
        .limit(limit)
        .into_tuple()
        .all(db)
        .await
}

/// Deletes the resolutions of hosts no report names any more (withdrawn or deleted by
/// retention): the host alone would say that someone reported it. The number deleted.
pub async fn delete_orphans(db: &impl ConnectionTrait) -> Result<u64, DbErr> {
    let urls: Vec<Option<String>> = item::Entity::find()
        .select_only()
        .column(item::Column::Url)
        .filter(item::Column::Kind.eq(ItemKind::Url))
        .into_tuple()
        .all(db)
        .await?;
    let named: HashSet<String> = urls.iter().flatten().filter_map(|u| host_of(u)).collect();
    let hosts: Vec<(i64, String)> = resolution::Entity::find()
        .select_only()
        .column(resolution::Column::Id)
        .column(resolution::Column::Host)
        .into_tuple()
        .all(db)
        .await?;
    let orphans: Vec<i64> = hosts
        .into_iter()
        .filter(|(_, host)| !named.contains(host))
        .map(|(id, _)| id)
        .collect();
    let mut deleted = 0;
    for chunk in orphans.chunks(500) {
        deleted += resolution::Entity::delete_many()
            .filter(resolution::Column::Id.is_in(chunk.iter().copied()))
            .exec(db)
            .await?
            .rows_affected;
    }
    Ok(deleted)
}

/// Stores a fetched set of bootstrap files (all four, on the caller's transaction).
pub async fn save_bootstrap(
    db: &impl ConnectionTrait,
    files: &[(&str, String)],
    at: i64,
) -> Result<(), DbErr> {
    use super::{bootstrap::publication, entity::rdap_bootstrap};
    for (name, body) in files {
        let row = rdap_bootstrap::ActiveModel {
            name: Set((*name).to_owned()),
            body: Set(body.clone()),
            publication: Set(publication(body).unwrap_or_default()),
            fetched_at: Set(at),
        };
        rdap_bootstrap::Entity::insert(row)
            .on_conflict(
                OnConflict::column(rdap_bootstrap::Column::Name)
                    .update_columns([
                        rdap_bootstrap::Column::Body,
                        rdap_bootstrap::Column::Publication,
                        rdap_bootstrap::Column::FetchedAt,
                    ])
                    .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// The stored bootstrap files, when all four are there, and when they were fetched.
pub async fn stored_bootstrap(
    db: &impl ConnectionTrait,
) -> Result<Option<(Vec<(&'static str, String)>, i64)>, DbErr> {
    use super::{bootstrap::FILES, entity::rdap_bootstrap};
    let rows = rdap_bootstrap::Entity::find().all(db).await?;
    let mut files = Vec::new();
    let mut fetched_at = i64::MAX;
    for name in FILES {
        let Some(row) = rows.iter().find(|r| r.name == name) else {
            return Ok(None);
        };
        fetched_at = fetched_at.min(row.fetched_at);
        files.push((name, row.body.clone()));
    }
    Ok(Some((files, fetched_at)))
}
