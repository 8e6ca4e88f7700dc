//! Case use cases: reading everything about a case, and the staff actions on it. Each action
//! writes its audit event in its own transaction, together with the change itself.

use std::collections::HashMap;

use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    sea_query::Expr,
};

use super::{
    dto::{
        AssessmentView, Assignee, CaseView, ItemDetail, ItemHosting, ItemView, MessageView,
        NoteView, OrganisationChoice, TimelineEntry, TimelineEvent, Verdict,
    },
    entity::{assessment, assignment, note},
    queue::{facts, happened_of},
    urgency::urgency,
};
use crate::{
    audit::{
        AuditAction, entity as audit_event,
        store::{NewEvent, append},
    },
    db::{Db, retrying},
    directory::entity::organisation,
    notice::service::NoticeError,
    report::{
        FileKind, ItemKind, ItemStatus, MAX_MESSAGE_CHARS, ReportStatus,
        entity::{item, report},
    },
    staff::{Permission, StaffMember, entity::staff_account, permits},
    time::date_time,
};

/// Longest reason for an assessment, and longest internal note.
pub const MAX_REASON_CHARS: usize = 1000;
pub const MAX_NOTE_CHARS: usize = 4000;

/// Something a staff member does to a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseAction {
    /// Take the case oneself.
    Claim,
    /// Give the case to a colleague.
    Assign(i64),
    /// Back to the queue, unassigned.
    Release,
    Assess {
        item: i64,
        verdict: Verdict,
        reason: String,
    },
    /// Write to the reporter; they read it with their receipt.
    Message(String),
    Note(String),
    Close,
    Reopen,
    /// Move the case to another organisation that uses the portal (it leaves this one's
    /// queue, unassigned; the reporter notices nothing).
    Transfer(i64),
    /// Look up again where an item's address is hosted.
    ResolveAgain(i64),
    /// Send the proposed notice `key`, as reviewed (`digest`).
    SendNotice {
        key: String,
        digest: String,
    },
    /// A notice task filed by hand (the provider's form, the hotline's): mark it done.
    NoticeFiled(i64),
}

impl CaseAction {
    /// What the staff member's role must permit.
    pub fn permission(&self) -> Permission {
        match self {
            CaseAction::Assess { .. }
            | CaseAction::SendNotice { .. }
            | CaseAction::NoticeFiled(_) => Permission::AssessItem,
            CaseAction::Message(_) => Permission::MessageReporter,
            _ => Permission::ManageCase,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CaseError {
    #[error("no such case")]
    UnknownCase,
    #[error("no such item in this case")]
    UnknownItem,
    #[error("no such colleague")]
    UnknownStaff,
    #[error("no such organisation, or it already owns the case")]
    UnknownOrganisation,
    #[error("an assessment needs a reason")]
    ReasonMissing,
    #[error("the text is empty")]
    Empty,
    #[error("the text is too long")]
    TooLong,
    #[error("the case is closed")]
    Closed,
    #[error("the case is open")]
    Open,
    #[error(transparent)]
    Notice(#[from] NoticeError),
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl CaseError {
    /// The Fluent message that explains the problem to staff.
    pub fn message_id(&self) -> &'static str {
        match self {
            CaseError::UnknownCase => "case-error-unknown",
            CaseError::UnknownItem => "case-error-item-unknown",
            CaseError::UnknownStaff => "case-error-staff-unknown",
            CaseError::UnknownOrganisation => "case-error-organisation-unknown",
            CaseError::ReasonMissing => "case-error-reason-missing",
            CaseError::Empty => "case-error-empty",
            CaseError::TooLong => "case-error-too-long",
            CaseError::Closed => "case-error-closed",
            CaseError::Open => "case-error-open",
            CaseError::Notice(NoticeError::UnknownProposal) => "case-error-notice-unknown",
            CaseError::Notice(NoticeError::Changed) => "case-error-notice-changed",
            CaseError::Notice(NoticeError::UnknownNotice) => "case-error-notice-not-task",
            CaseError::Notice(NoticeError::Db(_)) | CaseError::Db(_) => "staff-error-try-again",
        }
    }
}

/// Checks and trims a text a staff member typed.
fn text(typed: &str, max: usize) -> Result<String, CaseError> {
    let trimmed = typed.trim();
    if trimmed.is_empty() {
        Err(CaseError::Empty)
    } else if trimmed.chars().count() > max {
        Err(CaseError::TooLong)
    } else {
        Ok(trimmed.to_owned())
    }
}

/// Does `action` to case `case_id` as `me`. The caller has checked `action.permission()`.
/// Returns the Fluent id of what happened, for the page to say.
pub async fn act(
    db: &Db,
    me: &StaffMember,
    case_id: i64,
    action: CaseAction,
) -> Result<&'static str, CaseError> {
    retrying(
        || act_once(db, me, case_id, &action),
        |error| match error {
            CaseError::Db(error) | CaseError::Notice(NoticeError::Db(error)) => Some(error),
            _ => None,
        },
    )
    .await
}

async fn act_once(
    db: &Db,
    me: &StaffMember,
    case_id: i64,
    action: &CaseAction,
) -> Result<&'static str, CaseError> {
    let txn = db.begin().await?;
    let case = report::Entity::find_by_id(case_id)
        .one(&txn)
        .await?
        .ok_or(CaseError::UnknownCase)?;
    // The form handler checked already (authorize_case); this keeps the rule where the write is.
    if !crate::staff::access::may_handle(me, case.owner_organisation_id) {
        return Err(CaseError::UnknownCase);
    }
    let closed = case.closed_at.is_some();
    let at = db.now();
    let event = |action| NewEvent::new(me.actor(), action).case(case_id);
    let done = match action {
        CaseAction::Claim | CaseAction::Assign(_) => {
            let to = match action {
                CaseAction::Assign(id) => *id,
                _ => me.id,
            };
            let colleague = crate::staff::service::find_member(&txn, to)
                .await?
                .filter(|m| permits(m.role, Permission::ViewCase))
                // Never to someone of another organisation: they could not open it.
                .filter(|m| crate::staff::access::may_handle(m, case.owner_organisation_id))
                .ok_or(CaseError::UnknownStaff)?;
            assignment::Entity::delete_by_id(case_id).exec(&txn).await?;
            assignment::Entity::insert(assignment::ActiveModel {
                report_id: Set(case_id),
                staff_id: Set(colleague.id),
                assigned_at: Set(at),
            })
            .exec_without_returning(&txn)
            .await?;
            append(
                &txn,
                db.audit_key(),
                at,
                event(AuditAction::CaseAssigned)
                    .target(colleague.actor().label)
                    .detail(format!("staff={}", colleague.id)),
            )
            .await?;
            if colleague.id == me.id {
                "case-done-claimed"
            } else {
                "case-done-assigned"
            }
        }
        CaseAction::Release => {
            assignment::Entity::delete_by_id(case_id).exec(&txn).await?;
            append(&txn, db.audit_key(), at, event(AuditAction::CaseReleased)).await?;
            "case-done-released"
        }
        CaseAction::Assess {
            item: item_id,
            verdict,
            reason,
        } => {
            let reason = text(reason, MAX_REASON_CHARS).map_err(|error| match error {
                CaseError::Empty => CaseError::ReasonMissing,
                other => other,
            })?;
            let item = item::Entity::find_by_id(*item_id)
                .one(&txn)
                .await?
                .filter(|i| i.report_id == case_id)
                .ok_or(CaseError::UnknownItem)?;
            assessment::Entity::insert(assessment::ActiveModel {
                id: NotSet,
                item_id: Set(item.id),
                report_id: Set(case_id),
                staff_id: Set(me.id),
                verdict: Set(*verdict),
                reason: Set(reason),
                created_at: Set(at),
            })
            .exec_without_returning(&txn)
            .await?;
            // For a file, the audited assessment is the statement that confirms its entry on
            // the platforms' hash list (or withdraws it): the analyst never sees the file.
            crate::hash_list::store::assessed(
                &txn,
                item.id,
                *verdict,
                case.owner_organisation_id,
                at,
            )
            .await?;
            // The reporter sees that someone looked at it; a verdict is for staff to act on.
            if item.status == ItemStatus::Received {
                item::Entity::update_many()
                    .col_expr(
                        item::Column::Status,
                        Expr::value(ItemStatus::InReview.as_str()),
                    )
                    .filter(item::Column::Id.eq(item.id))
                    .exec(&txn)
                    .await?;
            }
            append(
                &txn,
                db.audit_key(),
                at,
                event(AuditAction::ItemAssessed).detail(format!(
                    "item={} verdict={}",
                    item.id,
                    verdict.as_str()
                )),
            )
            .await?;
            "case-done-assessed"
        }
        CaseAction::Message(body) => {
            let body = text(body, MAX_MESSAGE_CHARS)?;
            crate::report::store::add_message(&txn, case_id, true, &body, at).await?;
            append(
                &txn,
                db.audit_key(),
                at,
                event(AuditAction::ReporterMessaged),
            )
            .await?;
            "case-done-messaged"
        }
        CaseAction::Note(body) => {
            let body = text(body, MAX_NOTE_CHARS)?;
            note::Entity::insert(note::ActiveModel {
                id: NotSet,
                report_id: Set(case_id),
                staff_id: Set(me.id),
                body: Set(body),
                created_at: Set(at),
            })
            .exec_without_returning(&txn)
            .await?;
            append(&txn, db.audit_key(), at, event(AuditAction::NoteAdded)).await?;
            "case-done-noted"
        }
        CaseAction::Close => {
            if closed {
                return Err(CaseError::Closed);
            }
            crate::report::store::close_report(&txn, case_id, at).await?;
            append(&txn, db.audit_key(), at, event(AuditAction::CaseClosed)).await?;
            "case-done-closed"
        }
        CaseAction::Reopen => {
            if !closed {
                return Err(CaseError::Open);
            }
            report::Entity::update_many()
                .col_expr(report::Column::ClosedAt, Expr::value(Option::<i64>::None))
                .col_expr(
                    report::Column::Status,
                    Expr::value(ReportStatus::Received.as_str()),
                )
                .filter(report::Column::Id.eq(case_id))
                .exec(&txn)
                .await?;
            append(&txn, db.audit_key(), at, event(AuditAction::CaseReopened)).await?;
            "case-done-reopened"
        }
        CaseAction::Transfer(to) => {
            let organisation = organisation::Entity::find_by_id(*to)
                .one(&txn)
                .await?
                .filter(|o| o.uses_portal && Some(o.id) != case.owner_organisation_id)
                .ok_or(CaseError::UnknownOrganisation)?;
            report::Entity::update_many()
                .col_expr(
                    report::Column::OwnerOrganisationId,
                    Expr::value(organisation.id),
                )
                .filter(report::Column::Id.eq(case_id))
                .exec(&txn)
                .await?;
            // The assignee belongs to the old organisation and can no longer open it.
            assignment::Entity::delete_by_id(case_id).exec(&txn).await?;
            let from = case
                .owner_organisation_id
                .map_or_else(|| "none".to_owned(), |id| id.to_string());
            append(
                &txn,
                db.audit_key(),
                at,
                event(AuditAction::CaseTransferred)
                    .target(organisation.name)
                    .detail(format!("from={from} to={}", organisation.id)),
            )
            .await?;
            "case-done-transferred"
        }
        CaseAction::ResolveAgain(item_id) => {
            let host = item::Entity::find_by_id(*item_id)
                .one(&txn)
                .await?
                .filter(|i| i.report_id == case_id && i.kind == ItemKind::Url)
                .and_then(|i| i.url)
                .and_then(|url| crate::hosting::store::host_of(&url))
                .ok_or(CaseError::UnknownItem)?;
            // Not audited: it changes nothing of the case, and staff may ask as often as they
            // like (one job per host at a time).
            crate::hosting::store::enqueue_resolution(&txn, &host, true, at).await?;
            "case-done-resolving"
        }
        CaseAction::SendNotice { key, digest } => {
            if closed {
                return Err(CaseError::Closed);
            }
            let (id, sent) =
                crate::notice::service::send(&txn, case.clone(), key, digest, me.id, at).await?;
            let items: Vec<String> = sent.items.iter().map(|(i, _)| i.to_string()).collect();
            append(
                &txn,
                db.audit_key(),
                at,
                event(AuditAction::NoticeSent)
                    .target(sent.recipient.clone())
                    .detail(format!(
                        "notice={id} reference={} channel={} category={} items={}",
                        sent.reference,
                        sent.channel.as_str(),
                        sent.category.as_str(),
                        items.join(",")
                    )),
            )
            .await?;
            match sent.channel {
                crate::notice::NoticeChannel::Email => "case-done-notice-queued",
                _ => "case-done-notice-task",
            }
        }
        CaseAction::NoticeFiled(notice_id) => {
            let filed =
                crate::notice::service::mark_filed(&txn, case_id, *notice_id, me.id, at).await?;
            append(
                &txn,
                db.audit_key(),
                at,
                event(AuditAction::NoticeFiled)
                    .target(filed.recipient)
                    .detail(format!("notice={} reference={}", filed.id, filed.reference)),
            )
            .await?;
            "case-done-notice-filed"
        }
    };
    txn.commit().await?;
    Ok(done)
}

/// Everything about case `case_id` as `me` sees it, or None if there is no such case.
/// Views of one case by one staff member within this many seconds are one `case.viewed`
/// event: who looked at a case is on record, without an event per reload.
pub const VIEW_EVENT_SECONDS: i64 = 10 * 60;

/// Records that `me` opened case `case_id`, unless they did within [`VIEW_EVENT_SECONDS`].
pub async fn record_view(db: &Db, me: &StaffMember, case_id: i64) -> Result<(), DbErr> {
    retrying(|| record_view_once(db, me, case_id), |error| Some(error)).await
}

async fn record_view_once(db: &Db, me: &StaffMember, case_id: i64) -> Result<(), DbErr> {
    let at = db.now();
    let recent = || {
        audit_event::Entity::find()
            .filter(audit_event::Column::CaseId.eq(case_id))
            .filter(audit_event::Column::ActorId.eq(me.id))
            .filter(audit_event::Column::Action.eq(AuditAction::CaseViewed.as_str()))
            .filter(audit_event::Column::OccurredAt.gt(at - VIEW_EVENT_SECONDS))
    };
    // Read first outside the write path: most views are reloads within the window.
    if recent().one(db.read()).await?.is_some() {
        return Ok(());
    }
    let txn = db.begin().await?;
    if recent().one(&txn).await?.is_none() {
        append(
            &txn,
            db.audit_key(),
            at,
            NewEvent::new(me.actor(), AuditAction::CaseViewed).case(case_id),
        )
        .await?;
    }
    txn.commit().await
}

pub async fn view(
    db: &impl ConnectionTrait,
    me: &StaffMember,
    csrf: String,
    case_id: i64,
    now: i64,
) -> Result<Option<CaseView>, DbErr> {
    let Some(case) = report::Entity::find_by_id(case_id).one(db).await? else {
        return Ok(None);
    };
    let items = crate::report::store::items(db, case_id).await?;
    let assessments = assessment::Entity::find()
        .filter(assessment::Column::ReportId.eq(case_id))
        .order_by_asc(assessment::Column::Id)
        .all(db)
        .await?;
    let messages = crate::report::store::messages(db, case_id).await?;
    let notes = note::Entity::find()
        .filter(note::Column::ReportId.eq(case_id))
        .order_by_asc(note::Column::Id)
        .all(db)
        .await?;
    let events = audit_event::Entity::find()
        .filter(audit_event::Column::CaseId.eq(case_id))
        .order_by_asc(audit_event::Column::Id)
        .all(db)
        .await?;
    let assigned = assignment::Entity::find_by_id(case_id).one(db).await?;
    let staff = staff_account::Entity::find().all(db).await?;
    let name_of = |id: i64| {
        staff
            .iter()
            .find(|s| s.id == id)
            .map_or_else(|| format!("#{id}"), |s| s.display_name.clone())
    };
    let also_in = also_in(db, case_id, case.owner_organisation_id, &items).await?;

    let happened = happened_of(&case.happened);
    let urls_online = items
        .iter()
        .filter(|i| i.kind == ItemKind::Url && i.removed_at.is_none())
        .count() as u32;
    let at = now;
    let urgency = urgency(
        &facts(
            Some(case.safety),
            Some(case.age_band),
            &happened,
            urls_online,
            case.created_at,
        ),
        at,
    );

    let mut latest: HashMap<i64, &assessment::Model> = HashMap::new();
    for a in &assessments {
        latest.insert(a.item_id, a);
    }
    let hosts: Vec<String> = items
        .iter()
        .filter(|i| i.kind == ItemKind::Url)
        .filter_map(|i| i.url.as_deref().and_then(crate::hosting::store::host_of))
        .collect();
    let mut resolutions = crate::hosting::store::for_hosts(db, &hosts).await?;
    let item_views = items
        .iter()
        .map(|i| ItemView {
            id: i.id,
            detail: detail(i),
            status: i.status,
            removed: i.removed_at.is_some(),
            assessment: latest.get(&i.id).map(|a| AssessmentView {
                verdict: a.verdict,
                reason: a.reason.clone(),
                by: name_of(a.staff_id),
                at: date_time(a.created_at),
            }),
            also_in: also_in.get(&i.id).cloned().unwrap_or_default(),
            hosting: match i.url.as_deref().and_then(crate::hosting::store::host_of) {
                _ if i.kind != ItemKind::Url => ItemHosting::NotAnAddress,
                None => ItemHosting::NotAnAddress,
                Some(host) => match resolutions.remove(&host) {
                    Some((resolution, at)) => ItemHosting::Resolved {
                        resolution: Box::new(resolution),
                        at: date_time(at),
                    },
                    None => ItemHosting::Pending,
                },
            },
        })
        .collect();

    // The timeline: the report, the reporter's messages, and every audited staff action.
    let mut timeline: Vec<(i64, TimelineEntry)> = vec![(
        case.created_at,
        TimelineEntry {
            at: String::new(),
            what: TimelineEvent::Received,
            by: None,
            detail: String::new(),
        },
    )];
    for m in messages.iter().filter(|m| !m.from_staff) {
        timeline.push((
            m.created_at,
            TimelineEntry {
                at: String::new(),
                what: TimelineEvent::ReporterWrote,
                by: None,
                detail: String::new(),
            },
        ));
    }
    // Read once: the delivered ones go on the timeline, all of them into the notices part.
    let case_notices = crate::notice::outbox::of_case(db, case_id).await?;
    for (notice, _) in &case_notices {
        if let (Some(at), crate::notice::NoticeStatus::Sent) = (notice.sent_at, notice.status) {
            timeline.push((
                at,
                TimelineEntry {
                    at: String::new(),
                    what: TimelineEvent::NoticeDelivered,
                    by: None,
                    detail: format!("reference={}", notice.reference),
                },
            ));
        }
    }
    for e in &events {
        timeline.push((
            e.occurred_at,
            TimelineEntry {
                at: String::new(),
                what: AuditAction::parse(&e.action)
                    .map_or(TimelineEvent::Unknown, TimelineEvent::Staff),
                by: Some(e.actor.clone()),
                detail: e.detail.clone(),
            },
        ));
    }
    // Stable: equal times keep the order above (the report first).
    timeline.sort_by_key(|(at, _)| *at);

    let organisations = crate::directory::organisations(db).await?;
    let owner = organisations
        .iter()
        .find(|o| Some(o.id) == case.owner_organisation_id)
        .map(|o| o.name.clone());
    let transfer_to = organisations
        .iter()
        .filter(|o| Some(o.id) != case.owner_organisation_id)
        .map(|o| OrganisationChoice {
            id: o.id,
            name: o.name.clone(),
        })
        .collect();
    let notices = crate::notice::service::views(case_notices, now, name_of);
    let (proposals, proposal_blocks) = if case.closed_at.is_none() {
        crate::notice::service::proposals(db, case.clone(), now).await?
    } else {
        (Vec::new(), Vec::new())
    };
    let assignees = staff
        .iter()
        .filter(|s| s.disabled_at.is_none())
        .filter(|s| permits(s.role, Permission::ViewCase))
        .filter(|s| s.organisation_id == case.owner_organisation_id)
        .map(|s| Assignee {
            id: s.id,
            name: s.display_name.clone(),
        })
        .collect();

    Ok(Some(CaseView {
        id: case.id,
        csrf,
        me: me.id,
        closed: case.closed_at.is_some(),
        reported: date_time(case.created_at),
        urgency,
        assigned_to: assigned.map(|a| Assignee {
            id: a.staff_id,
            name: name_of(a.staff_id),
        }),
        assignees,
        owner,
        transfer_to,
        for_whom: Some(case.for_whom),
        safety: Some(case.safety),
        happened,
        happened_other: case.happened_other,
        age_band: Some(case.age_band),
        country: case.country,
        reply_language: case.reply_language,
        contact_given: case.contact_sealed.is_some(),
        items: item_views,
        notices,
        proposals,
        proposal_blocks,
        messages: messages
            .into_iter()
            .map(|m| MessageView {
                from_staff: m.from_staff,
                body: m.body,
                at: date_time(m.created_at),
            })
            .collect(),
        notes: notes
            .into_iter()
            .map(|n| NoteView {
                by: name_of(n.staff_id),
                body: n.body,
                at: date_time(n.created_at),
            })
            .collect(),
        timeline: timeline
            .into_iter()
            .map(|(at, entry)| TimelineEntry {
                at: date_time(at),
                ..entry
            })
            .collect(),
        can_assess: permits(me.role, Permission::AssessItem),
        can_message: permits(me.role, Permission::MessageReporter),
        can_manage: permits(me.role, Permission::ManageCase),
    }))
}

fn detail(i: &item::Model) -> ItemDetail {
    match i.kind {
        ItemKind::Url => ItemDetail::Url(i.url.clone().unwrap_or_default()),
        ItemKind::Account => ItemDetail::Account {
            platform: i.platform.clone().unwrap_or_default(),
            handle: i.handle.clone().unwrap_or_default(),
        },
        ItemKind::File => ItemDetail::File {
            kind: i.file_kind.unwrap_or(FileKind::Other),
            md5: i.md5.clone().unwrap_or_default(),
            sha256: i.sha256.clone().unwrap_or_default(),
            pdq: i.pdq.clone(),
            pdq_quality: i.pdq_quality,
            video_frames: i
                .video_frames
                .as_deref()
                .and_then(|json| serde_json::from_str::<Vec<serde_json::Value>>(json).ok())
                .map_or(0, |frames| frames.len() as u32),
        },
    }
}

/// Per item, the other cases that hold the same address or the same file bytes.
/// Other cases of the same owner with the same address or SHA-256 (never another
/// organisation's: their case numbers are theirs).
async fn also_in(
    db: &impl ConnectionTrait,
    case_id: i64,
    owner: Option<i64>,
    items: &[item::Model],
) -> Result<HashMap<i64, Vec<i64>>, DbErr> {
    let urls: Vec<&str> = items.iter().filter_map(|i| i.url.as_deref()).collect();
    let hashes: Vec<&str> = items.iter().filter_map(|i| i.sha256.as_deref()).collect();
    if urls.is_empty() && hashes.is_empty() {
        return Ok(HashMap::new());
    }
    let others = item::Entity::find()
        .filter(item::Column::ReportId.ne(case_id))
        .filter(
            item::Column::ReportId.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(report::Column::Id)
                    .from(report::Entity)
                    .and_where(match owner {
                        Some(owner) => report::Column::OwnerOrganisationId.eq(owner),
                        None => report::Column::OwnerOrganisationId.is_null(),
                    })
                    .to_owned(),
            ),
        )
        .filter(
            Condition::any()
                .add(item::Column::Url.is_in(urls))
                .add(item::Column::Sha256.is_in(hashes)),
        )
        .all(db)
        .await?;
    let mut found: HashMap<i64, Vec<i64>> = HashMap::new();
    for mine in items {
        let mut cases: Vec<i64> = others
            .iter()
            .filter(|o| {
                (mine.url.is_some() && o.url == mine.url)
                    || (mine.sha256.is_some() && o.sha256 == mine.sha256)
            })
            .map(|o| o.report_id)
            .collect();
        cases.sort_unstable();
        cases.dedup();
        if !cases.is_empty() {
            found.insert(mine.id, cases);
        }
    }
    Ok(found)
}
