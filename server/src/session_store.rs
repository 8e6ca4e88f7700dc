//! Sessions kept in the portal's own database (SQLite or PostgreSQL), under the same
//! migrations as everything else: read from the pool, written through the one write path
//! (`app::db::Db`), so a session save never races intake for SQLite's lock.
//!
//! A session exists only after someone signs in (a reporter with a receipt, staff):
//! tower-sessions writes nothing, and sets no cookie, for a session nobody modified.
//!
//! A row is found by the SHA-256 of the session id, never the id itself, and the id is not
//! in the stored data either: a copy of the database (a backup, a leak) holds no cookie that
//! signs anyone in. Plain SHA-256 suffices: the id is 128 random bits, so there is nothing to
//! guess. And a row lives at most [`ROW_SECONDS`] past its last save, not the two weeks
//! tower-sessions gives a browser-session cookie: every sign-in ends after its idle limit
//! anyway, so a longer-lived row would only be more to steal.

use std::collections::HashMap;

use app::{db::Db, follow_up::signed_in as reporter, staff::signed_in as staff};
use async_trait::async_trait;
use sea_orm::{
    ConnectionTrait, DbErr, SqlErr, Statement,
    sea_query::{Alias, Expr, ExprTrait, OnConflict, Query, SelectStatement},
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
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

/// How long a row outlives its last save: the longer idle limit, and a margin for staff
/// sessions, which save their last-seen time at most once a minute.
pub const ROW_SECONDS: i64 = max(staff::IDLE_SECONDS, reporter::IDLE_SECONDS) + 120;

const fn max(a: i64, b: i64) -> i64 {
    if a > b { a } else { b }
}

/// The row key for a session id.
fn key(id: &Id) -> String {
    app::token::hex(&Sha256::digest(id.to_string().as_bytes()))
}

/// A record as stored: without its id, which only the cookie holds.
#[derive(Serialize, Deserialize)]
struct Stored {
    data: HashMap<String, serde_json::Value>,
    expiry_date: OffsetDateTime,
}

fn encode(record: &Record) -> session_store::Result<Vec<u8>> {
    let stored = Stored {
        data: record.data.clone(),
        expiry_date: record.expiry_date,
    };
    serde_json::to_vec(&stored).map_err(|e| session_store::Error::Encode(e.to_string()))
}

/// A stored record, given back the id it was looked up by.
fn decode(id: &Id, bytes: &[u8]) -> session_store::Result<Record> {
    let stored: Stored =
        serde_json::from_slice(bytes).map_err(|e| session_store::Error::Decode(e.to_string()))?;
    Ok(Record {
        id: *id,
        data: stored.data,
        expiry_date: stored.expiry_date,
    })
}

/// When a saved record's row goes: its own expiry, or [`ROW_SECONDS`] from now if sooner.
fn row_expiry(record: &Record) -> i64 {
    Ord::min(
        record.expiry_date.unix_timestamp(),
        OffsetDateTime::now_utc().unix_timestamp() + ROW_SECONDS,
    )
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
                key(&record.id).into(),
                encode(record)
                    .map_err(|e| DbErr::Custom(e.to_string()))?
                    .into(),
                row_expiry(record).into(),
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
            .and_where(Expr::col(Alias::new("id")).eq(key(id)))
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
        decode(id, &data).map(Some)
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        let delete = Query::delete()
            .from_table(table())
            .and_where(Expr::col(Alias::new("id")).eq(key(id)))
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
