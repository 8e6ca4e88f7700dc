//! What people send the portal, read strictly, in one small crate with no web framework, no
//! database and no I/O: the web addresses of a report ([`address`]), receipts as typed
//! ([`receipt`]), the report draft and the file hashes as JSON ([`draft`]) and form bodies
//! ([`form`]). Everything here takes text from a stranger, so everything here is fuzzed
//! (`fuzz/`, `make fuzz`), and keeping it apart lets the fuzzer build it in seconds.

pub mod address;
pub mod draft;
pub mod form;
pub mod receipt;
mod stored;

/// Bytes as lowercase hex digits.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        text.push(DIGITS[usize::from(b >> 4)] as char);
        text.push(DIGITS[usize::from(b & 15)] as char);
    }
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn hex_is_two_lowercase_digits_a_byte() {
        assert_eq!(super::hex(&[0, 15, 255, 0xa5]), "000fffa5");
        assert_eq!(super::hex(&[]), "");
    }
}
