//! The one error an axum route answers with: the app's codes (`app::error::AppError`), the
//! status chosen there, a JSON body `{"error": code}` and never internal text. The platform
//! API will answer with it too.

use app::error::AppError;
use axum::{
    Json,
    response::{IntoResponse, Response},
};
use serde::Serialize;

#[derive(Debug)]
pub struct ApiError(pub AppError);

#[derive(Serialize)]
struct Body {
    error: &'static str,
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        ApiError(error)
    }
}

impl From<app::staff::access::AccessError> for ApiError {
    fn from(error: app::staff::access::AccessError) -> Self {
        ApiError(error.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = http::StatusCode::from_u16(self.0.status())
            .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
        (
            status,
            Json(Body {
                error: self.0.code(),
            }),
        )
            .into_response()
    }
}
