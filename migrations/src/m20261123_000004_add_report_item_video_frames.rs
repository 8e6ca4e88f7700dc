//! Video files carry the PDQ hashes of sampled frames (vPDQ-style): `video_frames` holds them
//! as a JSON array of `{frame, timestamp, hash, quality}`, null for other items.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(ReportItem::Table)
                    .add_column(ColumnDef::new(ReportItem::VideoFrames).text().null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(ReportItem::Table)
                    .drop_column(ReportItem::VideoFrames)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum ReportItem {
    Table,
    VideoFrames,
}
