//! Notices: the Art. 16 DSA notice to a provider about the items an analyst assessed as
//! illegal. An analyst reviews the notice the portal proposes for each provider of a case
//! (all its items there in one notice) and sends it with one click; the notice and its
//! delivery job are written in one transaction (the outbox), and the job runner delivers
//! it by e-mail under a Message-ID fixed when it was written. A provider with only a web
//! form, and abuse material of a child that goes the hotline way, become tasks for staff
//! with the text ready to paste.
//!
//! Invariants: a reporter's report never sends a notice by itself; what the analyst
//! reviewed is what is sent (composing is pure, and the send recomposes and compares);
//! an address already in an open notice is not notified twice, from any case.

mod dto;
mod model;
pub mod page;

#[cfg(feature = "ssr")]
pub mod compose;
#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod grounds;
#[cfg(feature = "ssr")]
pub mod hotlines;
#[cfg(feature = "ssr")]
pub mod outbox;
#[cfg(feature = "ssr")]
pub mod service;

#[cfg(feature = "ssr")]
pub use compose::{Composed, NoticeInput, Notifier, compose};
pub use dto::{NoticeProposal, NoticeView, ProposalBlock};
pub use model::{NoticeCategory, NoticeChannel, NoticeStatus};
