//! One way to the database: [`Db`] reads from the pool and writes through ONE write path.
//!
//! On SQLite every write (intake, staff, case, session, audit, retention) goes through the
//! same single connection (the report writer's, see `report::writer`), so writers in this
//! process queue fairly for it instead of failing each other with "database is locked"; each
//! write transaction starts with `BEGIN IMMEDIATE`, so it takes the write lock before it
//! reads, and a writer in another process (the `portal` CLI while the server runs) makes it
//! wait, with jittered backoff, instead of failing halfway. On PostgreSQL both are the pool.
//!
//! The handle also carries the [`Clock`]: whoever holds the database holds "now"; and the
//! audit chain's key, so whoever writes an event can seal it.

use std::time::Duration;

use rand::Rng;
use sea_orm::{
    DatabaseConnection, DatabaseTransaction, DbErr, RuntimeErr, SqliteTransactionMode,
    TransactionOptions, TransactionTrait,
};

use crate::{audit::chain::ChainKey, time::Clock};

/// The database, as every use case gets it.
#[derive(Debug, Clone)]
pub struct Db {
    read: DatabaseConnection,
    write: DatabaseConnection,
    clock: Clock,
    audit_key: ChainKey,
}

/// How often a write transaction is begun again while another process holds SQLite's lock
/// (each attempt already waits up to the connection's busy timeout).
const BEGIN_ATTEMPTS: u32 = 6;

impl Db {
    /// `write` must be the only connection of this process that writes, on SQLite a pool of
    /// one (`server::db::writer`); on PostgreSQL it may be the same pool as `read`.
    pub fn new(
        read: DatabaseConnection,
        write: DatabaseConnection,
        clock: Clock,
        audit_key: ChainKey,
    ) -> Db {
        Db {
            read,
            write,
            clock,
            audit_key,
        }
    }

    /// For reads (and nothing else: a write here would bypass the write path).
    pub fn read(&self) -> &DatabaseConnection {
        &self.read
    }

    /// The write path's connection, for what manages its own transactions on it (the report
    /// writer's group commit, the session store's single statements).
    pub fn write(&self) -> &DatabaseConnection {
        &self.write
    }

    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// The key every audit event written through this handle is sealed with.
    pub fn audit_key(&self) -> &ChainKey {
        &self.audit_key
    }

    /// Now, in unix seconds, from the clock.
    pub fn now(&self) -> i64 {
        self.clock.now()
    }

    /// A write transaction on the write path (`BEGIN IMMEDIATE` on SQLite), begun again with
    /// jittered backoff while another process holds the lock.
    pub async fn begin(&self) -> Result<DatabaseTransaction, DbErr> {
        let options = TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..TransactionOptions::default()
        };
        let mut attempt = 0;
        loop {
            match self.write.begin_with_options(options).await {
                Err(error) if is_busy(&error) && attempt + 1 < BEGIN_ATTEMPTS => {
                    attempt += 1;
                    tokio::time::sleep(backoff(attempt)).await;
                }
                outcome => return outcome,
            }
        }
    }
}

/// 10, 20, 40 … ms, each somewhere between half and all of it, so two processes that
/// collided do not collide again at the same instant.
fn backoff(attempt: u32) -> Duration {
    let full = 10u64 << attempt.min(6);
    Duration::from_millis(rand::rng().random_range(full / 2..=full))
}

/// Whether SQLite said another connection holds a lock (`SQLITE_BUSY` or `SQLITE_LOCKED`, by
/// their result codes, extended codes included).
pub fn is_busy(error: &DbErr) -> bool {
    let (DbErr::Conn(RuntimeErr::SqlxError(sqlx))
    | DbErr::Exec(RuntimeErr::SqlxError(sqlx))
    | DbErr::Query(RuntimeErr::SqlxError(sqlx))) = error
    else {
        return false;
    };
    sqlx.as_database_error()
        .and_then(|database| database.code())
        .and_then(|code| code.parse::<i32>().ok())
        .is_some_and(|code| matches!(code & 0xff, 5 | 6))
}

/// Whether a transaction lost a race that running it again resolves: a unique key another
/// writer took first (two instances accepting the same invitation on PostgreSQL).
pub fn lost_a_race(error: &DbErr) -> bool {
    matches!(
        error.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    )
}

/// Runs a use case again, up to four more times, while its transaction loses a race (see
/// [`lost_a_race`]). `db_error` finds the database error inside the use case's own error.
pub async fn retrying<T, E, F>(
    mut attempt: impl FnMut() -> F,
    db_error: impl Fn(&E) -> Option<&DbErr>,
) -> Result<T, E>
where
    F: Future<Output = Result<T, E>>,
{
    let mut tries = 0;
    loop {
        match attempt().await {
            Err(error) if tries < 4 && db_error(&error).is_some_and(lost_a_race) => tries += 1,
            outcome => return outcome,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_stays_jittered() {
        for attempt in 1..10 {
            let ms = backoff(attempt).as_millis() as u64;
            let full = 10u64 << attempt.min(6);
            assert!((full / 2..=full).contains(&ms), "{attempt}: {ms}");
        }
    }

    #[test]
    fn only_lock_errors_count_as_busy() {
        assert!(!is_busy(&DbErr::Custom("database is locked".into())));
        assert!(!is_busy(&DbErr::RecordNotFound("x".into())));
    }
}
