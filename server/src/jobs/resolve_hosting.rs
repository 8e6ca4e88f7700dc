//! Hosting resolution as jobs: `resolve_hosting` resolves one host (enqueued when an address
//! arrives, or by staff asking again) and stores what it found; `refresh_hosting` (periodic)
//! asks again for resolutions older than the configured age and forgets hosts no report
//! names any more. A resolution with errors is still a result (staff see what failed); only
//! failing to store it makes the job fail.

use app::{
    db::Db,
    hosting::{
        directory,
        providers::Directory,
        store::{self, ResolveJob},
    },
};

use std::{
    collections::HashSet,
    sync::{Arc, Mutex},
};

use super::{Done, Failed};
use crate::clients::hosting::Resolver;

/// How often the refresh looks for old resolutions.
pub const REFRESH_EVERY_SECONDS: i64 = 3600;
/// Old resolutions asked again per refresh run (the rest wait for the next).
const REFRESH_BATCH: u64 = 500;
/// The longest one resolution may take (the job lease is five minutes).
const RESOLVE_WITHIN: std::time::Duration = std::time::Duration::from_secs(120);

/// Hosts this instance is resolving now: the runner runs jobs side by side, and a batch of
/// reports of one site queues a job per report.
#[derive(Clone, Default)]
pub struct InFlight(Arc<Mutex<HashSet<String>>>);

/// Holds a host in [`InFlight`] until dropped.
struct Resolving(InFlight, String);

impl InFlight {
    fn start(&self, host: &str) -> Option<Resolving> {
        let mut hosts = self.0.lock().unwrap_or_else(|e| e.into_inner());
        hosts
            .insert(host.to_owned())
            .then(|| Resolving(self.clone(), host.to_owned()))
    }
}

impl Drop for Resolving {
    fn drop(&mut self) {
        let mut hosts = (self.0).0.lock().unwrap_or_else(|e| e.into_inner());
        hosts.remove(&self.1);
    }
}

/// A job for a host another job is resolving waits this long, then finds it fresh.
const WAIT_FOR_OTHER_SECONDS: i64 = 5;

pub async fn resolve(
    db: Db,
    payload: serde_json::Value,
    resolver: Resolver,
    max_age_seconds: i64,
    in_flight: InFlight,
) -> Result<Done, Failed> {
    let Ok(job) = serde_json::from_value::<ResolveJob>(payload) else {
        return Err(Failed("bad_payload"));
    };
    let now = db.now();
    let Some(_resolving) = in_flight.start(&job.host) else {
        return Ok(Done::Again(now + WAIT_FOR_OTHER_SECONDS));
    };
    let fresh = store::resolved_at(db.read(), &job.host)
        .await
        .map_err(|_| Failed("database"))?
        .is_some_and(|at| now - at < max_age_seconds);
    if fresh && !job.again {
        return Ok(Done::Finished);
    }
    // Bounded well inside the job's lease, so a registry that answers slowly never makes
    // another instance take the same job over; it is tried again later.
    let mut resolution = tokio::time::timeout(
        RESOLVE_WITHIN,
        resolver.resolve(
            &format!("https://{}/", job.host),
            now,
            &Directory::default(),
        ),
    )
    .await
    .map_err(|_| Failed("timeout"))?;
    let txn = db.begin().await.map_err(|_| Failed("database"))?;
    // Matched to the provider directory as it is when saved, in the same transaction: an
    // administrator's edit made while DNS and RDAP answered (and its rematch, which did not
    // see this row yet) is never undone by this save.
    let directory = directory::load(&txn)
        .await
        .map_err(|_| Failed("database"))?;
    resolution.provider = directory.rematch(&resolution);
    store::save(&txn, &job.host, &resolution, db.now())
        .await
        .map_err(|_| Failed("database"))?;
    txn.commit().await.map_err(|_| Failed("database"))?;
    tracing::debug!(errors = resolution.errors.len(), "hosting resolved");
    Ok(Done::Finished)
}

pub async fn refresh(db: Db, max_age_seconds: i64) -> Result<Done, Failed> {
    let now = db.now();
    let run = async {
        let txn = db.begin().await?;
        let forgotten = store::delete_orphans(&txn).await?;
        let stale = store::stale(&txn, now - max_age_seconds, REFRESH_BATCH).await?;
        store::enqueue_resolutions(&txn, &stale, true, now).await?;
        txn.commit().await?;
        Ok::<_, sea_orm::DbErr>(forgotten)
    };
    match run.await {
        Ok(0) => {}
        Ok(forgotten) => tracing::info!(forgotten, "hosting: forgot hosts no report names"),
        Err(error) => {
            tracing::warn!(%error, "hosting: refresh failed");
            return Err(Failed("database"));
        }
    }
    Ok(Done::Again(now + REFRESH_EVERY_SECONDS))
}

/// After an edit of the provider directory (or a new seed): every stored resolution matched
/// again, so the case pages and the notices name the provider the directory now says. Each
/// edit queues its own run (no singleton: an edit made while one runs must not be lost);
/// a run matches only what changed, so a second one costs a read.
pub async fn rematch(db: Db) -> Result<Done, Failed> {
    let database = |_| Failed("database");
    let directory = directory::load(db.read()).await.map_err(database)?;
    let changed = directory::rematch(&db, &directory)
        .await
        .map_err(database)?;
    if changed > 0 {
        tracing::info!(
            changed,
            "hosting: resolutions matched to the edited directory"
        );
    }
    Ok(Done::Finished)
}
