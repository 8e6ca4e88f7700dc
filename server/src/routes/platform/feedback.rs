//! `POST /api/v1/feedback`: what a platform did with entries it matched. Staff see it; an
//! entry one platform actioned and another found not violating becomes `disputed`.

use app::hash_list::{FeedbackVerdict, Scope, store};
use axum::{
    Extension, Json,
    extract::{State, rejection::JsonRejection},
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiState, MAX_ITEMS, auth::Caller};
use crate::routes::error::ApiError;

#[derive(Deserialize, ToSchema)]
pub struct FeedbackRequest {
    /// At most 1,000.
    #[schema(value_type = Vec<FeedbackItem>)]
    pub items: Vec<serde_json::Value>,
}

#[derive(Deserialize, ToSchema)]
#[allow(dead_code)] // The schema of what the handler reads item by item.
pub struct FeedbackItem {
    /// The entry's id, as the match or the feed gave it.
    pub id: String,
    /// `actioned`, `not_violating`, `under_review` or `cannot_review`.
    pub verdict: String,
    /// The platform's own reason code: up to 64 of a-z, 0-9, `_`, `-`, `.`.
    pub reason: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct FeedbackResponse {
    pub items: Vec<FeedbackAnswer>,
}

#[derive(Serialize, ToSchema)]
pub struct FeedbackAnswer {
    pub id: Option<String>,
    /// Null, or `unknown_entry`, `bad_verdict`, `bad_reason`, `bad_value`.
    pub error: Option<&'static str>,
}

fn reason_ok(reason: &str) -> bool {
    !reason.is_empty()
        && reason.len() <= 64
        && reason
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_-.".contains(&b))
}

#[utoipa::path(
    post,
    path = "/feedback",
    tag = "feedback",
    request_body = FeedbackRequest,
    responses(
        (status = 200, description = "One answer per item, in order", body = FeedbackResponse),
        (status = 400, description = "Not a batch of at most 1,000 items", body = super::ErrorBody),
        (status = 401, description = "No valid key", body = super::ErrorBody),
        (status = 403, description = "The key lacks the `feedback` scope", body = super::ErrorBody),
        (status = 413, description = "Body too large", body = super::ErrorBody),
        (status = 429, description = "Over the key's limit; see Retry-After", body = super::ErrorBody),
    )
)]
pub async fn feedback(
    State(state): State<ApiState>,
    Extension(caller): Extension<Caller>,
    body: Result<Json<FeedbackRequest>, JsonRejection>,
) -> Result<Json<FeedbackResponse>, ApiError> {
    let platform = caller.needs(Scope::Feedback)?;
    let Json(request) = body.map_err(|_| ApiError::BadRequest("bad_request"))?;
    if request.items.len() > MAX_ITEMS {
        return Err(ApiError::BadRequest("too_many_items"));
    }
    state.usage.count(
        platform.id,
        super::day(state.db.now()),
        "feedback",
        request.items.len(),
    );
    let mut answers: Vec<FeedbackAnswer> = Vec::with_capacity(request.items.len());
    let mut valid = Vec::new();
    let mut slots = Vec::new();
    for item in &request.items {
        let id = item
            .get("id")
            .and_then(serde_json::Value::as_str)
            .filter(|id| id.len() <= 64)
            .map(str::to_owned);
        let verdict = item
            .get("verdict")
            .and_then(serde_json::Value::as_str)
            .map(FeedbackVerdict::parse);
        let reason = match item.get("reason") {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(r)) if reason_ok(r) => Ok(Some(r.clone())),
            Some(_) => Err("bad_reason"),
        };
        let error = match (&id, verdict, &reason) {
            (None, _, _) => Some("bad_value"),
            (_, None | Some(None), _) => Some("bad_verdict"),
            (_, _, Err(code)) => Some(*code),
            (Some(id), Some(Some(verdict)), Ok(reason)) => {
                slots.push(answers.len());
                valid.push((id.clone(), verdict, reason.clone()));
                None
            }
        };
        answers.push(FeedbackAnswer { id, error });
    }
    if !valid.is_empty() {
        let txn = state.db.begin().await?;
        let outcomes = store::record_feedback(
            &txn,
            platform.id,
            &platform.visibility(),
            &valid,
            state.db.now(),
        )
        .await?;
        txn.commit().await?;
        for (slot, outcome) in slots.into_iter().zip(outcomes) {
            if outcome == store::FeedbackOutcome::UnknownEntry {
                answers[slot].error = Some("unknown_entry");
            }
        }
    }
    Ok(Json(FeedbackResponse { items: answers }))
}
