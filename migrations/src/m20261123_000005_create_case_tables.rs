//! The staff side of a report (a case): who is working on it, each item's assessments, and
//! internal notes. Each table is its own, keyed by the report, so the report intake's rows stay
//! exactly as they are and everything here goes when a report is withdrawn (cascade).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CaseAssignment::Table)
                    .if_not_exists()
                    // One row per case: the staff member working on it.
                    .col(
                        ColumnDef::new(CaseAssignment::ReportId)
                            .big_integer()
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(CaseAssignment::StaffId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(CaseAssignment::AssignedAt)
                            .big_integer()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CaseAssignment::Table, CaseAssignment::ReportId)
                            .to(Report::Table, Report::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CaseAssignment::Table, CaseAssignment::StaffId)
                            .to(StaffAccount::Table, StaffAccount::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_case_assignment_staff")
                    .table(CaseAssignment::Table)
                    .col(CaseAssignment::StaffId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ItemAssessment::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(ItemAssessment::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(ItemAssessment::ItemId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ItemAssessment::ReportId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ItemAssessment::StaffId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ItemAssessment::Verdict)
                            .string_len(32)
                            .not_null(),
                    )
                    .col(ColumnDef::new(ItemAssessment::Reason).text().not_null())
                    .col(
                        ColumnDef::new(ItemAssessment::CreatedAt)
                            .big_integer()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ItemAssessment::Table, ItemAssessment::ItemId)
                            .to(ReportItem::Table, ReportItem::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ItemAssessment::Table, ItemAssessment::ReportId)
                            .to(Report::Table, Report::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_item_assessment_report")
                    .table(ItemAssessment::Table)
                    .col(ItemAssessment::ReportId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CaseNote::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(CaseNote::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(CaseNote::ReportId).big_integer().not_null())
                    .col(ColumnDef::new(CaseNote::StaffId).big_integer().not_null())
                    .col(ColumnDef::new(CaseNote::Body).text().not_null())
                    .col(ColumnDef::new(CaseNote::CreatedAt).big_integer().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(CaseNote::Table, CaseNote::ReportId)
                            .to(Report::Table, Report::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_case_note_report")
                    .table(CaseNote::Table)
                    .col(CaseNote::ReportId)
                    .to_owned(),
            )
            .await?;
        // Finding other cases with the same file: exact hashes are looked up by value.
        manager
            .create_index(
                Index::create()
                    .name("idx_report_item_sha256")
                    .table(ReportItem::Table)
                    .col(ReportItem::Sha256)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_report_item_url")
                    .table(ReportItem::Table)
                    .col(ReportItem::Url)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for index in ["idx_report_item_url", "idx_report_item_sha256"] {
            manager
                .drop_index(
                    Index::drop()
                        .name(index)
                        .table(ReportItem::Table)
                        .to_owned(),
                )
                .await?;
        }
        for table in [
            CaseNote::Table.into_iden(),
            ItemAssessment::Table.into_iden(),
            CaseAssignment::Table.into_iden(),
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
}

#[derive(DeriveIden)]
enum ReportItem {
    Table,
    Id,
    Sha256,
    Url,
}

#[derive(DeriveIden)]
enum StaffAccount {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CaseAssignment {
    Table,
    ReportId,
    StaffId,
    AssignedAt,
}

#[derive(DeriveIden)]
enum ItemAssessment {
    Table,
    Id,
    ItemId,
    ReportId,
    StaffId,
    Verdict,
    Reason,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CaseNote {
    Table,
    Id,
    ReportId,
    StaffId,
    Body,
    CreatedAt,
}
