use sea_orm::entity::prelude::*;

use crate::staff::Role;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invitation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub email: Option<String>,
    pub subject: Option<String>,
    pub role: Role,
    pub organisation_id: Option<i64>,
    pub invited_by: Option<i64>,
    pub created_at: i64,
    pub accepted_at: Option<i64>,
    pub accepted_by: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
