//! The hash list's use cases that the staff workspace and the command line share: creating
//! and revoking platform keys, and settling an entry platforms disagree about. Each writes
//! its change and its audit event in one transaction, so nothing changes unrecorded.

use sea_orm::DbErr;

use super::{
    join,
    platform::{self, Created, NewPlatform, PlatformError},
    store::{self, Decision},
};
use crate::{
    audit::{
        AuditAction,
        store::{Actor, NewEvent, append},
    },
    db::Db,
    staff::{StaffMember, access::may_handle},
};

/// Who acts: a signed-in staff member, or the command line (an operator on the server, who
/// answers for every organisation).
#[derive(Debug, Clone, Copy)]
pub enum By<'a> {
    Staff(&'a StaffMember),
    Cli,
}

impl By<'_> {
    fn actor(self) -> Actor {
        match self {
            By::Staff(member) => member.actor(),
            By::Cli => Actor::cli(),
        }
    }

    fn organisation(self) -> Option<i64> {
        match self {
            By::Staff(member) => member.organisation_id,
            By::Cli => None,
        }
    }

    /// Whether they answer for what `owner` answers for.
    fn answers_for(self, owner: Option<i64>) -> bool {
        match self {
            By::Staff(member) => may_handle(member, owner),
            By::Cli => true,
        }
    }
}

/// Creates a platform client and its key (shown to its creator once).
pub async fn create_platform(
    db: &Db,
    by: By<'_>,
    mut new: NewPlatform,
) -> Result<Created, PlatformError> {
    if let By::Staff(member) = by {
        new.created_by = Some(member.id);
    }
    let at = db.now();
    let txn = db.begin().await?;
    let created = platform::create(&txn, new, at).await?;
    let p = &created.platform;
    append(
        &txn,
        db.audit_key(),
        at,
        NewEvent::new(by.actor(), AuditAction::PlatformCreated)
            .target(p.name.clone())
            .detail(format!(
                "scopes={} lists={} sandbox={} per_minute={}",
                join(&p.scopes),
                join(&p.lists),
                p.sandbox,
                p.per_minute
            )),
    )
    .await?;
    txn.commit().await?;
    Ok(created)
}

/// Revokes platform `id`'s key; false if it was revoked already.
pub async fn revoke_platform(db: &Db, by: By<'_>, id: i64) -> Result<bool, PlatformError> {
    let at = db.now();
    let txn = db.begin().await?;
    let found = platform::find(&txn, id)
        .await?
        .ok_or(PlatformError::Unknown)?;
    if !platform::revoke(&txn, id, at).await? {
        return Ok(false);
    }
    append(
        &txn,
        db.audit_key(),
        at,
        NewEvent::new(by.actor(), AuditAction::PlatformRevoked).target(found.name),
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}

#[derive(Debug, thiserror::Error)]
pub enum DecideError {
    #[error("no such entry on the list")]
    Unknown,
    #[error("the entry is another organisation's to decide")]
    Forbidden,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// Settles entry `id` (its public id): confirmed by `by`'s organisation, or withdrawn from
/// every platform. Staff decide only what their organisation answers for.
pub async fn decide(db: &Db, by: By<'_>, id: &str, decision: Decision) -> Result<(), DecideError> {
    let at = db.now();
    let txn = db.begin().await?;
    let owner = store::responsible(&txn, id)
        .await?
        .ok_or(DecideError::Unknown)?;
    if !by.answers_for(owner) {
        return Err(DecideError::Forbidden);
    }
    if !store::decide(&txn, id, decision, by.organisation(), at).await? {
        return Err(DecideError::Unknown);
    }
    append(
        &txn,
        db.audit_key(),
        at,
        NewEvent::new(by.actor(), AuditAction::HashEntryDecided)
            .target(id.to_owned())
            .detail(
                match decision {
                    Decision::Confirm => "decision=confirm",
                    Decision::Withdraw => "decision=withdraw",
                }
                .to_owned(),
            ),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
