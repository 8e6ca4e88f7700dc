//! The legal grounds a notice cites: the EU's always, the hosting country's where the
//! portal knows it (`data/legal_grounds.yaml`, compiled in, each fact with its source and a
//! `verified` flag; see `data/README.md`).

use std::{collections::BTreeMap, sync::OnceLock};

use serde::Deserialize;

use super::NoticeCategory;

/// One provision of law.
#[derive(Debug, Clone, Deserialize)]
pub struct Ground {
    pub id: String,
    /// `EU`, or the ISO country code of the national law.
    pub jurisdiction: String,
    pub categories: Vec<NoticeCategory>,
    /// As a notice cites it, in English.
    pub citation: String,
    /// As the country cites it, in its language(s).
    pub citation_local: Option<LocalCitation>,
    pub summary_en: String,
    #[serde(default = "yes")]
    pub in_force: bool,
    pub note: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub verified: bool,
}

fn yes() -> bool {
    true
}

/// One citation, or one per language (Belgium cites its code in Dutch and French).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum LocalCitation {
    One(String),
    PerLanguage(BTreeMap<String, String>),
}

impl Ground {
    /// The citation to print in a notice written in `lang`: the country's own words where
    /// it has them in that language, else the English citation.
    pub fn citation_in(&self, lang: &str) -> &str {
        match &self.citation_local {
            Some(LocalCitation::One(text)) if self.language_of_country() == Some(lang) => text,
            Some(LocalCitation::PerLanguage(texts)) => texts
                .get(lang)
                .map_or(self.citation.as_str(), String::as_str),
            _ => &self.citation,
        }
    }

    fn language_of_country(&self) -> Option<&'static str> {
        match self.jurisdiction.as_str() {
            "NL" => Some("nl"),
            "DE" | "AT" => Some("de"),
            "FR" => Some("fr"),
            _ => None,
        }
    }
}

#[derive(Deserialize)]
struct File {
    grounds: Vec<Ground>,
}

pub fn all() -> &'static [Ground] {
    static GROUNDS: OnceLock<Vec<Ground>> = OnceLock::new();
    GROUNDS.get_or_init(|| {
        serde_norway::from_str::<File>(include_str!("data/legal_grounds.yaml"))
            .expect("legal_grounds.yaml parses (a test checks it)")
            .grounds
    })
}

/// The grounds a notice about `category` cites for content hosted in `country` (None: not
/// known): the EU's first, then the country's own. A national provision not yet in force (a
/// bill) is not cited; an EU directive still to be transposed is, as the standard the
/// national law reflects.
pub fn for_notice(category: NoticeCategory, country: Option<&str>) -> Vec<&'static Ground> {
    let applies =
        |g: &&Ground| g.categories.contains(&category) && (g.in_force || g.jurisdiction == "EU");
    let eu = all()
        .iter()
        .filter(|g| g.jurisdiction == "EU")
        .filter(applies);
    let national = all()
        .iter()
        .filter(move |g| country.is_some_and(|c| g.jurisdiction.eq_ignore_ascii_case(c)))
        .filter(applies);
    eu.chain(national).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_has_an_eu_ground_and_the_four_countries_their_own() {
        for category in NoticeCategory::ALL {
            assert!(
                for_notice(category, None)
                    .iter()
                    .any(|g| g.jurisdiction == "EU"),
                "{category}"
            );
        }
        for country in ["NL", "DE", "BE", "FR"] {
            for category in [NoticeCategory::Csam, NoticeCategory::Ncii] {
                assert!(
                    for_notice(category, Some(country))
                        .iter()
                        .any(|g| g.jurisdiction == country),
                    "{country} {category}"
                );
            }
        }
        for ground in all() {
            assert!(
                !ground.sources.is_empty() || !ground.verified,
                "{}",
                ground.id
            );
            assert!(!ground.citation.trim().is_empty(), "{}", ground.id);
        }
    }
}
