//! What the queue and case pages receive from the server: plain data, never entities.

use serde::{Deserialize, Serialize};

use super::urgency::Urgency;
use crate::{
    audit::AuditAction,
    report::{AgeBand, FileKind, ForWhom, Happened, ItemStatus, Safety},
};

crate::stored_enum! {
    /// An analyst's judgement of one item.
    pub enum Verdict {
        /// Child sexual abuse material: illegal everywhere, a notice goes out.
        Csam = "csam",
        /// A non-consensual intimate image of an adult.
        NonConsensual = "non_consensual",
        NotIllegal = "not_illegal",
        /// The analyst could not tell (the address did not load, the account is private, …).
        CannotAssess = "cannot_assess",
    }
}

impl Verdict {
    /// The Fluent message naming it.
    pub fn message_id(self) -> &'static str {
        match self {
            Verdict::Csam => "case-verdict-csam",
            Verdict::NonConsensual => "case-verdict-non-consensual",
            Verdict::NotIllegal => "case-verdict-not-illegal",
            Verdict::CannotAssess => "case-verdict-cannot-assess",
        }
    }
}

/// Cases per page of the queue.
pub const PAGE_SIZE: usize = 50;

/// Which cases the queue lists: from the query string of `/staff/cases`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueFilters {
    /// Closed cases instead of open ones.
    pub closed: bool,
    /// Two-letter country code, or empty for all.
    pub country: String,
    pub category: Option<Happened>,
    pub mine: bool,
    /// Zero-based page of [`PAGE_SIZE`] cases.
    pub page: u32,
}

impl QueueFilters {
    /// From the query string's pairs; anything unknown is ignored, not an error.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> QueueFilters {
        let mut filters = QueueFilters::default();
        for (name, value) in pairs {
            match name {
                "status" => filters.closed = value == "closed",
                "country" if crate::report::COUNTRIES.contains(&value) => {
                    filters.country = value.to_owned()
                }
                "category" => filters.category = Happened::parse(value),
                "mine" => filters.mine = value == "1",
                "page" => filters.page = value.parse().unwrap_or_default(),
                _ => {}
            }
        }
        filters
    }

    /// Back to a query string (for links to other pages of the same list).
    pub fn to_query(&self, page: u32) -> String {
        let mut parts = vec![format!(
            "status={}",
            if self.closed { "closed" } else { "open" }
        )];
        if !self.country.is_empty() {
            parts.push(format!("country={}", self.country));
        }
        if let Some(category) = self.category {
            parts.push(format!("category={}", category.as_str()));
        }
        if self.mine {
            parts.push("mine=1".to_owned());
        }
        if page > 0 {
            parts.push(format!("page={page}"));
        }
        parts.join("&")
    }
}

/// One case in the queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueueRow {
    pub id: i64,
    pub urgency: Urgency,
    pub age_band: Option<AgeBand>,
    pub country: String,
    pub happened: Vec<Happened>,
    pub urls_online: u32,
    pub items: u32,
    /// `YYYY-MM-DD HH:MM` UTC.
    pub reported: String,
    pub assigned_to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueueView {
    pub filters: QueueFilters,
    /// Cases matching the filters, on all pages.
    pub total: u64,
    pub rows: Vec<QueueRow>,
    pub has_next: bool,
}

/// A staff member cases can be assigned to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assignee {
    pub id: i64,
    pub name: String,
}

/// An organisation that uses the portal, as a choice in a form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganisationChoice {
    pub id: i64,
    pub name: String,
}

/// The latest assessment of an item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssessmentView {
    pub verdict: Verdict,
    pub reason: String,
    pub by: String,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ItemDetail {
    /// Shown as text only: the portal never loads reported content.
    Url(String),
    Account {
        platform: String,
        handle: String,
    },
    File {
        kind: FileKind,
        md5: String,
        sha256: String,
        pdq: Option<String>,
        pdq_quality: Option<i32>,
        video_frames: u32,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemView {
    pub id: i64,
    pub detail: ItemDetail,
    pub status: ItemStatus,
    pub removed: bool,
    pub assessment: Option<AssessmentView>,
    /// Other cases with the same address or the same file (exact hash).
    pub also_in: Vec<i64>,
    pub hosting: ItemHosting,
}

/// Where an address is hosted, as far as the portal found out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ItemHosting {
    /// Not an address (an account, a file).
    NotAnAddress,
    /// Being looked up (a job is queued).
    Pending,
    Resolved {
        resolution: Box<crate::hosting::Resolution>,
        /// When, as staff read it.
        at: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageView {
    pub from_staff: bool,
    pub body: String,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteView {
    pub by: String,
    pub body: String,
    pub at: String,
}

/// What happened in a case, oldest first.
/// What one line of a case's timeline records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimelineEvent {
    Received,
    ReporterWrote,
    /// The outbox delivered a notice (the portal's doing, read from the notice).
    NoticeDelivered,
    /// An audited staff action on the case.
    Staff(AuditAction),
    /// An audited action whose name this version does not know (written by a newer one).
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub at: String,
    pub what: TimelineEvent,
    pub by: Option<String>,
    /// Structured, never a reporter's words (e.g. `item=12 verdict=csam`).
    pub detail: String,
}

/// Everything about one case, on one screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseView {
    pub id: i64,
    pub csrf: String,
    pub me: i64,
    pub closed: bool,
    pub reported: String,
    pub urgency: Urgency,
    pub assigned_to: Option<Assignee>,
    pub assignees: Vec<Assignee>,
    /// The organisation that owns the case; None: the portal's own staff.
    pub owner: Option<String>,
    /// Where the case can be moved: the other organisations that use the portal.
    pub transfer_to: Vec<OrganisationChoice>,
    pub for_whom: Option<ForWhom>,
    pub safety: Option<Safety>,
    pub happened: Vec<Happened>,
    /// The reporter's own words for "something else".
    pub happened_other: String,
    pub age_band: Option<AgeBand>,
    pub country: String,
    pub reply_language: String,
    /// The reporter left contact details (kept encrypted; not shown here).
    pub contact_given: bool,
    pub items: Vec<ItemView>,
    /// Notices sent for this case (or on their way, or tasks), oldest first.
    pub notices: Vec<crate::notice::NoticeView>,
    /// Notices the portal proposes for the analyst to review and send.
    pub proposals: Vec<crate::notice::NoticeProposal>,
    /// Why items assessed as illegal are in no proposal.
    pub proposal_blocks: Vec<crate::notice::ProposalBlock>,
    pub messages: Vec<MessageView>,
    pub notes: Vec<NoteView>,
    pub timeline: Vec<TimelineEntry>,
    pub can_assess: bool,
    pub can_message: bool,
    pub can_manage: bool,
}

/// What a case form post left to show: a message, and the text typed, so nothing is lost.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PostedCaseForm {
    /// A Fluent id: what went wrong.
    pub error: Option<String>,
    pub message: String,
    pub note: String,
    /// The item whose assessment failed, with the reason typed.
    pub item: Option<i64>,
    pub reason: String,
}

impl PostedCaseForm {
    /// The text a case form carried, to put back into the page whatever refuses the post.
    pub fn typed(form: &[(String, String)]) -> PostedCaseForm {
        let get = |name: &str| {
            form.iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
                .unwrap_or_default()
        };
        let text = |name: &str| get(name).chars().take(10_000).collect();
        PostedCaseForm {
            error: None,
            message: text("message"),
            note: text("note"),
            item: get("item_id").parse().ok(),
            reason: text("reason"),
        }
    }

    /// Whether anything was typed.
    pub fn has_text(&self) -> bool {
        !(self.message.trim().is_empty()
            && self.note.trim().is_empty()
            && self.reason.trim().is_empty())
    }
}
