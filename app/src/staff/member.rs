//! The signed-in staff member as server code sees it.

use super::Role;
#[cfg(feature = "ssr")]
use crate::audit::store::Actor;

/// A staff member with a live account. Server-side only: deliberately not `Serialize`, so it
/// never reaches the browser by accident; pages get DTOs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    pub id: i64,
    pub role: Role,
    pub organisation_id: Option<i64>,
    pub display_name: String,
    pub email: Option<String>,
    pub subject: String,
}

impl StaffMember {
    /// How the audit trail names this member.
    #[cfg(feature = "ssr")]
    pub fn actor(&self) -> Actor {
        Actor {
            id: Some(self.id),
            label: self.email.clone().unwrap_or_else(|| self.subject.clone()),
        }
    }
}
