//! Which help services to show a person, best first.
//!
//! [`route`] takes what the person told us ([`Needs`]), the directory seed ([`Directory`],
//! read from `app/src/directory/seed/directory.yaml`) and an instant, and returns one
//! [`Row`] per service. It is pure: no clock (the instant is an argument), no I/O, and the
//! order is total, so the same arguments always give the same list, whatever the order of
//! the file. Opening hours are read with jiff's bundled time zone database, never the
//! machine's.
//!
//! # Who is listed
//!
//! A service is a candidate when its organisation
//! - serves the person's country (its `country`, or a tool for `[all]` or listing it);
//! - takes calls from who is asking (`audience` contains `for_whom`; a parent is `my_child`);
//! - fits the age of the person the help is about (`ages`; none stated fits any age, and
//!   `not_said` fits everything; an `ages_note` without numbers is not read as a limit);
//! - may be shown to the audience ([`Audience`], below).
//!
//! It is listed only with a reason that answers the person's needs (acute help, a topic of
//! what happened, a hotline for the images, parent support, a general line for "other", or a
//! regulator as escalation). Language, age, hours, free and anonymous only describe and
//! order what is listed. So Stop it Now (`own_thoughts`) is not offered to a victim, victim
//! services are not offered to someone who only asked about their own thoughts, and the
//! emergency number is listed only when the situation is acute.
//!
//! # The order
//!
//! 1. **Acute help first**, in the order the situation needs it:
//!    - `safety = danger`: the country's emergency number(s) (`kind: emergency`);
//!    - `safety = suicidal`: a suicide-prevention line (topic `suicidal_thoughts`) that is
//!      open now, then the emergency number, then suicide lines whose hours are unknown or
//!      that are closed. A trained listener is the better first contact for suicidal
//!      thoughts, but only if it answers now; 112 always answers;
//!    - `recent_offline`: care after sexual violence (`care_centre` with topic
//!      `sexual_violence`), then the emergency number if not already listed (where no care
//!      centre is known, 112 reaches medical care and the police).
//! 2. **Never an unverified number first for an acute need**: among acute help, verified
//!    services come before unverified ones, then the order above. When a country has no
//!    verified acute service at all (the seed's `GB`: 999 and 112 are unverified) the
//!    unverified emergency number still comes first: listing a helpline above the emergency
//!    number for someone in danger would be worse. The row says `verified: false`.
//! 3. **Then fit**, by score: a matching topic (40, +4 per further topic; +30 more when the
//!    person asked about their own thoughts, so those services lead), parent support for a
//!    parent (25), a hotline for images of a person who is or may be under 18 (20, when no
//!    topic matched: the hotlines handle child abuse material, not adults' images), a
//!    general helpline for "other" (10); then ages stated and fitting (10), language (8),
//!    verified (6), free (3), anonymous (3). Hash tools come in through their topics and
//!    ages: Take It Down and Report Remove (GB) for under-18s, StopNCII for adults.
//! 4. **Open now beats closed**: a phone or chat open now adds 10 (25 with `talk = now`),
//!    one whose hours are unknown 4 (8 with `talk = now`), a closed one nothing; a web form
//!    or e-mail is usable at any time and is not scored on hours. `talk = no` puts web and
//!    e-mail channels (the tools are web) before chats, and chats before phones, whatever
//!    the score. Hours are read in the organisation's time zone at the instant; a closed
//!    service has `opens_at`, its next opening within seven days.
//! 5. **Public visibility**: [`route`] is for the public pages ([`Audience::Public`]): an
//!    organisation without any `source` is left out, because nothing may be shown unsourced;
//!    sourced but unverified ones stay, with `verified: false` for the page to mark.
//!    [`route_for`] with [`Audience::Staff`] lists everything, for reviewers.
//! 6. **Ties**: by score, then by service id (unique), so the order is total.
//! 7. **Regulators last and rarely**: Digital Services Coordinators and authorities
//!    (`dsc`, `authority`) are where to complain when a platform does not act, not help for a
//!    person. They are listed, after everything else, for a `professional` asking about
//!    images, and for anyone else only when nothing else would be listed.
//!
//! A row's `reasons` are codes ([`Reason`]), never empty; the app words them with Fluent.

mod directory;
mod hours;
mod needs;
mod route;

#[cfg(test)]
mod scenarios;

pub use directory::{
    Ages, Channel, Country, Directory, ForWhom, Kind, LoadError, Organisation, Phone, Service,
    Topic,
};
pub use hours::{Availability, Clock, Day, Hours, Window};
/// The instant [`route`] ranks for: callers need no jiff of their own.
pub use jiff::Timestamp;
pub use needs::{AgeBand, Happened, Needs, Safety, Talk};
pub use route::{Audience, Reason, Row, route, route_for};
