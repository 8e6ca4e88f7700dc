//! Staff: organisations (helplines, care centres, …), staff accounts bound to an identity at
//! the organisation's OpenID provider, invitations (an account is only ever created from one),
//! and the append-only audit trail of staff actions, each event chained to the one before by
//! its hash.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn id<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name)
        .big_integer()
        .not_null()
        .auto_increment()
        .primary_key()
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Organisation::Table)
                    .if_not_exists()
                    .col(id(Organisation::Id))
                    .col(
                        ColumnDef::new(Organisation::Name)
                            .string_len(200)
                            .not_null()
                            .unique_key(),
                    )
                    // helpline, hotline, care_centre, authority, …
                    .col(ColumnDef::new(Organisation::Kind).string_len(32).not_null())
                    .col(
                        ColumnDef::new(Organisation::CreatedAt)
                            .big_integer()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(StaffAccount::Table)
                    .if_not_exists()
                    .col(id(StaffAccount::Id))
                    // The identity: `iss` and `sub` of the ID token, never the e-mail address
                    // (addresses change and can be reassigned).
                    .col(
                        ColumnDef::new(StaffAccount::Issuer)
                            .string_len(500)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(StaffAccount::Subject)
                            .string_len(255)
                            .not_null(),
                    )
                    .col(ColumnDef::new(StaffAccount::Email).string_len(320).null())
                    .col(
                        ColumnDef::new(StaffAccount::DisplayName)
                            .string_len(200)
                            .not_null(),
                    )
                    .col(ColumnDef::new(StaffAccount::Role).string_len(32).not_null())
                    .col(
                        ColumnDef::new(StaffAccount::OrganisationId)
                            .big_integer()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(StaffAccount::CreatedAt)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(StaffAccount::LastSignInAt)
                            .big_integer()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(StaffAccount::DisabledAt)
                            .big_integer()
                            .null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(StaffAccount::Table, StaffAccount::OrganisationId)
                            .to(Organisation::Table, Organisation::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_staff_account_identity")
                    .table(StaffAccount::Table)
                    .col(StaffAccount::Issuer)
                    .col(StaffAccount::Subject)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Invitation::Table)
                    .if_not_exists()
                    .col(id(Invitation::Id))
                    // Lower case; matched only against a verified e-mail claim.
                    .col(ColumnDef::new(Invitation::Email).string_len(320).null())
                    .col(ColumnDef::new(Invitation::Subject).string_len(255).null())
                    .col(ColumnDef::new(Invitation::Role).string_len(32).not_null())
                    .col(
                        ColumnDef::new(Invitation::OrganisationId)
                            .big_integer()
                            .null(),
                    )
                    // None: the `portal admin` command line.
                    .col(ColumnDef::new(Invitation::InvitedBy).big_integer().null())
                    .col(
                        ColumnDef::new(Invitation::CreatedAt)
                            .big_integer()
                            .not_null(),
                    )
                    .col(ColumnDef::new(Invitation::AcceptedAt).big_integer().null())
                    .col(ColumnDef::new(Invitation::AcceptedBy).big_integer().null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(Invitation::Table, Invitation::OrganisationId)
                            .to(Organisation::Table, Organisation::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Invitation::Table, Invitation::InvitedBy)
                            .to(StaffAccount::Table, StaffAccount::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Invitation::Table, Invitation::AcceptedBy)
                            .to(StaffAccount::Table, StaffAccount::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("idx_invitation_email", Invitation::Email),
            ("idx_invitation_subject", Invitation::Subject),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Invitation::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(AuditEvent::Table)
                    .if_not_exists()
                    .col(id(AuditEvent::Id))
                    .col(
                        ColumnDef::new(AuditEvent::OccurredAt)
                            .big_integer()
                            .not_null(),
                    )
                    // No foreign keys: the trail outlives what it names (reports are deleted
                    // by retention, and must not take their audit events with them).
                    .col(ColumnDef::new(AuditEvent::ActorId).big_integer().null())
                    .col(ColumnDef::new(AuditEvent::Actor).string_len(320).not_null())
                    .col(ColumnDef::new(AuditEvent::Action).string_len(64).not_null())
                    .col(ColumnDef::new(AuditEvent::CaseId).big_integer().null())
                    .col(ColumnDef::new(AuditEvent::Target).string_len(320).null())
                    .col(ColumnDef::new(AuditEvent::Detail).text().not_null())
                    // Unique: two events can never claim the same predecessor, so concurrent
                    // writers cannot fork the chain (the loser's transaction fails instead).
                    .col(
                        ColumnDef::new(AuditEvent::PrevHash)
                            .string_len(64)
                            .not_null()
                            .unique_key(),
                    )
                    .col(
                        ColumnDef::new(AuditEvent::Hash)
                            .string_len(64)
                            .not_null()
                            .unique_key(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_audit_event_case_id")
                    .table(AuditEvent::Table)
                    .col(AuditEvent::CaseId)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuditEvent::Table.into_iden(),
            Invitation::Table.into_iden(),
            StaffAccount::Table.into_iden(),
            Organisation::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
    Name,
    Kind,
    CreatedAt,
}

#[derive(DeriveIden)]
enum StaffAccount {
    Table,
    Id,
    Issuer,
    Subject,
    Email,
    DisplayName,
    Role,
    OrganisationId,
    CreatedAt,
    LastSignInAt,
    DisabledAt,
}

#[derive(DeriveIden)]
enum Invitation {
    Table,
    Id,
    Email,
    Subject,
    Role,
    OrganisationId,
    InvitedBy,
    CreatedAt,
    AcceptedAt,
    AcceptedBy,
}

#[derive(DeriveIden)]
enum AuditEvent {
    Table,
    Id,
    OccurredAt,
    ActorId,
    Actor,
    Action,
    CaseId,
    Target,
    Detail,
    PrevHash,
    Hash,
}
