//! Cases belong to an organisation. A report gets its owner when it arrives, by the rules an
//! administrator sets (country and category to organisation, with a default); an
//! organisation is either one that *uses* the portal (its staff sign in, it owns cases) or one
//! that is only *listed* (a helpline, a DSC: the help directory). Also drops the notice
//! placeholders of `report_item` that nothing ever wrote: notices get their own tables.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Organisation::Table)
                    .add_column(
                        ColumnDef::new(Organisation::UsesPortal)
                            .boolean()
                            .not_null()
                            .default(true),
                    )
                    .to_owned(),
            )
            .await?;
        // Null: nobody's yet (reports from before owners existed, or no rule matched).
        manager
            .alter_table(
                Table::alter()
                    .table(Report::Table)
                    .add_column(
                        ColumnDef::new(Report::OwnerOrganisationId)
                            .big_integer()
                            .null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_report_owner")
                    .table(Report::Table)
                    .col(Report::OwnerOrganisationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CaseOwnerRule::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(CaseOwnerRule::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    // Null: any country / any category. Both null: the default rule.
                    .col(ColumnDef::new(CaseOwnerRule::Country).string_len(2).null())
                    .col(
                        ColumnDef::new(CaseOwnerRule::Category)
                            .string_len(16)
                            .null(),
                    )
                    .col(
                        ColumnDef::new(CaseOwnerRule::OrganisationId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(CaseOwnerRule::CreatedAt)
                            .big_integer()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CaseOwnerRule::Table, CaseOwnerRule::OrganisationId)
                            .to(Organisation::Table, Organisation::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for column in [
            ReportItem::Provider,
            ReportItem::ProviderCountry,
            ReportItem::NoticeSentAt,
            ReportItem::DeadlineAt,
        ] {
            // One column per statement: SQLite alters one thing at a time.
            manager
                .alter_table(
                    Table::alter()
                        .table(ReportItem::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CaseOwnerRule::Table).to_owned())
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_report_owner")
                    .table(Report::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Report::Table)
                    .drop_column(Report::OwnerOrganisationId)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Organisation::Table)
                    .drop_column(Organisation::UsesPortal)
                    .to_owned(),
            )
            .await?;
        for column in [ReportItem::Provider, ReportItem::ProviderCountry] {
            manager
                .alter_table(
                    Table::alter()
                        .table(ReportItem::Table)
                        .add_column(ColumnDef::new(column).string_len(200).null())
                        .to_owned(),
                )
                .await?;
        }
        for column in [ReportItem::NoticeSentAt, ReportItem::DeadlineAt] {
            manager
                .alter_table(
                    Table::alter()
                        .table(ReportItem::Table)
                        .add_column(ColumnDef::new(column).big_integer().null())
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
    Id,
    UsesPortal,
}

#[derive(DeriveIden)]
enum Report {
    Table,
    OwnerOrganisationId,
}

#[derive(DeriveIden)]
enum ReportItem {
    Table,
    Provider,
    ProviderCountry,
    NoticeSentAt,
    DeadlineAt,
}

#[derive(DeriveIden)]
enum CaseOwnerRule {
    Table,
    Id,
    Country,
    Category,
    OrganisationId,
    CreatedAt,
}
