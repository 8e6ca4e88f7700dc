//! `GET /health`: whether this instance can take reports. Load balancers take an instance
//! out on a 503; the intake benchmark uses it as its baseline. It asks the database (the
//! read pool and the write path) and whether the report writer still runs, and says which
//! failed, never why (that is in the log).

use axum::{Json, extract::State, http::StatusCode, response::IntoResponse};
use serde_json::json;

use crate::state::AppState;

pub async fn health(State(state): State<AppState>) -> impl IntoResponse {
    let db = &state.app.db;
    let read = db.read().ping().await;
    let write = db.write().ping().await;
    if let Err(error) = read.as_ref().and(write.as_ref()) {
        tracing::error!(%error, "health: the database does not answer");
    }
    let database = read.is_ok() && write.is_ok();
    let writer = state.app.reports.is_running();
    if !writer {
        tracing::error!("health: the report writer has stopped");
    }
    let word = |ok: bool| if ok { "ok" } else { "down" };
    let status = if database && writer {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        status,
        Json(json!({
            "status": word(database && writer),
            "database": word(database),
            "writer": word(writer),
        })),
    )
}
