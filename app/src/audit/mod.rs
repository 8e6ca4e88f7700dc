//! The audit trail: one append-only event per staff action (who, what, which case, when),
//! written in the same transaction as the action itself.
//!
//! Each event carries the hash of the one before it ([`chain`]), so altering, removing or
//! reordering a stored event breaks the chain at that point; `portal audit verify` and the
//! administrators' audit page check it. Nothing in the portal updates or deletes an event.

#[cfg(feature = "ssr")]
pub mod chain;
mod model;

#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod store;

pub use model::{AuditAction, AuditEventView, ChainHead, ChainReport};
