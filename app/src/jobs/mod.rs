//! Background jobs: what the use cases ask to be done later, stored in the `job` table.
//!
//! A service enqueues a job **inside its own transaction** ([`enqueue`]), so the job exists
//! exactly when the action that wants it was committed. The runner (`server::jobs`) leases due
//! jobs from the database, runs them, and deletes them when done; a failed job is tried again
//! after a growing delay and, after `max_attempts`, stays `dead` for administrators to see.
//! Jobs must be idempotent: a lease that ran out (a crashed instance) lets another instance
//! run the same job again.

pub mod entity;

use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::Serialize;

pub use entity::JobStatus;

/// The kinds of job the portal runs (the runner has one handler per kind).
pub mod kind {
    /// Deletes reports whose retention period after closing has passed. Periodic.
    pub const DELETE_CLOSED_REPORTS: &str = "delete_closed_reports";
    /// Deletes expired sign-in sessions. Periodic.
    pub const DELETE_EXPIRED_SESSIONS: &str = "delete_expired_sessions";
    /// Writes the audit chain's head to the log stream when it moved. Periodic.
    pub const ANCHOR_AUDIT_HEAD: &str = "anchor_audit_head";
    /// Resolves where one host is hosted (`hosting::store::ResolveJob`); one per host.
    pub const RESOLVE_HOSTING: &str = "resolve_hosting";
    /// Resolves again the hosts whose resolution is old, and forgets hosts no report names.
    /// Periodic.
    pub const REFRESH_HOSTING: &str = "refresh_hosting";
    /// Matches every stored resolution to the provider directory again, after an edit.
    pub const REMATCH_PROVIDERS: &str = "rematch_providers";
    /// Fetches IANA's RDAP bootstrap files, unless an operator named their own. Periodic.
    pub const REFRESH_RDAP_BOOTSTRAP: &str = "refresh_rdap_bootstrap";
    /// Delivers one notice from the outbox (`notice::outbox::DeliverJob`).
    pub const DELIVER_NOTICE: &str = "deliver_notice";
    /// Makes hash-list entries of newly reported files and publishes the changes that are
    /// due as one shuffled batch, then calls the platforms' webhooks. Periodic.
    pub const PUBLISH_HASH_CHANGES: &str = "publish_hash_changes";
    /// Posts one published batch to one platform's webhook (`{platform, from, to}`).
    pub const SEND_WEBHOOK: &str = "send_webhook";
}

/// Attempts before a job is left dead.
pub const DEFAULT_MAX_ATTEMPTS: i32 = 5;

/// A job to run at `run_at` (unix seconds, from the portal's clock).
#[derive(Debug, Clone)]
pub struct NewJob {
    pub kind: &'static str,
    pub payload: serde_json::Value,
    pub run_at: i64,
    pub max_attempts: i32,
    /// At most one queued or running job per key: enqueueing another is a no-op. (A job that
    /// dies gives its key up, so a dead periodic job does not block the next run.)
    pub dedupe_key: Option<String>,
}

impl NewJob {
    pub fn new(kind: &'static str, payload: impl Serialize, run_at: i64) -> NewJob {
        NewJob {
            kind,
            payload: serde_json::to_value(payload).unwrap_or(serde_json::Value::Null),
            run_at,
            max_attempts: DEFAULT_MAX_ATTEMPTS,
            dedupe_key: None,
        }
    }

    /// The one job of its kind (a periodic one): enqueued only when none is queued or running.
    pub fn singleton(kind: &'static str, run_at: i64) -> NewJob {
        NewJob {
            dedupe_key: Some(kind.to_owned()),
            ..NewJob::new(kind, serde_json::Value::Null, run_at)
        }
    }
}

/// Enqueues `job` on `db`, normally the caller's transaction. `created_at` is now.
pub async fn enqueue(db: &impl ConnectionTrait, job: NewJob, created_at: i64) -> Result<(), DbErr> {
    enqueue_many(db, vec![job], created_at).await
}

/// Enqueues `jobs` in as few statements as the bound-value limit allows (the intake's
/// group commit enqueues a batch's jobs at once). Singletons already queued are skipped.
pub async fn enqueue_many(
    db: &impl ConnectionTrait,
    jobs: Vec<NewJob>,
    created_at: i64,
) -> Result<(), DbErr> {
    use sea_orm::Iterable;
    // 999 bound values is the lowest limit any SQLite has had.
    let per_statement = (999 / entity::Column::iter().count()).max(1);
    let rows: Vec<entity::ActiveModel> = jobs.into_iter().map(|job| row(job, created_at)).collect();
    for chunk in rows.chunks(per_statement) {
        // A second singleton of a kind already queued or running is simply not inserted.
        entity::Entity::insert_many(chunk.to_vec())
            .on_conflict_do_nothing_on([entity::Column::DedupeKey])
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

fn row(job: NewJob, created_at: i64) -> entity::ActiveModel {
    entity::ActiveModel {
        id: NotSet,
        kind: Set(job.kind.to_owned()),
        payload: Set(job.payload.to_string()),
        status: Set(JobStatus::Queued),
        attempts: Set(0),
        max_attempts: Set(job.max_attempts),
        run_at: Set(job.run_at),
        leased_until: Set(None),
        leased_by: Set(None),
        last_error: Set(None),
        dedupe_key: Set(job.dedupe_key),
        created_at: Set(created_at),
    }
}

/// Jobs that failed for good, newest first: for the administrators' page.
pub async fn dead(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<entity::Model>, DbErr> {
    entity::Entity::find()
        .filter(entity::Column::Status.eq(JobStatus::Dead))
        .order_by_desc(entity::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// How many jobs are not yet done (queued or running): the administrators' page.
pub async fn pending_count(db: &impl ConnectionTrait) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    entity::Entity::find()
        .filter(entity::Column::Status.ne(JobStatus::Dead))
        .count(db)
        .await
}

/// Jobs not yet done (queued or running), for tests.
pub async fn pending(db: &impl ConnectionTrait) -> Result<Vec<entity::Model>, DbErr> {
    entity::Entity::find()
        .filter(entity::Column::Status.ne(JobStatus::Dead))
        .order_by_asc(entity::Column::Id)
        .all(db)
        .await
}
