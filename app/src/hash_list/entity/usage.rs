use sea_orm::entity::prelude::*;

/// Calls and items per platform, day and endpoint: every use counted, nothing of what was
/// asked kept.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "platform_usage")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub platform_id: i64,
    /// Unix day number.
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub endpoint: String,
    pub calls: i64,
    pub items: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
