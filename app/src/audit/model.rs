//! What an audit event says, in types both the server and the browser know.

use serde::{Deserialize, Serialize};

/// What a staff member did. Stored by its name, which never changes once shipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditAction {
    SignedIn,
    SignedOut,
    /// Someone the portal does not know signed in at the identity provider.
    SignInRefused,
    /// An account was created from an invitation on its first sign-in.
    AccountCreated,
    Invited,
    RoleChanged,
    OrganisationCreated,
    /// A staff member took a case, or was given it.
    CaseAssigned,
    /// A case went back to the queue unassigned.
    CaseReleased,
    ItemAssessed,
    /// A message to the reporter, read through their receipt.
    ReporterMessaged,
    NoteAdded,
    CaseClosed,
    CaseReopened,
    /// A case moved to another organisation.
    CaseTransferred,
    /// An administrator set which organisation owns new reports of a country or category.
    OwnerRuleSet,
}

impl AuditAction {
    pub const ALL: [AuditAction; 16] = [
        AuditAction::SignedIn,
        AuditAction::SignedOut,
        AuditAction::SignInRefused,
        AuditAction::AccountCreated,
        AuditAction::Invited,
        AuditAction::RoleChanged,
        AuditAction::OrganisationCreated,
        AuditAction::CaseAssigned,
        AuditAction::CaseReleased,
        AuditAction::ItemAssessed,
        AuditAction::ReporterMessaged,
        AuditAction::NoteAdded,
        AuditAction::CaseClosed,
        AuditAction::CaseReopened,
        AuditAction::CaseTransferred,
        AuditAction::OwnerRuleSet,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::SignedIn => "staff.signed_in",
            AuditAction::SignedOut => "staff.signed_out",
            AuditAction::SignInRefused => "staff.sign_in_refused",
            AuditAction::AccountCreated => "staff.account_created",
            AuditAction::Invited => "staff.invited",
            AuditAction::RoleChanged => "staff.role_changed",
            AuditAction::OrganisationCreated => "organisation.created",
            AuditAction::CaseAssigned => "case.assigned",
            AuditAction::CaseReleased => "case.released",
            AuditAction::ItemAssessed => "item.assessed",
            AuditAction::ReporterMessaged => "case.reporter_messaged",
            AuditAction::NoteAdded => "case.note_added",
            AuditAction::CaseClosed => "case.closed",
            AuditAction::CaseReopened => "case.reopened",
            AuditAction::CaseTransferred => "case.transferred",
            AuditAction::OwnerRuleSet => "organisation.owner_rule_set",
        }
    }

    pub fn parse(stored: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|a| a.as_str() == stored)
    }
}

/// One event as the audit page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEventView {
    pub id: i64,
    /// `YYYY-MM-DD HH:MM` UTC.
    pub at: String,
    pub actor: String,
    /// The stored action name, e.g. `staff.invited`.
    pub action: String,
    pub case_id: Option<i64>,
    pub target: Option<String>,
    pub detail: String,
}

/// The outcome of checking the whole chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainReport {
    /// Events checked.
    pub events: u64,
    /// The id of the first event that does not fit the chain, if any.
    pub first_broken: Option<i64>,
}

impl ChainReport {
    pub fn is_intact(&self) -> bool {
        self.first_broken.is_none()
    }
}
