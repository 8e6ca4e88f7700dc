use sea_orm::entity::prelude::*;

use crate::hosting::Channel;

/// One entry of the provider directory.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "provider")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub name: String,
    pub country: Option<String>,
    pub channel: Channel,
    pub verified: bool,
    /// The [`crate::hosting::ProviderRecord`] as JSON.
    pub data: String,
    /// When an administrator last changed it (then the seed leaves it alone), and who.
    pub edited_at: Option<i64>,
    pub edited_by: Option<i64>,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
