//! The database connection: SQLite (WAL) by default, PostgreSQL when `DATABASE_URL` says so.

use std::time::Duration;

use anyhow::Context;
use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, Database, DatabaseConnection};

use crate::config::Settings;

pub async fn connect(settings: &Settings) -> anyhow::Result<DatabaseConnection> {
    connect_url(&settings.database_url).await
}

/// The connection the report intake writes through: on SQLite a pool of exactly one
/// connection, so concurrent submissions queue fairly in the pool instead of retrying in
/// SQLite's busy handler (whose growing sleeps put p99 over a second at 50 clients). Other
/// databases take concurrent writers well, so it is the same pool.
pub async fn writer(
    db: &DatabaseConnection,
    settings: &Settings,
) -> anyhow::Result<DatabaseConnection> {
    if is_sqlite(&settings.database_url) {
        open(&settings.database_url, 1).await
    } else {
        Ok(db.clone())
    }
}

fn is_sqlite(url: &str) -> bool {
    url.starts_with("sqlite:")
}

pub async fn connect_url(url: &str) -> anyhow::Result<DatabaseConnection> {
    open(url, 16).await
}

async fn open(url: &str, max_connections: u32) -> anyhow::Result<DatabaseConnection> {
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
        .map_sqlx_sqlite_opts(|opts| {
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
