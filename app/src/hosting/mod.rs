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
/// the host of a reported address: loopback, private networks, link-local, carrier-grade NAT,
/// documentation, multicast, and the tunnels that would carry one of those.
pub fn is_private(ip: std::net::IpAddr) -> bool {
    use std::net::IpAddr;
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_documentation()
                || a == 0 // 0.0.0.0/8
                || (a == 100 && (b & 0xc0) == 64) // 100.64.0.0/10, carrier-grade NAT
                || (a == 192 && b == 0 && c == 0) // 192.0.0.0/24, IETF protocol assignments
                || (a == 198 && (b & 0xfe) == 18) // 198.18.0.0/15, benchmarks, fake-IP DNS
                || a >= 224 // multicast and 240.0.0.0/4
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_private(IpAddr::V4(v4));
            }
            let s = v6.segments();
            // Only global unicast (2000::/3) is outside: that also refuses loopback, unique
            // local, link- and site-local, multicast, IPv4-compatible and NAT64
            // (64:ff9b::/96, which a gateway would carry to any IPv4 address).
            if (s[0] & 0xe000) != 0x2000 {
                return true;
            }
            match s[0] {
                // 6to4: the IPv4 address it carries decides.
                0x2002 => is_private(IpAddr::V4(std::net::Ipv4Addr::new(
                    (s[1] >> 8) as u8,
                    s[1] as u8,
                    (s[2] >> 8) as u8,
                    s[2] as u8,
                ))),
                // Teredo (2001::/32) tunnels anywhere; documentation (2001:db8::/32).
                0x2001 => s[1] == 0 || s[1] == 0x0db8,
                _ => false,
            }
        }
    }
}

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
