//! Form bodies (`application/x-www-form-urlencoded`), posted without JavaScript by the public
//! and the staff forms alike.

/// Public request bodies are small by design: hashes and answers, never files.
pub const MAX_BYTES: usize = 128 * 1024;

/// A body's fields, in order. Names may repeat (checkboxes), so pairs, not a map. Invalid
/// percent-encoding and UTF-8 become U+FFFD rather than an error: a person's text with one
/// odd character is still their text.
pub fn parse(body: &[u8]) -> Vec<(String, String)> {
    url::form_urlencoded::parse(body).into_owned().collect()
}

/// A posted form's fields. Names may repeat (checkboxes), so pairs, not a map.
#[derive(Debug, Clone, Copy)]
pub struct Fields<'a>(pub &'a [(String, String)]);

impl<'a> Fields<'a> {
    /// The first value of `name`, if the form has it.
    pub fn get(&self, name: &str) -> Option<&'a str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first value of `name`, empty when missing.
    pub fn value(&self, name: &str) -> &'a str {
        self.get(name).unwrap_or_default()
    }

    pub fn text(&self, name: &str) -> String {
        self.value(name).to_owned()
    }

    /// Every value of `name`, in order.
    pub fn all(&self, name: &str) -> impl Iterator<Item = &'a str> {
        self.0
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_names_keep_every_value_in_order() {
        let pairs = parse(b"happened=a&happened=b&urls=example.com%2Fx%0Aexample.org&empty=");
        let fields = Fields(&pairs);
        assert_eq!(fields.all("happened").collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(fields.value("urls"), "example.com/x\nexample.org");
        assert_eq!(fields.get("empty"), Some(""));
        assert_eq!(fields.get("missing"), None);
    }

    #[test]
    fn broken_encoding_is_kept_as_replacement_characters() {
        let pairs = parse(b"note=caf%C3&x=%zz+%FF");
        assert_eq!(pairs[0], ("note".into(), "caf\u{fffd}".into()));
        assert_eq!(pairs[1], ("x".into(), "%zz \u{fffd}".into()));
    }
}
