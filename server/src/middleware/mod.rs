//! What wraps every request, outermost last in `startup`: the access log, security headers,
//! the edge's own pages, panics caught, the time limit, the body cap, compression, the
//! same-origin rule for writes, one address per page, sessions, and the rate-limit key.

pub mod access_log;
pub mod client_key;
pub mod edge;
pub mod security;
pub mod trailing_slash;
