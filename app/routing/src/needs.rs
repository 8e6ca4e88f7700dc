//! What the person told us. The serde names are a contract with the CLI and the app's flow
//! (`app/inputs/src/draft.rs` uses the same names for the values it shares).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::directory::{ForWhom, Topic};

/// A person's situation, as the routing reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Needs {
    /// ISO 3166-1 alpha-2 (`GB` for the United Kingdom, `GR` for Greece); case does not matter.
    pub country: String,
    /// The age of the person the help is about (the child, for a parent).
    pub age: AgeBand,
    #[serde(default)]
    pub happened: BTreeSet<Happened>,
    pub safety: Safety,
    /// Sexual violence that happened recently and offline: time-critical medical care.
    #[serde(default)]
    pub recent_offline: bool,
    pub for_whom: ForWhom,
    #[serde(default)]
    pub talk: Talk,
    /// ISO 639-1 of the person (`nl`, `en`); a region (`nl-BE`) is ignored.
    pub lang: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeBand {
    Under13,
    From13To15,
    From16To17,
    From18To24,
    Over25,
    NotSaid,
}

impl AgeBand {
    /// The years the band covers, or `None` when the person did not say.
    pub fn years(self) -> Option<(u8, u8)> {
        match self {
            AgeBand::Under13 => Some((0, 12)),
            AgeBand::From13To15 => Some((13, 15)),
            AgeBand::From16To17 => Some((16, 17)),
            AgeBand::From18To24 => Some((18, 24)),
            AgeBand::Over25 => Some((25, u8::MAX)),
            AgeBand::NotSaid => None,
        }
    }

    /// Under 18, or possibly so (not said): images of them may be child abuse material.
    pub fn may_be_minor(self) -> bool {
        !matches!(self, AgeBand::From18To24 | AgeBand::Over25)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Happened {
    Sextortion,
    SharedWithoutConsent,
    FakeNudes,
    ChildAbuseMaterial,
    ChildPressured,
    Other,
    SexualViolence,
    /// The person is worried about their own sexual thoughts about children.
    OwnThoughts,
}

impl Happened {
    /// The directory topic for it; `Other` has none.
    pub fn topic(self) -> Option<Topic> {
        match self {
            Happened::Sextortion => Some(Topic::Sextortion),
            Happened::SharedWithoutConsent => Some(Topic::SharedWithoutConsent),
            Happened::FakeNudes => Some(Topic::FakeNudes),
            Happened::ChildAbuseMaterial => Some(Topic::ChildAbuseMaterial),
            Happened::ChildPressured => Some(Topic::ChildPressured),
            Happened::SexualViolence => Some(Topic::SexualViolence),
            Happened::OwnThoughts => Some(Topic::OwnThoughts),
            Happened::Other => None,
        }
    }

    /// Images of the person (or the child) themselves: what hash tools and, for minors,
    /// the hotlines act on.
    pub fn is_about_own_images(self) -> bool {
        matches!(
            self,
            Happened::Sextortion
                | Happened::SharedWithoutConsent
                | Happened::FakeNudes
                | Happened::ChildPressured
        )
    }

    /// Any imagery a platform could be asked to remove (own images or abuse material seen).
    pub fn is_about_images(self) -> bool {
        self.is_about_own_images() || self == Happened::ChildAbuseMaterial
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Safety {
    Safe,
    Danger,
    Suicidal,
}

/// Whether the person wants to talk to someone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Talk {
    Now,
    #[default]
    Later,
    No,
}

impl Needs {
    /// The directory topics asked for, in a stable order.
    pub fn topics(&self) -> BTreeSet<Topic> {
        self.happened.iter().filter_map(|h| h.topic()).collect()
    }

    pub fn has(&self, happened: Happened) -> bool {
        self.happened.contains(&happened)
    }

    pub fn about_own_images(&self) -> bool {
        self.happened.iter().any(|h| h.is_about_own_images())
    }

    pub fn about_images(&self) -> bool {
        self.happened.iter().any(|h| h.is_about_images())
    }

    /// The country in the directory's spelling (upper case).
    pub fn country_code(&self) -> String {
        self.country.trim().to_ascii_uppercase()
    }

    /// The primary language subtag in lower case (`nl-BE` -> `nl`).
    pub fn language(&self) -> String {
        let lang = self.lang.trim();
        let primary = lang.split(['-', '_']).next().unwrap_or(lang);
        primary.to_ascii_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needs_read_the_contract_names_and_talk_defaults_to_later() {
        let needs: Needs = serde_json::from_str(
            r#"{"country": "nl", "age": "from13_to15",
                "happened": ["sextortion", "own_thoughts", "sexual_violence", "child_abuse_material",
                             "shared_without_consent", "fake_nudes", "child_pressured", "other"],
                "safety": "suicidal", "recent_offline": true, "for_whom": "my_child", "lang": "nl-BE"}"#,
        )
        .expect("the contract's names");
        assert_eq!(needs.age, AgeBand::From13To15);
        assert_eq!(needs.happened.len(), 8);
        assert_eq!(needs.safety, Safety::Suicidal);
        assert_eq!(needs.for_whom, ForWhom::MyChild);
        assert_eq!(needs.talk, Talk::Later);
        assert_eq!(needs.country_code(), "NL");
        assert_eq!(needs.language(), "nl");
        for (text, band) in [
            ("under13", AgeBand::Under13),
            ("from16_to17", AgeBand::From16To17),
            ("from18_to24", AgeBand::From18To24),
            ("over25", AgeBand::Over25),
            ("not_said", AgeBand::NotSaid),
        ] {
            assert_eq!(
                serde_json::from_str::<AgeBand>(&format!("{text:?}")).unwrap(),
                band
            );
        }
        for (text, talk) in [("now", Talk::Now), ("no", Talk::No)] {
            assert_eq!(
                serde_json::from_str::<Talk>(&format!("{text:?}")).unwrap(),
                talk
            );
        }
        assert!(serde_json::from_str::<Safety>(r#""unsafe""#).is_err());
        assert_eq!(
            serde_json::from_str::<ForWhom>(r#""professional""#).unwrap(),
            ForWhom::Professional
        );
    }

    #[test]
    fn every_topic_but_other_maps_to_a_directory_topic() {
        assert_eq!(Happened::Other.topic(), None);
        assert_eq!(Happened::OwnThoughts.topic(), Some(Topic::OwnThoughts));
        assert_eq!(Happened::FakeNudes.topic(), Some(Topic::FakeNudes));
        assert!(!Happened::OwnThoughts.is_about_images());
        assert!(Happened::ChildAbuseMaterial.is_about_images());
        assert!(!Happened::ChildAbuseMaterial.is_about_own_images());
    }

    #[test]
    fn only_stated_adults_are_not_possibly_minors() {
        assert!(AgeBand::NotSaid.may_be_minor());
        assert!(AgeBand::From16To17.may_be_minor());
        assert!(!AgeBand::From18To24.may_be_minor());
        assert!(!AgeBand::Over25.may_be_minor());
    }
}
