//! The directory of organisations (server side). An organisation either *uses* the portal (its staff sign
//! in and it owns cases: `uses_portal`) or is only *listed* (a helpline, a hotline, a DSC the
//! help pages point to; the help directory fills these in). Also the rules that give every
//! new report its owner.

pub mod entity;
pub mod owners;

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
use entity::organisation;

/// The kinds of organisation the portal knows.
pub const ORGANISATION_KINDS: [&str; 5] =
    ["helpline", "hotline", "care_centre", "authority", "other"];

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
    let kind = ORGANISATION_KINDS
        .into_iter()
        .find(|k| *k == kind)
        .unwrap_or("other");
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
        kind: Set(kind.to_owned()),
        created_at: Set(at),
        // Created by an administrator for its staff: an organisation that uses the portal.
        uses_portal: Set(true),
    }
    .insert(&txn)
    .await?;
    append(
        &txn,
        at,
        NewEvent::new(by.actor(), AuditAction::OrganisationCreated)
            .target(name)
            .detail(format!("kind={kind} id={}", created.id)),
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
