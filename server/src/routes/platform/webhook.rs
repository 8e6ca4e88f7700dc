//! `PUT /api/v1/webhook`: where the portal posts `hash.added`, `hash.status_changed` and
//! `hash.withdrawn`, signed with `X-Portal-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
//! "<t>.<body>">`. The secret is made when the first address is set, and answered once; with
//! `rotate_secret` a new one is made and the old one still signs (a second `v1=`) for a day.

use app::hash_list::{Scope, platform};
use axum::{
    Extension, Json,
    extract::{State, rejection::JsonRejection},
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiState, auth::Caller};
use crate::routes::error::ApiError;

#[derive(Deserialize, ToSchema)]
pub struct WebhookRequest {
    /// An http(s) address: a host name (or an IPv4 address), an optional port and path.
    #[schema(
        pattern = r"^https?://(([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)*[a-z]([a-z0-9-]*[a-z0-9])?|((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9]))(:(6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4}))?(/[a-zA-Z0-9/._-]*)?$",
        max_length = 2000
    )]
    pub url: String,
    /// Make a new secret (the old one signs too for a day).
    #[serde(default)]
    pub rotate_secret: bool,
}

#[derive(Serialize, ToSchema)]
pub struct WebhookResponse {
    pub url: String,
    /// The new secret, shown only now; null when it did not change.
    pub secret: Option<String>,
}

#[utoipa::path(
    put,
    path = "/webhook",
    tag = "hash list",
    request_body = WebhookRequest,
    responses(
        (status = 200, description = "Set", body = WebhookResponse),
        (status = 400, description = "Not an http(s) address", body = super::ErrorBody),
        (status = 401, description = "No valid key", body = super::ErrorBody),
        (status = 403, description = "The key lacks the `read` scope", body = super::ErrorBody),
        (status = 429, description = "Over the key's limit; see Retry-After", body = super::ErrorBody),
    )
)]
pub async fn set_webhook(
    State(state): State<ApiState>,
    Extension(caller): Extension<Caller>,
    body: Result<Json<WebhookRequest>, JsonRejection>,
) -> Result<Json<WebhookResponse>, ApiError> {
    let caller = caller.needs(Scope::Read)?;
    let Json(request) = body.map_err(|_| ApiError::BadRequest("bad_request"))?;
    let secret = platform::set_webhook(
        state.db.write(),
        &state.keys,
        caller.id,
        &request.url,
        request.rotate_secret,
        state.db.now(),
    )
    .await
    .map_err(|error| match error {
        platform::PlatformError::BadUrl => ApiError::BadRequest("bad_url"),
        platform::PlatformError::Unknown => ApiError::Unauthorized,
        _ => ApiError::Internal,
    })?;
    Ok(Json(WebhookResponse {
        url: request.url.trim().to_owned(),
        secret,
    }))
}
