//! The HTTP routes outside the Leptos app's own pages and server functions: the public and
//! staff forms without JavaScript, staff sign-in, and health. [`router`] puts them together
//! with the app's pages.

pub mod error;
pub mod forms;
pub mod health;
pub mod platform;
pub mod public_forms;
pub mod staff_drafts;
pub mod staff_forms;
pub mod staff_sign_in;

use std::sync::LazyLock;

use app::{
    App,
    parents::topic::Topic,
    shell,
    staff::{
        Permission,
        routes::{
            OIDC_CALLBACK, PUBLIC_SERVER_FNS, SIGN_IN, SIGN_OUT, STAFF_SERVER_FNS, page_permission,
        },
    },
};
use axum::{
    Router,
    routing::{MethodRouter, get, post},
};
use leptos_axum::{
    AxumRouteListing, LeptosRoutes, file_and_error_handler_with_context, generate_route_list,
};
use serde::Serialize;

use crate::state::AppState;

/// The app's routes, listed once per process. Listing renders the app with every `Resource`
/// held back by a process-wide flag in leptos_server, and a resource whose first poll falls
/// inside any listing never loads (leptos-rs/leptos#4773): a second listing while pages render
/// (another `Application` in the same process, as the integration tests start) left those
/// pages hanging until the request timeout answered 408. Listed once, before the first
/// application serves, nothing renders during it.
pub fn leptos_routes() -> Vec<AxumRouteListing> {
    static ROUTES: LazyLock<Vec<AxumRouteListing>> = LazyLock::new(|| generate_route_list(App));
    ROUTES.clone()
}

/// Who may use an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Access {
    Public,
    Staff(Permission),
    /// A staff address nobody gave a permission: the route-enumeration tests fail on it.
    Unclassified,
}

/// A page of the app, as its router serves it (bare; also under `/{lang}`).
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    pub path: String,
    pub access: Access,
    /// Addresses of the page with its parameters filled in, where their values are known
    /// (the guidance topics); empty for a page whose parameter is data (a case's id).
    pub examples: Vec<String>,
}

/// Every page the router serves, from its own listing, with who may open it.
pub fn pages() -> Vec<Page> {
    let mut paths: Vec<String> = leptos_routes()
        .iter()
        .map(|route| {
            let path = route.path();
            match path.strip_prefix("/{lang}") {
                Some("") => "/".to_owned(),
                Some(rest) => rest.to_owned(),
                None => path.to_owned(),
            }
        })
        .collect();
    paths.sort();
    paths.dedup();
    paths
        .into_iter()
        .map(|path| {
            let access = match (page_permission(&path), path.starts_with("/staff")) {
                (Some(permission), _) => Access::Staff(permission),
                (None, false) => Access::Public,
                (None, true) => Access::Unclassified,
            };
            let examples = if path.contains("{topic}") {
                Topic::ALL.iter().map(|topic| topic.path()).collect()
            } else if path.contains('{') {
                Vec::new()
            } else {
                vec![path.clone()]
            };
            Page {
                path,
                access,
                examples,
            }
        })
        .collect()
}

/// Who may call a registered server function.
pub fn server_fn_access(path: &str) -> Access {
    if PUBLIC_SERVER_FNS.contains(&path) {
        return Access::Public;
    }
    match STAFF_SERVER_FNS.iter().find(|(p, _)| *p == path) {
        Some((_, permission)) => Access::Staff(*permission),
        None => Access::Unclassified,
    }
}

/// The plain-form posts (no JavaScript needed): the router is built from [`FormPost::ALL`], and
/// the access tests walk the same list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FormPost {
    Report,
    FollowUp,
    ReceiptFile,
    StaffAdmin,
    StaffCase,
    StaffProviders,
    StaffProvider,
    StaffPlatforms,
    StaffHashList,
    StaffSignOut,
}

impl FormPost {
    pub const ALL: [FormPost; 10] = [
        FormPost::Report,
        FormPost::FollowUp,
        FormPost::ReceiptFile,
        FormPost::StaffAdmin,
        FormPost::StaffCase,
        FormPost::StaffProviders,
        FormPost::StaffProvider,
        FormPost::StaffPlatforms,
        FormPost::StaffHashList,
        FormPost::StaffSignOut,
    ];

    /// The address, without a language prefix.
    pub fn path(self) -> &'static str {
        match self {
            FormPost::Report => "/report",
            FormPost::FollowUp => "/follow-up",
            FormPost::ReceiptFile => "/receipt.txt",
            FormPost::StaffAdmin => "/staff/admin",
            FormPost::StaffCase => "/staff/cases/{id}",
            FormPost::StaffProviders => "/staff/providers",
            FormPost::StaffProvider => "/staff/providers/{id}",
            FormPost::StaffPlatforms => "/staff/platforms",
            FormPost::StaffHashList => "/staff/hash-list",
            FormPost::StaffSignOut => SIGN_OUT,
        }
    }

    /// Whether it is also served under `/{lang}` (every form that renders a page again).
    pub fn language_prefixed(self) -> bool {
        self != FormPost::StaffSignOut
    }

    /// What the sender needs; a staff form also checks its session's form token.
    pub fn access(self) -> Access {
        match self {
            FormPost::Report | FormPost::FollowUp | FormPost::ReceiptFile => Access::Public,
            FormPost::StaffAdmin => Access::Staff(Permission::ManageStaff),
            FormPost::StaffCase => Access::Staff(Permission::ViewCase),
            FormPost::StaffProviders | FormPost::StaffProvider => {
                Access::Staff(Permission::ManageProviders)
            }
            FormPost::StaffPlatforms => Access::Staff(Permission::ManagePlatforms),
            FormPost::StaffHashList => Access::Staff(Permission::DecideHashEntries),
            FormPost::StaffSignOut => Access::Staff(Permission::OpenWorkspace),
        }
    }

    fn handler(self) -> MethodRouter<AppState> {
        match self {
            FormPost::Report => post(public_forms::report),
            FormPost::FollowUp => post(public_forms::follow_up),
            FormPost::ReceiptFile => post(public_forms::receipt_file),
            FormPost::StaffAdmin => post(staff_forms::admin),
            FormPost::StaffCase => post(staff_forms::case),
            FormPost::StaffProviders => post(staff_forms::providers),
            FormPost::StaffProvider => post(staff_forms::provider),
            FormPost::StaffPlatforms => post(staff_forms::platforms),
            FormPost::StaffHashList => post(staff_forms::hash_list),
            FormPost::StaffSignOut => post(staff_sign_in::sign_out),
        }
    }
}

/// Every route the portal answers, without the middleware (`startup` adds that).
pub fn router(state: AppState) -> Router {
    let context = state.context.clone();
    let leptos_context = move || context();
    let router = Router::new()
        .route("/health", get(health::health))
        .leptos_routes_with_context(&state, leptos_routes(), leptos_context.clone(), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        });
    let router = FormPost::ALL.into_iter().fold(router, |router, form| {
        let router = router.route(form.path(), form.handler());
        if form.language_prefixed() {
            router.route(&format!("/{{lang}}{}", form.path()), form.handler())
        } else {
            router
        }
    });
    // Staff sign-in (see app::staff::routes): open to anyone, it only leads to the provider.
    router
        .route(shell::EXIT_PATH, get(public_forms::exit))
        .route(SIGN_IN, get(staff_sign_in::sign_in))
        .route(OIDC_CALLBACK, get(staff_sign_in::callback))
        .fallback(file_and_error_handler_with_context::<AppState, _>(
            leptos_context,
            shell,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            staff_drafts::restore,
        ))
        .with_state(state)
}
