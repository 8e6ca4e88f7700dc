//! Roles, permissions, and the one table that decides which role may do what.
//!
//! Every staff page, server function and form handler asks [`permits`] (through
//! `crate::ssr::require_staff` or `staff::access::authorize`); nothing else grants access.

use serde::{Deserialize, Serialize};

crate::stored_enum! {
    /// What a staff member is, at their organisation.
    pub enum Role {
        /// Answers people at a helpline; reads cases and talks to reporters.
        HelplineStaff = "helpline_staff",
        /// Assesses items and decides on notices.
        Analyst = "analyst",
        /// Hands people over to care partners.
        Caseworker = "caseworker",
        /// Works at a care organisation; sees only handovers addressed to it.
        CarePartner = "care_partner",
        /// Invites staff, sets roles, reads the audit trail.
        Administrator = "administrator",
    }
}

impl Role {
    /// A care partner always belongs to a care organisation; other roles may.
    pub fn needs_organisation(self) -> bool {
        self == Role::CarePartner
    }
}

/// Something a staff member may be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Permission {
    /// See the staff home page (every staff member).
    OpenWorkspace,
    /// See the queue of cases.
    ViewQueue,
    /// Open a case: the answers, items, messages, notes and timeline.
    ViewCase,
    /// Claim, assign or release a case, add an internal note, close or reopen it.
    ManageCase,
    /// Assess an item and confirm notices.
    AssessItem,
    /// Write to a reporter, anonymously.
    MessageReporter,
    /// Propose a handover to a care organisation.
    ProposeHandover,
    /// Accept or answer a handover addressed to one's own organisation.
    ReceiveHandover,
    /// Invite staff, change roles, add organisations.
    ManageStaff,
    /// Read and verify the audit trail.
    ViewAudit,
    /// Add and edit entries of the provider directory (whom removal notices go to).
    ManageProviders,
    /// Create and revoke the keys platforms use for the hash list.
    ManagePlatforms,
    /// Settle the hash-list entries platforms disagree about (confirm or withdraw).
    DecideHashEntries,
}

impl Permission {
    pub const ALL: [Permission; 13] = [
        Permission::OpenWorkspace,
        Permission::ViewQueue,
        Permission::ViewCase,
        Permission::ManageCase,
        Permission::AssessItem,
        Permission::MessageReporter,
        Permission::ProposeHandover,
        Permission::ReceiveHandover,
        Permission::ManageStaff,
        Permission::ViewAudit,
        Permission::ManageProviders,
        Permission::ManagePlatforms,
        Permission::DecideHashEntries,
    ];
}

/// The access table: whether `role` may do `permission`. The only place that decides.
pub fn permits(role: Role, permission: Permission) -> bool {
    use Permission::*;
    use Role::*;
    match permission {
        OpenWorkspace => true,
        ViewQueue | ViewCase | ManageCase => matches!(role, HelplineStaff | Analyst | Caseworker),
        // Settling an entry is an assessment's second look, by the one who may assess.
        AssessItem | DecideHashEntries => role == Analyst,
        MessageReporter => matches!(role, HelplineStaff | Analyst | Caseworker),
        ProposeHandover => role == Caseworker,
        ReceiveHandover => role == CarePartner,
        ManageStaff | ViewAudit | ManageProviders | ManagePlatforms => role == Administrator,
    }
}

/// Whether a staff member of `role` at `own_organisation` may see a handover addressed to
/// `addressed_to`. Care partners see only their own organisation's; caseworkers see all.
pub fn may_see_handover(role: Role, own_organisation: Option<i64>, addressed_to: i64) -> bool {
    match role {
        Role::CarePartner => own_organisation == Some(addressed_to),
        Role::Caseworker => true,
        _ => false,
    }
}

/// A role that lacks `permission`, for tests that check a refusal; `None` if all have it.
pub fn a_role_without(permission: Permission) -> Option<Role> {
    Role::ALL.into_iter().find(|r| !permits(*r, permission))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_round_trips_through_its_stored_name() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn only_administrators_manage_staff_and_read_the_audit_trail() {
        for role in Role::ALL {
            let admin = role == Role::Administrator;
            assert_eq!(permits(role, Permission::ManageStaff), admin, "{role:?}");
            assert_eq!(permits(role, Permission::ViewAudit), admin, "{role:?}");
            assert_eq!(
                permits(role, Permission::ManageProviders),
                admin,
                "{role:?}"
            );
            assert_eq!(
                permits(role, Permission::ManagePlatforms),
                admin,
                "{role:?}"
            );
            assert_eq!(
                permits(role, Permission::DecideHashEntries),
                role == Role::Analyst,
                "{role:?}"
            );
        }
    }

    #[test]
    fn a_care_partner_sees_no_case_and_only_their_own_organisations_handovers() {
        assert!(!permits(Role::CarePartner, Permission::ViewCase));
        assert!(!permits(Role::CarePartner, Permission::ViewQueue));
        assert!(may_see_handover(Role::CarePartner, Some(7), 7));
        assert!(!may_see_handover(Role::CarePartner, Some(7), 8));
        assert!(!may_see_handover(Role::CarePartner, None, 7));
    }

    #[test]
    fn every_staff_member_may_open_the_workspace() {
        for role in Role::ALL {
            assert!(permits(role, Permission::OpenWorkspace));
        }
        assert_eq!(a_role_without(Permission::OpenWorkspace), None);
        assert_eq!(
            a_role_without(Permission::ManageStaff),
            Some(Role::HelplineStaff)
        );
    }
}
