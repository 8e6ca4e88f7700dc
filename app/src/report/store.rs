//! Reading and writing reports. Deleting a report deletes its items and messages with it
//! (foreign keys cascade), on SQLite and PostgreSQL alike.

use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    SqlErr, TransactionTrait,
};

use super::{
    answers::{Account, Draft},
    entity::{item, message, report},
    keys::ReportKeys,
    receipt::Receipt,
};
use crate::hashing::{FileHashes, FileKind};

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

pub enum Stored {
    Created(i64),
    /// The same form (same submission key) was stored before, at this time.
    AlreadySent {
        created_at: i64,
    },
}

/// Stores a checked draft as a new report, in one transaction.
pub async fn insert_report(
    db: &DatabaseConnection,
    keys: &ReportKeys,
    draft: &Draft,
    urls: &[String],
    receipt: &Receipt,
) -> Result<Stored, DbErr> {
    let created_at = now();
    let contact_sealed = (draft.contact_consent && !draft.contact.trim().is_empty())
        .then(|| keys.seal_contact(draft.contact.trim()));
    let row = report::ActiveModel {
        id: NotSet,
        receipt_key: Set(receipt.key(&keys.receipt)),
        submission_key: Set(draft.submission.clone()),
        status: Set("received".into()),
        for_whom: Set(enum_text(&draft.for_whom)),
        safety: Set(draft.safety.map(|s| enum_text(&s)).unwrap_or_default()),
        happened: Set(serde_json::to_string(&draft.happened).unwrap_or_default()),
        happened_other: Set(draft.happened_other.trim().to_owned()),
        age_band: Set(draft.age_band.map(|a| enum_text(&a)).unwrap_or_default()),
        country: Set(draft.country.clone()),
        reply_language: Set(draft.reply_language.clone()),
        contact_sealed: Set(contact_sealed),
        created_at: Set(created_at),
        closed_at: Set(None),
    };
    let tx = db.begin().await?;
    let id = match report::Entity::insert(row).exec(&tx).await {
        Ok(done) => done.last_insert_id,
        Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            drop(tx);
            let earlier = report::Entity::find()
                .filter(report::Column::SubmissionKey.eq(draft.submission.as_str()))
                .one(db)
                .await?;
            return match earlier {
                Some(earlier) => Ok(Stored::AlreadySent {
                    created_at: earlier.created_at,
                }),
                None => Err(error),
            };
        }
        Err(error) => return Err(error),
    };
    let account = draft.has_account().then_some(&draft.account);
    insert_items(&tx, id, urls, account, &draft.files).await?;
    tx.commit().await?;
    Ok(Stored::Created(id))
}

/// Adds items to a report: addresses, an account, files.
pub async fn insert_items(
    db: &impl ConnectionTrait,
    report_id: i64,
    urls: &[String],
    account: Option<&Account>,
    files: &[FileHashes],
) -> Result<(), DbErr> {
    let created_at = now();
    let blank = || item::ActiveModel {
        id: NotSet,
        report_id: Set(report_id),
        kind: Set(String::new()),
        url: Set(None),
        platform: Set(None),
        handle: Set(None),
        file_kind: Set(None),
        md5: Set(None),
        sha256: Set(None),
        pdq: Set(None),
        pdq_quality: Set(None),
        dihedral: Set(None),
        video_frames: Set(None),
        status: Set("received".into()),
        provider: Set(None),
        provider_country: Set(None),
        notice_sent_at: Set(None),
        deadline_at: Set(None),
        removed_at: Set(None),
        created_at: Set(created_at),
    };
    let mut rows = Vec::new();
    for url in urls {
        rows.push(item::ActiveModel {
            kind: Set("url".into()),
            url: Set(Some(url.clone())),
            ..blank()
        });
    }
    if let Some(account) = account {
        rows.push(item::ActiveModel {
            kind: Set("account".into()),
            platform: Set(Some(account.platform.trim().to_owned())),
            handle: Set(Some(account.handle.trim().to_owned())),
            ..blank()
        });
    }
    for file in files {
        rows.push(item::ActiveModel {
            kind: Set("file".into()),
            file_kind: Set(Some(
                match file.kind {
                    FileKind::Image => "image",
                    FileKind::Video => "video",
                    FileKind::Other => "other",
                }
                .into(),
            )),
            md5: Set(Some(file.md5.clone())),
            sha256: Set(Some(file.sha256.clone())),
            pdq: Set(file.pdq.clone()),
            pdq_quality: Set(file.pdq_quality.map(i32::from)),
            dihedral: Set((!file.dihedral.is_empty())
                .then(|| serde_json::to_string(&file.dihedral).unwrap_or_default())),
            video_frames: Set((!file.video_frames.is_empty())
                .then(|| serde_json::to_string(&file.video_frames).unwrap_or_default())),
            ..blank()
        });
    }
    if !rows.is_empty() {
        item::Entity::insert_many(rows).exec(db).await?;
    }
    Ok(())
}

pub async fn find_by_receipt(
    db: &DatabaseConnection,
    keys: &ReportKeys,
    receipt: &Receipt,
) -> Result<Option<report::Model>, DbErr> {
    let key = receipt.key(&keys.receipt);
    let found = report::Entity::find()
        .filter(report::Column::ReceiptKey.eq(key.clone()))
        .one(db)
        .await?;
    // The index found it by equality; compare again in constant time all the same.
    Ok(found
        .filter(|r| subtle::ConstantTimeEq::ct_eq(r.receipt_key.as_bytes(), key.as_bytes()).into()))
}

pub async fn find(db: &DatabaseConnection, id: i64) -> Result<Option<report::Model>, DbErr> {
    report::Entity::find_by_id(id).one(db).await
}

pub async fn items(db: &impl ConnectionTrait, report_id: i64) -> Result<Vec<item::Model>, DbErr> {
    item::Entity::find()
        .filter(item::Column::ReportId.eq(report_id))
        .order_by_asc(item::Column::Id)
        .all(db)
        .await
}

pub async fn messages(
    db: &impl ConnectionTrait,
    report_id: i64,
) -> Result<Vec<message::Model>, DbErr> {
    message::Entity::find()
        .filter(message::Column::ReportId.eq(report_id))
        .order_by_asc(message::Column::Id)
        .all(db)
        .await
}

pub async fn add_message(
    db: &impl ConnectionTrait,
    report_id: i64,
    from_staff: bool,
    body: &str,
) -> Result<(), DbErr> {
    message::Entity::insert(message::ActiveModel {
        id: NotSet,
        report_id: Set(report_id),
        from_staff: Set(from_staff),
        body: Set(body.to_owned()),
        created_at: Set(now()),
    })
    .exec(db)
    .await?;
    Ok(())
}

/// Withdraw: the report, its items, hashes and messages are gone from the database.
pub async fn delete_report(db: &DatabaseConnection, id: i64) -> Result<(), DbErr> {
    report::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

pub async fn close_report(db: &impl ConnectionTrait, id: i64, at: i64) -> Result<bool, DbErr> {
    let updated = report::Entity::update_many()
        .col_expr(
            report::Column::ClosedAt,
            sea_orm::sea_query::Expr::value(at),
        )
        .col_expr(
            report::Column::Status,
            sea_orm::sea_query::Expr::value("closed"),
        )
        .filter(report::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(updated.rows_affected == 1)
}

/// Retention: reports closed before `cutoff` (unix seconds) are deleted with everything in them.
pub async fn delete_closed_before(db: &DatabaseConnection, cutoff: i64) -> Result<u64, DbErr> {
    let deleted = report::Entity::delete_many()
        .filter(report::Column::ClosedAt.lt(cutoff))
        .exec(db)
        .await?;
    Ok(deleted.rows_affected)
}

/// Reports that name this exact (normalised) address: how staff find a case from a URL.
pub async fn find_by_url(db: &DatabaseConnection, url: &str) -> Result<Vec<i64>, DbErr> {
    let rows = item::Entity::find()
        .filter(item::Column::Url.eq(url))
        .all(db)
        .await?;
    let mut ids: Vec<i64> = rows.into_iter().map(|r| r.report_id).collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

fn enum_text<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
