//! Adding and listing the organisations that use the portal.

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, NotSet,
    QueryFilter, QueryOrder,
};

use crate::{
    audit::{
        AuditAction,
        store::{NewEvent, append},
    },
    db::{Db, retrying},
    staff::{
        StaffMember,
        service::{StaffError, staff_db_error},
    },
};

use super::{OrganisationKind, entity::organisation};

/// Adds an organisation.
pub async fn create_organisation(
    db: &Db,
    by: &StaffMember,
    name: &str,
    kind: &str,
) -> Result<i64, StaffError> {
    retrying(
        || create_organisation_once(db, by, name, kind),
        staff_db_error,
    )
    .await
}

async fn create_organisation_once(
    db: &Db,
    by: &StaffMember,
    name: &str,
    kind: &str,
) -> Result<i64, StaffError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(StaffError::InvalidName);
    }
    let kind = OrganisationKind::parse(kind).unwrap_or(OrganisationKind::Other);
    let txn = db.begin().await?;
    let at = db.now();
    let exists = organisation::Entity::find()
        .filter(organisation::Column::Name.eq(name))
        .one(&txn)
        .await?;
    if exists.is_some() {
        return Err(StaffError::DuplicateOrganisation);
    }
    let created = organisation::ActiveModel {
        id: NotSet,
        name: Set(name.to_owned()),
        kind: Set(kind),
        created_at: Set(at),
        // Created by an administrator for its staff: an organisation that uses the portal.
        uses_portal: Set(true),
        country: NotSet,
        domain: NotSet,
        case_mailbox: NotSet,
    }
    .insert(&txn)
    .await?;
    append(
        &txn,
        db.audit_key(),
        at,
        NewEvent::new(by.actor(), AuditAction::OrganisationCreated)
            .target(name)
            .detail(format!("kind={} id={}", kind.as_str(), created.id)),
    )
    .await?;
    txn.commit().await?;
    Ok(created.id)
}

/// The organisations that use the portal (staff belong to them, they own cases).
pub async fn organisations(db: &impl ConnectionTrait) -> Result<Vec<organisation::Model>, DbErr> {
    organisation::Entity::find()
        .filter(organisation::Column::UsesPortal.eq(true))
        .order_by_asc(organisation::Column::Name)
        .all(db)
        .await
}
