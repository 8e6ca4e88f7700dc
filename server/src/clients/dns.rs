//! DNS, through hickory: a host's addresses and CNAME chain, the origin AS of an address (Team
//! Cymru's DNS service), and the name lookups of the outbound guard. Upstream servers are the
//! system's, or `PORTAL_DNS_SERVERS` (UDP with TCP fallback).

use std::{
    net::{IpAddr, SocketAddr},
    time::Duration,
};

use app::hosting::ErrorCode;
use hickory_resolver::{
    TokioResolver,
    config::{ConnectionConfig, NameServerConfig, ResolverConfig, ResolverOpts},
    net::{NetError, runtime::TokioRuntimeProvider},
    proto::rr::{RData, RecordType},
};

/// How long one query may take before it counts as a timeout.
const QUERY_TIMEOUT: Duration = Duration::from_secs(3);

#[derive(Clone)]
pub struct Dns {
    resolver: TokioResolver,
}

/// What DNS says about a host: the CNAME chain and its addresses, A before AAAA.
#[derive(Debug, Default)]
pub struct HostAddresses {
    pub cname_chain: Vec<String>,
    pub addresses: Vec<IpAddr>,
}

impl Dns {
    /// Through `servers` (`PORTAL_DNS_SERVERS`), or the system's when empty.
    pub fn new(servers: &[SocketAddr]) -> anyhow::Result<Dns> {
        let mut options = ResolverOpts::default();
        options.timeout = QUERY_TIMEOUT;
        options.attempts = 2;
        let system = servers
            .is_empty()
            .then(TokioResolver::builder_tokio)
            .transpose()
            .unwrap_or_else(|error| {
                // A container without /etc/resolv.conf: the portal still runs; every lookup
                // then fails with `dns_failed` until PORTAL_DNS_SERVERS is set.
                tracing::warn!(%error, "no system DNS configuration; set PORTAL_DNS_SERVERS");
                None
            });
        let builder = if let Some(mut builder) = system {
            let system = builder.options_mut().clone();
            options.ndots = system.ndots;
            builder.with_options(options)
        } else {
            let mut config = ResolverConfig::from_name_servers(Vec::new());
            for server in servers {
                let mut udp = ConnectionConfig::udp();
                udp.port = server.port();
                let mut tcp = ConnectionConfig::tcp();
                tcp.port = server.port();
                config.add_name_server(NameServerConfig::new(server.ip(), true, vec![udp, tcp]));
            }
            // Names are absolute: no search domains of this machine are tried.
            options.ndots = 0;
            TokioResolver::builder_with_config(config, TokioRuntimeProvider::default())
                .with_options(options)
        };
        Ok(Dns {
            resolver: builder.build()?,
        })
    }

    /// The host's CNAME chain and addresses (A, then AAAA).
    pub async fn host(&self, host: &str) -> Result<HostAddresses, ErrorCode> {
        let name = absolute(host);
        let (v4, v6) = tokio::join!(
            self.resolver.lookup(name.as_str(), RecordType::A),
            self.resolver.lookup(name.as_str(), RecordType::AAAA),
        );
        let mut found = HostAddresses::default();
        let mut errors = Vec::new();
        for lookup in [v4, v6] {
            match lookup {
                Ok(lookup) => {
                    for record in lookup.answers() {
                        match &record.data {
                            RData::CNAME(target) => {
                                let target = plain(&target.0.to_ascii());
                                if !found.cname_chain.contains(&target) {
                                    found.cname_chain.push(target);
                                }
                            }
                            RData::A(a) => found.addresses.push(IpAddr::V4(a.0)),
                            RData::AAAA(aaaa) => found.addresses.push(IpAddr::V6(aaaa.0)),
                            _ => {}
                        }
                    }
                }
                Err(error) => errors.push(error),
            }
        }
        found.addresses.dedup();
        if !found.addresses.is_empty() {
            return Ok(found);
        }
        if errors.iter().any(NetError::is_nx_domain) {
            return Err(ErrorCode::Nxdomain);
        }
        if errors.iter().any(is_timeout) {
            return Err(ErrorCode::Timeout);
        }
        if errors.iter().all(NetError::is_no_records_found) {
            return Err(ErrorCode::NoAddress);
        }
        Err(ErrorCode::DnsFailed)
    }

    /// The addresses of a name, for the outbound guard (which then checks each).
    pub async fn addresses(&self, host: &str) -> Result<Vec<IpAddr>, ErrorCode> {
        Ok(self.host(host).await?.addresses)
    }

    /// The origin AS of `ip` by Team Cymru's DNS service: `<reversed>.origin.asn.cymru.com`
    /// (or `origin6`) answers `"13335 | 104.16.0.0/13 | US | arin | 2014-03-28"`.
    pub async fn origin_asn(&self, ip: IpAddr) -> Result<u32, ErrorCode> {
        let name = match ip {
            IpAddr::V4(v4) => {
                let [a, b, c, d] = v4.octets();
                format!("{d}.{c}.{b}.{a}.origin.asn.cymru.com.")
            }
            IpAddr::V6(v6) => {
                let nibbles: Vec<String> = v6
                    .octets()
                    .iter()
                    .flat_map(|byte| [byte >> 4, byte & 0xf])
                    .rev()
                    .map(|n| format!("{n:x}"))
                    .collect();
                format!("{}.origin6.asn.cymru.com.", nibbles.join("."))
            }
        };
        let text = self.txt(&name).await?;
        first_field(&text)
            .and_then(|n| n.split_whitespace().next()?.parse().ok())
            .ok_or(ErrorCode::AsnNotFound)
    }

    /// The AS's name by Team Cymru: `AS13335.asn.cymru.com` answers
    /// `"13335 | US | arin | 2010-07-14 | CLOUDFLARENET, US"`.
    pub async fn asn_name(&self, number: u32) -> Option<String> {
        let text = self.txt(&format!("AS{number}.asn.cymru.com.")).await.ok()?;
        text.split('|')
            .nth(4)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    }

    async fn txt(&self, name: &str) -> Result<String, ErrorCode> {
        match self.resolver.lookup(name, RecordType::TXT).await {
            Ok(lookup) => lookup
                .answers()
                .iter()
                .find_map(|record| match &record.data {
                    RData::TXT(txt) => Some(
                        txt.txt_data
                            .iter()
                            .map(|part| String::from_utf8_lossy(part).into_owned())
                            .collect::<String>(),
                    ),
                    _ => None,
                })
                .ok_or(ErrorCode::AsnNotFound),
            Err(error) if is_timeout(&error) => Err(ErrorCode::Timeout),
            Err(_) => Err(ErrorCode::AsnNotFound),
        }
    }
}

fn is_timeout(error: &NetError) -> bool {
    matches!(error, NetError::Timeout)
}

fn first_field(text: &str) -> Option<&str> {
    text.split('|').next().map(str::trim)
}

/// `host` as an absolute name (a trailing dot), so no search domain is appended.
fn absolute(host: &str) -> String {
    if host.ends_with('.') {
        host.to_owned()
    } else {
        format!("{host}.")
    }
}

/// Lower case, without the trailing dot.
fn plain(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

/// Parses `PORTAL_DNS_SERVERS`: comma-separated `ip:port`, `[::1]:53` for IPv6.
pub fn parse_servers(text: &str) -> anyhow::Result<Vec<SocketAddr>> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<SocketAddr>().map_err(|_| {
                anyhow::anyhow!("PORTAL_DNS_SERVERS: {s:?} is not ip:port ([::1]:53 for IPv6)")
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dns_servers_are_ip_and_port() {
        let servers = parse_servers("127.0.0.1:5353, [::1]:53").unwrap();
        assert_eq!(servers[0].port(), 5353);
        assert!(servers[1].is_ipv6());
        assert!(parse_servers("localhost:53").is_err());
        assert!(parse_servers("").unwrap().is_empty());
    }
}
