use sea_orm::entity::prelude::*;

/// Where a job is in its life. Stored as text on both databases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum JobStatus {
    /// Waiting for its `run_at`.
    #[sea_orm(string_value = "queued")]
    Queued,
    /// Leased by an instance until `leased_until`; taken over by another after that.
    #[sea_orm(string_value = "running")]
    Running,
    /// Failed `max_attempts` times: kept for the administrators, never run again by itself.
    #[sea_orm(string_value = "dead")]
    Dead,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "job")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub kind: String,
    pub payload: String,
    pub status: JobStatus,
    pub attempts: i32,
    pub max_attempts: i32,
    pub run_at: i64,
    pub leased_until: Option<i64>,
    pub leased_by: Option<String>,
    pub last_error: Option<String>,
    pub dedupe_key: Option<String>,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
