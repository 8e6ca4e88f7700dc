//! `POST /api/v1/match`: up to 1,000 hashes against the list. MD5 and SHA-256 match exactly
//! (from the database's indexes); PDQ within `max_distance` (at most 31) from the in-memory
//! index, every entry within it, nearest first, ties by id; with `dihedral`, the seven
//! rotations and mirrors of the query count too; a video's frames give the share matched.
//! Each item is answered on its own: a bad one gets an error code, the others their matches.

use std::collections::HashMap;

use app::hash_list::{EntryStatus, HashList, Scope, store};
use axum::{
    Extension, Json,
    extract::{State, rejection::JsonRejection},
};
use hashing::{Dihedral, Hash256};
use pdq_index::Code;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiState, MAX_ITEMS, auth::Caller};
use crate::routes::error::ApiError;

/// Meta's threshold, and the largest distance a query may ask for.
pub const MAX_DISTANCE: u32 = 31;
/// PDQ hashes of lower quality are refused: flat or tiny images match far too much.
pub const MIN_QUALITY: i64 = 50;

#[derive(Deserialize, ToSchema)]
pub struct MatchRequest {
    /// At most 1,000.
    #[schema(value_type = Vec<MatchItem>)]
    pub items: Vec<serde_json::Value>,
}

/// One hash to look up.
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)] // The schema of what `parse` reads by hand, item by item.
pub struct MatchItem {
    /// `pdq`, `md5`, `sha256` or `video_pdq`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Hex, either case (not for `video_pdq`).
    pub value: Option<String>,
    /// PDQ quality, 0-100; below 50 the item is refused (`low_quality`).
    pub quality: Option<i64>,
    /// PDQ and video: the largest distance that counts, 0-31 (default 31).
    pub max_distance: Option<i64>,
    /// PDQ: also match rotated and mirrored copies (default false).
    pub dihedral: Option<bool>,
    /// `video_pdq`: the frames' PDQ hashes.
    pub frames: Option<Vec<FrameItem>>,
}

#[derive(Deserialize, ToSchema)]
#[allow(dead_code)]
pub struct FrameItem {
    pub value: String,
    pub quality: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct MatchResponse {
    /// One answer per item, in the same order.
    pub items: Vec<MatchAnswer>,
}

#[derive(Serialize, ToSchema, Default)]
pub struct MatchAnswer {
    /// Every entry within the distance, nearest first, ties by id.
    pub matches: Vec<Matched>,
    /// Video only: the share of the frames (of quality 50 or more) that matched an entry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frame_share: Option<f64>,
    /// Null, or `bad_value`, `low_quality`, `max_distance_too_large`, `unsupported_type`.
    pub error: Option<&'static str>,
}

#[derive(Serialize, ToSchema, Clone)]
pub struct Matched {
    /// The entry's stable, opaque id.
    pub id: String,
    /// 0 for an exact match.
    pub distance: u32,
    #[schema(value_type = String)]
    pub list: HashList,
    #[schema(value_type = String)]
    pub status: EntryStatus,
    /// The entry's PDQ quality, if it has a PDQ hash.
    pub quality: Option<i32>,
}

/// An item as understood.
enum Query {
    Md5(String),
    Sha256(String),
    Pdq { codes: Vec<Code>, radius: u32 },
    Video { frames: Vec<Code>, radius: u32 },
}

fn hex_value(value: Option<&serde_json::Value>, digits: usize) -> Result<String, &'static str> {
    match value.and_then(serde_json::Value::as_str) {
        Some(hex) if hex.len() == digits && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
            Ok(hex.to_ascii_lowercase())
        }
        _ => Err("bad_value"),
    }
}

fn radius(item: &serde_json::Value) -> Result<u32, &'static str> {
    match item.get("max_distance") {
        None | Some(serde_json::Value::Null) => Ok(MAX_DISTANCE),
        Some(value) => match value.as_i64() {
            Some(d @ 0..=31) => Ok(d as u32),
            Some(d) if d > 31 => Err("max_distance_too_large"),
            _ => Err("bad_value"),
        },
    }
}

/// Quality below 50 is refused; none given is taken as good enough.
fn quality_ok(value: Option<&serde_json::Value>) -> Result<bool, &'static str> {
    match value {
        None | Some(serde_json::Value::Null) => Ok(true),
        Some(value) => match value.as_i64() {
            Some(q @ 0..=100) => Ok(q >= MIN_QUALITY),
            _ => Err("bad_value"),
        },
    }
}

fn code(hex: &str) -> Code {
    Code::from_hex(hex).expect("checked to be 64 hex digits")
}

fn parse(item: &serde_json::Value) -> Result<Query, &'static str> {
    let kind = item.get("type").and_then(serde_json::Value::as_str);
    match kind {
        Some("md5") => Ok(Query::Md5(hex_value(item.get("value"), 32)?)),
        Some("sha256") => Ok(Query::Sha256(hex_value(item.get("value"), 64)?)),
        Some("pdq") => {
            let hex = hex_value(item.get("value"), 64)?;
            let radius = radius(item)?;
            if !quality_ok(item.get("quality"))? {
                return Err("low_quality");
            }
            let dihedral = match item.get("dihedral") {
                None | Some(serde_json::Value::Null) => false,
                Some(serde_json::Value::Bool(b)) => *b,
                Some(_) => return Err("bad_value"),
            };
            let codes = if dihedral {
                let hash = Hash256::from_hex(&hex).map_err(|_| "bad_value")?;
                Dihedral::ALL
                    .iter()
                    .map(|&t| code(&hashing::transform_hash(&hash, t).to_hex()))
                    .collect()
            } else {
                vec![code(&hex)]
            };
            Ok(Query::Pdq { codes, radius })
        }
        Some("video_pdq") => {
            let radius = radius(item)?;
            let frames = item
                .get("frames")
                .and_then(serde_json::Value::as_array)
                .filter(|f| !f.is_empty() && f.len() <= hashing::MAX_VIDEO_FRAMES)
                .ok_or("bad_value")?;
            let mut usable = Vec::new();
            for frame in frames {
                let hex = hex_value(frame.get("value"), 64)?;
                if quality_ok(frame.get("quality"))? {
                    usable.push(code(&hex));
                }
            }
            if usable.is_empty() {
                return Err("low_quality");
            }
            Ok(Query::Video {
                frames: usable,
                radius,
            })
        }
        _ => Err("unsupported_type"),
    }
}

#[utoipa::path(
    post,
    path = "/match",
    tag = "match",
    request_body = MatchRequest,
    responses(
        (status = 200, description = "One answer per item, in order", body = MatchResponse),
        (status = 400, description = "Not a batch of at most 1,000 items", body = super::ErrorBody),
        (status = 401, description = "No valid key", body = super::ErrorBody),
        (status = 403, description = "The key lacks the `match` scope", body = super::ErrorBody),
        (status = 413, description = "Body too large", body = super::ErrorBody),
        (status = 429, description = "Over the key's limit; see Retry-After", body = super::ErrorBody),
    )
)]
pub async fn match_hashes(
    State(state): State<ApiState>,
    Extension(caller): Extension<Caller>,
    body: Result<Json<MatchRequest>, JsonRejection>,
) -> Result<Json<MatchResponse>, ApiError> {
    let platform = caller.needs(Scope::Match)?;
    let Json(request) = body.map_err(|_| ApiError::BadRequest("bad_request"))?;
    if request.items.len() > MAX_ITEMS {
        return Err(ApiError::BadRequest("too_many_items"));
    }
    state.usage.count(
        platform.id,
        super::day(state.db.now()),
        "match",
        request.items.len(),
    );
    let who = platform.visibility();
    let queries: Vec<Result<Query, &'static str>> = request.items.iter().map(parse).collect();
    let md5: Vec<String> = queries
        .iter()
        .filter_map(|q| match q {
            Ok(Query::Md5(v)) => Some(v.clone()),
            _ => None,
        })
        .collect();
    let sha256: Vec<String> = queries
        .iter()
        .filter_map(|q| match q {
            Ok(Query::Sha256(v)) => Some(v.clone()),
            _ => None,
        })
        .collect();
    let exact = store::exact(state.db.read(), &who, &md5, &sha256).await?;
    let mut by_md5: HashMap<String, Vec<Matched>> = HashMap::new();
    let mut by_sha256: HashMap<String, Vec<Matched>> = HashMap::new();
    for found in exact {
        let answer = Matched {
            id: found.id,
            distance: 0,
            list: found.list,
            status: found.status,
            quality: found.quality,
        };
        if let Some(v) = found.md5 {
            by_md5.entry(v).or_default().push(answer.clone());
        }
        if let Some(v) = found.sha256 {
            by_sha256.entry(v).or_default().push(answer);
        }
    }
    // The PDQ searches are CPU work (up to about a second for a full batch of dihedral
    // queries): off the async threads, so other requests are not held up.
    let index = state.index.clone();
    let items = tokio::task::spawn_blocking(move || {
        let sees = |slot: &crate::hash_index::Slot| who.sees(slot.list, slot.synthetic);
        let exact_answer = |found: Option<&Vec<Matched>>| {
            let mut matches: Vec<Matched> = found.into_iter().flatten().cloned().collect();
            matches.sort_by(|a, b| a.id.cmp(&b.id));
            matches.dedup_by(|a, b| a.id == b.id);
            MatchAnswer {
                matches,
                ..MatchAnswer::default()
            }
        };
        queries
            .into_iter()
            .map(|query| match query {
                Err(code) => MatchAnswer {
                    error: Some(code),
                    ..MatchAnswer::default()
                },
                Ok(Query::Md5(v)) => exact_answer(by_md5.get(&v)),
                Ok(Query::Sha256(v)) => exact_answer(by_sha256.get(&v)),
                Ok(Query::Pdq { codes, radius }) => MatchAnswer {
                    matches: index
                        .search(&codes, radius, sees)
                        .into_iter()
                        .map(matched)
                        .collect(),
                    ..MatchAnswer::default()
                },
                Ok(Query::Video { frames, radius }) => {
                    let hit = index.any_within(&frames, radius, sees);
                    let share = hit.iter().filter(|h| **h).count() as f64 / frames.len() as f64;
                    MatchAnswer {
                        matches: index
                            .search(&frames, radius, sees)
                            .into_iter()
                            .map(matched)
                            .collect(),
                        frame_share: Some(share),
                        error: None,
                    }
                }
            })
            .collect()
    })
    .await
    .map_err(|_| ApiError::Internal)?;
    Ok(Json(MatchResponse { items }))
}

fn matched(found: crate::hash_index::Found) -> Matched {
    Matched {
        id: found.slot.public_id.to_string(),
        distance: found.distance,
        list: found.slot.list,
        status: found.slot.status,
        quality: found.slot.quality,
    }
}
