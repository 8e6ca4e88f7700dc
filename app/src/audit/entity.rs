//! The stored audit event (see the migration `create_staff_tables`).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_event")]
pub struct Model {
    /// 1, 2, 3, … without gaps: given by the chain, not by the database.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: i64,
    pub occurred_at: i64,
    pub actor_id: Option<i64>,
    pub actor: String,
    /// The action's stored name ([`crate::audit::AuditAction`]), kept as text on purpose:
    /// the chain hashes it as written, and an event written by a newer version with an
    /// action this one does not know must still load and verify.
    pub action: String,
    pub case_id: Option<i64>,
    pub target: Option<String>,
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    pub fn hashed(&self) -> super::chain::Hashed<'_> {
        super::chain::Hashed {
            id: self.id,
            occurred_at: self.occurred_at,
            actor_id: self.actor_id,
            actor: &self.actor,
            action: &self.action,
            case_id: self.case_id,
            target: self.target.as_deref(),
            detail: &self.detail,
        }
    }
}
