//! Platform clients: their keys (shown once, stored as a hash), scopes and lists, revocation,
//! webhooks with rotating secrets, and what they used.

use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    sea_query::{Expr, ExprTrait, OnConflict},
};
use sha2::{Digest, Sha256};

use super::{
    HashList, Scope,
    entity::{platform, usage},
    join,
    store::Visibility,
};
use crate::report::ReportKeys;

pub use super::DEFAULT_PER_MINUTE;
/// How long a rotated-out webhook secret still signs deliveries.
pub const OLD_SECRET_SECONDS: i64 = 86_400;
/// Longest platform name.
pub const MAX_NAME_CHARS: usize = 100;

/// A platform as the portal knows it, without its secrets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Platform {
    pub id: i64,
    pub name: String,
    pub key_hint: String,
    pub scopes: Vec<Scope>,
    pub lists: Vec<HashList>,
    pub sandbox: bool,
    pub per_minute: u32,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
    pub webhook_url: Option<String>,
    pub feed_seq: i64,
}

impl Platform {
    pub fn may(&self, scope: Scope) -> bool {
        self.scopes.contains(&scope)
    }

    pub fn visibility(&self) -> Visibility {
        Visibility {
            lists: self.lists.clone(),
            sandbox: self.sandbox,
        }
    }

    fn of(row: platform::Model) -> Platform {
        Platform {
            id: row.id,
            name: row.name,
            key_hint: row.key_hint,
            scopes: Scope::parse_set(&row.scopes).unwrap_or_default(),
            lists: HashList::parse_set(&row.lists).unwrap_or_default(),
            sandbox: row.sandbox,
            per_minute: u32::try_from(row.per_minute).unwrap_or(0),
            created_at: row.created_at,
            revoked_at: row.revoked_at,
            webhook_url: row.webhook_url,
            feed_seq: row.feed_seq,
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PlatformError {
    #[error("a platform needs a name of at most 100 characters")]
    BadName,
    #[error("a platform of that name exists")]
    NameTaken,
    #[error("no such platform")]
    Unknown,
    #[error("a webhook address must be http(s) and at most 2,000 characters")]
    BadUrl,
    #[error("database: {0}")]
    Db(String),
}

impl From<DbErr> for PlatformError {
    fn from(error: DbErr) -> Self {
        PlatformError::Db(error.to_string())
    }
}

/// The SHA-256 of a key, as stored.
pub fn key_hash(key: &str) -> String {
    crate::token::hex(&Sha256::digest(key.as_bytes()))
}

/// A new key: `sa_live_` (or `sa_test_` for a sandbox key) and 128 random bits in hex.
fn new_key(sandbox: bool) -> String {
    let kind = if sandbox { "test" } else { "live" };
    format!("sa_{kind}_{}", crate::token::random())
}

/// What creating a platform gives back: the platform, and its key, shown only now.
#[derive(Debug, Clone)]
pub struct Created {
    pub platform: Platform,
    pub key: String,
}

/// A platform client to create.
#[derive(Debug, Clone, Default)]
pub struct NewPlatform {
    pub name: String,
    pub scopes: Vec<Scope>,
    pub lists: Vec<HashList>,
    /// It sees only the synthetic list.
    pub sandbox: bool,
    /// Requests a minute; None: [`DEFAULT_PER_MINUTE`].
    pub per_minute: Option<u32>,
    /// The staff member who created it (None: the command line).
    pub created_by: Option<i64>,
}

impl NewPlatform {
    pub fn new(name: &str, scopes: &[Scope], lists: &[HashList]) -> NewPlatform {
        NewPlatform {
            name: name.to_owned(),
            scopes: scopes.to_vec(),
            lists: lists.to_vec(),
            ..NewPlatform::default()
        }
    }
}

/// Creates a platform client with a new key.
pub async fn create(
    db: &impl ConnectionTrait,
    new: NewPlatform,
    now: i64,
) -> Result<Created, PlatformError> {
    let NewPlatform {
        name,
        scopes,
        lists,
        sandbox,
        per_minute,
        created_by,
    } = new;
    let (scopes, lists) = (&scopes[..], &lists[..]);
    let name = name.trim();
    if name.is_empty()
        || name.chars().count() > MAX_NAME_CHARS
        || name.chars().any(char::is_control)
    {
        return Err(PlatformError::BadName);
    }
    if find_by_name(db, name).await?.is_some() {
        return Err(PlatformError::NameTaken);
    }
    let key = new_key(sandbox);
    platform::Entity::insert(platform::ActiveModel {
        id: NotSet,
        name: Set(name.to_owned()),
        key_hash: Set(key_hash(&key)),
        key_hint: Set(key.chars().take(12).collect()),
        scopes: Set(join(scopes)),
        lists: Set(join(lists)),
        sandbox: Set(sandbox),
        per_minute: Set(
            i32::try_from(per_minute.unwrap_or(DEFAULT_PER_MINUTE)).unwrap_or(i32::MAX)
        ),
        created_at: Set(now),
        created_by: Set(created_by),
        revoked_at: Set(None),
        webhook_url: Set(None),
        webhook_secret: Set(None),
        webhook_old_secret: Set(None),
        webhook_old_until: Set(None),
        feed_seq: Set(0),
    })
    .exec_without_returning(db)
    .await?;
    let platform = find_by_name(db, name)
        .await?
        .ok_or(PlatformError::Unknown)?;
    Ok(Created { platform, key })
}

pub async fn find_by_name(
    db: &impl ConnectionTrait,
    name: &str,
) -> Result<Option<Platform>, DbErr> {
    Ok(platform::Entity::find()
        .filter(platform::Column::Name.eq(name.trim()))
        .one(db)
        .await?
        .map(Platform::of))
}

pub async fn find(db: &impl ConnectionTrait, id: i64) -> Result<Option<Platform>, DbErr> {
    Ok(platform::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(Platform::of))
}

/// The platform a key belongs to, unless it was revoked.
pub async fn by_key(db: &impl ConnectionTrait, key: &str) -> Result<Option<Platform>, DbErr> {
    Ok(platform::Entity::find()
        .filter(platform::Column::KeyHash.eq(key_hash(key)))
        .filter(platform::Column::RevokedAt.is_null())
        .one(db)
        .await?
        .map(Platform::of))
}

/// Every platform, by name.
pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<Platform>, DbErr> {
    Ok(platform::Entity::find()
        .order_by_asc(platform::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(Platform::of)
        .collect())
}

/// Revokes a platform's key: every call with it is refused from now on, and its webhook is
/// no longer called. False if it was revoked already.
pub async fn revoke(db: &impl ConnectionTrait, id: i64, now: i64) -> Result<bool, DbErr> {
    let done = platform::Entity::update_many()
        .col_expr(platform::Column::RevokedAt, Expr::value(now))
        .filter(platform::Column::Id.eq(id))
        .filter(platform::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// Sets the platform's webhook. A new secret is made when there is none or `rotate` asks for
/// one (the old one then still signs for a day); it is returned, to be shown once.
pub async fn set_webhook(
    db: &impl ConnectionTrait,
    keys: &ReportKeys,
    id: i64,
    url: &str,
    rotate: bool,
    now: i64,
) -> Result<Option<String>, PlatformError> {
    let url = url.trim();
    let parsed = url::Url::parse(url).map_err(|_| PlatformError::BadUrl)?;
    if !matches!(parsed.scheme(), "http" | "https") || url.len() > 2000 || parsed.host().is_none() {
        return Err(PlatformError::BadUrl);
    }
    let row = platform::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(PlatformError::Unknown)?;
    let mut update = platform::Entity::update_many()
        .col_expr(platform::Column::WebhookUrl, Expr::value(url.to_owned()));
    let secret = if row.webhook_secret.is_none() || rotate {
        let secret = format!("whsec_{}", crate::token::random());
        update = update.col_expr(
            platform::Column::WebhookSecret,
            Expr::value(keys.seal_webhook_secret(&secret)),
        );
        if let Some(old) = row.webhook_secret {
            update = update
                .col_expr(platform::Column::WebhookOldSecret, Expr::value(old))
                .col_expr(
                    platform::Column::WebhookOldUntil,
                    Expr::value(now + OLD_SECRET_SECONDS),
                );
        }
        Some(secret)
    } else {
        None
    };
    update.filter(platform::Column::Id.eq(id)).exec(db).await?;
    Ok(secret)
}

/// Where and with which secrets to sign a delivery to platform `id`: the current secret,
/// and the old one while it is still valid. None when it has no webhook or was revoked.
pub async fn webhook(
    db: &impl ConnectionTrait,
    keys: &ReportKeys,
    id: i64,
    now: i64,
) -> Result<Option<(Platform, String, Vec<String>)>, DbErr> {
    let Some(row) = platform::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    if row.revoked_at.is_some() {
        return Ok(None);
    }
    let (Some(url), Some(sealed)) = (row.webhook_url.clone(), row.webhook_secret.as_deref()) else {
        return Ok(None);
    };
    let mut secrets: Vec<String> = keys.open_webhook_secret(sealed).into_iter().collect();
    if let (Some(old), Some(until)) = (row.webhook_old_secret.as_deref(), row.webhook_old_until)
        && until > now
    {
        secrets.extend(keys.open_webhook_secret(old));
    }
    Ok(Some((Platform::of(row), url, secrets)))
}

/// Platforms with a webhook that should hear of changes on `touched` lists.
pub async fn subscribed(
    db: &impl ConnectionTrait,
    touched: &[(HashList, bool)],
) -> Result<Vec<Platform>, DbErr> {
    Ok(platform::Entity::find()
        .filter(platform::Column::RevokedAt.is_null())
        .filter(platform::Column::WebhookUrl.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .map(Platform::of)
        .filter(|p| {
            touched
                .iter()
                .any(|(list, synthetic)| p.visibility().sees(*list, *synthetic))
        })
        .collect())
}

/// Platforms that receive entries of these lists (real, not revoked, and following the list
/// by webhook or feed): whom a reporter's follow-up names.
pub async fn receiving(
    db: &impl ConnectionTrait,
    lists: &[HashList],
) -> Result<Vec<String>, DbErr> {
    Ok(all(db)
        .await?
        .into_iter()
        .filter(|p| p.revoked_at.is_none() && !p.sandbox)
        .filter(|p| p.webhook_url.is_some() || p.feed_seq > 0)
        .filter(|p| lists.iter().any(|list| p.lists.contains(list)))
        .map(|p| p.name)
        .collect())
}

/// Notes that platform `id` has read the feed up to `seq`.
pub async fn read_up_to(db: &impl ConnectionTrait, id: i64, seq: i64) -> Result<(), DbErr> {
    platform::Entity::update_many()
        .col_expr(platform::Column::FeedSeq, Expr::value(seq))
        .filter(platform::Column::Id.eq(id))
        .filter(platform::Column::FeedSeq.lt(seq))
        .exec(db)
        .await?;
    Ok(())
}

/// A usage counter's key: platform, unix day, endpoint.
pub type UsageKey = (i64, i64, &'static str);

/// Adds calls and items to the usage counters.
pub async fn count_usage(
    db: &impl ConnectionTrait,
    counts: &[(UsageKey, (i64, i64))],
) -> Result<(), DbErr> {
    for ((platform_id, day, endpoint), (calls, items)) in counts {
        usage::Entity::insert(usage::ActiveModel {
            platform_id: Set(*platform_id),
            day: Set(*day),
            endpoint: Set((*endpoint).to_owned()),
            calls: Set(*calls),
            items: Set(*items),
        })
        .on_conflict(
            OnConflict::columns([
                usage::Column::PlatformId,
                usage::Column::Day,
                usage::Column::Endpoint,
            ])
            .value(
                usage::Column::Calls,
                Expr::col((usage::Entity, usage::Column::Calls)).add(*calls),
            )
            .value(
                usage::Column::Items,
                Expr::col((usage::Entity, usage::Column::Items)).add(*items),
            )
            .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

/// Calls and items per endpoint of platform `id` since unix day `from_day`.
pub async fn usage_since(
    db: &impl ConnectionTrait,
    id: i64,
    from_day: i64,
) -> Result<Vec<(String, i64, i64)>, DbErr> {
    let rows = usage::Entity::find()
        .filter(usage::Column::PlatformId.eq(id))
        .filter(usage::Column::Day.gte(from_day))
        .all(db)
        .await?;
    let mut by_endpoint: std::collections::BTreeMap<String, (i64, i64)> = Default::default();
    for row in rows {
        let sum = by_endpoint.entry(row.endpoint).or_default();
        sum.0 += row.calls;
        sum.1 += row.items;
    }
    Ok(by_endpoint
        .into_iter()
        .map(|(endpoint, (calls, items))| (endpoint, calls, items))
        .collect())
}
