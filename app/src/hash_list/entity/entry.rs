use sea_orm::entity::prelude::*;

use crate::hash_list::{EntrySource, EntryStatus, HashList};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "hash_entry")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// What platforms see: random, says nothing about the report or the time.
    pub public_id: String,
    /// Only to find a report's entries when it is withdrawn; null after retention.
    pub report_id: Option<i64>,
    pub report_item_id: Option<i64>,
    pub list: HashList,
    pub status: EntryStatus,
    pub md5: Option<String>,
    pub sha256: Option<String>,
    pub pdq: Option<String>,
    pub pdq_quality: Option<i32>,
    /// JSON array of the eight dihedral PDQ hashes, when the browser computed them.
    pub dihedral: Option<String>,
    /// JSON array of a video's frames (`hashing::VideoFrame`).
    pub video_frames: Option<String>,
    pub synthetic: bool,
    pub source: EntrySource,
    /// The organisation whose analyst confirmed it.
    pub confirmed_by: Option<i64>,
    /// Rounded down to the hour.
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
