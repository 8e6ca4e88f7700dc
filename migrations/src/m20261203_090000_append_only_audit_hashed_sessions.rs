//! Two things the database itself now refuses or no longer holds:
//!
//! - **The audit trail is append-only in the database**, not only in the code: an UPDATE,
//!   DELETE (or, on PostgreSQL, TRUNCATE) of `audit_event` fails. The chain's key already
//!   makes an edit detectable; this stops the careless or injected statement outright. The
//!   table's owner can drop a trigger, so production runs the portal as a role that does not
//!   own the tables (README, "Database roles").
//! - **Sessions are stored under a hash of their id** (`server::session_store`). The rows
//!   written before are keyed by the plain id a cookie carries, so they go: everyone signed
//!   in signs in once more.

use sea_orm_migration::{prelude::*, sea_orm::DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const SQLITE_UP: [&str; 2] = [
    "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event \
     BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END",
    "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event \
     BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END",
];

const POSTGRES_UP: [&str; 3] = [
    "CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ \
     BEGIN RAISE EXCEPTION 'audit events are append-only'; END $$",
    "CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event \
     FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()",
    "CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event \
     FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let statements: &[&str] = match manager.get_database_backend() {
            DatabaseBackend::Postgres => &POSTGRES_UP,
            _ => &SQLITE_UP,
        };
        for statement in statements {
            db.execute_unprepared(statement).await?;
        }
        db.execute_unprepared("DELETE FROM session").await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let statements: &[&str] = match manager.get_database_backend() {
            DatabaseBackend::Postgres => &[
                "DROP TRIGGER audit_event_no_truncate ON audit_event",
                "DROP TRIGGER audit_event_no_change ON audit_event",
                "DROP FUNCTION audit_event_append_only()",
            ],
            _ => &[
                "DROP TRIGGER audit_event_no_update",
                "DROP TRIGGER audit_event_no_delete",
            ],
        };
        for statement in statements {
            db.execute_unprepared(statement).await?;
        }
        Ok(())
    }
}
