//! The database connection: SQLite (WAL) by default, PostgreSQL when `DATABASE_URL` says so.

use std::{
    path::{Path, PathBuf},
    time::Duration,
};

use anyhow::Context;
use app::report::writer::ReportWriter;
use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, Database, DatabaseConnection};

use crate::config::Settings;

pub async fn connect(settings: &Settings) -> anyhow::Result<DatabaseConnection> {
    connect_url(&settings.database_url).await
}

/// What the report intake writes through. On SQLite a pool of exactly one connection,
/// shared by the group-commit task for new reports and the follow-up writes, so writers
/// queue fairly instead of retrying in SQLite's busy handler (whose growing sleeps put p99
/// over a second at 50 clients). It commits with `synchronous = FULL`: a receipt is shown
/// only for a report that is on disk. Other databases take concurrent writers well, so it
/// is the same pool. `url` is the URL `db` was opened with.
pub async fn writer(db: &DatabaseConnection, url: &str) -> anyhow::Result<ReportWriter> {
    let connection = if is_sqlite(url) {
        open(url, 1, Sync::Full).await?
    } else {
        db.clone()
    };
    Ok(ReportWriter::start(connection))
}

/// When SQLite waits for the disk.
#[derive(Clone, Copy)]
enum Sync {
    /// At checkpoints only: a power cut may lose the last commits, never corrupts.
    Normal,
    /// At every commit as well.
    Full,
}

fn is_sqlite(url: &str) -> bool {
    url.starts_with("sqlite:")
}

pub async fn connect_url(url: &str) -> anyhow::Result<DatabaseConnection> {
    open(url, 16, Sync::Normal).await
}

async fn open(url: &str, max_connections: u32, sync: Sync) -> anyhow::Result<DatabaseConnection> {
    if let Some(file) = sqlite_file(url) {
        keep_private(&file)?;
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
            let synchronous = match sync {
                Sync::Normal => SqliteSynchronous::Normal,
                Sync::Full => SqliteSynchronous::Full,
            };
            opts.journal_mode(SqliteJournalMode::Wal)
                .synchronous(synchronous)
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

/// The file of a file-backed SQLite URL.
fn sqlite_file(url: &str) -> Option<PathBuf> {
    let path = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?
        .split('?')
        .next()?;
    (!path.is_empty() && !path.starts_with(":memory:")).then(|| PathBuf::from(path))
}

/// The database holds reports: only the portal's own user may read it. Its folder is created
/// `0700` and the file `0600` before SQLite opens it (SQLite gives its `-wal` and `-shm` files
/// the database file's mode); a file from before that is readable by others is made private.
fn keep_private(file: &Path) -> anyhow::Result<()> {
    if let Some(dir) = file.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        create_private_dir(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
        .open(file)
        .with_context(|| format!("cannot create the database {}", file.display()))?;
    #[cfg(unix)]
    for path in [
        file.to_owned(),
        with_suffix(file, "-wal"),
        with_suffix(file, "-shm"),
    ] {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(&path)
            && meta.permissions().mode() & 0o077 != 0
        {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))
                .with_context(|| format!("cannot make {} private", path.display()))?;
        }
    }
    Ok(())
}

fn with_suffix(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Creates `dir` (and what is missing above it) readable by the portal's user only.
pub(crate) fn create_private_dir(dir: &Path) -> anyhow::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .with_context(|| format!("cannot create the directory {}", dir.display()))
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
    fn the_sqlite_file_is_found() {
        assert_eq!(
            sqlite_file("sqlite://data/portal.sqlite?mode=rwc"),
            Some(PathBuf::from("data/portal.sqlite"))
        );
        assert_eq!(
            sqlite_file("sqlite:///srv/portal.sqlite"),
            Some(PathBuf::from("/srv/portal.sqlite"))
        );
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://x/y"), None);
    }
}
