//! Everything the portal asks of other machines, one module per partner. Today the staff's
//! OpenID provider; DNS, RDAP, SMTP and provider APIs come here too, each behind a trait so
//! tests point it at a real server on loopback.

pub mod dns;
pub mod hosting;
pub mod oidc;
pub mod outbound;
pub mod smtp;
