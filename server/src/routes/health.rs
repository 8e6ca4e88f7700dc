//! `GET /health`: the process answers. Load balancers and the intake benchmark's baseline.

pub async fn health() -> &'static str {
    "ok"
}
