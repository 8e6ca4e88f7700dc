//! The platforms' hash list (the `hash_list` domain): one entry per hashed file, the change
//! feed platforms follow, the platform clients with their keys and webhooks, their feedback
//! on entries, and how much each key is used.
//!
//! Nothing here links two entries of one report for anyone outside: entries get random
//! public ids, their internal ids are assigned in shuffled order, and changes are published
//! in shuffled batches. `report_id` exists only so a withdrawal can find them; retention and
//! withdrawal set it to null.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(HashEntry::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(HashEntry::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(HashEntry::PublicId)
                            .string_len(32)
                            .not_null()
                            .unique_key(),
                    )
                    .col(ColumnDef::new(HashEntry::ReportId).big_integer().null())
                    // One entry per file item: collecting twice adds nothing.
                    .col(
                        ColumnDef::new(HashEntry::ReportItemId)
                            .big_integer()
                            .null()
                            .unique_key(),
                    )
                    .col(ColumnDef::new(HashEntry::List).string_len(8).not_null())
                    .col(ColumnDef::new(HashEntry::Status).string_len(24).not_null())
                    .col(ColumnDef::new(HashEntry::Md5).string_len(32).null())
                    .col(ColumnDef::new(HashEntry::Sha256).string_len(64).null())
                    .col(ColumnDef::new(HashEntry::Pdq).string_len(64).null())
                    .col(ColumnDef::new(HashEntry::PdqQuality).integer().null())
                    .col(ColumnDef::new(HashEntry::Dihedral).text().null())
                    .col(ColumnDef::new(HashEntry::VideoFrames).text().null())
                    .col(
                        ColumnDef::new(HashEntry::Synthetic)
                            .boolean()
                            .not_null()
                            .default(false),
                    )
                    .col(ColumnDef::new(HashEntry::Source).string_len(16).not_null())
                    .col(ColumnDef::new(HashEntry::ConfirmedBy).big_integer().null())
                    // Rounded to the hour: no finer time is kept that could line entries up.
                    .col(
                        ColumnDef::new(HashEntry::CreatedAt)
                            .big_integer()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("idx_hash_entry_md5", HashEntry::Md5),
            ("idx_hash_entry_sha256", HashEntry::Sha256),
            ("idx_hash_entry_pdq", HashEntry::Pdq),
            ("idx_hash_entry_report", HashEntry::ReportId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(HashEntry::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(HashChange::Table)
                    .if_not_exists()
                    // The order changes were written in: what each instance's in-memory index
                    // follows.
                    .col(
                        ColumnDef::new(HashChange::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(HashChange::EntryId).big_integer().not_null())
                    .col(ColumnDef::new(HashChange::Change).string_len(16).not_null())
                    // The order platforms see, given when a shuffled batch is published; null
                    // until then.
                    .col(
                        ColumnDef::new(HashChange::Seq)
                            .big_integer()
                            .null()
                            .unique_key(),
                    )
                    .col(
                        ColumnDef::new(HashChange::PublishAfter)
                            .big_integer()
                            .not_null(),
                    )
                    .col(ColumnDef::new(HashChange::PublishedAt).big_integer().null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_hash_change_entry")
                    .table(HashChange::Table)
                    .col(HashChange::EntryId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_hash_change_pending")
                    .table(HashChange::Table)
                    .col(HashChange::PublishAfter)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Platform::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(Platform::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(Platform::Name)
                            .string_len(100)
                            .not_null()
                            .unique_key(),
                    )
                    // SHA-256 of the key: a key is 160 random bits, so no slow hash is needed.
                    .col(
                        ColumnDef::new(Platform::KeyHash)
                            .string_len(64)
                            .not_null()
                            .unique_key(),
                    )
                    .col(ColumnDef::new(Platform::KeyHint).string_len(24).not_null())
                    .col(ColumnDef::new(Platform::Scopes).string_len(64).not_null())
                    .col(ColumnDef::new(Platform::Lists).string_len(32).not_null())
                    .col(
                        ColumnDef::new(Platform::Sandbox)
                            .boolean()
                            .not_null()
                            .default(false),
                    )
                    .col(ColumnDef::new(Platform::PerMinute).integer().not_null())
                    .col(ColumnDef::new(Platform::CreatedAt).big_integer().not_null())
                    .col(ColumnDef::new(Platform::CreatedBy).big_integer().null())
                    .col(ColumnDef::new(Platform::RevokedAt).big_integer().null())
                    .col(ColumnDef::new(Platform::WebhookUrl).text().null())
                    .col(ColumnDef::new(Platform::WebhookSecret).text().null())
                    .col(ColumnDef::new(Platform::WebhookOldSecret).text().null())
                    .col(
                        ColumnDef::new(Platform::WebhookOldUntil)
                            .big_integer()
                            .null(),
                    )
                    // The highest change the platform has read from the feed: whether it has
                    // been told about an entry.
                    .col(
                        ColumnDef::new(Platform::FeedSeq)
                            .big_integer()
                            .not_null()
                            .default(0),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PlatformUsage::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(PlatformUsage::PlatformId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(ColumnDef::new(PlatformUsage::Day).big_integer().not_null())
                    .col(
                        ColumnDef::new(PlatformUsage::Endpoint)
                            .string_len(32)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(PlatformUsage::Calls)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(PlatformUsage::Items)
                            .big_integer()
                            .not_null(),
                    )
                    .primary_key(
                        Index::create()
                            .col(PlatformUsage::PlatformId)
                            .col(PlatformUsage::Day)
                            .col(PlatformUsage::Endpoint),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(HashFeedback::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(HashFeedback::EntryId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(HashFeedback::PlatformId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(HashFeedback::Verdict)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(ColumnDef::new(HashFeedback::Reason).string_len(64).null())
                    .col(
                        ColumnDef::new(HashFeedback::CreatedAt)
                            .big_integer()
                            .not_null(),
                    )
                    .primary_key(
                        Index::create()
                            .col(HashFeedback::EntryId)
                            .col(HashFeedback::PlatformId),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            HashFeedback::Table.into_iden(),
            PlatformUsage::Table.into_iden(),
            Platform::Table.into_iden(),
            HashChange::Table.into_iden(),
            HashEntry::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum HashEntry {
    Table,
    Id,
    PublicId,
    ReportId,
    ReportItemId,
    List,
    Status,
    Md5,
    Sha256,
    Pdq,
    PdqQuality,
    Dihedral,
    VideoFrames,
    Synthetic,
    Source,
    ConfirmedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum HashChange {
    Table,
    Id,
    EntryId,
    Change,
    Seq,
    PublishAfter,
    PublishedAt,
}

#[derive(DeriveIden)]
enum Platform {
    Table,
    Id,
    Name,
    KeyHash,
    KeyHint,
    Scopes,
    Lists,
    Sandbox,
    PerMinute,
    CreatedAt,
    CreatedBy,
    RevokedAt,
    WebhookUrl,
    WebhookSecret,
    WebhookOldSecret,
    WebhookOldUntil,
    FeedSeq,
}

#[derive(DeriveIden)]
enum PlatformUsage {
    Table,
    PlatformId,
    Day,
    Endpoint,
    Calls,
    Items,
}

#[derive(DeriveIden)]
enum HashFeedback {
    Table,
    EntryId,
    PlatformId,
    Verdict,
    Reason,
    CreatedAt,
}
