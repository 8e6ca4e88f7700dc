//! The ranking itself. The rules are in the crate documentation; this module keeps them as
//! small functions: who may see a service, whether it fits the person, whether it is acute,
//! its score, and the order.

use std::cmp::Reverse;
use std::collections::BTreeSet;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::directory::{Channel, Directory, ForWhom, Kind, Organisation, Service, Topic};
use crate::hours::Availability;
use crate::needs::{Happened, Needs, Safety, Talk};

/// Who will see the list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// The public pages: an organisation with no source at all is left out (nothing can be
    /// shown unsourced); sourced but unverified entries stay, marked `verified: false`.
    #[default]
    Public,
    /// Staff tools: everything, so reviewers see what still needs a source.
    Staff,
}

/// Why a service is in the list. The app words these with Fluent; [`Reason::english`] is
/// the CLI's fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    AcuteDanger,
    Suicidal,
    RecentViolence,
    Topic,
    ReportImages,
    SelfHelpTool,
    ForParents,
    ForProfessionals,
    GeneralHelp,
    Escalation,
    Age,
    Language,
    OpenNow,
    Free,
    Anonymous,
}

impl Reason {
    pub fn english(&self) -> &'static str {
        match self {
            Reason::AcuteDanger => "Emergency number for when someone is in danger now",
            Reason::Suicidal => "Help when you are thinking about suicide",
            Reason::RecentViolence => "Care after recent sexual violence",
            Reason::Topic => "Helps with what happened",
            Reason::ReportImages => "Where to report the images",
            Reason::SelfHelpTool => "A tool to get images removed yourself",
            Reason::ForParents => "Supports parents",
            Reason::ForProfessionals => "Takes questions from professionals",
            Reason::GeneralHelp => "General support line",
            Reason::Escalation => "Where to complain if a platform does not act",
            Reason::Age => "For this age group",
            Reason::Language => "Speaks your language",
            Reason::OpenNow => "Open now",
            Reason::Free => "Free of charge",
            Reason::Anonymous => "You can stay anonymous",
        }
    }

    /// A reason that is enough to list a service; the others only describe it.
    fn is_primary(self) -> bool {
        matches!(
            self,
            Reason::AcuteDanger
                | Reason::Suicidal
                | Reason::RecentViolence
                | Reason::Topic
                | Reason::ReportImages
                | Reason::ForParents
                | Reason::GeneralHelp
                | Reason::Escalation
        )
    }
}

/// One service in the ranked list. The serde names are a contract with the CLI and the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// The service id.
    pub id: String,
    pub organisation_id: String,
    pub name: String,
    pub kind: Kind,
    pub channel: Channel,
    /// `None` for the worldwide tools.
    pub country: Option<String>,
    pub phone: Option<String>,
    pub url: Option<String>,
    /// Not in the original contract: an e-mail channel has nothing else to show.
    pub email: Option<String>,
    /// With `handle`, for messenger chats (Telegram has neither phone nor URL).
    pub app: Option<String>,
    pub handle: Option<String>,
    /// `None` when the hours are unknown.
    pub open_now: Option<bool>,
    /// RFC 3339 with the organisation's offset; set exactly when `open_now` is `Some(false)`.
    pub opens_at: Option<String>,
    pub languages: Vec<String>,
    pub verified: bool,
    /// Never empty; in a fixed order (most important first).
    pub reasons: Vec<Reason>,
}

/// The ranked services for the public pages: [`route_for`] with [`Audience::Public`].
pub fn route(needs: &Needs, directory: &Directory, at: Timestamp) -> Vec<Row> {
    route_for(needs, directory, at, Audience::Public)
}

/// The ranked services for `needs` at the instant `at`, as `audience` may see them. Pure:
/// the same arguments give the same list.
pub fn route_for(
    needs: &Needs,
    directory: &Directory,
    at: Timestamp,
    audience: Audience,
) -> Vec<Row> {
    let country = needs.country_code();
    let candidates = directory
        .organisations()
        .iter()
        .filter(|o| visible(o, audience) && o.serves(&country) && fits_person(needs, o))
        .flat_map(|o| {
            let availability_at = move |s: &Service| s.hours.availability(directory.zone(o), at);
            o.services
                .iter()
                .filter_map(move |s| place(needs, o, s, availability_at(s)))
        });
    let mut placed = keep_escalation_only_if_needed(needs, candidates.collect());
    placed.sort_by(|a, b| a.key(needs.talk).cmp(&b.key(needs.talk)));
    placed.into_iter().map(Placed::into_row).collect()
}

// ------------------------------------------------------------------ weights
//
// The score orders services inside a tier; it never lists one (only a primary reason does).
// What happened weighs most: one topic match (40) equals all the descriptive weights together
// (age 10, language 8, verified 6, free 3, anonymous 3, open 10), so those decide between
// services of similar fit. With `talk = now` an open line weighs 25: a person who wants to
// talk now is better served by an open line than by a slightly better fit that is closed.

/// One topic of what happened matches the organisation's topics.
const TOPIC: i32 = 40;
/// Each further topic matched.
const EXTRA_TOPIC: i32 = 4;
/// The person asked about their own thoughts: services for that come before victim services.
const OWN_THOUGHTS: i32 = 30;
/// A parent, and the organisation supports parents.
const FOR_PARENTS: i32 = 25;
/// A hotline for images of a (possible) minor, without a topic match.
const REPORT_IMAGES: i32 = 20;
/// A general helpline for "something else".
const GENERAL_HELP: i32 = 10;
/// A regulator, listed for professionals.
const ESCALATION: i32 = 5;
/// The organisation states ages and this person is in them.
const AGE: i32 = 10;
const LANGUAGE: i32 = 8;
const VERIFIED: i32 = 6;
const FREE: i32 = 3;
const ANONYMOUS: i32 = 3;
/// A phone or chat open now; `talk = now` weighs it more.
const OPEN: i32 = 10;
const OPEN_TALK_NOW: i32 = 25;
/// A phone or chat whose hours are unknown: it may be open, a closed one is not.
const MAYBE_OPEN: i32 = 4;
const MAYBE_OPEN_TALK_NOW: i32 = 8;

// ------------------------------------------------------------------ who may see it, who it fits

fn visible(organisation: &Organisation, audience: Audience) -> bool {
    match audience {
        Audience::Public => !organisation.source.is_empty(),
        Audience::Staff => true,
    }
}

/// The audience includes who is asking, and the ages (of the person the help is about)
/// include theirs: no stated ages, or no age given, fits.
fn fits_person(needs: &Needs, organisation: &Organisation) -> bool {
    let ages_fit = match needs.age.years() {
        Some((from, to)) => organisation.ages.overlaps(from, to),
        None => true,
    };
    ages_fit && organisation.audience.contains(&needs.for_whom)
}

// ------------------------------------------------------------------ acute help

/// The kinds of acute help, in the order a situation needs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Acute {
    Emergency,
    /// A suicide-prevention line known to be open now.
    SuicideLineOpen,
    /// One that is closed, or whose hours are unknown.
    SuicideLine,
    /// Care after sexual violence (medical care and evidence are time-critical).
    CareCentre,
}

/// Danger: the emergency number. Suicidal: an open suicide line (someone trained answers
/// now), then the emergency number, then suicide lines that may not answer. Recent sexual
/// violence: the care centre, then the emergency number (where no care centre is listed, it
/// reaches medical care and the police).
fn acute_order(needs: &Needs) -> Vec<Acute> {
    let mut order = match needs.safety {
        Safety::Danger => vec![Acute::Emergency],
        Safety::Suicidal => vec![Acute::SuicideLineOpen, Acute::Emergency, Acute::SuicideLine],
        Safety::Safe => Vec::new(),
    };
    if needs.recent_offline {
        order.push(Acute::CareCentre);
        if !order.contains(&Acute::Emergency) {
            order.push(Acute::Emergency);
        }
    }
    order
}

fn is_acute_kind(acute: Acute, organisation: &Organisation, availability: &Availability) -> bool {
    let suicide_line = organisation.kind != Kind::Emergency
        && organisation.topics.contains(&Topic::SuicidalThoughts);
    match acute {
        Acute::Emergency => organisation.kind == Kind::Emergency,
        Acute::SuicideLineOpen => suicide_line && *availability == Availability::Open,
        Acute::SuicideLine => suicide_line,
        Acute::CareCentre => {
            organisation.kind == Kind::CareCentre
                && organisation.topics.contains(&Topic::SexualViolence)
        }
    }
}

/// The service's place among the acute help (0 first), with the reasons, or `None`.
fn acute_rank(
    needs: &Needs,
    organisation: &Organisation,
    availability: &Availability,
) -> Option<(u8, BTreeSet<Reason>)> {
    let order = acute_order(needs);
    let rank = order
        .iter()
        .position(|&a| is_acute_kind(a, organisation, availability))?;
    let reasons = order
        .iter()
        .filter(|&&a| is_acute_kind(a, organisation, availability))
        .flat_map(|&a| acute_reasons(a, needs))
        .collect();
    Some((rank as u8, reasons))
}

fn acute_reasons(acute: Acute, needs: &Needs) -> Vec<Reason> {
    match acute {
        Acute::Emergency => {
            let mut reasons = Vec::new();
            if needs.safety != Safety::Safe {
                reasons.push(Reason::AcuteDanger);
            }
            if needs.safety == Safety::Suicidal {
                reasons.push(Reason::Suicidal);
            }
            if needs.recent_offline {
                reasons.push(Reason::RecentViolence);
            }
            reasons
        }
        Acute::SuicideLineOpen | Acute::SuicideLine => vec![Reason::Suicidal],
        Acute::CareCentre => vec![Reason::RecentViolence],
    }
}

// ------------------------------------------------------------------ fit

/// How well a non-emergency organisation answers what happened, with the reasons that are
/// enough to list it. Emergency numbers are listed only as acute help.
fn relevance(needs: &Needs, organisation: &Organisation) -> (i32, BTreeSet<Reason>) {
    let mut score = 0;
    let mut reasons = BTreeSet::new();
    if organisation.kind == Kind::Emergency {
        return (score, reasons);
    }
    if organisation.kind.is_escalation() {
        if needs.about_images() {
            reasons.insert(Reason::Escalation);
            score += ESCALATION;
        }
        return (score, reasons);
    }
    let matched: Vec<Topic> = organisation
        .topics
        .intersection(&needs.topics())
        .copied()
        .collect();
    if !matched.is_empty() {
        reasons.insert(Reason::Topic);
        score += TOPIC + EXTRA_TOPIC * (matched.len() as i32 - 1);
    }
    if matched.contains(&Topic::OwnThoughts) {
        score += OWN_THOUGHTS;
    }
    if organisation.kind == Kind::Hotline && hotline_helps(needs) {
        reasons.insert(Reason::ReportImages);
        if matched.is_empty() {
            score += REPORT_IMAGES;
        }
    }
    if needs.for_whom == ForWhom::MyChild && organisation.topics.contains(&Topic::Parents) {
        reasons.insert(Reason::ForParents);
        score += FOR_PARENTS;
    }
    if general_help(needs, organisation) && matched.is_empty() {
        reasons.insert(Reason::GeneralHelp);
        score += GENERAL_HELP;
    }
    (score, reasons)
}

/// Hotlines take reports of child abuse material: what someone saw, or images of a person
/// who is (or may be, age not said) under 18. Adults' images are not theirs to handle.
fn hotline_helps(needs: &Needs) -> bool {
    needs.has(Happened::ChildAbuseMaterial)
        || (needs.about_own_images() && needs.age.may_be_minor())
}

/// "Something else happened": a helpline for victims (not one only for suicidal or one's own
/// thoughts) is a place to start.
fn general_help(needs: &Needs, organisation: &Organisation) -> bool {
    let victim_topics = organisation
        .topics
        .iter()
        .any(|t| !matches!(t, Topic::OwnThoughts | Topic::SuicidalThoughts));
    needs.has(Happened::Other) && organisation.kind == Kind::Helpline && victim_topics
}

/// What describes the service for this person, and the weight it adds.
fn description(
    needs: &Needs,
    organisation: &Organisation,
    service: &Service,
    availability: &Availability,
    verified: bool,
) -> (i32, BTreeSet<Reason>) {
    let mut score = 0;
    let mut reasons = BTreeSet::new();
    let mut add = |applies: bool, reason: Option<Reason>, weight: i32| {
        if applies {
            reasons.extend(reason);
            score += weight;
        }
    };
    let in_stated_ages = organisation.ages.is_stated() && needs.age.years().is_some();
    add(in_stated_ages, Some(Reason::Age), AGE);
    add(
        organisation.speaks(&needs.language()),
        Some(Reason::Language),
        LANGUAGE,
    );
    add(verified, None, VERIFIED);
    add(organisation.free == Some(true), Some(Reason::Free), FREE);
    add(
        organisation.anonymous == Some(true),
        Some(Reason::Anonymous),
        ANONYMOUS,
    );
    add(
        organisation.kind == Kind::Tool,
        Some(Reason::SelfHelpTool),
        0,
    );
    add(
        needs.for_whom == ForWhom::Professional,
        Some(Reason::ForProfessionals),
        0,
    );
    if service.channel.is_live() {
        let talk_now = needs.talk == Talk::Now;
        match availability {
            Availability::Open => {
                add(
                    true,
                    Some(Reason::OpenNow),
                    if talk_now { OPEN_TALK_NOW } else { OPEN },
                );
            }
            Availability::Unknown => {
                add(
                    true,
                    None,
                    if talk_now {
                        MAYBE_OPEN_TALK_NOW
                    } else {
                        MAYBE_OPEN
                    },
                );
            }
            Availability::Closed { .. } => {}
        }
    }
    (score, reasons)
}

// ------------------------------------------------------------------ placing and ordering

/// The tiers, in order: acute help, help that fits, regulators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Acute,
    Fit,
    Escalation,
}

struct Placed<'a> {
    organisation: &'a Organisation,
    service: &'a Service,
    availability: Availability,
    tier: Tier,
    acute_rank: u8,
    verified: bool,
    score: i32,
    reasons: BTreeSet<Reason>,
}

/// Where a service goes, or `None` when nothing about it answers the person's needs.
fn place<'a>(
    needs: &Needs,
    organisation: &'a Organisation,
    service: &'a Service,
    availability: Availability,
) -> Option<Placed<'a>> {
    let verified = organisation.verified && service.verified;
    let acute = acute_rank(needs, organisation, &availability);
    let (fit, mut reasons) = relevance(needs, organisation);
    if acute.is_none() && !reasons.iter().any(|r| r.is_primary()) {
        return None;
    }
    let tier = match (&acute, organisation.kind.is_escalation()) {
        (Some(_), _) => Tier::Acute,
        (None, true) => Tier::Escalation,
        (None, false) => Tier::Fit,
    };
    let (described, described_reasons) =
        description(needs, organisation, service, &availability, verified);
    let acute_rank = match acute {
        Some((rank, acute_reasons)) => {
            reasons.extend(acute_reasons);
            rank
        }
        None => 0,
    };
    reasons.extend(described_reasons);
    Some(Placed {
        organisation,
        service,
        availability,
        tier,
        acute_rank,
        verified,
        score: fit + described,
        reasons,
    })
}

/// Regulators are an escalation step: for professionals, and for anyone else only when
/// nothing else would be listed.
fn keep_escalation_only_if_needed<'a>(needs: &Needs, placed: Vec<Placed<'a>>) -> Vec<Placed<'a>> {
    let anything_else = placed.iter().any(|p| p.tier != Tier::Escalation);
    if needs.for_whom == ForWhom::Professional || !anything_else {
        return placed;
    }
    placed
        .into_iter()
        .filter(|p| p.tier != Tier::Escalation)
        .collect()
}

/// `talk = no`: services used without talking to anyone come first, then chats, then phones.
fn channel_class(talk: Talk, channel: Channel) -> u8 {
    match (talk, channel) {
        (Talk::No, Channel::Web | Channel::Email) => 0,
        (Talk::No, Channel::Chat) => 1,
        (Talk::No, Channel::Phone | Channel::WalkIn) => 2,
        (Talk::Now | Talk::Later, _) => 0,
    }
}

type SortKey<'a> = (Tier, bool, u8, u8, Reverse<i32>, &'a str);

impl<'a> Placed<'a> {
    /// Tier; among acute help verified first, then the acute order; among the rest the
    /// channel preference of `talk = no`; then score; then the service id, which is unique,
    /// so the order is total and does not depend on the file's order.
    fn key(&self, talk: Talk) -> SortKey<'a> {
        let acute = self.tier == Tier::Acute;
        let channel = if self.tier == Tier::Fit {
            channel_class(talk, self.service.channel)
        } else {
            0
        };
        (
            self.tier,
            acute && !self.verified,
            self.acute_rank,
            channel,
            Reverse(self.score),
            self.service.id.as_str(),
        )
    }

    fn into_row(self) -> Row {
        let Placed {
            organisation: o,
            service: s,
            ..
        } = self;
        Row {
            id: s.id.clone(),
            organisation_id: o.id.clone(),
            name: o.name.clone(),
            kind: o.kind,
            channel: s.channel,
            country: o.country.clone(),
            phone: s.phone.as_ref().map(|p| p.as_str().to_owned()),
            url: s.url.clone(),
            email: s.email.clone(),
            app: s.app.clone(),
            handle: s.handle.clone(),
            open_now: self.availability.open_now(),
            opens_at: self.availability.opens_at_rfc3339(),
            languages: o.languages.clone(),
            verified: self.verified,
            reasons: self.reasons.into_iter().collect(),
        }
    }
}
