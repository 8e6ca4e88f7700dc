//! Structured logs.
//!
//! Never log personal data: no client IP address, no user agent, no query strings (which could
//! carry a search a reporter typed), no request bodies. The access log records method, path,
//! status and latency only.

use tracing::{Level, Metadata};
use tracing_subscriber::{EnvFilter, filter::filter_fn, fmt, prelude::*};

/// Installs the global subscriber. `RUST_LOG` filters (default `info`); `PORTAL_LOG_FORMAT=json`
/// writes one JSON object per line for log shippers. Whatever `RUST_LOG` says, other crates
/// log warnings and errors only ([`ours_or_a_warning`]).
pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn,tower_sessions=warn"));
    let json = std::env::var("PORTAL_LOG_FORMAT").is_ok_and(|f| f.eq_ignore_ascii_case("json"));
    let registry = tracing_subscriber::registry()
        .with(filter)
        .with(filter_fn(ours_or_a_warning));
    let result = if json {
        registry
            .with(fmt::layer().json().with_current_span(false))
            .try_init()
    } else {
        let ansi = std::io::IsTerminal::is_terminal(&std::io::stdout());
        registry
            .with(fmt::layer().with_target(false).with_ansi(ansi))
            .try_init()
    };
    // A second init (tests start several apps in one process) keeps the first subscriber.
    let _ = result;
}

/// The portal's own code may log at `debug` (it never logs a URL, a message, a hash or an
/// address at any level); other crates' debug and info lines carry exactly those (hyper's
/// and reqwest's request lines, hickory's queried names, lettre's envelope, sqlx's
/// statements), so they are capped at warnings, even when someone debugging sets
/// `RUST_LOG=debug` on a live portal.
pub fn ours_or_a_warning(metadata: &Metadata<'_>) -> bool {
    let target = metadata.target();
    let ours = ["server", "app", "portal", "hashing", "migrations"]
        .iter()
        .any(|crate_name| {
            target == *crate_name
                || target
                    .strip_prefix(crate_name)
                    .is_some_and(|rest| rest.starts_with("::"))
        });
    ours || *metadata.level() <= Level::WARN
}
