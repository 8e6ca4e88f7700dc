//! Reading and writing reports. Deleting a report deletes its items and messages with it
//! (foreign keys cascade), on SQLite and PostgreSQL alike.

use std::collections::HashMap;

use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, IdenStatic, Iterable,
    QueryFilter, QueryOrder, QuerySelect, QueryTrait, TransactionTrait,
    sea_query::{OnConflict, Query},
};

use super::{
    ItemKind, ItemStatus, Receipt, ReportStatus,
    answers::{Account, Draft},
    entity::{item, message, report},
    keys::ReportKeys,
};
use hashing::FileHashes;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    Created(i64),
    /// The same form (same submission key) was stored before, at this time.
    AlreadySent {
        created_at: i64,
    },
}

/// Bound values per statement. 999 is the lowest limit any SQLite has had (32,766 since
/// 3.32; PostgreSQL allows 65,535), so multi-row inserts are split to stay under it on any
/// build. A batch of 64 reports is still one statement for the reports and a few for the
/// items.
const MAX_BOUND_VALUES: usize = 999;

/// How many rows of `columns` values fit in one statement.
fn rows_per_statement(columns: usize) -> usize {
    (MAX_BOUND_VALUES / columns.max(1)).max(1)
}

/// A checked report ready to store: its row and its items' rows. Built (contact sealed,
/// receipt hashed) before it waits for the writer, so the writer does only database work.
pub struct NewReport {
    report: report::ActiveModel,
    /// Without `report_id`: it is known only once the report is inserted.
    items: Vec<item::ActiveModel>,
    submission_key: String,
}

impl NewReport {
    /// A report as submitted at `created_at` (unix seconds, from the request's clock), or
    /// `None` if the draft lacks an answer every report has (safety, age band): the caller
    /// checks every step first, so that is a bug there, never stored as a blank.
    pub fn new(
        keys: &ReportKeys,
        draft: &Draft,
        urls: &[String],
        receipt: &Receipt,
        created_at: i64,
    ) -> Option<NewReport> {
        let contact_sealed = (draft.contact_consent && !draft.contact.trim().is_empty())
            .then(|| keys.seal_contact(draft.contact.trim()));
        let submission_key = keys.submission_key(&draft.submission);
        let report = report::ActiveModel {
            id: NotSet,
            receipt_key: Set(receipt.key(&keys.receipt)),
            submission_key: Set(submission_key.clone()),
            status: Set(ReportStatus::Received),
            for_whom: Set(draft.for_whom),
            safety: Set(draft.safety?),
            happened: Set(serde_json::to_string(&draft.happened).unwrap_or_default()),
            happened_other: Set(draft.happened_other.trim().to_owned()),
            age_band: Set(draft.age_band?),
            country: Set(draft.country.clone()),
            reply_language: Set(draft.reply_language.clone()),
            contact_sealed: Set(contact_sealed),
            created_at: Set(created_at),
            closed_at: Set(None),
            owner_organisation_id: Set(None),
        };
        let account = draft.has_account().then_some(&draft.account);
        Some(NewReport {
            report,
            items: item_rows(urls, account, &draft.files, created_at),
            submission_key,
        })
    }

    /// The case's owner, found by the rules when the report arrives.
    pub fn owned_by(mut self, organisation_id: Option<i64>) -> NewReport {
        self.report.owner_organisation_id = Set(organisation_id);
        self
    }
}

/// Stores one report in its own transaction.
pub async fn insert_report(db: &DatabaseConnection, report: &NewReport) -> Result<Stored, DbErr> {
    let mut stored = insert_reports(db, std::slice::from_ref(report)).await?;
    stored.pop().ok_or(DbErr::RecordNotInserted)
}

/// Stores reports in ONE transaction (group commit, see `writer.rs`) and answers for each,
/// in order. A submission key stored before, or earlier in `reports`, gives `AlreadySent`
/// for that report only; any other failure (also a receipt key already taken) fails them
/// all and stores none.
pub async fn insert_reports(
    db: &DatabaseConnection,
    reports: &[NewReport],
) -> Result<Vec<Stored>, DbErr> {
    let tx = db.begin().await?;
    // The id of each report inserted, by submission key. `DO NOTHING` skips a key stored
    // before and a second report with the same key in this statement alike; RETURNING
    // names only the rows inserted, in no promised order, hence the key beside the id.
    // No conflict target: with `(submission_key)` PostgreSQL waits out a concurrent insert
    // of the same form and then fails on the receipt key, which is unique too (the same
    // form has the same receipt). A row skipped for a receipt key alone is caught below.
    let mut inserted: HashMap<String, i64> = HashMap::with_capacity(reports.len());
    for chunk in reports.chunks(rows_per_statement(report::Column::iter().count())) {
        let mut statement = report::Entity::insert_many(chunk.iter().map(|r| r.report.clone()))
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .into_query();
        statement.returning(
            Query::returning().columns([report::Column::Id, report::Column::SubmissionKey]),
        );
        for row in tx.query_all(&statement).await? {
            inserted.insert(
                row.try_get("", report::Column::SubmissionKey.as_str())?,
                row.try_get("", report::Column::Id.as_str())?,
            );
        }
    }
    // The first report with a key is the one inserted (rows go in in order); any other
    // with that key was sent before.
    let ids: Vec<Option<i64>> = reports
        .iter()
        .map(|r| inserted.remove(&r.submission_key))
        .collect();
    let sent_before: Vec<&str> = reports
        .iter()
        .zip(&ids)
        .filter(|(_, id)| id.is_none())
        .map(|(r, _)| r.submission_key.as_str())
        .collect();
    let mut earlier: HashMap<String, i64> = HashMap::new();
    for keys in sent_before.chunks(rows_per_statement(1)) {
        let found: Vec<(String, i64)> = report::Entity::find()
            .select_only()
            .column(report::Column::SubmissionKey)
            .column(report::Column::CreatedAt)
            .filter(report::Column::SubmissionKey.is_in(keys.iter().copied()))
            .into_tuple()
            .all(&tx)
            .await?;
        earlier.extend(found);
    }
    let mut stored = Vec::with_capacity(reports.len());
    let mut items = Vec::new();
    for (report, id) in reports.iter().zip(ids) {
        match id {
            Some(id) => {
                items.extend(report.items.iter().cloned().map(|mut item| {
                    item.report_id = Set(id);
                    item
                }));
                stored.push(Stored::Created(id));
            }
            None => match earlier.get(&report.submission_key) {
                Some(&created_at) => stored.push(Stored::AlreadySent { created_at }),
                // Skipped, yet no report has its submission key: its receipt key is taken
                // (or the earlier report was deleted meanwhile). It is not stored.
                None => return Err(DbErr::RecordNotInserted),
            },
        }
    }
    insert_item_rows(&tx, items).await?;
    tx.commit().await?;
    Ok(stored)
}

/// Adds items to a report: addresses, an account, files.
pub async fn insert_items(
    db: &impl ConnectionTrait,
    report_id: i64,
    urls: &[String],
    account: Option<&Account>,
    files: &[FileHashes],
    at: i64,
) -> Result<(), DbErr> {
    let rows = item_rows(urls, account, files, at)
        .into_iter()
        .map(|mut item| {
            item.report_id = Set(report_id);
            item
        })
        .collect();
    insert_item_rows(db, rows).await
}

/// Inserts item rows with as few statements as the bound-value limit allows.
async fn insert_item_rows(
    db: &impl ConnectionTrait,
    mut rows: Vec<item::ActiveModel>,
) -> Result<(), DbErr> {
    // Every new address's host gets resolved (once per host), in this same transaction.
    let mut hosts: Vec<String> = rows
        .iter()
        .filter(|row| matches!(&row.kind, Set(ItemKind::Url)))
        .filter_map(|row| match &row.url {
            Set(Some(url)) => crate::hosting::store::host_of(url),
            _ => None,
        })
        .collect();
    hosts.sort();
    hosts.dedup();
    let at = rows
        .iter()
        .filter_map(|row| match &row.created_at {
            Set(at) => Some(*at),
            _ => None,
        })
        .max();
    if let Some(at) = at {
        crate::hosting::store::enqueue_resolutions(db, &hosts, false, at).await?;
    }
    let per_statement = rows_per_statement(item::Column::iter().count());
    while !rows.is_empty() {
        let rest = rows.split_off(rows.len().min(per_statement));
        item::Entity::insert_many(rows)
            .exec_without_returning(db)
            .await?;
        rows = rest;
    }
    Ok(())
}

/// The rows for a report's items, without `report_id`.
fn item_rows(
    urls: &[String],
    account: Option<&Account>,
    files: &[FileHashes],
    created_at: i64,
) -> Vec<item::ActiveModel> {
    let blank = || item::ActiveModel {
        id: NotSet,
        report_id: NotSet,
        kind: NotSet,
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
        status: Set(ItemStatus::Received),
        removed_at: Set(None),
        created_at: Set(created_at),
    };
    let mut rows = Vec::new();
    for url in urls {
        rows.push(item::ActiveModel {
            kind: Set(ItemKind::Url),
            url: Set(Some(url.clone())),
            ..blank()
        });
    }
    if let Some(account) = account {
        rows.push(item::ActiveModel {
            kind: Set(ItemKind::Account),
            platform: Set(Some(account.platform.trim().to_owned()).filter(|p| !p.is_empty())),
            handle: Set(Some(account.handle.trim().to_owned()).filter(|h| !h.is_empty())),
            ..blank()
        });
    }
    for file in files {
        rows.push(item::ActiveModel {
            kind: Set(ItemKind::File),
            file_kind: Set(Some(file.kind.into())),
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
    rows
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
    at: i64,
) -> Result<(), DbErr> {
    message::Entity::insert(message::ActiveModel {
        id: NotSet,
        report_id: Set(report_id),
        from_staff: Set(from_staff),
        body: Set(body.to_owned()),
        created_at: Set(at),
    })
    .exec(db)
    .await?;
    Ok(())
}

/// Withdraw: the report, its items, hashes and messages are gone from the database.
/// Its entries on the platforms' hash list are withdrawn (a tombstone for each) at `at`.
pub async fn delete_report(db: &impl ConnectionTrait, id: i64, at: i64) -> Result<(), DbErr> {
    crate::notice::outbox::delete_for_reports(db, &[id]).await?;
    crate::hash_list::store::withdraw_for_reports(db, &[id], at).await?;
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
            sea_orm::sea_query::Expr::value(ReportStatus::Closed.as_str()),
        )
        .filter(report::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(updated.rows_affected == 1)
}

/// Retention: up to `limit` reports closed before `cutoff` (unix seconds) are deleted with
/// everything in them; the number deleted. Called in chunks (see `server::jobs`), so one
/// delete never holds SQLite's write lock for long.
pub async fn delete_closed_before(
    db: &impl ConnectionTrait,
    cutoff: i64,
    limit: u64,
) -> Result<u64, DbErr> {
    let ids: Vec<i64> = report::Entity::find()
        .select_only()
        .column(report::Column::Id)
        .filter(report::Column::ClosedAt.lt(cutoff))
        .order_by_asc(report::Column::Id)
        .limit(limit)
        .into_tuple()
        .all(db)
        .await?;
    if ids.is_empty() {
        return Ok(0);
    }
    crate::notice::outbox::delete_for_reports(db, &ids).await?;
    // The files' entries stay on the hash list, unlinked (see `hash_list`).
    crate::hash_list::store::unlink_reports(db, &ids).await?;
    let deleted = report::Entity::delete_many()
        .filter(report::Column::Id.is_in(ids))
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
