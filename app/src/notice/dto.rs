//! What the case page receives about notices: plain data, never entities.

use serde::{Deserialize, Serialize};

use super::{NoticeCategory, NoticeChannel, NoticeStatus};

/// A notice the portal proposes: every item of the case assessed as illegal at one
/// provider, in one notice, filled in for the analyst to review and send.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoticeProposal {
    /// Names the proposal in the send form (the channel, recipient and category).
    pub key: String,
    /// A digest of what the analyst reviewed: the send refuses if the notice changed since.
    pub digest: String,
    /// The provider's name, or the hotline's.
    pub to: String,
    pub channel: NoticeChannel,
    /// An e-mail address, or a web form's address.
    pub recipient: String,
    pub category: NoticeCategory,
    pub urls: Vec<String>,
    pub lang: String,
    /// The language asked for when it had no template (English was used).
    pub fell_back_from: Option<String>,
    /// Its template awaits review by a native speaker.
    pub draft_template: bool,
    pub subject: String,
    pub text: String,
    /// The X-ARF part, pretty-printed.
    pub xarf: String,
    /// Hours from sending to the deadline.
    pub deadline_hours: i64,
}

/// Why an item assessed as illegal is not in a proposal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ProposalBlock {
    /// Where it is hosted is still being looked up.
    HostingPending { url: String },
    /// Neither the directory nor the network's records name a way to reach the host.
    NoChannel { url: String },
    /// Already in an open notice (of this case or another of the same owner).
    AlreadyNotified { url: String, reference: String },
}

/// A notice that was sent (or is on its way, or is a task).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoticeView {
    pub id: i64,
    pub reference: String,
    pub status: NoticeStatus,
    pub channel: NoticeChannel,
    pub to: String,
    pub recipient: String,
    pub category: NoticeCategory,
    pub urls: Vec<String>,
    /// `YYYY-MM-DD HH:MM` UTC.
    pub created: String,
    pub created_by: String,
    pub deadline: String,
    pub overdue: bool,
    pub sent: Option<String>,
    /// The text as sent (for a task: to paste into the form).
    pub subject: String,
    pub text: String,
    /// A short code of the last delivery failure.
    pub last_error: Option<String>,
}
