//! Anonymous reports: what happened, where it appears, fingerprints of files hashed on the
//! device, and the receipt that is the only key to the report afterwards.

mod answers;
mod file_step;
mod model;
mod page;
mod steps;
mod views;

#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
mod exits;
#[cfg(feature = "ssr")]
pub mod intake;
#[cfg(feature = "ssr")]
mod keys;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod urls;
#[cfg(feature = "ssr")]
pub mod writer;

pub use answers::*;
pub use file_step::FileStep;
pub use model::{FileKind, ItemKind, ItemStatus, ReportStatus};
pub use page::{PostedReport, ReportInProgress, ReportPage, report_step};
pub use steps::{FieldError, ReportState, Step};
pub use views::error_text;

#[cfg(feature = "ssr")]
pub use exits::ExitedDrafts;
#[cfg(feature = "ssr")]
pub use inputs::receipt::Receipt;
#[cfg(feature = "ssr")]
pub use keys::ReportKeys;
