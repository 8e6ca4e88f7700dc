//! The directory of organisations. An organisation either *uses* the portal (its staff sign
//! in and it owns cases: `uses_portal`) or is only *listed* (a helpline, a hotline, a DSC the
//! help pages point to; the help directory fills these in). Also the rules that give every
//! new report its owner.

mod model;

#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod owners;
#[cfg(feature = "ssr")]
mod service;

pub use model::{CaseCategory, OrganisationKind};
#[cfg(feature = "ssr")]
pub use service::{create_organisation, organisations};
