//! The database schema, for SQLite and PostgreSQL alike. Migrations run at start-up and with
//! `portal migrate`; one that has shipped is never edited, only followed by a new one.

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_create_session_table;
mod m20261123_000002_create_report_tables;
mod m20261123_000003_create_staff_tables;
mod m20261123_000004_add_report_item_video_frames;
mod m20261123_000005_create_case_tables;
// From here on named by date and time, so migrations from two branches cannot collide.
mod m20261201_203000_create_job_table;
mod m20261201_210000_add_case_owners;
mod m20261201_235000_create_resolution_table;
mod m20261202_020000_create_provider_tables;
mod m20261202_030000_hash_submission_keys;
mod m20261202_050000_create_notice_tables;
mod m20261203_090000_append_only_audit_hashed_sessions;
mod m20261203_200000_create_hash_list_tables;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_create_session_table::Migration),
            Box::new(m20261123_000002_create_report_tables::Migration),
            Box::new(m20261123_000003_create_staff_tables::Migration),
            Box::new(m20261123_000004_add_report_item_video_frames::Migration),
            Box::new(m20261123_000005_create_case_tables::Migration),
            Box::new(m20261201_203000_create_job_table::Migration),
            Box::new(m20261201_210000_add_case_owners::Migration),
            Box::new(m20261201_235000_create_resolution_table::Migration),
            Box::new(m20261202_020000_create_provider_tables::Migration),
            Box::new(m20261202_030000_hash_submission_keys::Migration),
            Box::new(m20261202_050000_create_notice_tables::Migration),
            Box::new(m20261203_090000_append_only_audit_hashed_sessions::Migration),
            Box::new(m20261203_200000_create_hash_list_tables::Migration),
        ]
    }
}
