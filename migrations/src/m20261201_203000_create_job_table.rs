//! Background jobs, leased from the database by any number of server instances (see
//! `server::jobs`). A job is a row from when it is enqueued (in the transaction of the action
//! that wants it) until it is done; one that failed too often stays, `dead`, for the
//! administrators to see.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Job::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(Job::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Job::Kind).string_len(64).not_null())
                    // JSON: ids and options only, never a reporter's words.
                    .col(ColumnDef::new(Job::Payload).text().not_null())
                    // queued | running | dead (a done job is deleted).
                    .col(ColumnDef::new(Job::Status).string_len(16).not_null())
                    .col(ColumnDef::new(Job::Attempts).integer().not_null())
                    .col(ColumnDef::new(Job::MaxAttempts).integer().not_null())
                    // Unix seconds, from the portal's clock: due, and the lease's end.
                    .col(ColumnDef::new(Job::RunAt).big_integer().not_null())
                    .col(ColumnDef::new(Job::LeasedUntil).big_integer().null())
                    .col(ColumnDef::new(Job::LeasedBy).string_len(64).null())
                    // An error code of the job's own (never text that could carry data).
                    .col(ColumnDef::new(Job::LastError).string_len(200).null())
                    // At most one queued or running job per key (periodic jobs).
                    .col(ColumnDef::new(Job::DedupeKey).string_len(128).null())
                    .col(ColumnDef::new(Job::CreatedAt).big_integer().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_job_due")
                    .table(Job::Table)
                    .col(Job::Status)
                    .col(Job::RunAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_job_dedupe_key")
                    .table(Job::Table)
                    .col(Job::DedupeKey)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Job::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Job {
    Table,
    Id,
    Kind,
    Payload,
    Status,
    Attempts,
    MaxAttempts,
    RunAt,
    LeasedUntil,
    LeasedBy,
    LastError,
    DedupeKey,
    CreatedAt,
}
