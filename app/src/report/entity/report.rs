use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "report")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub receipt_key: String,
    pub submission_key: String,
    pub status: String,
    pub for_whom: String,
    pub safety: String,
    pub happened: String,
    pub happened_other: String,
    pub age_band: String,
    pub country: String,
    pub reply_language: String,
    pub contact_sealed: Option<String>,
    pub created_at: i64,
    pub closed_at: Option<i64>,
    /// The organisation whose staff handle this case (`directory::owners`); None: unowned.
    pub owner_organisation_id: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
