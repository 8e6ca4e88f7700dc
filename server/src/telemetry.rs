//! Structured logs.
//!
//! Never log personal data: no client IP address, no user agent, no query strings (which could
//! carry a search a reporter typed), no request bodies. The access log records method, path,
//! status and latency only.

use tracing_subscriber::{EnvFilter, fmt, prelude::*};

/// Installs the global subscriber. `RUST_LOG` filters (default `info`); `PORTAL_LOG_FORMAT=json`
/// writes one JSON object per line for log shippers.
pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn,tower_sessions=warn"));
    let json = std::env::var("PORTAL_LOG_FORMAT").is_ok_and(|f| f.eq_ignore_ascii_case("json"));
    let registry = tracing_subscriber::registry().with(filter);
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
