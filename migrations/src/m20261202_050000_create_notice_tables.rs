//! Notices (the `notice` domain): each Art. 16 notice an analyst sent, or the task it became
//! (a provider's web form, a hand-off to a hotline), with the exact text that went out and
//! the Message-ID it was delivered under; which items it covers; and the notifier's identity
//! on the organisation that owns the case (its country, domain and case mailbox).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters a table one change at a time.
        for column in [
            ColumnDef::new(Organisation::Country)
                .string_len(2)
                .null()
                .to_owned(),
            ColumnDef::new(Organisation::Domain)
                .string_len(253)
                .null()
                .to_owned(),
            ColumnDef::new(Organisation::CaseMailbox)
                .string_len(320)
                .null()
                .to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Organisation::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(Notice::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(Notice::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    // Ours, quoted in the provider's answers: `SA-20261202-1A2B3C4D`.
                    .col(
                        ColumnDef::new(Notice::Reference)
                            .string_len(32)
                            .not_null()
                            .unique_key(),
                    )
                    .col(ColumnDef::new(Notice::ReportId).big_integer().not_null())
                    // The notifier: the organisation that owned the case when it was sent.
                    .col(ColumnDef::new(Notice::OrganisationId).big_integer().null())
                    .col(ColumnDef::new(Notice::ProviderId).string_len(64).null())
                    .col(ColumnDef::new(Notice::ProviderName).string_len(200).null())
                    .col(ColumnDef::new(Notice::HostingCountry).string_len(2).null())
                    .col(ColumnDef::new(Notice::Category).string_len(16).not_null())
                    .col(ColumnDef::new(Notice::Channel).string_len(16).not_null())
                    // An e-mail address, or the address of a web form.
                    .col(ColumnDef::new(Notice::Recipient).text().not_null())
                    .col(ColumnDef::new(Notice::Lang).string_len(8).not_null())
                    .col(ColumnDef::new(Notice::Subject).text().not_null())
                    .col(ColumnDef::new(Notice::Body).text().not_null())
                    .col(ColumnDef::new(Notice::Xarf).text().not_null())
                    // Fixed when the notice is written, so every delivery attempt carries the
                    // same one and a provider can drop a repeat.
                    .col(
                        ColumnDef::new(Notice::MessageId)
                            .string_len(320)
                            .not_null()
                            .unique_key(),
                    )
                    .col(ColumnDef::new(Notice::Status).string_len(16).not_null())
                    .col(
                        ColumnDef::new(Notice::Attempts)
                            .integer()
                            .not_null()
                            .default(0),
                    )
                    .col(ColumnDef::new(Notice::LastError).string_len(64).null())
                    .col(ColumnDef::new(Notice::DeadlineAt).big_integer().not_null())
                    .col(ColumnDef::new(Notice::CreatedAt).big_integer().not_null())
                    .col(ColumnDef::new(Notice::CreatedBy).big_integer().not_null())
                    // Delivered (the mail server took it), or filed by hand (a task).
                    .col(ColumnDef::new(Notice::SentAt).big_integer().null())
                    .col(ColumnDef::new(Notice::FiledBy).big_integer().null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notice_report")
                    .table(Notice::Table)
                    .col(Notice::ReportId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notice_status_deadline")
                    .table(Notice::Table)
                    .col(Notice::Status)
                    .col(Notice::DeadlineAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(NoticeItem::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(NoticeItem::NoticeId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(ColumnDef::new(NoticeItem::ItemId).big_integer().not_null())
                    // The exact address as notified (the same address in another case is
                    // not notified twice).
                    .col(ColumnDef::new(NoticeItem::Url).text().not_null())
                    .primary_key(
                        Index::create()
                            .col(NoticeItem::NoticeId)
                            .col(NoticeItem::ItemId),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notice_item_item")
                    .table(NoticeItem::Table)
                    .col(NoticeItem::ItemId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notice_item_url")
                    .table(NoticeItem::Table)
                    .col(NoticeItem::Url)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(NoticeItem::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Notice::Table).to_owned())
            .await?;
        for column in [
            Organisation::Country,
            Organisation::Domain,
            Organisation::CaseMailbox,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Organisation::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Country,
    Domain,
    CaseMailbox,
}

#[derive(DeriveIden)]
enum Notice {
    Table,
    Id,
    Reference,
    ReportId,
    OrganisationId,
    ProviderId,
    ProviderName,
    HostingCountry,
    Category,
    Channel,
    Recipient,
    Lang,
    Subject,
    Body,
    Xarf,
    MessageId,
    Status,
    Attempts,
    LastError,
    DeadlineAt,
    CreatedAt,
    CreatedBy,
    SentAt,
    FiledBy,
}

#[derive(DeriveIden)]
enum NoticeItem {
    Table,
    NoticeId,
    ItemId,
    Url,
}
