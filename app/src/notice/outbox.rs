//! The outbox: a notice and its delivery job are written in one transaction, so a notice
//! exists exactly when its delivery does, and a crash can lose neither. The delivery job
//! (`server::jobs::deliver_notice`) sends under the Message-ID fixed here and marks the
//! notice sent in the same breath; a job that runs again (its instance died between the mail
//! server's "250" and that mark) sends the same Message-ID, which a provider can drop.

use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Expr, ExprTrait},
};

use super::{
    NoticeCategory, NoticeChannel, NoticeStatus,
    entity::{notice, notice_item},
};
use crate::{
    audit::{
        AuditAction,
        store::{Actor, NewEvent, append},
    },
    db::Db,
    jobs::{self, NewJob},
};

/// Delivery attempts (each after the job runner's growing backoff, about four hours in all)
/// before a notice is left dead for staff to send another way.
pub const MAX_DELIVERY_ATTEMPTS: i32 = 10;

/// A notice to write.
#[derive(Debug, Clone)]
pub struct NewNotice {
    pub reference: String,
    pub report_id: i64,
    pub organisation_id: Option<i64>,
    pub provider_id: Option<String>,
    pub provider_name: Option<String>,
    pub hosting_country: Option<String>,
    pub category: NoticeCategory,
    pub channel: NoticeChannel,
    pub recipient: String,
    pub lang: String,
    pub subject: String,
    pub body: String,
    pub xarf: String,
    pub message_id: String,
    pub deadline_at: i64,
    pub created_at: i64,
    pub created_by: i64,
    /// The items it covers, with their exact addresses.
    pub items: Vec<(i64, String)>,
}

/// The delivery job's payload.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub struct DeliverJob {
    pub notice: i64,
}

/// Writes `new` on `txn` (the caller's transaction) with its delivery job when it goes by
/// e-mail; a web form or hotline hand-off is a task for staff. Returns its id.
pub async fn write(txn: &impl ConnectionTrait, new: NewNotice) -> Result<i64, DbErr> {
    let status = match new.channel {
        NoticeChannel::Email => NoticeStatus::Queued,
        NoticeChannel::WebForm | NoticeChannel::Hotline => NoticeStatus::Task,
    };
    let created_at = new.created_at;
    let inserted = notice::Entity::insert(notice::ActiveModel {
        id: NotSet,
        reference: Set(new.reference),
        report_id: Set(new.report_id),
        organisation_id: Set(new.organisation_id),
        provider_id: Set(new.provider_id),
        provider_name: Set(new.provider_name),
        hosting_country: Set(new.hosting_country),
        category: Set(new.category),
        channel: Set(new.channel),
        recipient: Set(new.recipient),
        lang: Set(new.lang),
        subject: Set(new.subject),
        body: Set(new.body),
        xarf: Set(new.xarf),
        message_id: Set(new.message_id),
        status: Set(status),
        attempts: Set(0),
        last_error: Set(None),
        deadline_at: Set(new.deadline_at),
        created_at: Set(created_at),
        created_by: Set(new.created_by),
        sent_at: Set(None),
        filed_by: Set(None),
    })
    .exec(txn)
    .await?;
    let id = inserted.last_insert_id;
    if !new.items.is_empty() {
        notice_item::Entity::insert_many(new.items.into_iter().map(|(item_id, url)| {
            notice_item::ActiveModel {
                notice_id: Set(id),
                item_id: Set(item_id),
                url: Set(url),
            }
        }))
        .exec_without_returning(txn)
        .await?;
    }
    if status == NoticeStatus::Queued {
        jobs::enqueue(txn, deliver_job(id, created_at), created_at).await?;
    }
    Ok(id)
}

/// The job that delivers notice `id`, due at `at`.
pub fn deliver_job(id: i64, at: i64) -> NewJob {
    NewJob {
        // The notice counts its own attempts and gives up by itself (it must say so to
        // staff); the job must outlast them, also through crashes and database hiccups that
        // are no delivery attempt, so it never dies with its notice still waiting.
        max_attempts: i32::MAX,
        dedupe_key: Some(format!("notice:{id}")),
        ..NewJob::new(jobs::kind::DELIVER_NOTICE, DeliverJob { notice: id }, at)
    }
}

pub async fn find(db: &impl ConnectionTrait, id: i64) -> Result<Option<notice::Model>, DbErr> {
    notice::Entity::find_by_id(id).one(db).await
}

/// The portal itself, in the audit trail, for what the outbox does.
fn portal() -> Actor {
    Actor {
        id: None,
        label: "portal".to_owned(),
    }
}

/// Marks notice `id` delivered at `at`, if it was still queued; whether it was. One
/// statement, committed at once: the time between the mail server's acceptance and this
/// mark is the only window in which a crash makes the notice go out again. (Delivery is the
/// portal's doing, not a staff action: the case timeline reads it from `sent_at`.)
pub async fn mark_sent(db: &Db, id: i64, at: i64) -> Result<bool, DbErr> {
    let updated = notice::Entity::update_many()
        .col_expr(notice::Column::Status, Expr::value(NoticeStatus::Sent))
        .col_expr(notice::Column::SentAt, Expr::value(at))
        .col_expr(
            notice::Column::LastError,
            Expr::value(Option::<String>::None),
        )
        .filter(notice::Column::Id.eq(id))
        .filter(notice::Column::Status.eq(NoticeStatus::Queued))
        .exec(db.write())
        .await?
        .rows_affected;
    Ok(updated == 1)
}

/// Records a failed delivery of notice `id`: the notice is left dead (and says so on its
/// case) when `give_up`, or after [`MAX_DELIVERY_ATTEMPTS`]. Returns whether it is dead.
pub async fn record_failure(
    db: &Db,
    id: i64,
    code: &'static str,
    give_up: bool,
    at: i64,
) -> Result<bool, DbErr> {
    let txn = db.begin().await?;
    let Some(found) = find(&txn, id).await? else {
        return Ok(true);
    };
    if found.status != NoticeStatus::Queued {
        return Ok(true);
    }
    let attempts = found.attempts + 1;
    let dead = give_up || attempts >= MAX_DELIVERY_ATTEMPTS;
    let status = if dead {
        NoticeStatus::Dead
    } else {
        NoticeStatus::Queued
    };
    // Only while still queued: another instance may have delivered it meanwhile.
    let updated = notice::Entity::update_many()
        .col_expr(notice::Column::Attempts, Expr::value(attempts))
        .col_expr(notice::Column::LastError, Expr::value(code))
        .col_expr(notice::Column::Status, Expr::value(status))
        .filter(notice::Column::Id.eq(id))
        .filter(notice::Column::Status.eq(NoticeStatus::Queued))
        .exec(&txn)
        .await?
        .rows_affected;
    if updated == 0 {
        return Ok(true);
    }
    if dead {
        append(
            &txn,
            db.audit_key(),
            at,
            NewEvent::new(portal(), AuditAction::NoticeFailed)
                .case(found.report_id)
                .target(found.recipient.clone())
                .detail(format!("notice={id} error={code}")),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(dead)
}

/// The notices of case `report_id`, oldest first, with their items.
pub async fn of_case(
    db: &impl ConnectionTrait,
    report_id: i64,
) -> Result<Vec<(notice::Model, Vec<notice_item::Model>)>, DbErr> {
    let notices = notice::Entity::find()
        .filter(notice::Column::ReportId.eq(report_id))
        .order_by_asc(notice::Column::Id)
        .all(db)
        .await?;
    with_items(db, notices).await
}

async fn with_items(
    db: &impl ConnectionTrait,
    notices: Vec<notice::Model>,
) -> Result<Vec<(notice::Model, Vec<notice_item::Model>)>, DbErr> {
    if notices.is_empty() {
        return Ok(Vec::new());
    }
    let items = notice_item::Entity::find()
        .filter(notice_item::Column::NoticeId.is_in(notices.iter().map(|n| n.id)))
        .order_by_asc(notice_item::Column::ItemId)
        .all(db)
        .await?;
    Ok(notices
        .into_iter()
        .map(|n| {
            let mine = items
                .iter()
                .filter(|i| i.notice_id == n.id)
                .cloned()
                .collect();
            (n, mine)
        })
        .collect())
}

/// Notices not dead that cover one of `item_ids` (the reporter's ledger), oldest first.
pub async fn live_for_items(
    db: &impl ConnectionTrait,
    item_ids: &[i64],
) -> Result<Vec<(notice::Model, Vec<notice_item::Model>)>, DbErr> {
    if item_ids.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = notice_item::Entity::find()
        .filter(notice_item::Column::ItemId.is_in(item_ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|i| i.notice_id)
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let notices = notice::Entity::find()
        .filter(notice::Column::Id.is_in(ids))
        .filter(notice::Column::Status.ne(NoticeStatus::Dead))
        .order_by_asc(notice::Column::Id)
        .all(db)
        .await?;
    with_items(db, notices).await
}

/// Notices not dead that name one of `urls` and whose address there is not known to be
/// removed, in cases `owner` owns now (an address is notified once, whoever reported it;
/// once it is gone and comes back, it may be notified again).
pub async fn live_for_urls(
    db: &impl ConnectionTrait,
    urls: &[String],
    owner: Option<i64>,
) -> Result<Vec<(notice::Model, Vec<notice_item::Model>)>, DbErr> {
    use crate::report::entity::{item, report};
    if urls.is_empty() {
        return Ok(Vec::new());
    }
    let named = notice_item::Entity::find()
        .filter(notice_item::Column::Url.is_in(urls.iter().map(String::as_str)))
        .all(db)
        .await?;
    if named.is_empty() {
        return Ok(Vec::new());
    }
    let online: std::collections::HashSet<i64> = item::Entity::find()
        .filter(item::Column::Id.is_in(named.iter().map(|n| n.item_id)))
        .filter(item::Column::RemovedAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .map(|i| i.id)
        .collect();
    let ids: Vec<i64> = named
        .iter()
        .filter(|n| online.contains(&n.item_id))
        .map(|n| n.notice_id)
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let owned_now = sea_orm::sea_query::Query::select()
        .column(report::Column::Id)
        .from(report::Entity)
        .and_where(match owner {
            Some(owner) => Expr::col(report::Column::OwnerOrganisationId).eq(owner),
            None => Expr::col(report::Column::OwnerOrganisationId).is_null(),
        })
        .to_owned();
    let notices = notice::Entity::find()
        .filter(notice::Column::Id.is_in(ids))
        .filter(notice::Column::Status.ne(NoticeStatus::Dead))
        .filter(notice::Column::ReportId.in_subquery(owned_now))
        .all(db)
        .await?;
    with_items(db, notices).await
}

/// Deletes the notices of `report_ids` with their items: a withdrawn report takes its
/// notices with it (one still queued is then never delivered; one already sent cannot be
/// taken back, and our copy goes).
pub async fn delete_for_reports(
    db: &impl ConnectionTrait,
    report_ids: &[i64],
) -> Result<(), DbErr> {
    if report_ids.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = notice::Entity::find()
        .filter(notice::Column::ReportId.is_in(report_ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|n| n.id)
        .collect();
    if ids.is_empty() {
        return Ok(());
    }
    notice_item::Entity::delete_many()
        .filter(notice_item::Column::NoticeId.is_in(ids.iter().copied()))
        .exec(db)
        .await?;
    notice::Entity::delete_many()
        .filter(notice::Column::Id.is_in(ids))
        .exec(db)
        .await?;
    Ok(())
}

/// Notices whose addresses are not all known to be removed, by deadline (the most overdue
/// first), at most `limit`: `portal notice list --open` and, later, the staff board.
pub async fn open(
    db: &impl ConnectionTrait,
    limit: u64,
) -> Result<Vec<(notice::Model, Vec<notice_item::Model>)>, DbErr> {
    use crate::report::entity::item;
    let still_online = sea_orm::sea_query::Query::select()
        .column(notice_item::Column::NoticeId)
        .from(notice_item::Entity)
        .inner_join(
            item::Entity,
            Expr::col((item::Entity, item::Column::Id))
                .equals((notice_item::Entity, notice_item::Column::ItemId)),
        )
        .and_where(Expr::col((item::Entity, item::Column::RemovedAt)).is_null())
        .to_owned();
    let notices = notice::Entity::find()
        .filter(notice::Column::Id.in_subquery(still_online))
        .order_by_asc(notice::Column::DeadlineAt)
        .order_by_asc(notice::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    with_items(db, notices).await
}
