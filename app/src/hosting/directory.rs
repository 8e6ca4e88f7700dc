//! The provider directory in the database: seeded from `data/providers.yaml` on start, read
//! whole for matching (a few hundred rows at most), and matched again against every stored
//! resolution after an administrator changed it.

use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::OnConflict,
};

use super::{
    ProviderRecord, Resolution,
    entity::{provider, resolution},
    providers::{self, Directory},
};

/// What seeding did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Seeded {
    pub added: usize,
    /// Entries the seed changed that no administrator had edited.
    pub updated: usize,
}

/// Copies the seed into the `provider` table: new entries are added, and entries no
/// administrator has edited follow the seed; an edited entry is left as its editor left it.
/// One transaction; safe when two instances start at once, and never over an edit saved
/// meanwhile (the update asks for an unedited row itself).
pub async fn seed(db: &crate::db::Db, now: i64) -> Result<Seeded, DbErr> {
    let txn = db.begin().await?;
    let stored: std::collections::HashMap<String, provider::Model> = provider::Entity::find()
        .all(&txn)
        .await?
        .into_iter()
        .map(|row| (row.id.clone(), row))
        .collect();
    let mut seeded = Seeded::default();
    for record in providers::seed() {
        let data = serde_json::to_string(record).unwrap_or_default();
        match stored.get(&record.id) {
            None => {
                let inserted = provider::Entity::insert(row(record, data, now, None))
                    .on_conflict(
                        OnConflict::column(provider::Column::Id)
                            .do_nothing()
                            .to_owned(),
                    )
                    .exec_without_returning(&txn)
                    .await?;
                seeded.added += inserted as usize;
            }
            Some(row_now) if row_now.edited_at.is_none() && row_now.data != data => {
                let updated = provider::Entity::update_many()
                    .set(row(record, data, now, None))
                    .filter(provider::Column::Id.eq(record.id.as_str()))
                    .filter(provider::Column::EditedAt.is_null())
                    .exec(&txn)
                    .await?;
                seeded.updated += updated.rows_affected as usize;
            }
            Some(_) => {}
        }
    }
    txn.commit().await?;
    Ok(seeded)
}

fn row(
    record: &ProviderRecord,
    data: String,
    now: i64,
    edited_by: Option<i64>,
) -> provider::ActiveModel {
    provider::ActiveModel {
        id: Set(record.id.clone()),
        name: Set(record.name.clone()),
        country: Set(record.country.clone()),
        channel: Set(record.channel),
        verified: Set(record.verified),
        data: Set(data),
        edited_at: match edited_by {
            Some(_) => Set(Some(now)),
            None => NotSet,
        },
        edited_by: match edited_by {
            Some(by) => Set(Some(by)),
            None => NotSet,
        },
        updated_at: Set(now),
    }
}

/// One stored entry with who last edited it.
#[derive(Debug, Clone)]
pub struct StoredProvider {
    pub record: ProviderRecord,
    pub edited_at: Option<i64>,
    pub edited_by: Option<i64>,
    pub updated_at: i64,
}

fn stored(row: provider::Model) -> Option<StoredProvider> {
    let record = serde_json::from_str(&row.data).ok()?;
    Some(StoredProvider {
        record,
        edited_at: row.edited_at,
        edited_by: row.edited_by,
        updated_at: row.updated_at,
    })
}

/// Every entry, by name.
pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<StoredProvider>, DbErr> {
    Ok(provider::Entity::find()
        .order_by_asc(provider::Column::Name)
        .order_by_asc(provider::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter_map(stored)
        .collect())
}

pub async fn find(db: &impl ConnectionTrait, id: &str) -> Result<Option<StoredProvider>, DbErr> {
    Ok(provider::Entity::find_by_id(id.to_owned())
        .one(db)
        .await?
        .and_then(stored))
}

/// The directory to match resolutions against.
pub async fn load(db: &impl ConnectionTrait) -> Result<Directory, DbErr> {
    Ok(Directory::new(
        all(db).await?.into_iter().map(|p| p.record).collect(),
    ))
}

/// Inserts a new entry (an administrator's), on the caller's transaction.
pub async fn insert(
    db: &impl ConnectionTrait,
    record: &ProviderRecord,
    by: i64,
    now: i64,
) -> Result<(), DbErr> {
    let data = serde_json::to_string(record).unwrap_or_default();
    provider::Entity::insert(row(record, data, now, Some(by)))
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Replaces an entry with an administrator's edit, on the caller's transaction, if it is
/// still at `version` (its `updated_at` when the editor loaded it); false when someone else
/// saved it meanwhile. The new version is always greater than the old one, even within one
/// second, so a later edit can never take an earlier one for its own.
pub async fn replace(
    db: &impl ConnectionTrait,
    record: &ProviderRecord,
    by: i64,
    now: i64,
    version: i64,
) -> Result<bool, DbErr> {
    let data = serde_json::to_string(record).unwrap_or_default();
    let updated = provider::Entity::update_many()
        .set(row(record, data, now.max(version + 1), Some(by)))
        .filter(provider::Column::Id.eq(record.id.as_str()))
        .filter(provider::Column::UpdatedAt.eq(version))
        .exec(db)
        .await?;
    Ok(updated.rows_affected == 1)
}

/// Resolutions matched again per transaction.
const REMATCH_PAGE: u64 = 500;

/// Matches every stored resolution to `directory` again and stores those whose provider
/// changed; the number changed. Each page is its own transaction, so it never holds the
/// writer long; a resolution saved meanwhile was matched in its own saving transaction.
pub async fn rematch(db: &crate::db::Db, directory: &Directory) -> Result<u64, DbErr> {
    let mut after = 0;
    let mut changed = 0;
    loop {
        let page = resolution::Entity::find()
            .filter(resolution::Column::Id.gt(after))
            .order_by_asc(resolution::Column::Id)
            .limit(REMATCH_PAGE)
            .all(db.read())
            .await?;
        let Some(last) = page.last() else {
            return Ok(changed);
        };
        after = last.id;
        let txn = db.begin().await?;
        for row in page {
            let Ok(mut found) = serde_json::from_str::<Resolution>(&row.data) else {
                continue;
            };
            let provider = directory.rematch(&found);
            if provider == found.provider {
                continue;
            }
            found.provider = provider;
            let updated = resolution::Entity::update_many()
                .col_expr(
                    resolution::Column::Data,
                    sea_orm::sea_query::Expr::value(
                        serde_json::to_string(&found).unwrap_or_default(),
                    ),
                )
                .col_expr(
                    resolution::Column::ProviderId,
                    sea_orm::sea_query::Expr::value(found.provider.map(|p| p.id)),
                )
                .filter(resolution::Column::Id.eq(row.id))
                // Not if the job resolved it again meanwhile (that one matched anew): the
                // whole stored text, since two resolutions may share a second.
                .filter(resolution::Column::Data.eq(row.data.as_str()))
                .exec(&txn)
                .await?;
            changed += updated.rows_affected;
        }
        txn.commit().await?;
    }
}
