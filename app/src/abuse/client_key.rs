//! The rotating keyed hash that stands in for a client's address.

use std::{
    net::IpAddr,
    sync::Mutex,
    time::{SystemTime, UNIX_EPOCH},
};

use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

/// A client for rate limiting, put on each request by the server. Not an address, and not
/// linkable to one without a key that exists only in this process, for one day. Two levels:
/// the client (an IPv4 address, an IPv6 /64, which one household or phone usually holds)
/// and its network (an IPv4 /24, an IPv6 /48), so that a guesser who rotates addresses
/// within a network is still counted, with a limit high enough for a shared network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientKey {
    pub client: String,
    pub network: String,
}

pub struct ClientHasher {
    /// The day number and that day's random key.
    key: Mutex<(u64, [u8; 32])>,
}

impl Default for ClientHasher {
    fn default() -> Self {
        ClientHasher {
            key: Mutex::new((today(), fresh_key())),
        }
    }
}

impl ClientHasher {
    pub fn key_for(&self, address: IpAddr) -> ClientKey {
        let secret = {
            let mut key = self.key.lock().unwrap_or_else(|e| e.into_inner());
            let day = today();
            if key.0 != day {
                *key = (day, fresh_key());
            }
            key.1
        };
        // `::ffff:192.0.2.7` is 192.0.2.7: on a dual-stack listener IPv4 clients arrive
        // mapped, and would otherwise all share the first eight bytes.
        let (client, network) = match address.to_canonical() {
            IpAddr::V4(v4) => (v4.octets().to_vec(), v4.octets()[..3].to_vec()),
            IpAddr::V6(v6) => (v6.octets()[..8].to_vec(), v6.octets()[..6].to_vec()),
        };
        let hash = |level: &[u8], bytes: &[u8]| {
            let mut mac =
                Hmac::<Sha256>::new_from_slice(&secret).expect("HMAC takes any key length");
            mac.update(level);
            mac.update(bytes);
            crate::token::hex(&mac.finalize().into_bytes()[..16])
        };
        ClientKey {
            client: hash(b"client:", &client),
            network: hash(b"network:", &network),
        }
    }
}

fn today() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or_default()
}

fn fresh_key() -> [u8; 32] {
    let mut key = [0u8; 32];
    rand::rng().fill_bytes(&mut key);
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(address: &str) -> ClientKey {
        thread_local! {
            static HASHER: ClientHasher = ClientHasher::default();
        }
        HASHER.with(|h| h.key_for(address.parse().unwrap()))
    }

    #[test]
    fn the_same_client_gets_the_same_key_and_it_hides_the_address() {
        let a = key("192.0.2.7");
        assert_eq!(a, key("192.0.2.7"));
        assert_ne!(a.client, key("192.0.2.8").client);
        // A keyed hash of the address: 128 bits in hex.
        assert_eq!(a.client.len(), 32);
        assert!(a.client.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(
            a,
            ClientHasher::default().key_for("192.0.2.7".parse().unwrap()),
            "keys are per process"
        );
    }

    #[test]
    fn mapped_ipv4_is_ipv4_and_networks_group_their_clients() {
        assert_eq!(key("::ffff:192.0.2.7"), key("192.0.2.7"));
        assert_ne!(
            key("::ffff:192.0.2.7").client,
            key("::ffff:198.51.100.7").client
        );
        // One /24, two clients.
        assert_eq!(key("192.0.2.7").network, key("192.0.2.99").network);
        assert_ne!(key("192.0.2.7").network, key("192.0.3.7").network);
        // One /64 is one client; one /48 one network.
        assert_eq!(key("2001:db8:1:2::1"), key("2001:db8:1:2::ffff"));
        assert_ne!(key("2001:db8:1:2::1").client, key("2001:db8:1:3::1").client);
        assert_eq!(
            key("2001:db8:1:2::1").network,
            key("2001:db8:1:3::1").network
        );
        assert_ne!(
            key("2001:db8:1:2::1").network,
            key("2001:db8:2:2::1").network
        );
        // The two levels never collide.
        assert_ne!(key("192.0.2.7").client, key("192.0.2.7").network);
    }
}
