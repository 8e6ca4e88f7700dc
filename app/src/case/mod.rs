//! Cases: the staff view of a report. The queue orders open cases by [`urgency`] and says
//! why; the case page shows everything on one screen (answers, items with their hashes and
//! assessments, messages, internal notes, the timeline) with the actions on it.
//!
//! Invariants: the portal never shows or loads reported content (addresses are text, never
//! links); every action checks its own permission and writes its audit event in the same
//! transaction; a case is a report, so withdrawing the report deletes the case with it.

mod dto;
mod page;
mod server_fns;
pub mod urgency;

#[cfg(feature = "ssr")]
pub mod actions;
#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod queue;
#[cfg(feature = "ssr")]
pub mod service;

pub use dto::{
    AssessmentView, Assignee, CaseView, ItemDetail, ItemHosting, ItemView, PostedCaseForm,
    QueueFilters, QueueRow, QueueView, TimelineEntry, TimelineEvent, Verdict,
};
pub use page::{CasePage, QueuePage, queue_html};
pub use server_fns::{load_case, load_queue};
