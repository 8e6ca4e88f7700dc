//! Group commit for new reports on SQLite. One task owns the writer connection; submissions
//! queue for it, and it stores the first waiting report together with everything queued
//! behind it (up to [`MAX_BATCH`]) in ONE transaction, then answers each. Per report that
//! was BEGIN, INSERT report, INSERT items, COMMIT, each a round trip through sqlx's SQLite
//! worker thread, one report after another: under load every hop waited behind other tasks
//! and the single writer capped intake (about 1,160 reports/s, p99 67 ms at 50 clients on
//! two cores). Now a whole batch takes about as many round trips as one report did.
//!
//! After each batch the task copies the WAL into the database file (a checkpoint) on its own
//! connection, between batches. Left to SQLite's automatic checkpoint, or to another
//! connection, megabytes of WAL piled up and were synced to disk at once while the writer
//! went on appending, and on ext4 every append then waited for that sync: batches stalled
//! for 60-200 ms, about once a second (`make bench-intake`: p99 over 200 ms even at 1,000
//! reports/s). Checkpointed after every batch, the WAL stays a few pages long and each sync
//! is small (about 1 ms measured).
//!
//! Invariants: every submission gets an answer (stored, sent before, or an error), also when
//! the task is gone; a report that cannot be stored never takes the others of its batch
//! down with it; on SQLite this task and the other writes through [`ReportWriter::connection`]
//! share one connection, so SQLite never makes a writer wait in its busy handler.
//!
//! Supervision: each batch is written by a task of its own, so a panic while writing one
//! (a bug, a driver's) loses only that batch's answers (its submitters are told, and sending
//! the form again shows the receipt if it was stored) and the writer goes on with the next.
//! A batch refused because another process held the database past the busy timeout (the
//! `portal` command line writing beside the server) is tried whole once more after a short
//! backoff before it is split into single reports: it was the lock, not a report.

use std::{future::Future, time::Duration};

use rand::Rng;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr};
use tokio::sync::{mpsc, oneshot};

use super::store::{self, NewReport, Stored};

/// Reports per transaction. The cost of a transaction is already spread thin at 64; more
/// would make the reports at the front wait longer for the rows behind them, and 64 report
/// rows stay one statement under SQLite's bound-value limit.
pub const MAX_BATCH: usize = 64;

/// Submissions that may wait for the writer. When it is full, submitting waits for room
/// (back-pressure) instead of the queue growing without bound in a flood.
const QUEUE_LENGTH: usize = 1024;

/// How long a batch refused by a busy database waits before its one more try: between half
/// of this and all of it (jittered, so two processes do not collide again at once).
const BUSY_RETRY_AFTER: Duration = Duration::from_millis(50);

/// Where new reports are written; cheap to clone. See the module docs.
#[derive(Clone)]
pub struct ReportWriter {
    db: DatabaseConnection,
    /// The writer task's queue on SQLite. `None` on PostgreSQL: each submission writes in
    /// its own transaction from the pool, as concurrent writers are no problem there. (Measured
    /// with `make bench-intake`: batching through one task did not do better there.)
    queue: Option<mpsc::Sender<Job>>,
}

#[derive(Debug, thiserror::Error)]
pub enum WriterError {
    /// The writer task is gone (it can only stop by panicking): nothing was stored.
    #[error("the report writer has stopped")]
    Stopped,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// One report waiting for the writer, and where its answer goes.
struct Job {
    report: NewReport,
    reply: oneshot::Sender<Result<Stored, DbErr>>,
}

impl ReportWriter {
    /// Writes through `db`, which on SQLite must be the only connection that writes (a pool
    /// of one): there it spawns the writer task, so it needs a Tokio runtime.
    pub fn start(db: DatabaseConnection) -> ReportWriter {
        let queue = match db.get_database_backend() {
            DbBackend::Sqlite => {
                let (queue, jobs) = mpsc::channel(QUEUE_LENGTH);
                let writing = db.clone();
                tokio::spawn(supervise(jobs, move |batch| {
                    write_and_checkpoint(writing.clone(), batch)
                }));
                Some(queue)
            }
            _ => None,
        };
        ReportWriter { db, queue }
    }

    /// Whether reports can be written: on SQLite, whether the writer task still takes them.
    pub fn is_running(&self) -> bool {
        self.queue.as_ref().is_none_or(|queue| !queue.is_closed())
    }

    /// For the other writes (follow-up messages, withdrawals, retention): on SQLite the
    /// writer task's own connection, so they take turns with the batches.
    pub fn connection(&self) -> &DatabaseConnection {
        &self.db
    }

    /// Stores a report, or says when the same form was stored before.
    pub async fn insert(&self, report: NewReport) -> Result<Stored, WriterError> {
        let Some(queue) = &self.queue else {
            return Ok(store::insert_report(&self.db, &report).await?);
        };
        let (reply, answer) = oneshot::channel();
        queue
            .send(Job { report, reply })
            .await
            .map_err(|_| WriterError::Stopped)?;
        match answer.await {
            Ok(stored) => Ok(stored?),
            // The reply was dropped: the task ended before answering.
            Err(_) => Err(WriterError::Stopped),
        }
    }
}

/// The writer task, until every [`ReportWriter`] is dropped: takes batches off the queue and
/// has each written by `write` in a task of its own, one after another (see the module docs).
async fn supervise<W, F>(mut jobs: mpsc::Receiver<Job>, write: W)
where
    W: Fn(Vec<Job>) -> F,
    F: Future<Output = ()> + Send + 'static,
{
    let mut batch = Vec::with_capacity(MAX_BATCH);
    // Waits for the first report, then takes whatever else is already queued, without
    // waiting for more: a lone report is written at once, and under load batches fill up
    // by themselves while the previous one is being written.
    while jobs.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let reports = batch.len();
        let taken = std::mem::replace(&mut batch, Vec::with_capacity(MAX_BATCH));
        if let Err(error) = tokio::spawn(write(taken)).await {
            // The batch's replies were dropped with the task: its submitters get `Stopped`.
            tracing::error!(%error, reports, "writing a batch of reports failed; going on with the next");
        }
    }
}

async fn write_and_checkpoint(db: DatabaseConnection, mut batch: Vec<Job>) {
    write(&db, &mut batch).await;
    checkpoint(&db).await;
}

/// Copies the WAL into the database file (see the module docs). PASSIVE copies what no
/// reader still needs and never waits; what is left goes with the next batch.
async fn checkpoint(db: &DatabaseConnection) {
    if let Err(error) = db
        .execute_unprepared("PRAGMA wal_checkpoint(PASSIVE)")
        .await
    {
        tracing::warn!(%error, "SQLite WAL checkpoint failed");
    }
}

/// Writes a batch in one transaction and answers each job. If the batch fails, each report
/// is tried again on its own, so only a report that fails by itself gets the error.
async fn write(db: &DatabaseConnection, batch: &mut Vec<Job>) {
    let (reports, replies): (Vec<_>, Vec<_>) =
        batch.drain(..).map(|job| (job.report, job.reply)).unzip();
    // A failed `send` below means the submitter is gone (a closed connection, a timeout).
    // The report is stored all the same: sending the form again shows its receipt.
    let mut written = store::insert_reports(db, &reports).await;
    if written.as_ref().is_err_and(crate::db::is_busy) {
        let wait = rand::rng().random_range(BUSY_RETRY_AFTER / 2..=BUSY_RETRY_AFTER);
        tracing::warn!(
            reports = reports.len(),
            "the database was busy; trying the batch once more"
        );
        tokio::time::sleep(wait).await;
        written = store::insert_reports(db, &reports).await;
    }
    match written {
        Ok(stored) => {
            for (reply, stored) in replies.into_iter().zip(stored) {
                let _ = reply.send(Ok(stored));
            }
        }
        Err(error) if reports.len() == 1 => {
            for reply in replies {
                let _ = reply.send(Err(error.clone()));
            }
        }
        Err(error) => {
            tracing::warn!(%error, reports = reports.len(), "a batch of reports failed; storing each on its own");
            for (report, reply) in reports.iter().zip(replies) {
                let _ = reply.send(store::insert_report(db, report).await);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{AgeBand, Draft, Receipt, ReportKeys, Safety};

    fn new_report() -> NewReport {
        let keys = ReportKeys::derive(&[7; 32]);
        let draft = Draft {
            submission: "0123456789abcdef0123456789abcdef".into(),
            safety: Some(Safety::Safe),
            age_band: Some(AgeBand::NotSaid),
            ..Draft::default()
        };
        let receipt = Receipt::for_submission(&keys.submission, &draft.submission);
        NewReport::new(
            &keys,
            &draft,
            &["https://example.com/a".into()],
            &receipt,
            1_795_392_000,
        )
        .expect("every required answer given")
    }

    fn writer_with_queue(queue: mpsc::Sender<Job>) -> ReportWriter {
        ReportWriter {
            db: DatabaseConnection::default(),
            queue: Some(queue),
        }
    }

    #[tokio::test]
    async fn a_report_gets_an_error_when_the_writer_task_is_gone() {
        let (queue, jobs) = mpsc::channel(1);
        drop(jobs);
        let answer = writer_with_queue(queue).insert(new_report()).await;
        assert!(matches!(answer, Err(WriterError::Stopped)), "{answer:?}");
    }

    #[tokio::test]
    async fn the_writer_says_it_has_stopped_once_its_task_is_gone() {
        // What `/health` reports as the writer: a 503 from the moment nothing takes reports.
        let (queue, jobs) = mpsc::channel(1);
        let writer = writer_with_queue(queue);
        assert!(writer.is_running());
        drop(jobs);
        assert!(!writer.is_running());
    }

    #[tokio::test]
    async fn a_report_gets_an_error_when_the_writer_task_ends_before_answering() {
        let (queue, mut jobs) = mpsc::channel::<Job>(1);
        // Takes the job and drops it unanswered, as a task that panics mid-batch would.
        tokio::spawn(async move { jobs.recv().await });
        let answer = writer_with_queue(queue).insert(new_report()).await;
        assert!(matches!(answer, Err(WriterError::Stopped)), "{answer:?}");
    }

    #[tokio::test]
    async fn a_panic_while_writing_a_batch_loses_that_batch_not_the_writer() {
        use std::sync::{
            Arc,
            atomic::{AtomicUsize, Ordering},
        };
        let (queue, jobs) = mpsc::channel::<Job>(8);
        let batches = Arc::new(AtomicUsize::new(0));
        let counted = batches.clone();
        tokio::spawn(supervise(jobs, move |batch: Vec<Job>| {
            let n = counted.fetch_add(1, Ordering::SeqCst);
            async move {
                assert!(n > 0, "the first batch meets a bug");
                for job in batch {
                    let _ = job.reply.send(Ok(Stored::Created(7)));
                }
            }
        }));
        let writer = writer_with_queue(queue);
        let first = writer.insert(new_report()).await;
        assert!(matches!(first, Err(WriterError::Stopped)), "{first:?}");
        // The writer is still there: the next reports are written and answered.
        for _ in 0..3 {
            let next = writer.insert(new_report()).await;
            assert!(matches!(next, Ok(Stored::Created(7))), "{next:?}");
        }
        assert_eq!(batches.load(Ordering::SeqCst), 4);
    }
}
