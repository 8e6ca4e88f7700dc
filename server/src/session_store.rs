//! Sessions kept in the portal's own database (SQLite or PostgreSQL), under the same
//! migrations as everything else: read from the pool, written through the one write path
//! (`app::db::Db`), so a session save never races intake for SQLite's lock.
//!
//! A session exists only after someone signs in (a reporter with a receipt, staff):
//! tower-sessions writes nothing, and sets no cookie, for a session nobody modified.

use app::db::Db;
use async_trait::async_trait;
use sea_orm::{
    ConnectionTrait, DbErr, SqlErr, Statement,
    sea_query::{Alias, Expr, ExprTrait, OnConflict, Query, SelectStatement},
};
use time::OffsetDateTime;
use tower_sessions::{
    SessionStore,
    session::{Id, Record},
    session_store::{self, ExpiredDeletion},
};

#[derive(Debug, Clone)]
pub struct DbSessionStore {
    db: Db,
}

fn table() -> Alias {
    Alias::new("session")
}

fn backend(err: DbErr) -> session_store::Error {
    session_store::Error::Backend(err.to_string())
}

fn encode(record: &Record) -> session_store::Result<Vec<u8>> {
    serde_json::to_vec(record).map_err(|e| session_store::Error::Encode(e.to_string()))
}

impl DbSessionStore {
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    async fn insert(&self, record: &Record, upsert: bool) -> Result<(), DbErr> {
        let mut insert = Query::insert();
        insert
            .into_table(table())
            .columns([
                Alias::new("id"),
                Alias::new("data"),
                Alias::new("expires_at"),
            ])
            .values_panic([
                record.id.to_string().into(),
                encode(record)
                    .map_err(|e| DbErr::Custom(e.to_string()))?
                    .into(),
                record.expiry_date.unix_timestamp().into(),
            ]);
        if upsert {
            insert.on_conflict(
                OnConflict::column(Alias::new("id"))
                    .update_columns([Alias::new("data"), Alias::new("expires_at")])
                    .to_owned(),
            );
        }
        self.db.write().execute(&insert).await.map(|_| ())
    }

    fn select(&self, id: &Id) -> SelectStatement {
        Query::select()
            .column(Alias::new("data"))
            .from(table())
            .and_where(Expr::col(Alias::new("id")).eq(id.to_string()))
            .and_where(
                Expr::col(Alias::new("expires_at")).gt(OffsetDateTime::now_utc().unix_timestamp()),
            )
            .to_owned()
    }
}

#[async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        // Ids are 128 random bits; a collision is practically impossible, but if one happens
        // the newcomer gets a fresh id rather than someone else's session.
        loop {
            match self.insert(record, false).await {
                Ok(()) => return Ok(()),
                Err(err) if matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                    record.id = Id::default();
                }
                Err(err) => return Err(backend(err)),
            }
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        self.insert(record, true).await.map_err(backend)
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let row = self
            .db
            .read()
            .query_one(&self.select(id))
            .await
            .map_err(backend)?;
        let Some(row) = row else { return Ok(None) };
        let data: Vec<u8> = row.try_get("", "data").map_err(backend)?;
        serde_json::from_slice(&data)
            .map(Some)
            .map_err(|e| session_store::Error::Decode(e.to_string()))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        let delete = Query::delete()
            .from_table(table())
            .and_where(Expr::col(Alias::new("id")).eq(id.to_string()))
            .to_owned();
        self.db
            .write()
            .execute(&delete)
            .await
            .map(|_| ())
            .map_err(backend)
    }
}

#[async_trait]
impl ExpiredDeletion for DbSessionStore {
    async fn delete_expired(&self) -> session_store::Result<()> {
        let delete = Query::delete()
            .from_table(table())
            .and_where(
                Expr::col(Alias::new("expires_at")).lte(OffsetDateTime::now_utc().unix_timestamp()),
            )
            .to_owned();
        self.db
            .write()
            .execute(&delete)
            .await
            .map(|_| ())
            .map_err(backend)
    }
}

/// Counts stored sessions; for tests and the admin CLI.
pub async fn count(db: &impl ConnectionTrait) -> Result<i64, DbErr> {
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT COUNT(*) AS n FROM session",
        ))
        .await?
        .ok_or_else(|| DbErr::Custom("COUNT returned no row".into()))?;
    row.try_get("", "n")
}
