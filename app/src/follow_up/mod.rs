//! Checking on a report with its receipt: status of each item in plain words, messages with
//! staff, adding addresses, and withdrawing with everything deleted.
//!
//! The receipt is typed into a form and posted, never put in a URL. Signing in is the only
//! moment the portal sets a cookie; it goes on sign-out, after inactivity, or when the
//! browser closes.

mod page;
mod view_model;

#[cfg(feature = "ssr")]
pub mod actions;
#[cfg(feature = "ssr")]
pub mod signed_in;

pub use page::{FollowUpPage, PostedFollowUp, load_follow_up};
#[cfg(feature = "ssr")]
pub use view_model::{CaseView, ItemView, MessageView};
