//! Where reported addresses are hosted: one resolution per host (the `hosting` domain), kept
//! with its time so staff see how old it is and the portal refreshes it. Deleted with the
//! last report that names the host (retention), since the host alone says someone reported it.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Resolution::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(Resolution::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Resolution::Host).string_len(253).not_null())
                    // The whole answer (`app::hosting::Resolution`) as JSON.
                    .col(ColumnDef::new(Resolution::Data).text().not_null())
                    // The network's country, for the queue and the reporter's page.
                    .col(ColumnDef::new(Resolution::Country).string_len(2).null())
                    .col(ColumnDef::new(Resolution::ProviderId).string_len(64).null())
                    .col(
                        ColumnDef::new(Resolution::ResolvedAt)
                            .big_integer()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_resolution_host")
                    .table(Resolution::Table)
                    .col(Resolution::Host)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Resolution::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Resolution {
    Table,
    Id,
    Host,
    Data,
    Country,
    ProviderId,
    ResolvedAt,
}
