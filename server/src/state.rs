//! What every handler and every page shares: the Leptos options, the database, intake, the
//! per-render context and staff sign-in.

use std::sync::Arc;

use app::report::intake::Intake;
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;

use crate::clients::oidc::OidcLogin;

/// What every page and server function gets in its Leptos context.
pub type LeptosContext = Arc<dyn Fn() + Send + Sync>;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub intake: Intake,
    pub context: LeptosContext,
    /// Staff sign-in; `None` when no identity provider is configured (development only).
    pub oidc: Option<Arc<OidcLogin>>,
}
