//! The provider directory (the `hosting` domain): whom to tell about an address, seeded from
//! `app/src/hosting/data/providers.yaml` on start and edited by administrators; and the
//! newest copy of IANA's RDAP bootstrap files, refreshed by a job (the one shipped in the
//! repository is the fallback).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Provider::Table)
                    .if_not_exists()
                    // The seed's stable slug (`hetzner`).
                    .col(
                        ColumnDef::new(Provider::Id)
                            .string_len(64)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Provider::Name).string_len(200).not_null())
                    .col(ColumnDef::new(Provider::Country).string_len(2).null())
                    .col(ColumnDef::new(Provider::Channel).string_len(16).not_null())
                    .col(ColumnDef::new(Provider::Verified).boolean().not_null())
                    // The whole entry (`app::hosting::ProviderRecord`) as JSON.
                    .col(ColumnDef::new(Provider::Data).text().not_null())
                    // Set once an administrator changed it: the seed no longer overwrites it.
                    .col(ColumnDef::new(Provider::EditedAt).big_integer().null())
                    .col(ColumnDef::new(Provider::EditedBy).big_integer().null())
                    .col(ColumnDef::new(Provider::UpdatedAt).big_integer().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RdapBootstrap::Table)
                    .if_not_exists()
                    // `ipv4.json`, `ipv6.json`, `asn.json` or `dns.json`.
                    .col(
                        ColumnDef::new(RdapBootstrap::Name)
                            .string_len(16)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(RdapBootstrap::Body).text().not_null())
                    // The file's own `publication` time, to keep the newer of two copies.
                    .col(
                        ColumnDef::new(RdapBootstrap::Publication)
                            .string_len(40)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(RdapBootstrap::FetchedAt)
                            .big_integer()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(RdapBootstrap::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Provider::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Provider {
    Table,
    Id,
    Name,
    Country,
    Channel,
    Verified,
    Data,
    EditedAt,
    EditedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum RdapBootstrap {
    Table,
    Name,
    Body,
    Publication,
    FetchedAt,
}
