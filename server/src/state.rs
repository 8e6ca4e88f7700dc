//! What every handler and every page shares: the Leptos options, the request context (the
//! database with its clock, the report writer, keys and limits), the per-render context and
//! staff sign-in.

use std::sync::Arc;

use app::{shell::QuickExitSetting, ssr::AppContext};
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

use crate::clients::oidc::OidcLogin;

/// What every page and server function gets in its Leptos context.
pub type LeptosContext = Arc<dyn Fn() + Send + Sync>;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    /// The one request context, also provided to every render and server function.
    pub app: AppContext,
    pub context: LeptosContext,
    /// Staff sign-in; `None` when no identity provider is configured (development only).
    pub oidc: Option<Arc<OidcLogin>>,
    /// Where quick exit goes (`/exit` redirects there).
    pub quick_exit: QuickExitSetting,
}
