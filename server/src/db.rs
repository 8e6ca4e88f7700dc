//! The database connection: SQLite (WAL) by default, PostgreSQL when `DATABASE_URL` says so.

use std::time::Duration;

use anyhow::Context;
use app::report::writer::ReportWriter;
use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};

use crate::config::Settings;

pub async fn connect(settings: &Settings) -> anyhow::Result<DatabaseConnection> {
    connect_url(&settings.database_url).await
}

/// What the report intake writes through. On SQLite a pool of exactly one connection,
/// shared by the group-commit task for new reports and the follow-up writes, so writers
/// queue fairly instead of retrying in SQLite's busy handler (whose growing sleeps put p99
/// over a second at 50 clients); its commits leave checkpoints to a task on `db`. Other
/// databases take concurrent writers well, so it is the same pool. `url` is the URL `db`
/// was opened with.
pub async fn writer(db: &DatabaseConnection, url: &str) -> anyhow::Result<ReportWriter> {
    let connection = if is_sqlite(url) {
        tokio::spawn(checkpoint_periodically(db.clone()));
        open(url, 1, WRITER_AUTOCHECKPOINT_PAGES).await?
    } else {
        db.clone()
    };
    Ok(ReportWriter::start(connection))
}

/// SQLite's own default: a commit that finds this many pages in the WAL copies them into
/// the database file first.
const AUTOCHECKPOINT_PAGES: u32 = 1000;

/// For the writer, only a safety net (about 40 MB), should `checkpoint_periodically` fall
/// behind: a checkpoint inside the writer's commit holds up every report queued behind it.
/// With the default, one commit in a few dozen took 20-40 ms longer at 3,000 reports/s,
/// which alone put intake's p99 over 50 ms.
const WRITER_AUTOCHECKPOINT_PAGES: u32 = 10_000;

/// Copies the WAL into the database file once a second, on a reading connection, so the
/// writer's commits need not. PASSIVE never waits for readers or the writer, and the
/// writer carries on appending to the WAL meanwhile.
async fn checkpoint_periodically(db: DatabaseConnection) {
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if let Err(error) = db
            .execute_unprepared("PRAGMA wal_checkpoint(PASSIVE)")
            .await
        {
            tracing::warn!(%error, "SQLite WAL checkpoint failed");
        }
    }
}

fn is_sqlite(url: &str) -> bool {
    url.starts_with("sqlite:")
}

pub async fn connect_url(url: &str) -> anyhow::Result<DatabaseConnection> {
    open(url, 16, AUTOCHECKPOINT_PAGES).await
}

async fn open(
    url: &str,
    max_connections: u32,
    autocheckpoint_pages: u32,
) -> anyhow::Result<DatabaseConnection> {
    if let Some(dir) = sqlite_parent_dir(url) {
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create the database directory {}", dir))?;
    }
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(max_connections)
        .acquire_timeout(Duration::from_secs(10))
        // Statements can carry personal data; sqlx would log them at info level.
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(move |opts| {
            use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
            // WAL lets readers go on while one writer commits; NORMAL is durable in WAL mode
            // except for the last transactions before a power cut, never corrupting.
            opts.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(5))
                .foreign_keys(true)
                // Deleted means deleted: a withdrawn report's bytes are overwritten, not left
                // in free pages of the file.
                .pragma("secure_delete", "ON")
                .pragma("wal_autocheckpoint", autocheckpoint_pages.to_string())
        });
    let db = Database::connect(options)
        .await
        .with_context(|| format!("cannot connect to the database ({})", redact(url)))?;
    Ok(db)
}

pub async fn migrate(db: &DatabaseConnection) -> anyhow::Result<()> {
    Migrator::up(db, None)
        .await
        .context("database migration failed")
}

/// The directory of a file-backed SQLite URL, so a first start can create it.
fn sqlite_parent_dir(url: &str) -> Option<String> {
    let path = url.strip_prefix("sqlite://")?.split('?').next()?;
    if path.is_empty() || path.starts_with(":memory:") {
        return None;
    }
    let parent = std::path::Path::new(path).parent()?;
    (!parent.as_os_str().is_empty()).then(|| parent.display().to_string())
}

/// The URL without its password, for error messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            format!("{}://…@{}", &url[..scheme_end], &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_removed_from_urls_in_messages() {
        assert_eq!(
            redact("postgres://portal:s3cret@db:5432/portal"),
            "postgres://…@db:5432/portal"
        );
        assert_eq!(
            redact("sqlite://data/portal.sqlite"),
            "sqlite://data/portal.sqlite"
        );
    }

    #[test]
    fn the_sqlite_directory_is_found() {
        assert_eq!(
            sqlite_parent_dir("sqlite://data/portal.sqlite?mode=rwc").as_deref(),
            Some("data")
        );
        assert_eq!(sqlite_parent_dir("sqlite::memory:"), None);
        assert_eq!(sqlite_parent_dir("postgres://x/y"), None);
    }
}
