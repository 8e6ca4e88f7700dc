//! The directory seed (`app/src/directory/seed/directory.yaml`, schema in the README next to
//! it), read strictly enough that the ranking can trust it: every enum value known, every
//! phone number dialable, every time zone in jiff's bundled database, every weekly schedule
//! with a zone to read it in. Fields the ranking does not use (notes, `checked`, ...) are
//! ignored.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use jiff::tz::{TimeZone, TimeZoneDatabase};
use serde::{Deserialize, Deserializer, Serialize};

use crate::hours::Hours;

/// What can go wrong reading a directory.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the directory is not valid: {0}")]
    Yaml(#[from] serde_norway::Error),
    #[error("the id {0} is used twice")]
    DuplicateId(String),
    #[error("organisation {0} has neither country nor countries")]
    NoCountry(String),
    #[error("{owner}: {zone} is not a time zone jiff knows")]
    UnknownTimeZone { owner: String, zone: String },
    #[error("service {0} has weekly hours but its organisation has no time zone")]
    MissingTimeZone(String),
    #[error("service {service} is a {channel:?} channel without the {needs}")]
    NoContact {
        service: String,
        channel: Channel,
        needs: &'static str,
    },
}

/// The directory: countries and organisations, as in the file, plus the resolved time zones.
/// Built only by [`Directory::from_yaml`] or [`Directory::read`], so it is always validated.
#[derive(Debug, Clone)]
pub struct Directory {
    countries: Vec<Country>,
    organisations: Vec<Organisation>,
    zones: BTreeMap<String, TimeZone>,
}

#[derive(Deserialize)]
struct File {
    countries: Vec<Country>,
    organisations: Vec<Organisation>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Country {
    pub iso: String,
    pub name: String,
    pub eu: bool,
    pub languages: Vec<String>,
    pub timezone: String,
}

/// `kind` of an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Emergency,
    Helpline,
    /// Where to report abuse images (INHOPE type).
    Hotline,
    CareCentre,
    /// A DSA Digital Services Coordinator.
    Dsc,
    Authority,
    Tool,
}

impl Kind {
    /// Regulators: where to complain when a platform does not act, not help for a person.
    pub fn is_escalation(self) -> bool {
        matches!(self, Kind::Dsc | Kind::Authority)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Phone,
    Chat,
    Web,
    Email,
    WalkIn,
}

impl Channel {
    /// A person answers: opening hours decide whether it helps now.
    pub fn is_live(self) -> bool {
        matches!(self, Channel::Phone | Channel::Chat | Channel::WalkIn)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    Sextortion,
    SharedWithoutConsent,
    FakeNudes,
    ChildAbuseMaterial,
    ChildPressured,
    SexualViolence,
    SuicidalThoughts,
    OwnThoughts,
    Parents,
}

/// Who may contact a service (`audience`), and who is asking (`for_whom` in the needs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ForWhom {
    Myself,
    MyChild,
    SomeoneElse,
    Professional,
}

/// The ages of the person the help is about; both `None` means no limit stated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub struct Ages {
    pub min: Option<u8>,
    pub max: Option<u8>,
}

impl Ages {
    pub fn is_stated(&self) -> bool {
        self.min.is_some() || self.max.is_some()
    }

    /// Whether someone aged `from..=to` may be in range (the bands and the limits meet at 18,
    /// so overlapping is fitting).
    pub fn overlaps(&self, from: u8, to: u8) -> bool {
        self.min.is_none_or(|min| to >= min) && self.max.is_none_or(|max| from <= max)
    }
}

/// A phone number as dialled: E.164 (`+31202615275`) or a national short number (`113`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

impl Phone {
    /// The same rule as `check_seed.py`: `+` and 7 to 15 digits not starting with 0, or 3 to
    /// 6 digits.
    pub fn parse(text: &str) -> Result<Phone, String> {
        let digits = |s: &str, range: std::ops::RangeInclusive<usize>| {
            range.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
        let ok = match text.strip_prefix('+') {
            Some(rest) => digits(rest, 7..=15) && !rest.starts_with('0'),
            None => digits(text, 3..=6),
        };
        if ok {
            Ok(Phone(text.to_owned()))
        } else {
            Err(format!(
                "phone {text:?} is neither E.164 nor a short number"
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A national short number (dialled only inside the country).
    pub fn is_short(&self) -> bool {
        !self.0.starts_with('+')
    }
}

impl TryFrom<String> for Phone {
    type Error = String;

    fn try_from(text: String) -> Result<Phone, String> {
        Phone::parse(&text)
    }
}

impl From<Phone> for String {
    fn from(phone: Phone) -> String {
        phone.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Organisation {
    pub id: String,
    pub kind: Kind,
    #[serde(default)]
    pub country: Option<String>,
    /// Tools only: `[all]` or a list of ISO codes.
    #[serde(default)]
    pub countries: Option<Vec<String>>,
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
    /// The IANA zone the `hours` are in.
    #[serde(default)]
    pub timezone: Option<String>,
    pub languages: Vec<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub ages: Ages,
    #[serde(default)]
    pub ages_note: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub topics: BTreeSet<Topic>,
    pub audience: BTreeSet<ForWhom>,
    #[serde(default)]
    pub free: Option<bool>,
    #[serde(default)]
    pub anonymous: Option<bool>,
    pub verified: bool,
    /// Where the facts come from; an organisation without any is never shown to the public.
    #[serde(default, deserialize_with = "null_as_default")]
    pub source: Vec<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub related: Vec<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub services: Vec<Service>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Service {
    pub id: String,
    pub channel: Channel,
    #[serde(default)]
    pub phone: Option<Phone>,
    #[serde(default)]
    pub phone_alt: Option<Phone>,
    #[serde(default)]
    pub phone_display: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    /// The messenger (`whatsapp`, `telegram`) of a chat channel.
    #[serde(default)]
    pub app: Option<String>,
    #[serde(default)]
    pub handle: Option<String>,
    #[serde(default)]
    pub hours: Hours,
    pub verified: bool,
    #[serde(default, deserialize_with = "null_as_default")]
    pub source: Vec<String>,
}

/// `null` reads as the empty value, like a missing field.
fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

impl Organisation {
    /// Whether a person in `country` (upper case) can use it: its country, or a tool for all
    /// countries or listing this one.
    pub fn serves(&self, country: &str) -> bool {
        self.country.as_deref() == Some(country)
            || self
                .countries
                .iter()
                .flatten()
                .any(|c| c == "all" || c == country)
    }

    pub fn speaks(&self, language: &str) -> bool {
        self.languages
            .iter()
            .any(|l| l.eq_ignore_ascii_case(language))
    }
}

impl Service {
    /// The fact a channel of this kind cannot do without (the same rule as `check_seed.py`).
    fn missing_contact(&self) -> Option<&'static str> {
        match self.channel {
            Channel::Phone if self.phone.is_none() => Some("phone"),
            Channel::Web if self.url.is_none() => Some("url"),
            Channel::Email if self.email.is_none() => Some("email"),
            Channel::Chat
                if self.url.is_none() && self.phone.is_none() && self.handle.is_none() =>
            {
                Some("url, phone or handle")
            }
            _ => None,
        }
    }
}

impl Directory {
    /// Reads and validates the YAML of a directory seed.
    pub fn from_yaml(yaml: &str) -> Result<Directory, LoadError> {
        let file: File = serde_norway::from_str(yaml)?;
        check_ids(&file.organisations)?;
        check_services(&file.organisations)?;
        let zones = resolve_zones(&file)?;
        Ok(Directory {
            countries: file.countries,
            organisations: file.organisations,
            zones,
        })
    }

    /// Reads a directory seed from a file.
    pub fn read(path: impl AsRef<Path>) -> Result<Directory, LoadError> {
        let path = path.as_ref();
        let yaml = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
            path: path.to_owned(),
            source,
        })?;
        Directory::from_yaml(&yaml)
    }

    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    pub fn organisations(&self) -> &[Organisation] {
        &self.organisations
    }

    pub fn country(&self, iso: &str) -> Option<&Country> {
        self.countries
            .iter()
            .find(|c| c.iso.eq_ignore_ascii_case(iso))
    }

    /// The zone an organisation's hours are in (`None` for the worldwide tools).
    pub fn zone(&self, organisation: &Organisation) -> Option<&TimeZone> {
        self.zones.get(organisation.timezone.as_deref()?)
    }

    /// The same directory with the organisations in another order: for tests showing that
    /// the ranking does not depend on the file's order.
    #[cfg(test)]
    pub(crate) fn reordered(&self, mut order: impl FnMut(&mut Vec<Organisation>)) -> Directory {
        let mut directory = self.clone();
        order(&mut directory.organisations);
        directory
    }
}

/// Organisation and service ids share one namespace (the README's id rule).
fn check_ids(organisations: &[Organisation]) -> Result<(), LoadError> {
    let mut seen = BTreeSet::new();
    let ids = organisations
        .iter()
        .flat_map(|o| std::iter::once(&o.id).chain(o.services.iter().map(|s| &s.id)));
    for id in ids {
        if !seen.insert(id) {
            return Err(LoadError::DuplicateId(id.clone()));
        }
    }
    Ok(())
}

fn check_services(organisations: &[Organisation]) -> Result<(), LoadError> {
    for organisation in organisations {
        if organisation.country.is_none() && organisation.countries.is_none() {
            return Err(LoadError::NoCountry(organisation.id.clone()));
        }
        for service in &organisation.services {
            if let Some(needs) = service.missing_contact() {
                return Err(LoadError::NoContact {
                    service: service.id.clone(),
                    channel: service.channel,
                    needs,
                });
            }
            let weekly = matches!(service.hours, Hours::Weekly(_));
            if weekly && organisation.timezone.is_none() {
                return Err(LoadError::MissingTimeZone(service.id.clone()));
            }
        }
    }
    Ok(())
}

/// Every zone named, looked up once in the bundled database (never the system's).
fn resolve_zones(file: &File) -> Result<BTreeMap<String, TimeZone>, LoadError> {
    let database = TimeZoneDatabase::bundled();
    let named = file.countries.iter().map(|c| (&c.iso, &c.timezone)).chain(
        file.organisations
            .iter()
            .filter_map(|o| Some((&o.id, o.timezone.as_ref()?))),
    );
    let mut zones = BTreeMap::new();
    for (owner, zone) in named {
        if zones.contains_key(zone) {
            continue;
        }
        let resolved = database.get(zone).map_err(|_| LoadError::UnknownTimeZone {
            owner: owner.clone(),
            zone: zone.clone(),
        })?;
        zones.insert(zone.clone(), resolved);
    }
    Ok(zones)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hours::Availability;

    const SEED: &str = include_str!("../../src/directory/seed/directory.yaml");

    fn seed() -> Directory {
        Directory::from_yaml(SEED).expect("the seed parses")
    }

    fn services(directory: &Directory) -> impl Iterator<Item = (&Organisation, &Service)> {
        directory
            .organisations()
            .iter()
            .flat_map(|o| o.services.iter().map(move |s| (o, s)))
    }

    #[test]
    fn the_real_seed_parses_whole() {
        let directory = seed();
        assert_eq!(directory.countries().len(), 28);
        assert_eq!(directory.organisations().len(), 133);
        assert_eq!(services(&directory).count(), 110);
        assert_eq!(
            directory.country("gb").map(|c| c.name.as_str()),
            Some("United Kingdom")
        );
        let count = |kind| {
            directory
                .organisations()
                .iter()
                .filter(|o| o.kind == kind)
                .count()
        };
        assert_eq!(count(Kind::Emergency), 29);
        assert_eq!(count(Kind::Helpline), 40);
        assert_eq!(count(Kind::Hotline), 31);
        assert_eq!(count(Kind::Dsc), 27);
        assert_eq!(count(Kind::Tool), 3);
        assert_eq!(count(Kind::Authority), 2);
        assert_eq!(count(Kind::CareCentre), 1);
    }

    #[test]
    fn every_services_hours_phone_and_zone_are_understood() {
        let directory = seed();
        let (mut unknown, mut always, mut weekly) = (0, 0, 0);
        for (organisation, service) in services(&directory) {
            match &service.hours {
                Hours::Unknown => unknown += 1,
                Hours::Always => always += 1,
                Hours::Weekly(_) => {
                    weekly += 1;
                    assert!(
                        directory.zone(organisation).is_some(),
                        "{} has weekly hours and a zone",
                        service.id
                    );
                }
            }
            if service.channel == Channel::Phone {
                assert!(service.phone.is_some(), "{} has a number", service.id);
            }
            // Every weekly schedule has a next opening from any instant.
            let at = "2026-12-02T03:00:00Z".parse().unwrap();
            let availability = service.hours.availability(directory.zone(organisation), at);
            if let Hours::Weekly(_) = service.hours {
                assert!(
                    matches!(
                        availability,
                        Availability::Closed { .. } | Availability::Open
                    ),
                    "{}",
                    service.id
                );
            }
        }
        assert_eq!((unknown, always, weekly), (64, 39, 7));
        let phones: Vec<&Phone> = services(&directory)
            .filter_map(|(_, s)| s.phone.as_ref())
            .collect();
        assert_eq!(phones.len(), 62);
        assert_eq!(phones.iter().filter(|p| p.is_short()).count(), 49);
        // Every organisation outside the worldwide tools has a zone, and every zone resolved.
        for organisation in directory.organisations() {
            let worldwide = organisation.countries.as_deref() == Some(&["all".to_owned()][..]);
            assert_eq!(
                directory.zone(organisation).is_none(),
                worldwide,
                "{}",
                organisation.id
            );
        }
    }

    #[test]
    fn tools_reach_all_countries_or_their_list() {
        let directory = seed();
        let find = |id: &str| {
            directory
                .organisations()
                .iter()
                .find(|o| o.id == id)
                .unwrap()
        };
        assert!(find("tool-take-it-down").serves("PL"));
        assert!(find("tool-stopncii").serves("GB"));
        assert!(find("tool-report-remove").serves("GB"));
        assert!(!find("tool-report-remove").serves("IE"));
        assert!(find("nl-113").serves("NL"));
        assert!(!find("nl-113").serves("BE"));
        assert_eq!(
            find("tool-take-it-down").ages,
            Ages {
                min: None,
                max: Some(17)
            }
        );
    }

    #[test]
    fn ages_overlap_the_bands() {
        let minors = Ages {
            min: None,
            max: Some(17),
        };
        let adults = Ages {
            min: Some(18),
            max: None,
        };
        assert!(minors.overlaps(16, 17) && !minors.overlaps(18, 24));
        assert!(adults.overlaps(18, 24) && !adults.overlaps(13, 15));
        assert!(Ages::default().overlaps(0, 12) && !Ages::default().is_stated());
    }

    #[test]
    fn phone_numbers_are_e164_or_short() {
        for good in ["112", "116111", "+31202615275", "017"] {
            assert!(Phone::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "11",
            "1234567",
            "+0123456789",
            "+3120 2615275",
            "0800-0113",
            "",
        ] {
            assert!(Phone::parse(bad).is_err(), "{bad}");
        }
    }

    const MINIMAL: &str =
        "countries: [{iso: XX, name: X, eu: true, languages: [en], timezone: Europe/Amsterdam}]\n";

    fn load(organisations: &str) -> Result<Directory, LoadError> {
        Directory::from_yaml(&format!("{MINIMAL}organisations:\n{organisations}"))
    }

    #[test]
    fn broken_directories_are_rejected_with_a_reason() {
        let org = |extra: &str, services: &str| {
            format!(
                "- {{id: xx-a, kind: helpline, country: XX, name: A, timezone: Europe/Amsterdam, languages: [en], audience: [myself], verified: true, source: [s]{extra}, services: [{services}]}}\n"
            )
        };
        assert!(load(&org("", "")).is_ok());
        let phone = "{id: xx-a-phone, channel: phone, phone: '112', hours: null, verified: true}";
        assert!(matches!(
            load(&format!("{}{}", org("", phone), org("", ""))),
            Err(LoadError::DuplicateId(id)) if id == "xx-a"
        ));
        assert!(matches!(
            load(&org("", "").replace("Europe/Amsterdam", "Mars/Olympus")),
            Err(LoadError::UnknownTimeZone { zone, .. }) if zone == "Mars/Olympus"
        ));
        assert!(matches!(
            load(&org("", "").replace("country: XX, ", "")),
            Err(LoadError::NoCountry(id)) if id == "xx-a"
        ));
        let weekly = "{id: xx-a-phone, channel: phone, phone: '112', verified: true, hours: {always: false, weekly: [{days: [mon], open: '09:00', close: '17:00'}]}}";
        assert!(matches!(
            load(&org("", weekly).replace("timezone: Europe/Amsterdam, ", "")),
            Err(LoadError::MissingTimeZone(id)) if id == "xx-a-phone"
        ));
        let no_number = "{id: xx-a-phone, channel: phone, hours: null, verified: true}";
        assert!(matches!(
            load(&org("", no_number)),
            Err(LoadError::NoContact { needs: "phone", .. })
        ));
        let bad_number =
            "{id: xx-a-phone, channel: phone, phone: '0800-0113', hours: null, verified: true}";
        assert!(matches!(
            load(&org("", bad_number)),
            Err(LoadError::Yaml(_))
        ));
        assert!(matches!(
            load(&org("", "").replace("helpline", "shelter")),
            Err(LoadError::Yaml(_))
        ));
        let fax = "{id: xx-a-fax, channel: fax, hours: null, verified: true}";
        assert!(matches!(load(&org("", fax)), Err(LoadError::Yaml(_))));
    }
}
