use sea_orm::entity::prelude::*;

use crate::directory::CaseCategory;

/// Which organisation owns new reports from `country` in `category` (either may be null:
/// any). The most specific rule wins; both null is the default.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "case_owner_rule")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub country: Option<String>,
    pub category: Option<CaseCategory>,
    pub organisation_id: i64,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
