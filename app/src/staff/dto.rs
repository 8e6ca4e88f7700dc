//! What staff pages receive from the server: plain data, never entities.

use serde::{Deserialize, Serialize};

use super::Role;
use crate::{
    audit::{AuditEventView, ChainReport},
    directory::{CaseCategory, OrganisationKind},
};

/// The staff home page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HomeView {
    pub name: String,
    pub role: Role,
    pub organisation: Option<String>,
    pub csrf: String,
    pub can_view_queue: bool,
    pub can_manage_staff: bool,
    pub can_view_audit: bool,
    pub can_manage_providers: bool,
    pub can_manage_platforms: bool,
    pub can_decide_hash_entries: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffRow {
    pub id: i64,
    pub name: String,
    pub email: Option<String>,
    pub role: Role,
    pub organisation_id: Option<i64>,
    pub last_sign_in: Option<String>,
    pub disabled: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvitationRow {
    pub who: String,
    pub role: Role,
    pub organisation: Option<String>,
    pub invited_on: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganisationRow {
    pub id: i64,
    pub name: String,
    pub kind: OrganisationKind,
}

/// Which organisation gets the new reports of a country and category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OwnerRuleRow {
    /// None: any country.
    pub country: Option<String>,
    /// None: any.
    pub category: Option<CaseCategory>,
    pub organisation: String,
}

/// A background job that failed for good (`app::jobs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeadJobRow {
    pub id: i64,
    pub kind: String,
    pub attempts: i32,
    /// The job's own error code (never personal data).
    pub error: Option<String>,
    pub last_tried: String,
}

/// The administrators' page: staff, open invitations, organisations, background jobs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminView {
    pub me: i64,
    pub csrf: String,
    pub staff: Vec<StaffRow>,
    pub invitations: Vec<InvitationRow>,
    pub organisations: Vec<OrganisationRow>,
    /// Most specific first, as they are applied.
    pub owner_rules: Vec<OwnerRuleRow>,
    /// Jobs queued or running now.
    pub jobs_pending: u32,
    pub dead_jobs: Vec<DeadJobRow>,
}

/// The audit page: the chain's state and the newest events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditView {
    pub chain: ChainReport,
    pub events: Vec<AuditEventView>,
}

/// What a staff form post left to show: a message, and the text typed, so nothing is lost.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PostedStaffForm {
    /// A Fluent id: what happened.
    pub notice: Option<String>,
    /// A Fluent id: what went wrong.
    pub error: Option<String>,
    pub email: String,
    pub organisation_name: String,
}
