//! Anonymous reports, their items (URLs, accounts, hashed files) and the messages between
//! staff and the reporter. Deleting a report deletes everything under it (cascade), so
//! "withdraw and delete" and retention are one statement each.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Report::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(Report::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    // HMAC-SHA-256 of the receipt, hex: the only way to the report.
                    .col(
                        ColumnDef::new(Report::ReceiptKey)
                            .string_len(64)
                            .not_null()
                            .unique_key(),
                    )
                    // One per filled-in form: sending the same form twice makes one report.
                    .col(
                        ColumnDef::new(Report::SubmissionKey)
                            .string_len(64)
                            .not_null()
                            .unique_key(),
                    )
                    .col(ColumnDef::new(Report::Status).string_len(32).not_null())
                    .col(ColumnDef::new(Report::ForWhom).string_len(32).not_null())
                    .col(ColumnDef::new(Report::Safety).string_len(32).not_null())
                    .col(ColumnDef::new(Report::Happened).text().not_null())
                    .col(ColumnDef::new(Report::HappenedOther).text().not_null())
                    .col(ColumnDef::new(Report::AgeBand).string_len(32).not_null())
                    .col(ColumnDef::new(Report::Country).string_len(2).not_null())
                    .col(
                        ColumnDef::new(Report::ReplyLanguage)
                            .string_len(8)
                            .not_null(),
                    )
                    // AES-256-GCM sealed, only with consent; never readable from the database alone.
                    .col(ColumnDef::new(Report::ContactSealed).text().null())
                    // Unix seconds, as in every table: compares the same way on both databases.
                    .col(ColumnDef::new(Report::CreatedAt).big_integer().not_null())
                    .col(ColumnDef::new(Report::ClosedAt).big_integer().null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_report_closed_at")
                    .table(Report::Table)
                    .col(Report::ClosedAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ReportItem::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(ReportItem::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(ReportItem::ReportId)
                            .big_integer()
                            .not_null(),
                    )
                    // url | account | file
                    .col(ColumnDef::new(ReportItem::Kind).string_len(16).not_null())
                    .col(ColumnDef::new(ReportItem::Url).text().null())
                    .col(ColumnDef::new(ReportItem::Platform).string_len(100).null())
                    .col(ColumnDef::new(ReportItem::Handle).string_len(200).null())
                    .col(ColumnDef::new(ReportItem::FileKind).string_len(16).null())
                    .col(ColumnDef::new(ReportItem::Md5).string_len(32).null())
                    .col(ColumnDef::new(ReportItem::Sha256).string_len(64).null())
                    .col(ColumnDef::new(ReportItem::Pdq).string_len(64).null())
                    .col(ColumnDef::new(ReportItem::PdqQuality).integer().null())
                    .col(ColumnDef::new(ReportItem::Dihedral).text().null())
                    .col(ColumnDef::new(ReportItem::Status).string_len(32).not_null())
                    .col(ColumnDef::new(ReportItem::Provider).string_len(200).null())
                    .col(
                        ColumnDef::new(ReportItem::ProviderCountry)
                            .string_len(2)
                            .null(),
                    )
                    .col(
                        ColumnDef::new(ReportItem::NoticeSentAt)
                            .big_integer()
                            .null(),
                    )
                    .col(ColumnDef::new(ReportItem::DeadlineAt).big_integer().null())
                    .col(ColumnDef::new(ReportItem::RemovedAt).big_integer().null())
                    .col(
                        ColumnDef::new(ReportItem::CreatedAt)
                            .big_integer()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ReportItem::Table, ReportItem::ReportId)
                            .to(Report::Table, Report::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_report_item_report")
                    .table(ReportItem::Table)
                    .col(ReportItem::ReportId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ReportMessage::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(ReportMessage::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(ReportMessage::ReportId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ReportMessage::FromStaff)
                            .boolean()
                            .not_null(),
                    )
                    .col(ColumnDef::new(ReportMessage::Body).text().not_null())
                    .col(
                        ColumnDef::new(ReportMessage::CreatedAt)
                            .big_integer()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ReportMessage::Table, ReportMessage::ReportId)
                            .to(Report::Table, Report::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_report_message_report")
                    .table(ReportMessage::Table)
                    .col(ReportMessage::ReportId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ReportMessage::Table.into_iden(),
            ReportItem::Table.into_iden(),
            Report::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Report {
    Table,
    Id,
    ReceiptKey,
    SubmissionKey,
    Status,
    ForWhom,
    Safety,
    Happened,
    HappenedOther,
    AgeBand,
    Country,
    ReplyLanguage,
    ContactSealed,
    CreatedAt,
    ClosedAt,
}

#[derive(DeriveIden)]
enum ReportItem {
    Table,
    Id,
    ReportId,
    Kind,
    Url,
    Platform,
    Handle,
    FileKind,
    Md5,
    Sha256,
    Pdq,
    PdqQuality,
    Dihedral,
    Status,
    Provider,
    ProviderCountry,
    NoticeSentAt,
    DeadlineAt,
    RemovedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ReportMessage {
    Table,
    Id,
    ReportId,
    FromStaff,
    Body,
    CreatedAt,
}
