//! The platform API under `/api/v1`: the hash list for platforms' own matchers (change feed,
//! snapshot, webhook), matching against it, and feedback. Its own middleware stack: a bearer
//! key on every call but the OpenAPI document, its own body limit and timeout, JSON errors
//! (`routes::error::ApiError`), and no same-origin check (callers are servers, not browsers).
//! The OpenAPI 3.1 document at `/api/v1/openapi.json` is generated from these handlers.

pub mod auth;
pub mod feed;
pub mod feedback;
pub mod matching;
pub mod webhook;

use std::{sync::Arc, time::Duration};

use app::{db::Db, report::ReportKeys};
use axum::{
    Json, Router,
    extract::DefaultBodyLimit,
    middleware,
    response::IntoResponse,
    routing::{get, post, put},
};
use serde::Serialize;
use tower_http::timeout::TimeoutLayer;
use utoipa::{
    Modify, OpenApi, ToSchema,
    openapi::security::{Http, HttpAuthScheme, SecurityScheme},
};

use super::error::ApiError;
use crate::hash_index::HashIndex;

/// The largest request body: a batch of 1,000 videos' frames fits.
pub const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;
/// Items a match or feedback call takes at most.
pub const MAX_ITEMS: usize = 1000;

/// What the API's handlers share.
#[derive(Clone)]
pub struct ApiState {
    pub db: Db,
    pub index: HashIndex,
    pub keys: ReportKeys,
    pub limits: Arc<auth::Limits>,
    pub usage: auth::Usage,
}

/// An error answer.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    /// `unauthorized`, `missing_scope`, `rate_limited`, `bad_request`, `too_many_items`,
    /// `bad_cursor`, `bad_limit`, `payload_too_large`, `not_found`, `internal`, …
    pub error: String,
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Safe Again platform API",
        version = "1",
        description = "The hash list of images victims reported, for platforms to keep copies \
            off their services without seeing them: match hashes against it, follow its \
            changes (a withdrawn entry arrives as a tombstone: delete it), and say what you \
            did. Every call needs `Authorization: Bearer <key>`; a key sees only its lists."
    ),
    servers((url = "/api/v1")),
    paths(
        matching::match_hashes,
        feed::changes,
        feed::snapshot,
        feedback::feedback,
        webhook::set_webhook,
    ),
    components(schemas(ErrorBody)),
    modifiers(&BearerKey),
    security(("bearer" = []))
)]
pub struct ApiDoc;

struct BearerKey;

impl Modify for BearerKey {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

async fn openapi() -> impl IntoResponse {
    Json(ApiDoc::openapi())
}

async fn not_found() -> ApiError {
    ApiError::NotFound
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

/// Turns what axum answers by itself (a body over the limit, JSON that does not parse, the
/// wrong content type) into the API's JSON errors.
async fn json_errors(
    request: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    let response = next.run(request).await;
    let is_json = response
        .headers()
        .get(http::header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if is_json || response.status().is_success() {
        return response;
    }
    match response.status() {
        http::StatusCode::PAYLOAD_TOO_LARGE => ApiError::TooLarge.into_response(),
        http::StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            ApiError::BadRequest("unsupported_media_type").into_response()
        }
        http::StatusCode::REQUEST_TIMEOUT => ApiError::BadRequest("timeout").into_response(),
        http::StatusCode::METHOD_NOT_ALLOWED => ApiError::MethodNotAllowed.into_response(),
        status if status.is_client_error() => ApiError::BadRequest("bad_request").into_response(),
        _ => ApiError::Internal.into_response(),
    }
}

/// The API's routes, to be nested at `/api/v1`, with their middleware.
pub fn router(state: ApiState) -> Router {
    let authenticated = Router::new()
        .route("/match", post(matching::match_hashes))
        .route("/hashes/changes", get(feed::changes))
        .route("/hashes/snapshot", get(feed::snapshot))
        .route("/feedback", post(feedback::feedback))
        .route("/webhook", put(webhook::set_webhook))
        .method_not_allowed_fallback(method_not_allowed)
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            auth::authenticate,
        ));
    Router::new()
        .route("/openapi.json", get(openapi))
        .merge(authenticated)
        .fallback(not_found)
        .layer(middleware::from_fn(json_errors))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(
            http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            |_: Box<dyn std::any::Any + Send>| ApiError::Internal.into_response(),
        ))
        .with_state(state)
}

/// The unix day of `at`, for the use counters.
pub fn day(at: i64) -> i64 {
    at.div_euclid(86_400)
}
