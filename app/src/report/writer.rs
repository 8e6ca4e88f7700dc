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
                tokio::spawn(run(db.clone(), jobs));
                Some(queue)
            }
            _ => None,
        };
        ReportWriter { db, queue }
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

/// The writer task: until every [`ReportWriter`] is dropped.
async fn run(db: DatabaseConnection, mut jobs: mpsc::Receiver<Job>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    // Waits for the first report, then takes whatever else is already queued, without
    // waiting for more: a lone report is written at once, and under load batches fill up
    // by themselves while the previous one is being written.
    while jobs.recv_many(&mut batch, MAX_BATCH).await > 0 {
        write(&db, &mut batch).await;
        checkpoint(&db).await;
    }
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
    match store::insert_reports(db, &reports).await {
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
    use crate::report::{Draft, Receipt, ReportKeys};

    fn new_report() -> NewReport {
        let keys = ReportKeys::derive(&[7; 32]);
        let draft = Draft {
            submission: "0123456789abcdef0123456789abcdef".into(),
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
    async fn a_report_gets_an_error_when_the_writer_task_ends_before_answering() {
        let (queue, mut jobs) = mpsc::channel::<Job>(1);
        // Takes the job and drops it unanswered, as a task that panics mid-batch would.
        tokio::spawn(async move { jobs.recv().await });
        let answer = writer_with_queue(queue).insert(new_report()).await;
        assert!(matches!(answer, Err(WriterError::Stopped)), "{answer:?}");
    }
}
