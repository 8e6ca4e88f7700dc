//! Notices: the Art. 16 DSA notice to a provider about the items an analyst assessed as
//! illegal. This part composes one (its text in the provider's language with an English
//! copy, and its X-ARF v3 machine-readable part) from what the portal knows; sending it,
//! its deadline and its escalation build on it.

pub mod compose;
pub mod grounds;
pub mod model;

pub use compose::{Composed, NoticeInput, Notifier, compose};
pub use model::NoticeCategory;
