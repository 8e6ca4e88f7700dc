//! Every staff page and server function and the permission it needs. The route-enumeration
//! test walks these lists and checks them against the router and the registered server
//! functions, so a staff route added without an entry here fails the tests. (The staff form
//! posts and their permissions are the server's `routes::FormPost`.)

use super::Permission;

/// Staff pages (each also under a language prefix, e.g. `/nl/staff/admin`).
pub const STAFF_PAGES: [(&str, Permission); 9] = [
    ("/staff", Permission::OpenWorkspace),
    ("/staff/admin", Permission::ManageStaff),
    ("/staff/audit", Permission::ViewAudit),
    ("/staff/cases", Permission::ViewQueue),
    ("/staff/cases/{id}", Permission::ViewCase),
    ("/staff/providers", Permission::ManageProviders),
    ("/staff/providers/{id}", Permission::ManageProviders),
    ("/staff/platforms", Permission::ManagePlatforms),
    ("/staff/hash-list", Permission::DecideHashEntries),
];

/// Staff server functions (POST).
pub const STAFF_SERVER_FNS: [(&str, Permission); 9] = [
    ("/api/staff/home", Permission::OpenWorkspace),
    ("/api/staff/admin", Permission::ManageStaff),
    ("/api/staff/audit", Permission::ViewAudit),
    ("/api/staff/queue", Permission::ViewQueue),
    ("/api/staff/case", Permission::ViewCase),
    ("/api/staff/providers", Permission::ManageProviders),
    ("/api/staff/provider", Permission::ManageProviders),
    ("/api/staff/platforms", Permission::ManagePlatforms),
    ("/api/staff/hash-list", Permission::DecideHashEntries),
];

/// Addresses of the sign-in itself: open to anyone, they only lead to the identity provider.
pub const SIGN_IN: &str = "/staff/sign-in";
pub const OIDC_CALLBACK: &str = "/staff/oidc/callback";
pub const SIGN_OUT: &str = "/staff/sign-out";

/// Server functions anyone may call: the report's steps, and the follow-up, which checks the
/// receipt's own session. Every other server function is a staff one, in [`STAFF_SERVER_FNS`].
pub const PUBLIC_SERVER_FNS: [&str; 4] = [
    "/api/report-step",
    "/api/follow-up",
    "/api/follow-up-post",
    "/api/follow-up-alive",
];

/// The permission a staff page needs (`path` without a language prefix), if it is one.
pub fn page_permission(path: &str) -> Option<Permission> {
    STAFF_PAGES
        .iter()
        .find(|(page, _)| *page == path)
        .map(|(_, permission)| *permission)
}
