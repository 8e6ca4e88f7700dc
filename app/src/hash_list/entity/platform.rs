use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "platform")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name: String,
    /// SHA-256 of the key, in hex: the key itself is shown once and never stored.
    pub key_hash: String,
    /// The key's first characters, so people can tell keys apart.
    pub key_hint: String,
    /// `read,match,feedback` (`Scope`s).
    pub scopes: String,
    /// `csam,ncii,ai` (`HashList`s).
    pub lists: String,
    pub sandbox: bool,
    /// Requests a minute before 429.
    pub per_minute: i32,
    pub created_at: i64,
    pub created_by: Option<i64>,
    pub revoked_at: Option<i64>,
    pub webhook_url: Option<String>,
    /// Sealed (AES-GCM under a key derived from the portal's secret): it must be read back
    /// to sign deliveries.
    pub webhook_secret: Option<String>,
    pub webhook_old_secret: Option<String>,
    pub webhook_old_until: Option<i64>,
    /// The highest published change this platform has read.
    pub feed_seq: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
