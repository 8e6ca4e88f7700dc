//! Reading RDAP answers (RFC 9083): an IP network's handle, name, country and abuse contact;
//! a domain's registrar and its abuse contact. Answers are read as JSON values, because
//! registries differ in what they fill in and where (ARIN nests the abuse role inside the
//! organisation, RIPE puts it at the top).

use serde_json::Value;

use super::model::{Network, Registrar, Registry};

/// The most entities looked into, so a hostile answer cannot make us walk forever.
const MAX_ENTITIES: usize = 200;

/// An IP network answer, as a [`Network`] (with `rdap_url`, the address asked).
pub fn network(answer: &Value, rdap_url: &str) -> Network {
    Network {
        handle: text(answer, "handle"),
        name: text(answer, "name"),
        country: text(answer, "country").map(|c| c.to_uppercase()),
        abuse_email: role_email(answer, "abuse"),
        registry: registry(answer, rdap_url),
        rdap_url: Some(rdap_url.to_owned()),
    }
}

/// The origin AS numbers an answer names (ARIN's `arin_originas0_originautnums` extension).
pub fn origin_autnums(answer: &Value) -> Vec<u32> {
    answer
        .get("arin_originas0_originautnums")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|n| n.as_u64().and_then(|n| u32::try_from(n).ok()))
                .collect()
        })
        .unwrap_or_default()
}

/// A domain answer's registrar, with the abuse contact the registrar entity carries.
pub fn registrar(answer: &Value, rdap_url: &str) -> Option<Registrar> {
    let entity = entities(answer)
        .into_iter()
        .find(|e| has_role(e, "registrar"))?;
    Some(Registrar {
        name: vcard(entity, "fn").or_else(|| text(entity, "handle")),
        abuse_email: role_email(entity, "abuse").or_else(|| role_email(answer, "abuse")),
        rdap_url: Some(rdap_url.to_owned()),
    })
}

/// The RDAP addresses an answer points on to (`related` links of the RDAP media type): a
/// thin registry's answer names the registrar's own server.
pub fn related(answer: &Value) -> Vec<String> {
    answer
        .get("links")
        .and_then(Value::as_array)
        .map(|links| {
            links
                .iter()
                .filter(|l| l.get("rel").and_then(Value::as_str) == Some("related"))
                .filter(|l| {
                    l.get("type")
                        .and_then(Value::as_str)
                        .is_some_and(|t| t.starts_with("application/rdap+json"))
                })
                .filter_map(|l| l.get("href").and_then(Value::as_str))
                .filter(|href| href.starts_with("https://") || href.starts_with("http://"))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// Whether the answer is an RDAP object of `class` (`ip network`, `domain`, `autnum`).
pub fn is_object(answer: &Value, class: &str) -> bool {
    answer.get("objectClassName").and_then(Value::as_str) == Some(class)
}

/// Which registry answered: by its whois server (`port43`), else by the RDAP host.
fn registry(answer: &Value, rdap_url: &str) -> Registry {
    let port43 = text(answer, "port43").unwrap_or_default().to_lowercase();
    let self_link = answer
        .get("links")
        .and_then(Value::as_array)
        .and_then(|links| {
            links
                .iter()
                .find(|l| l.get("rel").and_then(Value::as_str) == Some("self"))
        })
        .and_then(|l| l.get("href").and_then(Value::as_str))
        .unwrap_or(rdap_url)
        .to_lowercase();
    for (needle, registry) in [
        ("ripe.net", Registry::Ripe),
        ("arin.net", Registry::Arin),
        ("apnic.net", Registry::Apnic),
        ("lacnic.net", Registry::Lacnic),
        ("afrinic.net", Registry::Afrinic),
    ] {
        let under = |name: &str| name == needle || name.ends_with(&format!(".{needle}"));
        if under(&port43) || under(host_of(&self_link)) {
            return registry;
        }
    }
    Registry::Other
}

fn host_of(url: &str) -> &str {
    url.split("://")
        .nth(1)
        .unwrap_or_default()
        .split(['/', ':'])
        .next()
        .unwrap_or_default()
}

fn text(value: &Value, key: &str) -> Option<String> {
    value
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// Every entity, depth first (nested ones after their parent), at most [`MAX_ENTITIES`].
fn entities(value: &Value) -> Vec<&Value> {
    let mut found = Vec::new();
    let mut stack: Vec<&Value> = value
        .get("entities")
        .and_then(Value::as_array)
        .map(|list| list.iter().rev().collect())
        .unwrap_or_default();
    while let Some(entity) = stack.pop() {
        if found.len() >= MAX_ENTITIES {
            break;
        }
        found.push(entity);
        if let Some(nested) = entity.get("entities").and_then(Value::as_array) {
            stack.extend(nested.iter().rev());
        }
    }
    found
}

fn has_role(entity: &Value, role: &str) -> bool {
    entity
        .get("roles")
        .and_then(Value::as_array)
        .is_some_and(|roles| roles.iter().any(|r| r.as_str() == Some(role)))
}

/// The e-mail address of the first entity (at any depth) with `role`.
fn role_email(value: &Value, role: &str) -> Option<String> {
    entities(value)
        .into_iter()
        .filter(|e| has_role(e, role))
        .find_map(|e| vcard(e, "email"))
        .map(|email| email.to_lowercase())
}

/// A property of an entity's jCard (RFC 7095: `["vcard", [[name, params, type, value], …]]`).
fn vcard(entity: &Value, property: &str) -> Option<String> {
    entity
        .get("vcardArray")
        .and_then(|v| v.get(1))
        .and_then(Value::as_array)?
        .iter()
        .filter_map(Value::as_array)
        .filter(|p| p.first().and_then(Value::as_str) == Some(property))
        .find_map(|p| p.get(3).and_then(Value::as_str))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Value {
        let path = format!(
            "{}/../server/tests/fixtures/rdap/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn a_ripe_network_gives_its_abuse_role_at_the_top() {
        let network = network(
            &fixture("ripe-ip-switch"),
            "https://rdap.db.ripe.net/ip/130.59.31.80",
        );
        assert_eq!(
            network.handle.as_deref(),
            Some("130.59.0.0 - 130.59.255.255")
        );
        assert_eq!(network.name.as_deref(), Some("SWITCH-LAN"));
        assert_eq!(network.country.as_deref(), Some("CH"));
        assert_eq!(network.abuse_email.as_deref(), Some("abuse@switch.ch"));
        assert_eq!(network.registry, Registry::Ripe);
    }

    #[test]
    fn an_arin_network_nests_the_abuse_role_and_names_its_origin_as() {
        let answer = fixture("arin-ip-microsoft");
        let network = network(&answer, "https://rdap.arin.net/registry/ip/13.64.0.0");
        assert_eq!(network.handle.as_deref(), Some("NET-13-64-0-0-1"));
        assert_eq!(network.registry, Registry::Arin);
        let email = network.abuse_email.expect("an abuse contact");
        assert!(email.contains('@'), "{email}");
        assert!(origin_autnums(&answer).is_empty(), "this one names none");
        let cloudflare = fixture("arin-ip-cloudflare-2606-4700");
        assert_eq!(origin_autnums(&cloudflare), [13335]);
    }

    #[test]
    fn a_thin_registry_points_to_the_registrar_which_names_its_abuse_contact() {
        let registry = fixture("verisign-domain-google");
        assert!(is_object(&registry, "domain"));
        assert_eq!(
            related(&registry),
            ["https://rdap.markmonitor.com/rdap/domain/GOOGLE.COM"]
        );
        let named = registrar(&registry, "x").unwrap();
        assert_eq!(named.name.as_deref(), Some("MarkMonitor Inc."));
        // The registrar's own answer names it only by its IANA id, with the abuse contact.
        let own = registrar(&fixture("registrar-markmonitor-domain-google"), "y").unwrap();
        assert_eq!(own.name.as_deref(), Some("292"));
        assert_eq!(
            own.abuse_email.as_deref(),
            Some("abusecomplaints@markmonitor.com")
        );
    }

    #[test]
    fn an_html_related_link_is_not_followed() {
        // APNIC's answer links to a web page with rel=related; only RDAP links are followed.
        assert!(related(&fixture("apnic-ip-apnic-labs-1.1.1.1")).is_empty());
    }
}
