//! The stored shape of the hosting domain (migrations `create_resolution_table` and
//! `create_provider_tables`).

pub mod provider;
pub mod rdap_bootstrap;
pub mod resolution;
