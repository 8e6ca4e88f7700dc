//! The one error an axum route answers with, as JSON `{"error": "<code>"}` and never internal
//! text: the app's codes (`app::error::AppError`, with the status chosen there), and the
//! platform API's own (`/api/v1`: keys, scopes, limits, request shapes). Statuses are chosen
//! here and nowhere else.

use app::error::AppError;
use axum::{
    Json,
    response::{IntoResponse, Response},
};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    App(AppError),
    /// No `Authorization: Bearer` key, or not one the portal knows (or it was revoked).
    Unauthorized,
    /// The key is valid but lacks the scope the call needs.
    MissingScope,
    /// Over the key's requests a minute; try again after this many seconds.
    RateLimited {
        retry_after: u64,
    },
    /// The body or query is not what the call takes (the code says what).
    BadRequest(&'static str),
    /// The body is larger than the API takes.
    TooLarge,
    NotFound,
    MethodNotAllowed,
    Internal,
}

#[derive(Serialize)]
struct Body {
    error: &'static str,
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        ApiError::App(error)
    }
}

impl From<app::staff::access::AccessError> for ApiError {
    fn from(error: app::staff::access::AccessError) -> Self {
        ApiError::App(error.into())
    }
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(error: sea_orm::DbErr) -> Self {
        tracing::error!(%error, "an API call failed");
        ApiError::Internal
    }
}

impl ApiError {
    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode as S;
        match self {
            ApiError::App(error) => S::from_u16(error.status()).unwrap_or(S::INTERNAL_SERVER_ERROR),
            ApiError::Unauthorized => S::UNAUTHORIZED,
            ApiError::MissingScope => S::FORBIDDEN,
            ApiError::RateLimited { .. } => S::TOO_MANY_REQUESTS,
            ApiError::BadRequest(_) => S::BAD_REQUEST,
            ApiError::TooLarge => S::PAYLOAD_TOO_LARGE,
            ApiError::NotFound => S::NOT_FOUND,
            ApiError::MethodNotAllowed => S::METHOD_NOT_ALLOWED,
            ApiError::Internal => S::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            ApiError::App(error) => error.code(),
            ApiError::Unauthorized => "unauthorized",
            ApiError::MissingScope => "missing_scope",
            ApiError::RateLimited { .. } => "rate_limited",
            ApiError::BadRequest(code) => code,
            ApiError::TooLarge => "payload_too_large",
            ApiError::NotFound => "not_found",
            ApiError::MethodNotAllowed => "method_not_allowed",
            ApiError::Internal => "internal",
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status(), Json(Body { error: self.code() })).into_response();
        let headers = response.headers_mut();
        match self {
            ApiError::RateLimited { retry_after } => {
                headers.insert(http::header::RETRY_AFTER, retry_after.into());
            }
            ApiError::Unauthorized => {
                headers.insert(
                    http::header::WWW_AUTHENTICATE,
                    http::HeaderValue::from_static("Bearer"),
                );
            }
            _ => {}
        }
        response
    }
}
