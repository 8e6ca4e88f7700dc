//! The staff workspace: sign-in through the organisation's OpenID provider (the flow itself
//! is in the server crate), roles and the access table, invitations, organisations, and the
//! pages under `/staff`.
//!
//! Invariants: an account exists only from an invitation (or `portal admin invite`); every
//! staff page, server function and form asks [`permits`] through [`access::authorize`];
//! every staff action writes its audit event in its own transaction.

mod dto;
mod page;
mod role;
pub mod routes;
mod server_fns;

#[cfg(feature = "ssr")]
pub mod access;
#[cfg(feature = "ssr")]
pub mod actions;
#[cfg(feature = "ssr")]
pub mod entity;
mod member;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod signed_in;

pub use dto::{
    AdminView, AuditView, HomeView, InvitationRow, OrganisationRow, PostedStaffForm, StaffRow,
};
pub use member::StaffMember;
pub use page::{StaffAdminPage, StaffAuditPage, StaffPage};
pub use role::{Permission, Role, a_role_without, may_see_handover, permits};
pub use server_fns::{load_audit_trail, load_staff_admin, load_staff_home};
