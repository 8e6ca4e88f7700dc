//! Background work that runs in every instance: deleting closed reports after the retention
//! period and expired sessions. Each is idempotent, so several instances may run it at once.

pub mod delete_closed_reports;
pub mod delete_expired_sessions;
