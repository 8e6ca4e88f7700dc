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

/// Checks a posted form token against the session's, in constant time.
pub fn form_token_matches(posted: &str, staff: &SignedInStaff) -> bool {
    bool::from(subtle::ConstantTimeEq::ct_eq(
        posted.as_bytes(),
        staff.csrf.as_bytes(),
    ))
}
