//! The access log: method, path, status and latency only; never the client's address, headers
//! or query string (see `telemetry.rs`).

use std::time::Duration;

use tower_http::{
    classify::{ServerErrorsAsFailures, SharedClassifier},
    trace::TraceLayer,
};

/// Answers slower than this are logged as warnings: something waited that should not have
/// (a page that hit the 30 s timeout is answered 408 with no body).
const SLOW_ANSWER: Duration = Duration::from_secs(5);

type MakeSpan = fn(&http::Request<axum::body::Body>) -> tracing::Span;
type OnResponse = fn(&http::Response<axum::body::Body>, Duration, &tracing::Span);

/// The tracing layer that writes one line per answer.
pub fn layer() -> TraceLayer<SharedClassifier<ServerErrorsAsFailures>, MakeSpan, (), OnResponse> {
    TraceLayer::new_for_http()
        .make_span_with(span as MakeSpan)
        .on_request(())
        .on_response(log_response as OnResponse)
}

fn span(request: &http::Request<axum::body::Body>) -> tracing::Span {
    tracing::info_span!("request", method = %request.method(), path = request.uri().path())
}

/// The access log line: status and latency, in the request's span (method and path).
fn log_response<B>(response: &http::Response<B>, latency: Duration, _span: &tracing::Span) {
    let status = response.status().as_u16();
    let latency_ms = latency.as_millis();
    if latency >= SLOW_ANSWER || status == http::StatusCode::REQUEST_TIMEOUT {
        tracing::warn!(status, latency_ms, "slow answer");
    } else {
        tracing::info!(status, latency_ms, "answered");
    }
}
