//! Command-line tools of the `portal` binary, beside `serve` and `migrate`.

pub mod admin;
pub mod audit;
pub mod hash;
pub mod hash_list;
pub mod help;
pub mod hosting;
pub mod notice;
pub mod platform;
pub mod provider;
pub mod report;
pub mod routes;
