use sea_orm::entity::prelude::*;

/// Where one host is hosted, as last resolved.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "resolution")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Lower case, no trailing dot; unique.
    pub host: String,
    /// The [`crate::hosting::Resolution`] as JSON.
    pub data: String,
    pub country: Option<String>,
    pub provider_id: Option<String>,
    pub resolved_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
