use sea_orm::entity::prelude::*;

use crate::hash_list::FeedbackVerdict;

/// A platform's latest word on an entry (one per entry and platform).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "hash_feedback")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub entry_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub platform_id: i64,
    pub verdict: FeedbackVerdict,
    pub reason: Option<String>,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
