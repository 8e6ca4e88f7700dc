//! The frame around every page: header with the quick exit and the language switch, the
//! footer's privacy promise, and the not-found page.

mod csp;
mod language_switch;
mod layout;
mod not_found;
mod quick_exit;

pub use csp::document_lang;
pub use language_switch::LanguageSwitch;
pub use layout::{Layout, PageTitle, Placeholder};
pub use not_found::{LanguageGate, NotFound};
pub use quick_exit::{QuickExit, QuickExitScript, QuickExitSetting};
