//! The HTTP routes outside the Leptos app's own pages and server functions: the public and
//! staff forms without JavaScript, staff sign-in, and health. [`router`] puts them together
//! with the app's pages.

pub mod forms;
pub mod health;
pub mod public_forms;
pub mod staff_forms;
pub mod staff_sign_in;

use std::sync::LazyLock;

use app::{
    App, shell,
    staff::routes::{OIDC_CALLBACK, SIGN_IN, SIGN_OUT},
};
use axum::{
    Router,
    routing::{get, post},
};
use leptos_axum::{
    AxumRouteListing, LeptosRoutes, file_and_error_handler_with_context, generate_route_list,
};

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
    // The plain-form posts (no JavaScript needed), bare and under a language prefix.
    let router = ["", "/{lang}"].iter().fold(router, |router, prefix| {
        router
            .route(&format!("{prefix}/report"), post(public_forms::report))
            .route(
                &format!("{prefix}/follow-up"),
                post(public_forms::follow_up),
            )
            .route(&format!("{prefix}/staff/admin"), post(staff_forms::admin))
            .route(
                &format!("{prefix}/staff/cases/{{id}}"),
                post(staff_forms::case),
            )
    });
    // Staff sign-in and sign-out (see app::staff::routes).
    router
        .route(SIGN_IN, get(staff_sign_in::sign_in))
        .route(OIDC_CALLBACK, get(staff_sign_in::callback))
        .route(SIGN_OUT, post(staff_sign_in::sign_out))
        .fallback(file_and_error_handler_with_context::<AppState, _>(
            leptos_context,
            shell,
        ))
        .with_state(state)
}
