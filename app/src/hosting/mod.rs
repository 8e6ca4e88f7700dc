//! Hosting: where a reported address is hosted and whom to tell. The resolution itself (DNS,
//! RDAP, the outbound guard) runs in `server::clients::hosting`; this domain holds what it
//! says ([`model`]), how RDAP answers and IANA's bootstrap files are read, the provider
//! directory's seed and the CDN table, and the registrable domain.

pub mod dto;
pub mod model;
pub mod page;
pub mod server_fns;

#[cfg(feature = "ssr")]
pub mod actions;
#[cfg(feature = "ssr")]
pub mod bootstrap;
#[cfg(feature = "ssr")]
pub mod directory;
#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod providers;
#[cfg(feature = "ssr")]
pub mod rdap;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;

pub use dto::*;
pub use model::*;
pub use page::{ProviderPage, ProvidersPage};
pub use server_fns::{load_provider, load_providers};

/// Addresses the portal never connects to on behalf of outside input, and never accepts as
/// the host of a reported address (one rule for both, kept with the address normaliser).
pub use inputs::address::is_private;

/// The registrable domain of `host` by the Public Suffix List (compiled in): the part one
/// registers at a registrar. None for an IP address or a bare suffix.
#[cfg(feature = "ssr")]
pub fn registrable_domain(host: &str) -> Option<String> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if host.parse::<std::net::IpAddr>().is_ok() {
        return None;
    }
    let domain = psl::domain_str(&host)?;
    // psl also answers for unknown TLDs by the `*` rule; only a listed suffix counts.
    psl::suffix(host.as_bytes())
        .filter(|s| s.is_known())
        .map(|_| domain.to_owned())
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn the_registrable_domain_follows_the_public_suffix_list() {
        assert_eq!(
            registrable_domain("a.b.example.co.uk").as_deref(),
            Some("example.co.uk")
        );
        assert_eq!(
            registrable_domain("WWW.Example.com.").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            registrable_domain("user.github.io").as_deref(),
            Some("user.github.io")
        );
        assert_eq!(registrable_domain("co.uk"), None);
        assert_eq!(registrable_domain("192.0.2.1"), None);
        assert_eq!(registrable_domain("host.invalid-tld-xyz"), None);
    }
}
