//! The HTTP edge of the portal: configuration, database, sessions, security headers and the
//! axum router around the Leptos app. Built as a library so integration tests run the very
//! same application the binary runs.

pub mod cli;
pub mod config;
pub mod db;
pub mod oidc;
pub mod public_forms;
pub mod retention;
pub mod security;
pub mod session_store;
pub mod staff_routes;
pub mod startup;
pub mod telemetry;
