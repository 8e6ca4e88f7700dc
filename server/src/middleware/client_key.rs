//! The rate-limit key: a keyed, daily-rotating hash of the client's address. The address
//! itself goes no further than this middleware.

use std::{
    net::{IpAddr, SocketAddr},
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
};

use app::abuse::ClientHasher;
use axum::{
    extract::{ConnectInfo, Request, State},
    middleware::Next,
    response::Response,
};
use http::HeaderMap;

use crate::config::ClientIp;

/// What the middleware needs: the hasher, where the address is read, and whether the warning
/// about an unread `X-Forwarded-For` was given.
#[derive(Clone)]
pub struct ClientKeys {
    pub hasher: Arc<ClientHasher>,
    pub source: ClientIp,
    warned: Arc<AtomicBool>,
}

impl ClientKeys {
    pub fn new(source: ClientIp) -> ClientKeys {
        ClientKeys {
            hasher: Arc::new(ClientHasher::default()),
            source,
            warned: Arc::default(),
        }
    }
}

/// The client's address by `source`: from the proxy's header (a list read from the right,
/// past the entries our own proxies wrote; anything further left the client may have
/// written itself), else the connection's peer. Canonical: `::ffff:192.0.2.7` is IPv4. When
/// the header is configured but gives no address (missing, too short, unreadable: someone
/// reaching the port directly, or a proxy set up otherwise), the peer stands in, so the
/// limits never simply switch off.
pub fn client_address(
    source: &ClientIp,
    headers: &HeaderMap,
    peer: Option<IpAddr>,
) -> Option<IpAddr> {
    let from_header = source
        .header
        .as_deref()
        .and_then(|name| from_header(headers, name, source.trusted_hops));
    from_header.or(peer).map(|ip| ip.to_canonical())
}

fn from_header(headers: &HeaderMap, name: &str, trusted_hops: usize) -> Option<IpAddr> {
    // Every value of the header, in order (a proxy may add a second line), split on bytes:
    // a client can put bytes that are not text in the part it writes, and the part our
    // proxy appended must stay readable.
    let entries: Vec<String> = headers
        .get_all(name)
        .iter()
        .flat_map(|v| v.as_bytes().split(|b| *b == b','))
        .map(|entry| String::from_utf8_lossy(entry).trim().to_owned())
        .filter(|e| !e.is_empty())
        .collect();
    let entry = entries
        .len()
        .checked_sub(trusted_hops)
        .and_then(|i| entries.get(i))?;
    parse_entry(entry)
}

/// An address as proxies write it: `192.0.2.7`, `192.0.2.7:5000`, `[2001:db8::1]:443`.
fn parse_entry(entry: &str) -> Option<IpAddr> {
    if let Ok(ip) = entry.parse::<IpAddr>() {
        return Some(ip);
    }
    if let Ok(socket) = entry.parse::<SocketAddr>() {
        return Some(socket.ip());
    }
    entry
        .strip_prefix('[')
        .and_then(|rest| rest.split(']').next())
        .and_then(|ip| ip.parse().ok())
}

/// Puts a [`app::abuse::ClientKey`] on every request. The address goes no further.
pub async fn client_key(
    State(keys): State<ClientKeys>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    if keys.source.header.is_none()
        && request.headers().contains_key("x-forwarded-for")
        && !keys.warned.swap(true, Ordering::Relaxed)
    {
        tracing::warn!(
            "requests carry X-Forwarded-For but PORTAL_CLIENT_IP_HEADER is not set: behind a \
             proxy every person shares its address for the rate limits"
        );
    }
    if let Some(name) = &keys.source.header
        && from_header(request.headers(), name, keys.source.trusted_hops).is_none()
        && !keys.warned.swap(true, Ordering::Relaxed)
    {
        tracing::warn!(
            header = %name,
            "a request had no client address in the configured header: counted by its \
             connection instead (check PORTAL_CLIENT_IP_HEADER and PORTAL_TRUSTED_PROXY_HOPS)"
        );
    }
    if let Some(address) = client_address(&keys.source, request.headers(), peer) {
        let key = keys.hasher.key_for(address);
        request.extensions_mut().insert(key);
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(name: &'static str, values: &[&'static str]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for value in values {
            map.append(name, value.parse().unwrap());
        }
        map
    }

    fn source(header: Option<&str>, trusted_hops: usize) -> ClientIp {
        ClientIp {
            header: header.map(str::to_owned),
            trusted_hops,
        }
    }

    #[test]
    fn forwarded_for_is_read_from_the_right_past_our_own_proxies() {
        let peer = Some("10.0.0.2".parse().unwrap());
        let xff = headers("x-forwarded-for", &["6.6.6.6, 203.0.113.9"]);
        let one = source(Some("x-forwarded-for"), 1);
        // The client wrote 6.6.6.6 itself; our proxy appended what it saw.
        assert_eq!(
            client_address(&one, &xff, peer),
            Some("203.0.113.9".parse().unwrap())
        );
        let two = source(Some("x-forwarded-for"), 2);
        assert_eq!(
            client_address(&two, &xff, peer),
            Some("6.6.6.6".parse().unwrap())
        );
        // Two header lines are one list.
        let split = headers("x-forwarded-for", &["6.6.6.6", "203.0.113.9"]);
        assert_eq!(
            client_address(&one, &split, peer),
            Some("203.0.113.9".parse().unwrap())
        );
        // Fewer entries than trusted hops, or none at all: not through our proxies, so the
        // connection's peer counts (the limits never switch off).
        assert_eq!(
            client_address(&two, &headers("x-forwarded-for", &["1.2.3.4"]), peer),
            peer
        );
        assert_eq!(client_address(&one, &HeaderMap::new(), peer), peer);
        // Bytes that are not text in the client's part leave our proxy's part readable.
        let mut odd = HeaderMap::new();
        odd.insert(
            "x-forwarded-for",
            http::HeaderValue::from_bytes(b"\xff\xfe, 203.0.113.9").unwrap(),
        );
        assert_eq!(
            client_address(&one, &odd, peer),
            Some("203.0.113.9".parse().unwrap())
        );
    }

    #[test]
    fn addresses_are_canonical_and_ports_are_dropped() {
        let real_ip = source(Some("x-real-ip"), 1);
        for (value, want) in [
            ("::ffff:192.0.2.7", "192.0.2.7"),
            ("192.0.2.7:5000", "192.0.2.7"),
            ("[2001:db8::1]:443", "2001:db8::1"),
        ] {
            assert_eq!(
                client_address(&real_ip, &headers("x-real-ip", &[value]), None),
                Some(want.parse().unwrap()),
                "{value}"
            );
        }
        assert_eq!(
            client_address(
                &source(None, 1),
                &HeaderMap::new(),
                Some("::ffff:10.1.2.3".parse().unwrap())
            ),
            Some("10.1.2.3".parse().unwrap())
        );
        // Without a header configured, what a client writes is ignored.
        assert_eq!(
            client_address(
                &source(None, 1),
                &headers("x-forwarded-for", &["6.6.6.6"]),
                Some("192.0.2.1".parse().unwrap())
            ),
            Some("192.0.2.1".parse().unwrap())
        );
    }
}
