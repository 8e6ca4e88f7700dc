//! What an audit event says, in types both the server and the browser know.

use serde::{Deserialize, Serialize};

crate::stored_enum! {
    /// What a staff member did. Stored by its name, which never changes once shipped.
    pub enum AuditAction {
        SignedIn = "staff.signed_in",
        SignedOut = "staff.signed_out",
        /// Someone the portal does not know signed in at the identity provider.
        SignInRefused = "staff.sign_in_refused",
        /// An account was created from an invitation on its first sign-in.
        AccountCreated = "staff.account_created",
        Invited = "staff.invited",
        RoleChanged = "staff.role_changed",
        OrganisationCreated = "organisation.created",
        /// A staff member took a case, or was given it.
        CaseAssigned = "case.assigned",
        /// A case went back to the queue unassigned.
        CaseReleased = "case.released",
        ItemAssessed = "item.assessed",
        /// A message to the reporter, read through their receipt.
        ReporterMessaged = "case.reporter_messaged",
        NoteAdded = "case.note_added",
        CaseClosed = "case.closed",
        CaseReopened = "case.reopened",
        /// A staff member opened a case's page (once per ten minutes per person and case).
        CaseViewed = "case.viewed",
        /// A case moved to another organisation.
        CaseTransferred = "case.transferred",
        /// An administrator set which organisation owns new reports of a country or category.
        OwnerRuleSet = "organisation.owner_rule_set",
        /// An administrator added an entry to the provider directory.
        ProviderCreated = "provider.created",
        /// An administrator changed an entry of the provider directory.
        ProviderUpdated = "provider.updated",
        /// An analyst sent a notice (it went into the outbox, or became a task).
        NoticeSent = "notice.sent",
        /// A notice could not be delivered, for good.
        NoticeFailed = "notice.failed",
        /// A staff member filed a notice by hand (a web form, a hotline) and marked it done.
        NoticeFiled = "notice.filed",
        /// An administrator created a platform client (its key was shown once).
        PlatformCreated = "platform.created",
        /// A platform's key was revoked.
        PlatformRevoked = "platform.revoked",
        /// A platform's webhook was set, or its secret rotated.
        PlatformWebhookSet = "platform.webhook_set",
        /// Hash entries were imported from an exchange file.
        HashListImported = "hash_list.imported",
        /// Confirmed hash entries were exported to a file (outside withdrawal from then on).
        HashListExported = "hash_list.exported",
        /// Staff decided a (disputed) hash entry: confirmed or withdrawn.
        HashEntryDecided = "hash_list.entry_decided",
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
    /// Of those, the events written before the chain was keyed (plain SHA-256).
    pub legacy_events: u64,
    /// The id of the first event that does not fit the chain, if any.
    pub first_broken: Option<i64>,
    /// The last event that fits, to compare with a head saved outside the database.
    pub head: Option<ChainHead>,
}

/// One point of the chain: an event's id and its hash. Each new head is written to the log
/// stream (which operators ship off the machine), and `portal audit verify --checkpoint`
/// checks the chain against a saved one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainHead {
    pub id: i64,
    pub hash: String,
}

impl ChainReport {
    pub fn is_intact(&self) -> bool {
        self.first_broken.is_none()
    }
}
