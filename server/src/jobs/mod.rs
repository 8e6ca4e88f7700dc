//! The job runner: leases due jobs from the `job` table (`app::jobs`), runs each with the
//! handler for its kind, and deletes it when done. Any number of instances run it at once:
//! on PostgreSQL a lease is `FOR UPDATE SKIP LOCKED`, on SQLite it is one statement on the
//! single write connection. A job whose lease ran out (its instance died) is leased again.
//! Failures are tried again after 30 s, 1 min, 2 min … (at most an hour); after
//! `max_attempts` the job stays `dead`, shown on the administrators' page. Due times come
//! from the portal's clock, so tests move time and call [`Runner::run_due`] instead of sleeping.
//!
//! Jobs: [`delete_closed_reports`], [`delete_expired_sessions`], [`anchor_audit_head`], the
//! hosting refresh and [`rdap_bootstrap`] (periodic); [`resolve_hosting`] per reported host,
//! and its rematch after the provider directory was edited.

pub mod anchor_audit_head;
pub mod delete_closed_reports;
pub mod delete_expired_sessions;
pub mod deliver_notice;
pub mod publish_hash_changes;
pub mod rdap_bootstrap;
pub mod resolve_hosting;
pub mod send_webhook;

use std::{collections::HashMap, future::Future, pin::Pin, sync::Arc, time::Duration};

use app::{
    db::Db,
    jobs::{JobStatus, entity},
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, QueryFilter, Statement,
    sea_query::{Expr, ExprTrait},
};

/// What a handler says when it finished without error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    /// The job is finished: its row goes.
    Finished,
    /// Run the same job again at this time (unix seconds): periodic jobs.
    Again(i64),
}

/// A handler's failure: a short code of its own (stored with the job, so never personal
/// data); the details are logged by the handler.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failed(pub &'static str);

type HandlerFuture = Pin<Box<dyn Future<Output = Result<Done, Failed>> + Send>>;
type Handler = Arc<dyn Fn(Db, serde_json::Value) -> HandlerFuture + Send + Sync>;

/// How long a lease holds before another instance may take the job over (unless the
/// operator set `PORTAL_JOB_LEASE_SECONDS`).
pub const LEASE_SECONDS: i64 = 300;
/// Jobs one [`Runner::run_due`] takes at most, so a flood does not starve the next poll.
const MAX_PER_RUN: usize = 100;
/// Jobs one instance runs at once.
const CONCURRENT: usize = 8;

#[derive(Clone)]
pub struct Runner {
    db: Db,
    /// Names this instance in `leased_by`; random per process.
    instance: String,
    handlers: Arc<HashMap<&'static str, Handler>>,
    lease_seconds: i64,
}

/// A job as leased.
#[derive(Debug)]
struct Leased {
    id: i64,
    kind: String,
    payload: serde_json::Value,
    attempts: i32,
    max_attempts: i32,
}

impl Runner {
    pub fn new(db: Db) -> Runner {
        Runner {
            db,
            instance: format!("{:016x}", rand::random::<u64>()),
            handlers: Arc::new(HashMap::new()),
            lease_seconds: LEASE_SECONDS,
        }
    }

    /// Leases hold `seconds` (a crashed instance's jobs are taken over after that). Every
    /// handler must finish well within it: the SMTP timeout is a third of it.
    pub fn with_lease(mut self, seconds: i64) -> Runner {
        self.lease_seconds = Ord::max(seconds, 2);
        self
    }

    /// Notice delivery through `mailer` (None: no SMTP configured; notices wait, then die).
    pub fn with_notice_jobs(self, mailer: Option<crate::clients::smtp::Mailer>) -> Runner {
        let mailer = mailer.map(Arc::new);
        let limit = Duration::from_secs(Ord::max(self.lease_seconds / 3, 1) as u64);
        self.handle(app::jobs::kind::DELIVER_NOTICE, move |db, payload| {
            deliver_notice::deliver(db, payload, mailer.clone(), limit)
        })
    }

    /// Runs `handler` for jobs of `kind`.
    pub fn handle<F, Fut>(mut self, kind: &'static str, handler: F) -> Runner
    where
        F: Fn(Db, serde_json::Value) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<Done, Failed>> + Send + 'static,
    {
        let handler: Handler = Arc::new(move |db, payload| Box::pin(handler(db, payload)));
        Arc::make_mut(&mut self.handlers).insert(kind, handler);
        self
    }

    /// The hash list's publishing every `every` seconds, and the webhook deliveries it
    /// enqueues (signed with secrets opened by `keys`, sent through `outbound`).
    pub fn with_hash_list_jobs(
        self,
        keys: app::report::ReportKeys,
        outbound: crate::clients::outbound::Outbound,
        every: i64,
    ) -> Runner {
        self.handle(app::jobs::kind::PUBLISH_HASH_CHANGES, move |db, _| {
            publish_hash_changes::run(db, every)
        })
        .handle(app::jobs::kind::SEND_WEBHOOK, move |db, payload| {
            send_webhook::send(db, keys.clone(), outbound.clone(), payload)
        })
    }

    /// The portal's own jobs.
    pub fn with_portal_jobs(self, retention_days: u32) -> Runner {
        self.handle(app::jobs::kind::DELETE_CLOSED_REPORTS, move |db, _| {
            delete_closed_reports::run(db, retention_days)
        })
        .handle(
            app::jobs::kind::DELETE_EXPIRED_SESSIONS,
            delete_expired_sessions::run,
        )
        .handle(app::jobs::kind::ANCHOR_AUDIT_HEAD, anchor_audit_head::run)
    }

    /// The hosting jobs, resolving through `resolver`; a resolution older than
    /// `max_age_seconds` is made again.
    pub fn with_hosting_jobs(
        self,
        resolver: crate::clients::hosting::Resolver,
        max_age_seconds: i64,
    ) -> Runner {
        let for_bootstrap = resolver.clone();
        let in_flight = resolve_hosting::InFlight::default();
        self.handle(app::jobs::kind::RESOLVE_HOSTING, move |db, payload| {
            resolve_hosting::resolve(
                db,
                payload,
                resolver.clone(),
                max_age_seconds,
                in_flight.clone(),
            )
        })
        .handle(app::jobs::kind::REFRESH_HOSTING, move |db, _| {
            resolve_hosting::refresh(db, max_age_seconds)
        })
        .handle(app::jobs::kind::REMATCH_PROVIDERS, |db, _| {
            resolve_hosting::rematch(db)
        })
        .handle(app::jobs::kind::REFRESH_RDAP_BOOTSTRAP, move |db, _| {
            rdap_bootstrap::refresh(db, for_bootstrap.clone(), rdap_bootstrap::IANA.to_owned())
        })
    }

    /// Polls every `period` for as long as the server runs.
    pub async fn run_periodically(self, period: Duration) {
        let mut tick = tokio::time::interval(period);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(error) = self.run_due().await {
                tracing::warn!(%error, "jobs: could not lease");
            }
        }
    }

    /// Runs every job that is due now, up to [`CONCURRENT`] at once (a resolution mostly waits
    /// on DNS and RDAP servers); how many ran. Returns when none is due and none is running.
    pub async fn run_due(&self) -> Result<usize, DbErr> {
        let mut ran = 0;
        let mut running = tokio::task::JoinSet::new();
        let mut failed = None;
        let mut leasing = true;
        loop {
            while leasing && running.len() < CONCURRENT && ran + running.len() < MAX_PER_RUN {
                match self.lease().await {
                    Ok(Some(job)) => {
                        let runner = self.clone();
                        running.spawn(async move { runner.run(job).await });
                    }
                    Ok(None) => leasing = false,
                    Err(error) => {
                        failed = Some(error);
                        leasing = false;
                    }
                }
            }
            let Some(finished) = running.join_next().await else {
                break;
            };
            ran += 1;
            match finished {
                Ok(Ok(())) => {}
                Ok(Err(error)) => failed = Some(error),
                // A handler that panicked: its job keeps its lease and is taken again when
                // the lease runs out; the other jobs go on.
                Err(panicked) => tracing::error!(error = %panicked, "jobs: a handler panicked"),
            }
            // A finished job may have made another due (a rerun now, a follow-up job).
            leasing = failed.is_none();
        }
        match failed {
            Some(error) => Err(error),
            None => Ok(ran),
        }
    }

    async fn run(&self, job: Leased) -> Result<(), DbErr> {
        let outcome = match self.handlers.get(job.kind.as_str()) {
            Some(handler) => handler(self.db.clone(), job.payload.clone()).await,
            None => Err(Failed("unknown_kind")),
        };
        let now = self.db.now();
        let mine = entity::Column::Id
            .eq(job.id)
            .and(entity::Column::LeasedBy.eq(self.instance.clone()));
        let write = self.db.write();
        match outcome {
            Ok(Done::Finished) => {
                entity::Entity::delete_many()
                    .filter(mine)
                    .exec(write)
                    .await?;
            }
            Ok(Done::Again(at)) => {
                release(JobStatus::Queued, at, None)
                    .col_expr(entity::Column::Attempts, Expr::value(0))
                    .filter(mine)
                    .exec(write)
                    .await?;
            }
            Err(Failed(code)) => {
                let dead = job.attempts >= job.max_attempts;
                if dead {
                    tracing::error!(job = job.id, kind = job.kind, code, "job failed for good");
                } else {
                    tracing::warn!(
                        job = job.id,
                        kind = job.kind,
                        code,
                        attempt = job.attempts,
                        "job failed"
                    );
                }
                // A dead job keeps the time it failed last; a live one gets its next try.
                let (status, run_at) = if dead {
                    (JobStatus::Dead, now)
                } else {
                    (JobStatus::Queued, now + backoff(job.attempts))
                };
                let mut update = release(status, run_at, Some(code));
                if dead {
                    // A dead job no longer holds its singleton key: the next periodic run is
                    // enqueued as usual (retention does not stop for good after one bad night).
                    update = update.col_expr(
                        entity::Column::DedupeKey,
                        Expr::value(Option::<String>::None),
                    );
                }
                update.filter(mine).exec(write).await?;
            }
        }
        Ok(())
    }

    /// Takes the next due job (or one whose lease ran out) for this instance.
    async fn lease(&self) -> Result<Option<Leased>, DbErr> {
        let now = self.db.now();
        // Looked for on the read pool first: most polls find nothing, and on SQLite they then
        // never touch the write connection.
        let due = entity::Entity::find()
            .filter(
                entity::Column::Status
                    .eq(JobStatus::Queued)
                    .and(entity::Column::RunAt.lte(now))
                    .or(entity::Column::Status
                        .eq(JobStatus::Running)
                        .and(entity::Column::LeasedUntil.lt(now))),
            )
            .one(self.db.read())
            .await?;
        if due.is_none() {
            return Ok(None);
        }
        let write = self.db.write();
        let backend = write.get_database_backend();
        let sql = match backend {
            DbBackend::Postgres => {
                "UPDATE job SET status = 'running', attempts = attempts + 1, leased_until = $1, leased_by = $2 \
                 WHERE id = (SELECT id FROM job \
                   WHERE (status = 'queued' AND run_at <= $3) OR (status = 'running' AND leased_until < $3) \
                   ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) \
                 RETURNING id, kind, payload, attempts, max_attempts"
            }
            // One statement on SQLite's single write connection: nothing else can lease
            // between its read and its write.
            _ => {
                "UPDATE job SET status = 'running', attempts = attempts + 1, leased_until = ?, leased_by = ? \
                 WHERE id = (SELECT id FROM job \
                   WHERE (status = 'queued' AND run_at <= ?) OR (status = 'running' AND leased_until < ?) \
                   ORDER BY run_at, id LIMIT 1) \
                 RETURNING id, kind, payload, attempts, max_attempts"
            }
        };
        let mut values: Vec<sea_orm::Value> = vec![
            (now + self.lease_seconds).into(),
            self.instance.clone().into(),
            now.into(),
        ];
        if backend != DbBackend::Postgres {
            values.push(now.into());
        }
        let Some(row) = write
            .query_one_raw(Statement::from_sql_and_values(backend, sql, values))
            .await?
        else {
            return Ok(None);
        };
        let payload: String = row.try_get("", "payload")?;
        Ok(Some(Leased {
            id: row.try_get("", "id")?,
            kind: row.try_get("", "kind")?,
            payload: serde_json::from_str(&payload).unwrap_or(serde_json::Value::Null),
            attempts: row.try_get("", "attempts")?,
            max_attempts: row.try_get("", "max_attempts")?,
        }))
    }
}

/// The update that gives a leased job back: its new status and time, the last error (None
/// clears it), and no lease.
fn release(
    status: JobStatus,
    run_at: i64,
    error: Option<&'static str>,
) -> sea_orm::UpdateMany<entity::Entity> {
    entity::Entity::update_many()
        .col_expr(entity::Column::Status, Expr::value(status))
        .col_expr(entity::Column::RunAt, Expr::value(run_at))
        .col_expr(
            entity::Column::LeasedUntil,
            Expr::value(Option::<i64>::None),
        )
        .col_expr(
            entity::Column::LeasedBy,
            Expr::value(Option::<String>::None),
        )
        .col_expr(entity::Column::LastError, Expr::value(error))
}

/// 30 s after the first failure, doubling, at most an hour.
fn backoff(attempts: i32) -> i64 {
    Ord::min(30i64 << (attempts.clamp(1, 8) - 1), 3600)
}

#[cfg(test)]
mod tests {
    use super::backoff;

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        assert_eq!(backoff(1), 30);
        assert_eq!(backoff(2), 60);
        assert_eq!(backoff(5), 480);
        assert_eq!(backoff(8), 3600);
        assert_eq!(backoff(40), 3600);
    }
}
