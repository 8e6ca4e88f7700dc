//! The hotlines of the help directory's seed (`directory/seed/directory.yaml`, compiled in):
//! where abuse material of a child goes when the owner of the case is not the hotline of the
//! country it is hosted in (INHOPE hotlines assess it and route it through ICCAM).

use std::sync::OnceLock;

use serde::Deserialize;

/// A hotline, as a hand-off needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hotline {
    pub id: String,
    pub name: String,
    pub country: String,
    /// Where reports are made (its web form, else its site).
    pub report_url: String,
    pub languages: Vec<String>,
    /// Whether the directory's facts about it were checked.
    pub verified: bool,
}

#[derive(Deserialize)]
struct SeedFile {
    organisations: Vec<SeedOrganisation>,
}

#[derive(Deserialize)]
struct SeedOrganisation {
    id: String,
    kind: String,
    country: Option<String>,
    name: String,
    url: Option<String>,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    verified: bool,
    #[serde(default)]
    services: Vec<SeedService>,
}

#[derive(Deserialize)]
struct SeedService {
    channel: String,
    url: Option<String>,
}

/// Every hotline of the seed, in its order.
pub fn all() -> &'static [Hotline] {
    static HOTLINES: OnceLock<Vec<Hotline>> = OnceLock::new();
    HOTLINES.get_or_init(|| {
        let seed: SeedFile =
            serde_norway::from_str(include_str!("../directory/seed/directory.yaml"))
                .expect("directory.yaml parses (a test checks it)");
        seed.organisations
            .into_iter()
            .filter(|o| o.kind == "hotline")
            .filter_map(|o| {
                let web = o
                    .services
                    .iter()
                    .find(|s| s.channel == "web")
                    .and_then(|s| s.url.clone());
                Some(Hotline {
                    report_url: web.or(o.url)?,
                    country: o.country?.to_ascii_uppercase(),
                    id: o.id,
                    name: o.name,
                    languages: o.languages,
                    verified: o.verified,
                })
            })
            .collect()
    })
}

/// The hotline of `country` (ISO code); the first listed where a country has two.
pub fn for_country(country: &str) -> Option<&'static Hotline> {
    all()
        .iter()
        .find(|h| h.country.eq_ignore_ascii_case(country))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_names_a_hotline_with_a_report_address_for_most_of_europe() {
        // 31 hotlines in the seed; those whose address nobody could source are left out.
        assert!(all().len() >= 20, "{} hotlines", all().len());
        for country in ["NL", "DE", "BE", "FR", "AT"] {
            assert!(for_country(country).is_some(), "{country}");
        }
        let nl = for_country("nl").expect("the Dutch hotline");
        assert!(nl.report_url.starts_with("https://"), "{nl:?}");
        assert!(for_country("DE").is_some());
        assert!(for_country("ZZ").is_none());
    }
}
