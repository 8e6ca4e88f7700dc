//! Submission ids were stored as sent, and a receipt is an HMAC of one: a copy of the
//! database and the secret gave back every receipt. From now on only a keyed hash of the id
//! is stored (`ReportKeys::submission_key`). The stored ids cannot be hashed here (the key
//! is not the database's to know), and they serve only to recognise a form sent twice within
//! seconds, so they are replaced by a value that matches nothing.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // `||` concatenates on SQLite and PostgreSQL alike; ids keep the column unique.
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE report SET submission_key = 'legacy-' || CAST(id AS TEXT) \
                 WHERE submission_key NOT LIKE 'legacy-%' AND length(submission_key) <> 64",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        // The ids are gone for good; nothing to restore.
        Ok(())
    }
}
