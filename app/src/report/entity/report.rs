use sea_orm::entity::prelude::*;

use crate::report::{AgeBand, ForWhom, ReportStatus, Safety};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "report")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub receipt_key: String,
    pub submission_key: String,
    pub status: ReportStatus,
    pub for_whom: ForWhom,
    pub safety: Safety,
    /// JSON array of [`crate::report::Happened`] names (more than one may be true).
    pub happened: String,
    pub happened_other: String,
    pub age_band: AgeBand,
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
