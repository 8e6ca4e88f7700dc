//! `GET /api/v1/hashes/changes` and `/hashes/snapshot`: the published changes in order, and
//! the entries on the list now, both paged by an opaque cursor. A withdrawn entry appears in
//! the changes as a tombstone (id, change, status): delete it. The snapshot's last page (fewer
//! than `limit` changes) gives the cursor to follow the changes from.

use app::hash_list::{ChangeKind, EntryStatus, HashList, Scope, platform, store};
use axum::{
    Extension, Json,
    extract::{Query, State, rejection::QueryRejection},
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiState, auth::Caller};
use crate::routes::error::ApiError;

pub const DEFAULT_LIMIT: u64 = 1000;
pub const MAX_LIMIT: u64 = 10_000;

#[derive(Deserialize, IntoParams)]
pub struct Page {
    /// Where the last page ended (`next_cursor`); none: from the start.
    pub cursor: Option<String>,
    /// Changes per page, 1-10,000 (default 1,000).
    pub limit: Option<u64>,
}

#[derive(Serialize, ToSchema)]
pub struct ChangesPage {
    pub changes: Vec<Change>,
    /// Give it back as `cursor` for what comes after; the same cursor when nothing new.
    pub next_cursor: String,
}

/// One change. A tombstone (`change` = `withdrawn`) has only `id`, `change` and `status`.
#[derive(Serialize, ToSchema)]
pub struct Change {
    pub id: String,
    /// `added`, `status_changed` or `withdrawn`.
    #[schema(value_type = String)]
    pub change: ChangeKind,
    #[schema(value_type = String)]
    pub status: EntryStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    pub list: Option<HashList>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub md5: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pdq: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quality: Option<i32>,
}

impl From<store::FeedRow> for Change {
    fn from(row: store::FeedRow) -> Change {
        if row.change == ChangeKind::Withdrawn {
            return Change {
                id: row.id,
                change: row.change,
                status: row.status,
                list: None,
                md5: None,
                sha256: None,
                pdq: None,
                quality: None,
            };
        }
        Change {
            id: row.id,
            change: row.change,
            status: row.status,
            list: Some(row.list),
            md5: row.md5,
            sha256: row.sha256,
            quality: row.quality.filter(|_| row.pdq.is_some()),
            pdq: row.pdq,
        }
    }
}

/// The cursor is the last sequence number read, wrapped so nobody builds on its form.
pub fn cursor(seq: i64) -> String {
    URL_SAFE_NO_PAD.encode(format!("v1:{seq}"))
}

pub fn parse_cursor(cursor: Option<&str>) -> Result<i64, ApiError> {
    let Some(cursor) = cursor.filter(|c| !c.is_empty()) else {
        return Ok(0);
    };
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| text.strip_prefix("v1:").and_then(|n| n.parse::<i64>().ok()))
        .filter(|seq| *seq >= 0)
        .ok_or(ApiError::BadRequest("bad_cursor"))
}

async fn page(
    state: &ApiState,
    caller: &Caller,
    query: Result<Query<Page>, QueryRejection>,
    snapshot: bool,
) -> Result<Json<ChangesPage>, ApiError> {
    let platform = caller.needs(Scope::Read)?;
    let Query(page) = query.map_err(|_| ApiError::BadRequest("bad_request"))?;
    let after = parse_cursor(page.cursor.as_deref())?;
    let limit = match page.limit {
        None => DEFAULT_LIMIT,
        Some(n @ 1..=MAX_LIMIT) => n,
        Some(_) => return Err(ApiError::BadRequest("bad_limit")),
    };
    let rows = store::feed(
        state.db.read(),
        &platform.visibility(),
        after,
        None,
        limit,
        snapshot,
    )
    .await?;
    let last = rows.last().map_or(after, |row| row.seq);
    state.usage.count(
        platform.id,
        super::day(state.db.now()),
        if snapshot { "snapshot" } else { "changes" },
        rows.len(),
    );
    if last > platform.feed_seq && !platform.sandbox {
        platform::read_up_to(state.db.write(), platform.id, last).await?;
    }
    Ok(Json(ChangesPage {
        changes: rows.into_iter().map(Change::from).collect(),
        next_cursor: cursor(last),
    }))
}

#[utoipa::path(
    get,
    path = "/hashes/changes",
    tag = "hash list",
    params(Page),
    responses(
        (status = 200, description = "The next changes, in order", body = ChangesPage),
        (status = 400, description = "A cursor or limit that is not one", body = super::ErrorBody),
        (status = 401, description = "No valid key", body = super::ErrorBody),
        (status = 403, description = "The key lacks the `read` scope", body = super::ErrorBody),
        (status = 429, description = "Over the key's limit; see Retry-After", body = super::ErrorBody),
    )
)]
pub async fn changes(
    State(state): State<ApiState>,
    Extension(caller): Extension<Caller>,
    query: Result<Query<Page>, QueryRejection>,
) -> Result<Json<ChangesPage>, ApiError> {
    page(&state, &caller, query, false).await
}

#[utoipa::path(
    get,
    path = "/hashes/snapshot",
    tag = "hash list",
    params(Page),
    responses(
        (status = 200, description = "The next entries on the list; a short page is the last", body = ChangesPage),
        (status = 400, description = "A cursor or limit that is not one", body = super::ErrorBody),
        (status = 401, description = "No valid key", body = super::ErrorBody),
        (status = 403, description = "The key lacks the `read` scope", body = super::ErrorBody),
        (status = 429, description = "Over the key's limit; see Retry-After", body = super::ErrorBody),
    )
)]
pub async fn snapshot(
    State(state): State<ApiState>,
    Extension(caller): Extension<Caller>,
    query: Result<Query<Page>, QueryRejection>,
) -> Result<Json<ChangesPage>, ApiError> {
    page(&state, &caller, query, true).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_strangers_are_refused() {
        assert_eq!(parse_cursor(Some(&cursor(42))).unwrap(), 42);
        assert_eq!(parse_cursor(None).unwrap(), 0);
        assert_eq!(parse_cursor(Some("")).unwrap(), 0);
        for bad in ["42", "djE6LTE", "!!!", &URL_SAFE_NO_PAD.encode("v2:1")] {
            assert_eq!(
                parse_cursor(Some(bad)),
                Err(ApiError::BadRequest("bad_cursor")),
                "{bad}"
            );
        }
    }
}
