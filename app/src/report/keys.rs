//! Keys derived from the server's master secret, one per purpose, so a key used for one
//! thing can never be turned against another.

use aes_gcm::{
    Aes256Gcm, Nonce,
    aead::{Aead, KeyInit},
};
use base64::{Engine, engine::general_purpose::STANDARD};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

use crate::token::derive_key;

#[derive(Clone)]
pub struct ReportKeys {
    /// Keys the HMAC under which receipts are stored.
    pub receipt: [u8; 32],
    /// Makes a report's receipt from its submission key (see `Receipt::for_submission`).
    pub submission: [u8; 32],
    /// Seals contact details (AES-256-GCM).
    contact: [u8; 32],
    /// Signs the proof-of-work challenges (`abuse::Challenges`).
    pub work: [u8; 32],
    /// Signs the last step's re-show tokens (`abuse::ReshowTokens`).
    pub reshow: [u8; 32],
    /// Keys the HMAC under which a form's submission id is stored (to know a form sent twice):
    /// the stored value cannot give back the id, and so never the receipt made from it.
    submission_lookup: [u8; 32],
    /// Seals platforms' webhook secrets, which must be read back to sign deliveries.
    webhook: [u8; 32],
}

impl std::fmt::Debug for ReportKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ReportKeys(<redacted>)")
    }
}

impl ReportKeys {
    pub fn derive(master: &[u8; 32]) -> ReportKeys {
        ReportKeys {
            receipt: derive_key(master, b"portal receipt key v1"),
            submission: derive_key(master, b"portal receipt from submission v1"),
            contact: derive_key(master, b"portal contact key v1"),
            work: derive_key(master, b"portal proof of work key v1"),
            reshow: derive_key(master, b"portal receipt re-show key v1"),
            submission_lookup: derive_key(master, b"portal submission lookup key v1"),
            webhook: derive_key(master, b"portal webhook secret key v1"),
        }
    }

    /// What is stored for a form's submission id: its HMAC, in hex. The receipt is an HMAC of
    /// the id too, under another key, so a copy of the database and the secret together
    /// still cannot give back any receipt.
    pub fn submission_key(&self, submission: &str) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.submission_lookup)
            .expect("HMAC takes any key length");
        mac.update(submission.as_bytes());
        crate::token::hex(&mac.finalize().into_bytes())
    }

    /// Encrypts contact details for storage: base64 of nonce and ciphertext.
    pub fn seal_contact(&self, plain: &str) -> String {
        seal(&self.contact, plain)
    }

    pub fn open_contact(&self, sealed: &str) -> Option<String> {
        open(&self.contact, sealed)
    }

    /// Encrypts a platform's webhook secret for storage.
    pub fn seal_webhook_secret(&self, plain: &str) -> String {
        seal(&self.webhook, plain)
    }

    pub fn open_webhook_secret(&self, sealed: &str) -> Option<String> {
        open(&self.webhook, sealed)
    }
}

/// AES-256-GCM under `key`, a fresh nonce each time: base64 of nonce and ciphertext.
fn seal(key: &[u8; 32], plain: &str) -> String {
    let cipher = Aes256Gcm::new(key.into());
    let mut nonce = [0u8; 12];
    rand::rng().fill_bytes(&mut nonce);
    let sealed = cipher
        .encrypt(Nonce::from_slice(&nonce), plain.as_bytes())
        .expect("AES-GCM encrypts any message this short");
    STANDARD.encode([nonce.as_slice(), &sealed].concat())
}

fn open(key: &[u8; 32], sealed: &str) -> Option<String> {
    let bytes = STANDARD.decode(sealed).ok()?;
    if bytes.len() < 12 {
        return None;
    }
    let (nonce, ciphertext) = bytes.split_at(12);
    let cipher = Aes256Gcm::new(key.into());
    let plain = cipher.decrypt(Nonce::from_slice(nonce), ciphertext).ok()?;
    String::from_utf8(plain).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_details_are_sealed_and_open_only_with_the_key() {
        let keys = ReportKeys::derive(&[7; 32]);
        let sealed = keys.seal_contact("me@example.org");
        assert!(!sealed.contains("example"));
        assert_ne!(
            sealed,
            keys.seal_contact("me@example.org"),
            "a fresh nonce each time"
        );
        assert_eq!(
            keys.open_contact(&sealed).as_deref(),
            Some("me@example.org")
        );
        assert_eq!(ReportKeys::derive(&[8; 32]).open_contact(&sealed), None);
    }

    #[test]
    fn each_purpose_has_its_own_key() {
        let keys = ReportKeys::derive(&[7; 32]);
        assert_ne!(keys.receipt, keys.contact);
    }
}
