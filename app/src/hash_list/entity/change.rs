use sea_orm::entity::prelude::*;

use crate::hash_list::ChangeKind;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "hash_change")]
pub struct Model {
    /// The order of writing, which each instance's index follows.
    #[sea_orm(primary_key)]
    pub id: i64,
    pub entry_id: i64,
    pub change: ChangeKind,
    /// The order platforms read, given at publication (shuffled within a batch).
    pub seq: Option<i64>,
    pub publish_after: i64,
    /// Rounded down to the hour.
    pub published_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
