//! The HTTP edge of the portal: configuration, database, sessions, security headers and the
//! axum router around the Leptos app, background jobs, outbound clients and the CLI. Built as a library so integration tests run the very
//! same application the binary runs.

pub mod cli;
pub mod clients;
pub mod config;
pub mod db;
pub mod hash_index;
pub mod jobs;
pub mod middleware;
pub mod routes;
pub mod session_store;
pub mod startup;
pub mod state;
pub mod telemetry;
