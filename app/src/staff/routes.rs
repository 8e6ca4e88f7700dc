//! Every staff address and the permission it needs. The route-enumeration test walks these
//! lists and checks them against the router and the registered server functions, so a staff
//! route added without an entry here fails the tests.

use super::Permission;

/// Staff pages (each also under a language prefix, e.g. `/nl/staff/admin`).
pub const STAFF_PAGES: [(&str, Permission); 5] = [
    ("/staff", Permission::OpenWorkspace),
    ("/staff/admin", Permission::ManageStaff),
    ("/staff/audit", Permission::ViewAudit),
    ("/staff/cases", Permission::ViewQueue),
    ("/staff/cases/{id}", Permission::ViewCase),
];

/// Staff server functions (POST).
pub const STAFF_SERVER_FNS: [(&str, Permission); 5] = [
    ("/api/staff/home", Permission::OpenWorkspace),
    ("/api/staff/admin", Permission::ManageStaff),
    ("/api/staff/audit", Permission::ViewAudit),
    ("/api/staff/queue", Permission::ViewQueue),
    ("/api/staff/case", Permission::ViewCase),
];

/// Staff form posts handled by the server (POST, with the session's form token). A case's
/// actions each check their own permission as well (`case::service::CaseAction::permission`).
pub const STAFF_FORMS: [(&str, Permission); 3] = [
    ("/staff/admin", Permission::ManageStaff),
    ("/staff/sign-out", Permission::OpenWorkspace),
    ("/staff/cases/{id}", Permission::ViewCase),
];

/// Addresses of the sign-in itself: open to anyone, they only lead to the identity provider.
pub const SIGN_IN: &str = "/staff/sign-in";
pub const OIDC_CALLBACK: &str = "/staff/oidc/callback";
pub const SIGN_OUT: &str = "/staff/sign-out";
