//! The stored shape of reports (see the migration `create_report_tables`).

pub mod item;
pub mod message;
pub mod report;
