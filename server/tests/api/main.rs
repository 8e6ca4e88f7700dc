//! Integration tests: the real application on a free port, on SQLite and (when
//! `TEST_DATABASE_URL` points at a server) on PostgreSQL too.

mod binary;
mod cases;
mod csrf;
mod edge;
mod hash_cli;
mod headers;
mod help_cli;
mod helpers;
mod hosting;
mod hosting_servers;
mod identity_provider;
mod jobs;
mod kept_text;
mod notice_cli;
mod notice_crash;
mod notices;
mod pages;
mod platform_api;
mod providers;
mod report_writer;
mod reports;
mod sessions;
mod smtp_sink;
mod staff_access;
mod staff_audit;
mod staff_platforms;
mod staff_sign_in;
mod write_path;
