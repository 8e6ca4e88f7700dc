//! Who is asking, and may they: the check every staff page, server function and form
//! handler goes through. The decision itself is [`super::permits`].

use crate::db::Db;
use tower_sessions::Session;

use super::{Permission, StaffMember, permits, service, signed_in};

/// Why a request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AccessError {
    #[error("not signed in")]
    Unauthenticated,
    #[error("the role does not allow this")]
    Forbidden,
    #[error("could not check access")]
    Internal,
}

/// A staff member who passed the check, with their session's form token.
#[derive(Debug, Clone)]
pub struct SignedInStaff {
    pub member: StaffMember,
    pub csrf: String,
}

/// The staff member signed in on `session`, if any. The account is read afresh on every
/// request, so a role change or a disabled account takes effect at once.
pub async fn current(session: &Session, db: &Db) -> Result<Option<SignedInStaff>, AccessError> {
    let Some((staff_id, csrf)) = signed_in::current(session, db.now()).await else {
        return Ok(None);
    };
    match service::find_member(db.read(), staff_id).await {
        Ok(Some(member)) => Ok(Some(SignedInStaff { member, csrf })),
        Ok(None) => {
            signed_in::sign_out(session).await;
            Ok(None)
        }
        Err(error) => {
            tracing::error!(%error, "could not load a staff account");
            Err(AccessError::Internal)
        }
    }
}

/// The signed-in staff member, if their role permits `permission`.
pub async fn authorize(
    session: &Session,
    db: &Db,
    permission: Permission,
) -> Result<SignedInStaff, AccessError> {
    let staff = current(session, db)
        .await?
        .ok_or(AccessError::Unauthenticated)?;
    if permits(staff.member.role, permission) {
        Ok(staff)
    } else {
        tracing::warn!(
            staff_id = staff.member.id,
            ?permission,
            "refused a staff request"
        );
        Err(AccessError::Forbidden)
    }
}

/// The signed-in staff member, if their role permits `permission` **and** case `case_id`
/// belongs to their organisation (staff of no organisation, the portal's own, handle the cases
/// no rule gave an owner). A case that does not exist passes, so the caller answers "not
/// found" as it would anyway. Every case page, server function and form goes through this.
pub async fn authorize_case(
    session: &Session,
    db: &Db,
    permission: Permission,
    case_id: i64,
) -> Result<SignedInStaff, AccessError> {
    let staff = authorize(session, db, permission).await?;
    match case_owner(db.read(), case_id).await {
        Ok(None) => Ok(staff),
        Ok(Some(owner)) if may_handle(&staff.member, owner) => Ok(staff),
        Ok(Some(_)) => {
            tracing::warn!(
                staff_id = staff.member.id,
                case_id,
                "refused a case of another organisation"
            );
            Err(AccessError::Forbidden)
        }
        Err(error) => {
            tracing::error!(%error, "could not load a case's owner");
            Err(AccessError::Internal)
        }
    }
}

/// Whether `member` may handle a case owned by `owner` (None: unowned).
pub fn may_handle(member: &StaffMember, owner: Option<i64>) -> bool {
    member.organisation_id == owner
}

/// The owner of case `case_id`: `None` if there is no such case, `Some(None)` if unowned.
async fn case_owner(
    db: &impl sea_orm::ConnectionTrait,
    case_id: i64,
) -> Result<Option<Option<i64>>, sea_orm::DbErr> {
    use sea_orm::EntityTrait;
    Ok(crate::report::entity::report::Entity::find_by_id(case_id)
        .one(db)
        .await?
        .map(|case| case.owner_organisation_id))
}

/// Checks a posted form token against the session's, in constant time.
pub fn form_token_matches(posted: &str, staff: &SignedInStaff) -> bool {
    bool::from(subtle::ConstantTimeEq::ct_eq(
        posted.as_bytes(),
        staff.csrf.as_bytes(),
    ))
}
