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
/// linkable to one without a key that exists only in this process, for one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientKey(pub String);

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
        // IPv6 clients often hold a whole /64: treat it as one client.
        let bytes = match address {
            IpAddr::V4(v4) => v4.octets().to_vec(),
            IpAddr::V6(v6) => v6.octets()[..8].to_vec(),
        };
        let mut mac = Hmac::<Sha256>::new_from_slice(&secret).expect("HMAC takes any key length");
        mac.update(&bytes);
        let digest = mac.finalize().into_bytes();
        ClientKey(crate::token::hex(&digest[..16]))
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

    #[test]
    fn the_same_client_gets_the_same_key_and_it_hides_the_address() {
        let hasher = ClientHasher::default();
        let a = hasher.key_for("192.0.2.7".parse().unwrap());
        assert_eq!(a, hasher.key_for("192.0.2.7".parse().unwrap()));
        assert_ne!(a, hasher.key_for("192.0.2.8".parse().unwrap()));
        assert!(!a.0.contains("192"));
        assert_ne!(
            a,
            ClientHasher::default().key_for("192.0.2.7".parse().unwrap()),
            "keys are per process"
        );
    }
}
