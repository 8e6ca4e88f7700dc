//! The frame around every page: header with the quick exit and the language switch, the
//! footer's privacy promise, and the not-found page.

mod csp;
#[cfg(feature = "ssr")]
mod edge;
mod language_switch;
mod layout;
mod not_found;
mod quick_exit;

pub use csp::document_lang;
#[cfg(feature = "ssr")]
pub use csp::{PageNonce, page_policy, record_page_nonce};
#[cfg(feature = "ssr")]
pub use edge::{EdgeError, edge_page, lang_of_request};
pub use language_switch::LanguageSwitch;
pub use layout::{Layout, PageTitle, Placeholder, document_title, is_staff_path};
pub use not_found::{LanguageGate, NotFound};
pub use quick_exit::{EXIT_PATH, QuickExit, QuickExitScript, QuickExitSetting, neutral_url};
