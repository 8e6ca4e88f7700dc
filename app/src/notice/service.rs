//! Notice use cases: what the portal proposes for a case (one notice per provider and
//! category, every item assessed as illegal there in it), sending one as an analyst, and
//! marking a task filed. The actions run inside the case action's transaction
//! (`case::service::act`), which checked the permission and the organisation and writes
//! the audit event with the change.

use std::{
    collections::{BTreeMap, HashMap, HashSet},
    sync::RwLock,
};

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use sha2::{Digest, Sha256};

use super::{
    NoticeCategory, NoticeChannel, NoticeProposal, NoticeStatus, NoticeView, ProposalBlock,
    compose::{NoticeInput, Notifier, compose},
    entity::notice,
    hotlines,
    outbox::{self, NewNotice},
};
use crate::{
    case::{Verdict, entity::assessment},
    directory::{OrganisationKind, entity::organisation},
    hosting::{self, Resolution},
    report::{
        ItemKind,
        entity::{item, report},
    },
    time::date_time,
    token::hex,
};

/// Any fixed number: the key of PostgreSQL's transaction lock that serialises one
/// organisation's sends (xor its id).
const SEND_LOCK: i64 = 0x6e6f_7469_6365_0000;

/// Hours from sending to a notice's deadline: the Dutch norm for this material.
pub const DEFAULT_DEADLINE_HOURS: i64 = 24;

/// The portal's own notifier identity, for cases no organisation with its own identity
/// owns: `PORTAL_NOTIFIER_NAME` and `PORTAL_NOTICE_FROM`, set by the server on start.
#[derive(Debug, Clone)]
pub struct NoticeDefaults {
    pub notifier: Notifier,
    pub deadline_hours: i64,
}

impl Default for NoticeDefaults {
    fn default() -> NoticeDefaults {
        NoticeDefaults {
            notifier: Notifier {
                name: "Safe Again".to_owned(),
                domain: "safe-again.invalid".to_owned(),
                mailbox: "notices@safe-again.invalid".to_owned(),
            },
            deadline_hours: DEFAULT_DEADLINE_HOURS,
        }
    }
}

static DEFAULTS: RwLock<Option<NoticeDefaults>> = RwLock::new(None);

/// Sets the portal's notifier identity (the server does, from its settings).
pub fn configure(defaults: NoticeDefaults) {
    *DEFAULTS.write().unwrap_or_else(|e| e.into_inner()) = Some(defaults);
}

fn defaults() -> NoticeDefaults {
    DEFAULTS
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
        .unwrap_or_default()
}

#[derive(Debug, thiserror::Error)]
pub enum NoticeError {
    #[error("no such notice proposed for this case")]
    UnknownProposal,
    #[error("the proposed notice changed since it was shown")]
    Changed,
    #[error("no such notice in this case, or it is not a task")]
    UnknownNotice,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// Where one item's notice goes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Route {
    channel: NoticeChannel,
    recipient: String,
    to: String,
    provider_id: Option<String>,
    country: Option<String>,
    languages: Vec<String>,
}

/// Everything a case's proposals are made from, read once.
struct CaseFacts {
    case: report::Model,
    owner: Option<organisation::Model>,
    /// Items assessed (latest verdict) as illegal, with their category and address.
    illegal: Vec<(item::Model, NoticeCategory, String)>,
    /// Items of this case in a notice that is not dead.
    notified: HashSet<i64>,
    /// Addresses in a live notice of another case of the same owner, with its reference.
    elsewhere: HashMap<String, String>,
    resolutions: HashMap<String, (Resolution, i64)>,
    /// Notices the case has had (part of each new reference).
    notices_so_far: usize,
}

async fn facts(db: &impl ConnectionTrait, case: report::Model) -> Result<CaseFacts, DbErr> {
    let items = crate::report::store::items(db, case.id).await?;
    let assessments = assessment::Entity::find()
        .filter(assessment::Column::ReportId.eq(case.id))
        .order_by_asc(assessment::Column::Id)
        .all(db)
        .await?;
    let mut latest: HashMap<i64, Verdict> = HashMap::new();
    for a in assessments {
        latest.insert(a.item_id, a.verdict);
    }
    let illegal: Vec<_> = items
        .into_iter()
        .filter(|i| i.kind == ItemKind::Url && i.removed_at.is_none())
        .filter_map(|i| {
            let category = NoticeCategory::of_verdict(*latest.get(&i.id)?)?;
            let url = i.url.clone()?;
            Some((i, category, url))
        })
        .collect();
    let mine = outbox::of_case(db, case.id).await?;
    let notified = mine
        .iter()
        .filter(|(n, _)| n.status != NoticeStatus::Dead)
        .flat_map(|(_, items)| items.iter().map(|i| i.item_id))
        .collect();
    let urls: Vec<String> = illegal.iter().map(|(_, _, url)| url.clone()).collect();
    let elsewhere = outbox::live_for_urls(db, &urls, case.owner_organisation_id)
        .await?
        .into_iter()
        .filter(|(n, _)| n.report_id != case.id)
        .flat_map(|(n, items)| items.into_iter().map(move |i| (i.url, n.reference.clone())))
        .collect();
    let hosts: Vec<String> = urls
        .iter()
        .filter_map(|u| hosting::store::host_of(u))
        .collect();
    let resolutions = hosting::store::for_hosts(db, &hosts).await?;
    let owner = match case.owner_organisation_id {
        Some(id) => organisation::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    Ok(CaseFacts {
        case,
        owner,
        illegal,
        notified,
        elsewhere,
        resolutions,
        notices_so_far: mine.len(),
    })
}

/// Where a notice about an address hosted as `resolution` goes, for `category`.
async fn route(
    db: &impl ConnectionTrait,
    facts: &CaseFacts,
    category: NoticeCategory,
    resolution: &Resolution,
) -> Result<Option<Route>, DbErr> {
    let hosting_country = resolution
        .provider
        .as_ref()
        .and_then(|p| p.country.clone())
        .or_else(|| resolution.network.as_ref().and_then(|n| n.country.clone()))
        .map(|c| c.to_ascii_uppercase());
    if category == NoticeCategory::Csam {
        // A hotline sends notices about material hosted in its own country itself (as
        // SCART does); everywhere else it goes to that country's hotline (ICCAM).
        let own_hotline = facts.owner.as_ref().is_some_and(|o| {
            o.kind == OrganisationKind::Hotline
                && o.country.is_some()
                && o.country.as_deref().map(str::to_ascii_uppercase) == hosting_country
        });
        if !own_hotline {
            // The hosting country's hotline; where it has none (or the host is unknown), the
            // reporter's country's, which passes it on through ICCAM. The notice keeps the
            // real hosting country: its grounds are that country's, never the reporter's.
            let hotline = hosting_country
                .as_deref()
                .and_then(hotlines::for_country)
                .or_else(|| hotlines::for_country(&facts.case.country));
            return Ok(hotline.map(|h| Route {
                channel: NoticeChannel::Hotline,
                recipient: h.report_url.clone(),
                to: h.name.clone(),
                provider_id: None,
                country: hosting_country.clone(),
                languages: h.languages.clone(),
            }));
        }
    }
    if let Some(matched) = &resolution.provider
        && let Some(stored) = hosting::directory::find(db, &matched.id).await?
    {
        let record = stored.record;
        let languages = record.notice_languages.clone().unwrap_or_default();
        let base = |channel, recipient: String| Route {
            channel,
            recipient,
            to: record.name.clone(),
            provider_id: Some(record.id.clone()),
            country: record.country.clone().or(hosting_country.clone()),
            languages: languages.clone(),
        };
        if let Some(email) = record.dsa.notice_email.clone().filter(|e| e.contains('@')) {
            return Ok(Some(base(NoticeChannel::Email, email)));
        }
        if let Some(form) = record.dsa.notice_form_url.clone() {
            return Ok(Some(base(NoticeChannel::WebForm, form)));
        }
    }
    // No directory entry with a channel: the abuse address the network's records give,
    // the CDN's first when the address is behind one (it knows the origin).
    let abuse = resolution
        .cdn
        .as_ref()
        .and_then(|c| c.abuse_email.clone().map(|e| (e, c.name.clone())))
        .or_else(|| {
            resolution.network.as_ref().and_then(|n| {
                // A network without a name is named by its abuse address.
                n.abuse_email
                    .clone()
                    .map(|e| (e.clone(), n.name.clone().unwrap_or(e)))
            })
        });
    Ok(abuse.map(|(email, to)| Route {
        channel: NoticeChannel::Email,
        recipient: email,
        to,
        provider_id: resolution.provider.as_ref().map(|p| p.id.clone()),
        country: hosting_country,
        languages: Vec::new(),
    }))
}

/// A proposal before it is composed.
struct Group {
    route: Route,
    category: NoticeCategory,
    items: Vec<(i64, String)>,
}

async fn groups(
    db: &impl ConnectionTrait,
    facts: &CaseFacts,
) -> Result<(Vec<Group>, Vec<ProposalBlock>), DbErr> {
    let mut grouped: BTreeMap<(Route, NoticeCategory), Vec<(i64, String)>> = BTreeMap::new();
    let mut blocks = Vec::new();
    for (item, category, url) in &facts.illegal {
        if facts.notified.contains(&item.id) {
            continue;
        }
        if let Some(reference) = facts.elsewhere.get(url) {
            blocks.push(ProposalBlock::AlreadyNotified {
                url: url.clone(),
                reference: reference.clone(),
            });
            continue;
        }
        let resolution = hosting::store::host_of(url).and_then(|h| facts.resolutions.get(&h));
        let Some((resolution, _)) = resolution else {
            blocks.push(ProposalBlock::HostingPending { url: url.clone() });
            continue;
        };
        match route(db, facts, *category, resolution).await? {
            Some(route) => grouped
                .entry((route, *category))
                .or_default()
                .push((item.id, url.clone())),
            None => blocks.push(ProposalBlock::NoChannel { url: url.clone() }),
        }
    }
    let groups = grouped
        .into_iter()
        .map(|((route, category), items)| Group {
            route,
            category,
            items,
        })
        .collect();
    Ok((groups, blocks))
}

/// Names a proposal: every fact of its route and its category (two networks may share an
/// abuse address and still be two notices).
fn key_of(group: &Group) -> String {
    let route = &group.route;
    short_digest(&[
        route.channel.as_str(),
        group.category.as_str(),
        &route.recipient,
        &route.to,
        route.provider_id.as_deref().unwrap_or(""),
        route.country.as_deref().unwrap_or(""),
        &route.languages.join(","),
    ])
}

fn short_digest(parts: &[&str]) -> String {
    let digest = Sha256::digest(parts.join("\n").as_bytes());
    hex(&digest[..8])
}

fn notifier_of(owner: Option<&organisation::Model>, defaults: &NoticeDefaults) -> Notifier {
    match owner {
        Some(o) => Notifier {
            name: o.name.clone(),
            domain: o
                .domain
                .clone()
                .unwrap_or_else(|| defaults.notifier.domain.clone()),
            mailbox: o
                .case_mailbox
                .clone()
                .unwrap_or_else(|| defaults.notifier.mailbox.clone()),
        },
        None => defaults.notifier.clone(),
    }
}

/// A group composed, as the analyst reviews it and as it is sent.
struct Drafted {
    proposal: NoticeProposal,
    new: NewNotice,
}

fn draft(facts: &CaseFacts, group: Group, now: i64, by: i64) -> Drafted {
    let defaults = defaults();
    let key = key_of(&group);
    let urls: Vec<String> = group.items.iter().map(|(_, url)| url.clone()).collect();
    let notifier = notifier_of(facts.owner.as_ref(), &defaults);
    // The same group gets the same reference on the same day; the count of notices the
    // case already had tells a later one apart.
    let seed = format!("{}|{key}|{}", facts.case.id, facts.notices_so_far);
    let reference = format!(
        "SA-{}-{}",
        crate::time::date(now).replace('-', ""),
        short_digest(&[&seed, &urls.join(" ")])[..8].to_ascii_uppercase()
    );
    let deadline_at = now + defaults.deadline_hours * 3600;
    let composed = compose(&NoticeInput {
        reference: reference.clone(),
        category: group.category,
        urls: urls.clone(),
        provider: Some(group.route.to.clone()),
        hosting_country: group.route.country.clone(),
        notifier: notifier.clone(),
        issued_at: now,
        deadline: deadline_at,
        languages: group.route.languages.clone(),
    });
    // What the analyst must see unchanged for the send to go ahead: everything the text is
    // made of but the time it is sent (the route is in the key; the notifier changes with a
    // transfer; the grounds with the hosting country, which is in the route).
    let digest = short_digest(&[
        &key,
        &urls.join(" "),
        &composed.lang,
        &notifier.name,
        &notifier.domain,
        &notifier.mailbox,
        &defaults.deadline_hours.to_string(),
    ]);
    let xarf = serde_json::to_string_pretty(&composed.xarf).unwrap_or_default();
    let proposal = NoticeProposal {
        key,
        digest,
        to: group.route.to.clone(),
        channel: group.route.channel,
        recipient: group.route.recipient.clone(),
        category: group.category,
        urls,
        lang: composed.lang.clone(),
        fell_back_from: composed.fell_back_from.clone(),
        draft_template: composed.draft_template,
        subject: composed.subject.clone(),
        text: composed.text.clone(),
        xarf: xarf.clone(),
        deadline_hours: defaults.deadline_hours,
    };
    let new = NewNotice {
        message_id: format!("<{}@{}>", reference.to_ascii_lowercase(), notifier.domain),
        reference,
        report_id: facts.case.id,
        organisation_id: facts.case.owner_organisation_id,
        provider_id: group.route.provider_id.clone(),
        provider_name: Some(group.route.to),
        hosting_country: group.route.country,
        category: group.category,
        channel: group.route.channel,
        recipient: group.route.recipient,
        lang: composed.lang,
        subject: composed.subject,
        body: composed.text,
        xarf: composed.xarf.to_string(),
        deadline_at,
        created_at: now,
        created_by: by,
        items: group.items,
    };
    Drafted { proposal, new }
}

/// The notices the portal proposes for `case`, and why the other illegal items are not in
/// one.
pub async fn proposals(
    db: &impl ConnectionTrait,
    case: report::Model,
    now: i64,
) -> Result<(Vec<NoticeProposal>, Vec<ProposalBlock>), DbErr> {
    let facts = facts(db, case).await?;
    let (groups, blocks) = groups(db, &facts).await?;
    let proposals = groups
        .into_iter()
        .map(|g| draft(&facts, g, now, 0).proposal)
        .collect();
    Ok((proposals, blocks))
}

/// Sends the proposal `key` of `case` as staff member `by`, on `txn`: the notice goes into
/// the outbox (or becomes a task) with its items. `digest` is the reviewed proposal's: a
/// notice that changed since (another item assessed, a host resolved again) is refused, so
/// nothing goes out that nobody read. Returns the notice.
pub async fn send(
    txn: &impl ConnectionTrait,
    case: report::Model,
    key: &str,
    digest: &str,
    by: i64,
    now: i64,
) -> Result<(i64, NewNotice), NoticeError> {
    // On PostgreSQL, sends for one organisation take turns, so two analysts sending from two
    // cases that name the same address cannot both notify it (on SQLite the transaction's
    // BEGIN IMMEDIATE already serialises them).
    if txn.get_database_backend() == sea_orm::DbBackend::Postgres {
        txn.execute_raw(sea_orm::Statement::from_sql_and_values(
            sea_orm::DbBackend::Postgres,
            "SELECT pg_advisory_xact_lock($1)",
            [(SEND_LOCK ^ case.owner_organisation_id.unwrap_or(0)).into()],
        ))
        .await?;
    }
    let facts = facts(txn, case).await?;
    let (groups, _) = groups(txn, &facts).await?;
    let group = groups
        .into_iter()
        .find(|g| key_of(g) == key)
        .ok_or(NoticeError::UnknownProposal)?;
    let drafted = draft(&facts, group, now, by);
    if drafted.proposal.digest != digest {
        return Err(NoticeError::Changed);
    }
    let id = outbox::write(txn, drafted.new.clone()).await?;
    Ok((id, drafted.new))
}

/// Marks task `notice_id` of `case_id` filed by hand (or a dead notice sent another way).
pub async fn mark_filed(
    txn: &impl ConnectionTrait,
    case_id: i64,
    notice_id: i64,
    by: i64,
    now: i64,
) -> Result<notice::Model, NoticeError> {
    use sea_orm::sea_query::Expr;
    let found = outbox::find(txn, notice_id)
        .await?
        .filter(|n| n.report_id == case_id)
        .filter(|n| matches!(n.status, NoticeStatus::Task | NoticeStatus::Dead))
        .ok_or(NoticeError::UnknownNotice)?;
    // The provider's deadline runs from when it was filed, not from when the task was made.
    let deadline_at = now + defaults().deadline_hours * 3600;
    let updated = notice::Entity::update_many()
        .col_expr(notice::Column::Status, Expr::value(NoticeStatus::Filed))
        .col_expr(notice::Column::SentAt, Expr::value(now))
        .col_expr(notice::Column::FiledBy, Expr::value(by))
        .col_expr(notice::Column::DeadlineAt, Expr::value(deadline_at))
        .filter(notice::Column::Id.eq(notice_id))
        .filter(notice::Column::Status.eq(found.status))
        .exec(txn)
        .await?
        .rows_affected;
    // Two clicks at once: the second finds it filed already.
    if updated != 1 {
        return Err(NoticeError::UnknownNotice);
    }
    Ok(found)
}

/// The notices of a case (`outbox::of_case`) as its page shows them; `name_of` names staff.
pub fn views(
    notices: Vec<(notice::Model, Vec<super::entity::notice_item::Model>)>,
    now: i64,
    name_of: impl Fn(i64) -> String,
) -> Vec<NoticeView> {
    notices
        .into_iter()
        .map(|(n, items)| NoticeView {
            id: n.id,
            reference: n.reference,
            status: n.status,
            channel: n.channel,
            to: n.provider_name.unwrap_or_else(|| n.recipient.clone()),
            recipient: n.recipient,
            category: n.category,
            urls: items.into_iter().map(|i| i.url).collect(),
            created: date_time(n.created_at),
            created_by: name_of(n.created_by),
            deadline: date_time(n.deadline_at),
            overdue: n.deadline_at < now,
            sent: n.sent_at.map(date_time),
            subject: n.subject,
            text: n.body,
            last_error: n.last_error,
        })
        .collect()
}
