//! Entries and the change feed: creating entries from reports, withdrawing and confirming
//! them, publishing changes in shuffled batches, and reading the feed as a platform sees it.

use std::collections::{BTreeMap, HashMap, HashSet};

use rand::{Rng, seq::SliceRandom};
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Statement,
    sea_query::{Expr, ExprTrait, Query},
};

use super::{
    ChangeKind, EntrySource, EntryStatus, FeedbackVerdict, HashList, coarse,
    entity::{change, entry, feedback},
};
use crate::{
    case::{Verdict, queue::happened_of},
    report::{
        FileKind, ItemKind,
        entity::{item, report},
    },
};

/// New entries are published at a random time within this many seconds (three batches at
/// the default pace), so the files of one report do not arrive in one batch side by side.
/// Withdrawals go out with the next batch.
pub const ADD_SPREAD_SECONDS: i64 = 90;

/// What a platform key sees: its lists, and the synthetic list or the real ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visibility {
    pub lists: Vec<HashList>,
    pub sandbox: bool,
}

impl Visibility {
    pub fn sees(&self, list: HashList, synthetic: bool) -> bool {
        synthetic == self.sandbox && self.lists.contains(&list)
    }
}

/// A random public id: 128 bits as 32 hex digits, nothing derived from the report.
pub fn new_public_id() -> String {
    crate::token::random()
}

fn change_row(entry_id: i64, kind: ChangeKind, publish_after: i64) -> change::ActiveModel {
    change::ActiveModel {
        id: NotSet,
        entry_id: Set(entry_id),
        change: Set(kind),
        seq: Set(None),
        publish_after: Set(publish_after),
        published_at: Set(None),
    }
}

/// The hash values of a new entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hashes {
    pub md5: Option<String>,
    pub sha256: Option<String>,
    pub pdq: Option<String>,
    pub pdq_quality: Option<i32>,
    pub dihedral: Option<String>,
    pub video_frames: Option<String>,
}

impl Hashes {
    fn of_item(item: &item::Model) -> Hashes {
        Hashes {
            md5: item.md5.clone(),
            sha256: item.sha256.clone(),
            pdq: item.pdq.clone(),
            pdq_quality: item.pdq_quality,
            dihedral: item.dihedral.clone(),
            video_frames: item.video_frames.clone(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.md5.is_none() && self.sha256.is_none() && self.pdq.is_none() && self.frames_empty()
    }

    fn frames_empty(&self) -> bool {
        self.video_frames.as_deref().is_none_or(|f| f == "[]")
    }
}

/// A new entry as written.
#[derive(Debug, Clone)]
pub struct NewEntry {
    pub report: Option<(i64, i64)>,
    pub list: HashList,
    pub status: EntryStatus,
    pub hashes: Hashes,
    pub synthetic: bool,
    pub source: EntrySource,
    pub confirmed_by: Option<i64>,
}

/// Inserts one entry and its `added` change (published at `publish_after`); its row.
pub async fn insert_entry(
    db: &impl ConnectionTrait,
    new: NewEntry,
    now: i64,
    publish_after: i64,
) -> Result<entry::Model, DbErr> {
    let public_id = new_public_id();
    entry::Entity::insert(entry::ActiveModel {
        id: NotSet,
        public_id: Set(public_id.clone()),
        report_id: Set(new.report.map(|(report, _)| report)),
        report_item_id: Set(new.report.map(|(_, item)| item)),
        list: Set(new.list),
        status: Set(new.status),
        md5: Set(new.hashes.md5),
        sha256: Set(new.hashes.sha256),
        pdq: Set(new.hashes.pdq),
        pdq_quality: Set(new.hashes.pdq_quality),
        dihedral: Set(new.hashes.dihedral),
        video_frames: Set(new.hashes.video_frames),
        synthetic: Set(new.synthetic),
        source: Set(new.source),
        confirmed_by: Set(new.confirmed_by),
        created_at: Set(coarse(now)),
    })
    .exec_without_returning(db)
    .await?;
    let row = entry::Entity::find()
        .filter(entry::Column::PublicId.eq(public_id))
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("hash entry just written".into()))?;
    change::Entity::insert(change_row(row.id, ChangeKind::Added, publish_after))
        .exec_without_returning(db)
        .await?;
    Ok(row)
}

/// Entries for the hashed files of reports that have none yet, at most `limit`; how many
/// were added. Run by the publishing job, not by the intake: a report's answer never waits
/// on the list, and the entries of one batch are created in shuffled order (their internal
/// ids say nothing about which report they came from).
pub async fn collect(
    db: &impl ConnectionTrait,
    now: i64,
    limit: u64,
    spread: i64,
) -> Result<u64, DbErr> {
    let have = Query::select()
        .column(entry::Column::ReportItemId)
        .from(entry::Entity)
        .and_where(entry::Column::ReportItemId.is_not_null())
        .to_owned();
    let mut items = item::Entity::find()
        .filter(item::Column::Kind.eq(ItemKind::File))
        .filter(item::Column::Id.not_in_subquery(have))
        .order_by_asc(item::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    if items.is_empty() {
        return Ok(0);
    }
    let report_ids: Vec<i64> = items.iter().map(|i| i.report_id).collect();
    let reports: HashMap<i64, report::Model> = report::Entity::find()
        .filter(report::Column::Id.is_in(report_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    items.shuffle(&mut rand::rng());
    let mut added = 0;
    for item in items {
        let Some(report) = reports.get(&item.report_id) else {
            continue;
        };
        let hashes = Hashes::of_item(&item);
        if hashes.is_empty() {
            continue;
        }
        let list = HashList::for_report(
            report.age_band,
            &happened_of(&report.happened),
            report.for_whom,
        );
        let publish_after = now + rand::rng().random_range(0..=Ord::max(spread, 0));
        insert_entry(
            db,
            NewEntry {
                report: Some((report.id, item.id)),
                list,
                status: EntryStatus::SelfReported,
                hashes,
                synthetic: false,
                source: EntrySource::Report,
                confirmed_by: None,
            },
            now,
            publish_after,
        )
        .await?;
        added += 1;
    }
    Ok(added)
}

/// Withdraws entries (internal ids): the hash values are erased, the earlier changes go, and
/// a tombstone is published with the next batch. Entries already withdrawn are left alone.
/// How many were withdrawn.
pub async fn withdraw(db: &impl ConnectionTrait, ids: &[i64], now: i64) -> Result<u64, DbErr> {
    let live: Vec<i64> = entry::Entity::find()
        .select_only()
        .column(entry::Column::Id)
        .filter(entry::Column::Id.is_in(ids.iter().copied()))
        .filter(entry::Column::Status.ne(EntryStatus::Withdrawn))
        .into_tuple()
        .all(db)
        .await?;
    if live.is_empty() {
        return Ok(0);
    }
    entry::Entity::update_many()
        .col_expr(entry::Column::Status, Expr::value(EntryStatus::Withdrawn))
        .col_expr(entry::Column::ReportId, Expr::value(Option::<i64>::None))
        .col_expr(
            entry::Column::ReportItemId,
            Expr::value(Option::<i64>::None),
        )
        .col_expr(entry::Column::Md5, Expr::value(Option::<String>::None))
        .col_expr(entry::Column::Sha256, Expr::value(Option::<String>::None))
        .col_expr(entry::Column::Pdq, Expr::value(Option::<String>::None))
        .col_expr(entry::Column::PdqQuality, Expr::value(Option::<i32>::None))
        .col_expr(entry::Column::Dihedral, Expr::value(Option::<String>::None))
        .col_expr(
            entry::Column::VideoFrames,
            Expr::value(Option::<String>::None),
        )
        .col_expr(entry::Column::ConfirmedBy, Expr::value(Option::<i64>::None))
        .filter(entry::Column::Id.is_in(live.iter().copied()))
        .exec(db)
        .await?;
    change::Entity::delete_many()
        .filter(change::Column::EntryId.is_in(live.iter().copied()))
        .exec(db)
        .await?;
    feedback::Entity::delete_many()
        .filter(feedback::Column::EntryId.is_in(live.iter().copied()))
        .exec(db)
        .await?;
    let tombstones: Vec<change::ActiveModel> = live
        .iter()
        .map(|&id| change_row(id, ChangeKind::Withdrawn, now))
        .collect();
    for chunk in tombstones.chunks(100) {
        change::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    Ok(live.len() as u64)
}

/// A withdrawn report: its entries are withdrawn. Called in the withdrawal's transaction.
pub async fn withdraw_for_reports(
    db: &impl ConnectionTrait,
    report_ids: &[i64],
    now: i64,
) -> Result<u64, DbErr> {
    let ids: Vec<i64> = entry::Entity::find()
        .select_only()
        .column(entry::Column::Id)
        .filter(entry::Column::ReportId.is_in(report_ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    withdraw(db, &ids, now).await
}

/// Retention deleted these reports: their entries stay on the list, no longer linked to
/// anything (see the module's documentation).
pub async fn unlink_reports(db: &impl ConnectionTrait, report_ids: &[i64]) -> Result<(), DbErr> {
    entry::Entity::update_many()
        .col_expr(entry::Column::ReportId, Expr::value(Option::<i64>::None))
        .col_expr(
            entry::Column::ReportItemId,
            Expr::value(Option::<i64>::None),
        )
        .filter(entry::Column::ReportId.is_in(report_ids.iter().copied()))
        .exec(db)
        .await?;
    Ok(())
}

/// Sets an entry's status (and who confirmed it) and publishes the change with the next
/// batch.
async fn set_status(
    db: &impl ConnectionTrait,
    entry_id: i64,
    status: EntryStatus,
    confirmed_by: Option<i64>,
    now: i64,
) -> Result<(), DbErr> {
    entry::Entity::update_many()
        .col_expr(entry::Column::Status, Expr::value(status))
        .col_expr(entry::Column::ConfirmedBy, Expr::value(confirmed_by))
        .filter(entry::Column::Id.eq(entry_id))
        .exec(db)
        .await?;
    change::Entity::insert(change_row(entry_id, ChangeKind::StatusChanged, now))
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// An analyst assessed file item `item_id` of a case owned by `organisation`: the audited
/// assessment is the statement that confirms (or withdraws) its entry. Abuse material moves
/// the entry to the `csam` list: as a new entry, with the old one withdrawn, so a platform
/// that only had the old list is told to drop it. Called in the assessment's transaction.
pub async fn assessed(
    db: &impl ConnectionTrait,
    item_id: i64,
    verdict: Verdict,
    organisation: Option<i64>,
    now: i64,
) -> Result<(), DbErr> {
    let Some(item) = item::Entity::find_by_id(item_id).one(db).await? else {
        return Ok(());
    };
    if item.kind != ItemKind::File {
        return Ok(());
    }
    let existing = entry::Entity::find()
        .filter(entry::Column::ReportItemId.eq(item_id))
        .one(db)
        .await?;
    let Some(report) = report::Entity::find_by_id(item.report_id).one(db).await? else {
        return Ok(());
    };
    let reported_list = HashList::for_report(
        report.age_band,
        &happened_of(&report.happened),
        report.for_whom,
    );
    match verdict {
        Verdict::NotIllegal => {
            if let Some(existing) = existing {
                withdraw(db, &[existing.id], now).await?;
            }
        }
        Verdict::CannotAssess => {}
        Verdict::Csam | Verdict::NonConsensual => {
            let list = match verdict {
                Verdict::Csam => HashList::Csam,
                // An adult's image stays on the list the report put it on (ncii or ai); a
                // report about a minor judged an adult's image is an adult's.
                _ if reported_list == HashList::Csam => HashList::Ncii,
                _ => reported_list,
            };
            match existing {
                Some(existing) if existing.list == list => {
                    if existing.status != EntryStatus::AnalystConfirmed
                        || existing.confirmed_by != organisation
                    {
                        set_status(
                            db,
                            existing.id,
                            EntryStatus::AnalystConfirmed,
                            organisation,
                            now,
                        )
                        .await?;
                    }
                }
                other => {
                    if let Some(existing) = other {
                        // Its hashes are the item's: the new entry takes them from there.
                        withdraw(db, &[existing.id], now).await?;
                    }
                    let hashes = Hashes::of_item(&item);
                    // Drawn before the await: the thread's generator may not cross it.
                    let publish_after = now + rand::rng().random_range(0..=ADD_SPREAD_SECONDS);
                    if !hashes.is_empty() {
                        insert_entry(
                            db,
                            NewEntry {
                                report: Some((report.id, item.id)),
                                list,
                                status: EntryStatus::AnalystConfirmed,
                                hashes,
                                synthetic: false,
                                source: EntrySource::Report,
                                confirmed_by: organisation,
                            },
                            now,
                            publish_after,
                        )
                        .await?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// Publishing is one at a time: sequence numbers are taken from the highest so far, and two
/// publishers at once would collide on them. The periodic job runs on one instance at a time
/// already; this holds if anything else publishes too (a second job after a lease ran out).
/// On PostgreSQL a transaction-scoped advisory lock; SQLite's `BEGIN IMMEDIATE` (`Db::begin`)
/// serialises writers by itself.
pub async fn lock_for_publishing(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    if db.get_database_backend() == DbBackend::Postgres {
        // The key is arbitrary but fixed: "SAHL" (Safe Again hash list).
        db.execute_unprepared("SELECT pg_advisory_xact_lock(1396787276)")
            .await?;
    }
    Ok(())
}

/// A published batch: which sequence numbers it took, and which lists it touched (whose
/// webhooks are called).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Published {
    pub first_seq: i64,
    pub last_seq: i64,
    pub count: usize,
    /// (list, synthetic) pairs in the batch.
    pub touched: Vec<(HashList, bool)>,
}

/// Publishes every change due by `now` as one batch in random order: each gets the next
/// sequence number and a time to the hour; an entry's earlier published change goes (the
/// feed keeps its latest state only, so the change feed from the start is also the full
/// list). None when nothing was due. The caller's transaction.
pub async fn publish_due(db: &impl ConnectionTrait, now: i64) -> Result<Option<Published>, DbErr> {
    let pending = change::Entity::find()
        .filter(change::Column::Seq.is_null())
        .filter(change::Column::PublishAfter.lte(now))
        .order_by_asc(change::Column::Id)
        .all(db)
        .await?;
    if pending.is_empty() {
        return Ok(None);
    }
    // One change per entry: `added` if the entry was never published, else the latest.
    let mut by_entry: BTreeMap<i64, (i64, ChangeKind)> = BTreeMap::new();
    let mut superseded = Vec::new();
    for row in &pending {
        match by_entry.get_mut(&row.entry_id) {
            None => {
                by_entry.insert(row.entry_id, (row.id, row.change));
            }
            Some((kept, kind)) => {
                superseded.push(*kept);
                *kept = row.id;
                if *kind != ChangeKind::Added || row.change == ChangeKind::Withdrawn {
                    *kind = row.change;
                }
            }
        }
    }
    if !superseded.is_empty() {
        change::Entity::delete_many()
            .filter(change::Column::Id.is_in(superseded))
            .exec(db)
            .await?;
    }
    let mut batch: Vec<(i64, i64, ChangeKind)> = by_entry
        .into_iter()
        .map(|(entry_id, (id, kind))| (id, entry_id, kind))
        .collect();
    batch.shuffle(&mut rand::rng());
    let entry_ids: Vec<i64> = batch.iter().map(|(_, entry_id, _)| *entry_id).collect();
    // Earlier published changes of these entries give way to this one.
    change::Entity::delete_many()
        .filter(change::Column::EntryId.is_in(entry_ids.iter().copied()))
        .filter(change::Column::Seq.is_not_null())
        .exec(db)
        .await?;
    // Each change is written again, in the shuffled order, and its new row id is its
    // sequence number: ids are never reused (AUTOINCREMENT, a PostgreSQL sequence), so the
    // feed never goes back below a cursor a platform holds, even when the newest rows were
    // just deleted. (Taking the highest sequence number plus one did go back: a withdrawal
    // deletes its entry's rows, and its tombstones got numbers platforms had already read.)
    let (mut first_seq, mut last_seq) = (i64::MAX, 0);
    for (id, entry_id, kind) in &batch {
        change::Entity::delete_by_id(*id).exec(db).await?;
        let seq = change::Entity::insert(change_row(*entry_id, *kind, now))
            .exec(db)
            .await?
            .last_insert_id;
        change::Entity::update_many()
            .col_expr(change::Column::Seq, Expr::value(seq))
            .col_expr(change::Column::PublishedAt, Expr::value(coarse(now)))
            .filter(change::Column::Id.eq(seq))
            .exec(db)
            .await?;
        first_seq = Ord::min(first_seq, seq);
        last_seq = Ord::max(last_seq, seq);
    }
    let mut touched: Vec<(HashList, bool)> = entry::Entity::find()
        .select_only()
        .column(entry::Column::List)
        .column(entry::Column::Synthetic)
        .filter(entry::Column::Id.is_in(entry_ids))
        .into_tuple()
        .all(db)
        .await?;
    touched.sort();
    touched.dedup();
    Ok(Some(Published {
        first_seq,
        last_seq,
        count: batch.len(),
        touched,
    }))
}

/// One change as the feed shows it: a tombstone has no list or hashes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedRow {
    pub seq: i64,
    pub id: String,
    pub change: ChangeKind,
    pub status: EntryStatus,
    pub list: HashList,
    pub md5: Option<String>,
    pub sha256: Option<String>,
    pub pdq: Option<String>,
    pub quality: Option<i32>,
}

/// Published changes after `after` that `who` may see, in order, at most `limit`; with
/// `snapshot`, only the entries that are on the list (no tombstones).
pub async fn feed(
    db: &impl ConnectionTrait,
    who: &Visibility,
    after: i64,
    until: Option<i64>,
    limit: u64,
    snapshot: bool,
) -> Result<Vec<FeedRow>, DbErr> {
    let backend = db.get_database_backend();
    let mut values: Vec<sea_orm::Value> = vec![after.into(), who.sandbox.into()];
    let lists: Vec<String> = who
        .lists
        .iter()
        .map(|list| {
            values.push(list.as_str().into());
            placeholder(backend, values.len())
        })
        .collect();
    let mut sql = format!(
        "SELECT c.seq, c.change, e.public_id, e.status, e.list, e.md5, e.sha256, e.pdq, \
         e.pdq_quality FROM hash_change c JOIN hash_entry e ON e.id = c.entry_id \
         WHERE c.seq > {} AND e.synthetic = {} AND e.list IN ({})",
        placeholder(backend, 1),
        placeholder(backend, 2),
        lists.join(", ")
    );
    if snapshot {
        sql += " AND c.change <> 'withdrawn'";
    }
    if let Some(until) = until {
        values.push(until.into());
        sql += &format!(" AND c.seq <= {}", placeholder(backend, values.len()));
    }
    values.push((limit as i64).into());
    sql += &format!(
        " ORDER BY c.seq LIMIT {}",
        placeholder(backend, values.len())
    );
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(backend, sql, values))
        .await?;
    rows.into_iter()
        .map(|row| {
            let change: String = row.try_get("", "change")?;
            let status: String = row.try_get("", "status")?;
            let list: String = row.try_get("", "list")?;
            let unknown = |what: &str| DbErr::Type(format!("unknown {what} in hash list"));
            Ok(FeedRow {
                seq: row.try_get("", "seq")?,
                id: row.try_get("", "public_id")?,
                change: ChangeKind::parse(&change).ok_or_else(|| unknown("change"))?,
                status: EntryStatus::parse(&status).ok_or_else(|| unknown("status"))?,
                list: HashList::parse(&list).ok_or_else(|| unknown("list"))?,
                md5: row.try_get("", "md5")?,
                sha256: row.try_get("", "sha256")?,
                pdq: row.try_get("", "pdq")?,
                quality: row.try_get("", "pdq_quality")?,
            })
        })
        .collect()
}

fn placeholder(backend: DbBackend, n: usize) -> String {
    match backend {
        DbBackend::Postgres => format!("${n}"),
        _ => "?".to_owned(),
    }
}

/// An entry found by an exact hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExactMatch {
    pub id: String,
    pub md5: Option<String>,
    pub sha256: Option<String>,
    pub list: HashList,
    pub status: EntryStatus,
    pub quality: Option<i32>,
}

/// Entries `who` may see with one of these MD5 or SHA-256 values (lowercase hex).
pub async fn exact(
    db: &impl ConnectionTrait,
    who: &Visibility,
    md5: &[String],
    sha256: &[String],
) -> Result<Vec<ExactMatch>, DbErr> {
    if md5.is_empty() && sha256.is_empty() {
        return Ok(Vec::new());
    }
    let mut found = Vec::new();
    for (column, values) in [(entry::Column::Md5, md5), (entry::Column::Sha256, sha256)] {
        for chunk in values.chunks(500) {
            if chunk.is_empty() {
                continue;
            }
            let rows = entry::Entity::find()
                .filter(column.is_in(chunk.iter().cloned()))
                .filter(entry::Column::Status.ne(EntryStatus::Withdrawn))
                .filter(entry::Column::Synthetic.eq(who.sandbox))
                .filter(entry::Column::List.is_in(who.lists.iter().copied()))
                .all(db)
                .await?;
            found.extend(rows.into_iter().map(|row| ExactMatch {
                id: row.public_id,
                md5: row.md5,
                sha256: row.sha256,
                list: row.list,
                status: row.status,
                quality: row.pdq_quality,
            }));
        }
    }
    Ok(found)
}

/// An entry as the in-memory PDQ index holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indexed {
    pub id: i64,
    pub public_id: String,
    pub list: HashList,
    pub status: EntryStatus,
    pub quality: Option<i32>,
    pub synthetic: bool,
    /// The PDQ hash, or a video's frame hashes (hex).
    pub codes: Vec<String>,
}

fn indexed(row: entry::Model) -> Indexed {
    let mut codes: Vec<String> = row.pdq.into_iter().collect();
    if let Some(frames) = row.video_frames.as_deref()
        && let Ok(frames) = serde_json::from_str::<Vec<hashing::VideoFrame>>(frames)
    {
        codes.extend(frames.into_iter().map(|frame| frame.hash));
    }
    Indexed {
        id: row.id,
        public_id: row.public_id,
        list: row.list,
        status: row.status,
        quality: row.pdq_quality,
        synthetic: row.synthetic,
        codes,
    }
}

/// Entries with a PDQ hash or video frames that are on the list, after internal id `after`,
/// at most `limit` (the index is built from these pages at start).
pub async fn indexable(
    db: &impl ConnectionTrait,
    after: i64,
    limit: u64,
) -> Result<Vec<Indexed>, DbErr> {
    Ok(entry::Entity::find()
        .filter(entry::Column::Id.gt(after))
        .filter(entry::Column::Status.ne(EntryStatus::Withdrawn))
        .filter(
            entry::Column::Pdq
                .is_not_null()
                .or(entry::Column::VideoFrames.is_not_null()),
        )
        .order_by_asc(entry::Column::Id)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(indexed)
        .collect())
}

/// The entries as they are now (withdrawn ones included), by internal id.
pub async fn entries_now(db: &impl ConnectionTrait, ids: &[i64]) -> Result<Vec<Indexed>, DbErr> {
    let mut all = Vec::new();
    for chunk in ids.chunks(500) {
        all.extend(
            entry::Entity::find()
                .filter(entry::Column::Id.is_in(chunk.iter().copied()))
                .all(db)
                .await?
                .into_iter()
                .map(indexed),
        );
    }
    Ok(all)
}

/// Changes written after internal change id `after` (published or not): (change id, entry
/// id), in order, at most `limit`. What each instance's index follows.
pub async fn written_since(
    db: &impl ConnectionTrait,
    after: i64,
    limit: u64,
) -> Result<Vec<(i64, i64)>, DbErr> {
    change::Entity::find()
        .select_only()
        .column(change::Column::Id)
        .column(change::Column::EntryId)
        .filter(change::Column::Id.gt(after))
        .order_by_asc(change::Column::Id)
        .limit(limit)
        .into_tuple()
        .all(db)
        .await
}

/// The highest change id written so far (where an index built now starts following).
pub async fn last_written(db: &impl ConnectionTrait) -> Result<i64, DbErr> {
    Ok(change::Entity::find()
        .select_only()
        .column_as(change::Column::Id.max(), "max")
        .into_tuple::<Option<i64>>()
        .one(db)
        .await?
        .flatten()
        .unwrap_or(0))
}

/// What became of one item of a feedback call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedbackOutcome {
    Recorded,
    /// No entry with that id that this key may see (or it was withdrawn).
    UnknownEntry,
}

/// Records platform `platform_id`'s feedback on entries `who` may see; an entry on which
/// platforms now disagree (one actioned it, another found it not violating) becomes
/// `disputed`, for staff to decide. The caller's transaction.
pub async fn record_feedback(
    db: &impl ConnectionTrait,
    platform_id: i64,
    who: &Visibility,
    items: &[(String, FeedbackVerdict, Option<String>)],
    now: i64,
) -> Result<Vec<FeedbackOutcome>, DbErr> {
    let ids: Vec<String> = items.iter().map(|(id, _, _)| id.clone()).collect();
    let mut entries: HashMap<String, entry::Model> = HashMap::new();
    for chunk in ids.chunks(500) {
        for row in entry::Entity::find()
            .filter(entry::Column::PublicId.is_in(chunk.iter().cloned()))
            .all(db)
            .await?
        {
            entries.insert(row.public_id.clone(), row);
        }
    }
    let mut outcomes = Vec::with_capacity(items.len());
    let mut touched = HashSet::new();
    for (id, verdict, reason) in items {
        let Some(entry) = entries
            .get(id)
            .filter(|e| e.status != EntryStatus::Withdrawn && who.sees(e.list, e.synthetic))
        else {
            outcomes.push(FeedbackOutcome::UnknownEntry);
            continue;
        };
        feedback::Entity::delete_many()
            .filter(feedback::Column::EntryId.eq(entry.id))
            .filter(feedback::Column::PlatformId.eq(platform_id))
            .exec(db)
            .await?;
        feedback::Entity::insert(feedback::ActiveModel {
            entry_id: Set(entry.id),
            platform_id: Set(platform_id),
            verdict: Set(*verdict),
            reason: Set(reason.clone()),
            created_at: Set(now),
        })
        .exec_without_returning(db)
        .await?;
        touched.insert(entry.id);
        outcomes.push(FeedbackOutcome::Recorded);
    }
    for entry_id in touched {
        let verdicts: Vec<FeedbackVerdict> = feedback::Entity::find()
            .select_only()
            .column(feedback::Column::Verdict)
            .filter(feedback::Column::EntryId.eq(entry_id))
            .into_tuple()
            .all(db)
            .await?;
        let conflict = verdicts.contains(&FeedbackVerdict::Actioned)
            && verdicts.contains(&FeedbackVerdict::NotViolating);
        let entry = entries.values().find(|e| e.id == entry_id);
        if let Some(entry) = entry.filter(|e| conflict && e.status != EntryStatus::Disputed) {
            set_status(db, entry.id, EntryStatus::Disputed, entry.confirmed_by, now).await?;
        }
    }
    Ok(outcomes)
}

/// Feedback on one entry, for staff: (platform name, verdict, reason, when).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackSeen {
    pub platform: String,
    pub verdict: FeedbackVerdict,
    pub reason: Option<String>,
    pub at: i64,
}

/// A disputed entry as staff see it: the case it came from (if still linked) and what the
/// platforms said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disputed {
    pub id: String,
    pub list: HashList,
    pub report_id: Option<i64>,
    /// Whose staff decide it: see [`responsible`].
    pub organisation: Option<i64>,
    pub kind: Option<FileKind>,
    pub feedback: Vec<FeedbackSeen>,
}

/// Disputed entries, oldest first, at most `limit`.
pub async fn disputed(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<Disputed>, DbErr> {
    let rows = entry::Entity::find()
        .filter(entry::Column::Status.eq(EntryStatus::Disputed))
        .order_by_asc(entry::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let names: HashMap<i64, String> = super::entity::platform::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let mut out = Vec::new();
    for row in rows {
        let said = feedback::Entity::find()
            .filter(feedback::Column::EntryId.eq(row.id))
            .order_by_asc(feedback::Column::CreatedAt)
            .all(db)
            .await?;
        let kind = match row.report_item_id {
            Some(item_id) => item::Entity::find_by_id(item_id)
                .one(db)
                .await?
                .and_then(|i| i.file_kind),
            None => None,
        };
        let organisation = responsible_for(db, &row).await?;
        out.push(Disputed {
            id: row.public_id,
            list: row.list,
            report_id: row.report_id,
            organisation,
            kind,
            feedback: said
                .into_iter()
                .map(|f| FeedbackSeen {
                    platform: names.get(&f.platform_id).cloned().unwrap_or_default(),
                    verdict: f.verdict,
                    reason: f.reason,
                    at: f.created_at,
                })
                .collect(),
        });
    }
    Ok(out)
}

/// The organisation whose staff answer for entry `id` (its public id): the one that
/// confirmed it, else the owner of the case it came from; `Some(None)` for an entry nobody
/// owns (imported, or from an unowned case: the portal's own staff decide), `None` when the
/// entry is not on the list.
pub async fn responsible(
    db: &impl ConnectionTrait,
    id: &str,
) -> Result<Option<Option<i64>>, DbErr> {
    let Some(row) = listed(db, id).await? else {
        return Ok(None);
    };
    Ok(Some(responsible_for(db, &row).await?))
}

/// The entry with public id `id`, unless it was withdrawn (then only its id is left).
async fn listed(db: &impl ConnectionTrait, id: &str) -> Result<Option<entry::Model>, DbErr> {
    entry::Entity::find()
        .filter(entry::Column::PublicId.eq(id))
        .filter(entry::Column::Status.ne(EntryStatus::Withdrawn))
        .one(db)
        .await
}

async fn responsible_for(
    db: &impl ConnectionTrait,
    row: &entry::Model,
) -> Result<Option<i64>, DbErr> {
    if row.confirmed_by.is_some() {
        return Ok(row.confirmed_by);
    }
    Ok(match row.report_id {
        Some(report_id) => report::Entity::find_by_id(report_id)
            .one(db)
            .await?
            .and_then(|r| r.owner_organisation_id),
        None => None,
    })
}

/// A staff decision on an entry (a disputed one, usually).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Confirm,
    Withdraw,
}

/// Applies `decision` to the entry with public id `id`; false if there is none on the list.
pub async fn decide(
    db: &impl ConnectionTrait,
    id: &str,
    decision: Decision,
    organisation: Option<i64>,
    now: i64,
) -> Result<bool, DbErr> {
    let Some(row) = listed(db, id).await? else {
        return Ok(false);
    };
    match decision {
        Decision::Confirm => {
            // Staff settled it: the platforms' disagreement is on record in the audit trail.
            feedback::Entity::delete_many()
                .filter(feedback::Column::EntryId.eq(row.id))
                .exec(db)
                .await?;
            set_status(db, row.id, EntryStatus::AnalystConfirmed, organisation, now).await?;
        }
        Decision::Withdraw => {
            withdraw(db, &[row.id], now).await?;
        }
    }
    Ok(true)
}

/// How many entries are on each list with each status (the staff overview).
pub async fn counts(
    db: &impl ConnectionTrait,
) -> Result<Vec<(HashList, EntryStatus, bool, i64)>, DbErr> {
    entry::Entity::find()
        .select_only()
        .column(entry::Column::List)
        .column(entry::Column::Status)
        .column(entry::Column::Synthetic)
        .column_as(entry::Column::Id.count(), "n")
        .group_by(entry::Column::List)
        .group_by(entry::Column::Status)
        .group_by(entry::Column::Synthetic)
        .into_tuple()
        .all(db)
        .await
}

/// The lists of a report's entries that are on the list (what the follow-up page names
/// platforms for).
pub async fn lists_of_report(
    db: &impl ConnectionTrait,
    report_id: i64,
) -> Result<Vec<HashList>, DbErr> {
    let mut lists: Vec<HashList> = entry::Entity::find()
        .select_only()
        .column(entry::Column::List)
        .filter(entry::Column::ReportId.eq(report_id))
        .filter(entry::Column::Status.ne(EntryStatus::Withdrawn))
        .into_tuple()
        .all(db)
        .await?;
    lists.sort();
    lists.dedup();
    Ok(lists)
}
