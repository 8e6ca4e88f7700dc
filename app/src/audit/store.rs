//! Appending to the audit trail and checking it. There is deliberately no update or delete.

use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseBackend, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Statement,
};

use super::{
    AuditAction, AuditEventView, ChainHead, ChainReport,
    chain::{ChainKey, GENESIS, event_hash, legacy_hash},
    entity::{self, Entity as AuditEvent},
};

/// Who did something: a staff member, or the command line (`actor_id` None).
#[derive(Debug, Clone)]
pub struct Actor {
    pub id: Option<i64>,
    /// What the trail shows: the staff member's e-mail or subject, or `cli`.
    pub label: String,
}

impl Actor {
    pub fn cli() -> Self {
        Actor {
            id: None,
            label: "cli".to_owned(),
        }
    }
}

/// An event to record.
#[derive(Debug, Clone)]
pub struct NewEvent {
    pub actor: Actor,
    pub action: AuditAction,
    pub case_id: Option<i64>,
    /// Whom or what the action was about (an e-mail, an organisation's name, …).
    pub target: Option<String>,
    /// Short, structured, never a reporter's words (e.g. `role=analyst`).
    pub detail: String,
}

impl NewEvent {
    pub fn new(actor: Actor, action: AuditAction) -> Self {
        NewEvent {
            actor,
            action,
            case_id: None,
            target: None,
            detail: String::new(),
        }
    }

    pub fn target(mut self, target: impl Into<String>) -> Self {
        self.target = Some(target.into());
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = detail.into();
        self
    }

    pub fn case(mut self, case_id: i64) -> Self {
        self.case_id = Some(case_id);
        self
    }
}

/// Any fixed number: the key of PostgreSQL's transaction lock that serialises appends.
const APPEND_LOCK: i64 = 0x6175_6469_745f_6c6b;

/// Appends `event` to the chain. Call it inside the transaction of the action it records,
/// so the action and its event are committed together or not at all.
/// `at` is the action's time (unix seconds, from the request's clock).
pub async fn append(
    db: &impl ConnectionTrait,
    key: &ChainKey,
    at: i64,
    event: NewEvent,
) -> Result<entity::Model, DbErr> {
    // PostgreSQL: wait for other appends to commit, so this one reads the true last event.
    // SQLite has one writer at a time anyway. Either way the unique `prev_hash` makes a fork
    // impossible: a racing second append fails instead of branching the chain.
    if db.get_database_backend() == DatabaseBackend::Postgres {
        db.execute_raw(Statement::from_string(
            DatabaseBackend::Postgres,
            format!("SELECT pg_advisory_xact_lock({APPEND_LOCK})"),
        ))
        .await?;
    }
    let last = AuditEvent::find()
        .order_by_desc(entity::Column::Id)
        .one(db)
        .await?;
    let (id, prev_hash) = match last {
        Some(last) => (last.id + 1, last.hash),
        None => (1, GENESIS.to_owned()),
    };
    let mut model = entity::Model {
        id,
        occurred_at: at,
        actor_id: event.actor.id,
        actor: event.actor.label,
        action: event.action.as_str().to_owned(),
        case_id: event.case_id,
        target: event.target,
        detail: event.detail,
        prev_hash,
        hash: String::new(),
    };
    model.hash = event_hash(key, &model.prev_hash, &model.hashed());
    let active = entity::ActiveModel {
        id: Set(model.id),
        occurred_at: Set(model.occurred_at),
        actor_id: Set(model.actor_id),
        actor: Set(model.actor.clone()),
        action: Set(model.action.clone()),
        case_id: Set(model.case_id),
        target: Set(model.target.clone()),
        detail: Set(model.detail.clone()),
        prev_hash: Set(model.prev_hash.clone()),
        hash: Set(model.hash.clone()),
    };
    AuditEvent::insert(active)
        .exec_without_returning(db)
        .await?;
    Ok(model)
}

/// Checks every event, oldest first, in pages: ids without gaps from 1, each `prev_hash`
/// equal to the hash before it, each hash recomputed from the stored fields under `key`, or
/// under the plain legacy hash for events before the first keyed one.
pub async fn verify(db: &impl ConnectionTrait, key: &ChainKey) -> Result<ChainReport, DbErr> {
    const PAGE: u64 = 1000;
    let mut expected_id = 1;
    let mut prev = GENESIS.to_owned();
    let mut report = ChainReport {
        events: 0,
        legacy_events: 0,
        first_broken: None,
        head: None,
    };
    let mut keyed_seen = false;
    loop {
        let page = AuditEvent::find()
            .filter(entity::Column::Id.gte(expected_id))
            .order_by_asc(entity::Column::Id)
            .limit(PAGE)
            .all(db)
            .await?;
        let done = (page.len() as u64) < PAGE;
        for event in page {
            report.events += 1;
            let linked = event.id == expected_id && event.prev_hash == prev;
            let keyed = linked && event.hash == event_hash(key, &event.prev_hash, &event.hashed());
            // A legacy event only before every keyed one: otherwise anyone who can write to
            // the database could re-hash an edited event the old way.
            let legacy = linked
                && !keyed
                && !keyed_seen
                && event.hash == legacy_hash(&event.prev_hash, &event.hashed());
            if !keyed && !legacy {
                report.first_broken = Some(event.id.min(expected_id));
                return Ok(report);
            }
            keyed_seen |= keyed;
            report.legacy_events += u64::from(legacy);
            report.head = Some(ChainHead {
                id: event.id,
                hash: event.hash.clone(),
            });
            prev = event.hash;
            expected_id += 1;
        }
        if done {
            return Ok(report);
        }
    }
}

/// Checks the chain as [`verify`] does, and that it still holds `checkpoint`, a head saved
/// outside the database earlier (from the log stream or `portal audit head`): the event
/// with its id is there with its hash. Without that, deleting the newest events, or
/// rewriting the whole chain with the key, would leave a chain that verifies.
pub async fn verify_against(
    db: &impl ConnectionTrait,
    key: &ChainKey,
    checkpoint: &ChainHead,
) -> Result<Result<ChainReport, CheckpointMissed>, DbErr> {
    let report = verify(db, key).await?;
    if !report.is_intact() {
        return Ok(Ok(report));
    }
    let stored = AuditEvent::find_by_id(checkpoint.id).one(db).await?;
    Ok(match stored {
        Some(event) if event.hash == checkpoint.hash => Ok(report),
        Some(_) => Err(CheckpointMissed::Differs),
        None => Err(CheckpointMissed::Gone {
            events: report.events,
        }),
    })
}

/// How a chain that verifies on its own fails a saved checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckpointMissed {
    /// The event at the checkpoint's id has another hash: the chain was rewritten from there
    /// or before.
    Differs,
    /// The chain ends before the checkpoint's id: its newest events were deleted.
    Gone { events: u64 },
}

/// The newest event's id and hash, to be kept outside the database.
pub async fn head(db: &impl ConnectionTrait) -> Result<Option<ChainHead>, DbErr> {
    Ok(AuditEvent::find()
        .order_by_desc(entity::Column::Id)
        .one(db)
        .await?
        .map(|event| ChainHead {
            id: event.id,
            hash: event.hash,
        }))
}

/// The newest events first, for the audit page.
pub async fn recent(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<AuditEventView>, DbErr> {
    Ok(AuditEvent::find()
        .order_by_desc(entity::Column::Id)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(|e| AuditEventView {
            id: e.id,
            at: crate::time::date_time(e.occurred_at),
            actor: e.actor,
            action: e.action,
            case_id: e.case_id,
            target: e.target,
            detail: e.detail,
        })
        .collect())
}
