use sea_orm::entity::prelude::*;

use crate::notice::{NoticeCategory, NoticeChannel, NoticeStatus};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notice")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub reference: String,
    pub report_id: i64,
    pub organisation_id: Option<i64>,
    pub provider_id: Option<String>,
    pub provider_name: Option<String>,
    pub hosting_country: Option<String>,
    pub category: NoticeCategory,
    pub channel: NoticeChannel,
    /// An e-mail address, or a web form's address.
    pub recipient: String,
    pub lang: String,
    pub subject: String,
    pub body: String,
    /// The X-ARF v3 JSON sent with it.
    pub xarf: String,
    pub message_id: String,
    pub status: NoticeStatus,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub deadline_at: i64,
    pub created_at: i64,
    pub created_by: i64,
    pub sent_at: Option<i64>,
    pub filed_by: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
