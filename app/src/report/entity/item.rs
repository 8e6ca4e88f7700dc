use sea_orm::entity::prelude::*;

use crate::report::{FileKind, ItemKind, ItemStatus};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "report_item")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub report_id: i64,
    pub kind: ItemKind,
    pub url: Option<String>,
    pub platform: Option<String>,
    pub handle: Option<String>,
    pub file_kind: Option<FileKind>,
    pub md5: Option<String>,
    pub sha256: Option<String>,
    pub pdq: Option<String>,
    pub pdq_quality: Option<i32>,
    pub dihedral: Option<String>,
    /// JSON array of a video's sampled frames (`hashing::VideoFrame`), null when there are none.
    pub video_frames: Option<String>,
    pub status: ItemStatus,
    pub removed_at: Option<i64>,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
