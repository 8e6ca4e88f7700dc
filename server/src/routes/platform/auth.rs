//! Who is calling the platform API: the `Authorization: Bearer` key (401 without a valid
//! one), its requests a minute (429 with `Retry-After`), and the use counters (calls and
//! items per platform, day and endpoint; never what was asked).

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use app::{
    db::Db,
    hash_list::{Scope, platform::Platform},
};
use axum::{
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};

use super::ApiState;
use crate::routes::error::ApiError;

/// The platform a request comes from, for the handlers.
#[derive(Debug, Clone)]
pub struct Caller(pub Platform);

impl Caller {
    /// The scope the call needs (403 without it).
    pub fn needs(&self, scope: Scope) -> Result<&Platform, ApiError> {
        if self.0.may(scope) {
            Ok(&self.0)
        } else {
            Err(ApiError::MissingScope)
        }
    }
}

/// The key's bearer token, if the header has one.
fn bearer(request: &Request) -> Option<&str> {
    let value = request
        .headers()
        .get(http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(token.trim())
        .filter(|t| !t.is_empty() && t.len() <= 128)
}

/// Every call but the OpenAPI document: the key, then its limit.
pub async fn authenticate(
    State(state): State<ApiState>,
    mut request: Request,
    next: Next,
) -> Response {
    let Some(key) = bearer(&request) else {
        return ApiError::Unauthorized.into_response();
    };
    let platform = match app::hash_list::platform::by_key(state.db.read(), key).await {
        Ok(Some(platform)) => platform,
        Ok(None) => return ApiError::Unauthorized.into_response(),
        Err(error) => return ApiError::from(error).into_response(),
    };
    if let Err(retry_after) = state.limits.take(platform.id, platform.per_minute) {
        return ApiError::RateLimited { retry_after }.into_response();
    }
    request.extensions_mut().insert(Caller(platform));
    next.run(request).await
}

/// A token bucket per platform: `per_minute` requests, refilled evenly over the minute.
#[derive(Default)]
pub struct Limits {
    buckets: Mutex<HashMap<i64, (f64, Instant)>>,
}

impl Limits {
    /// Takes one request from platform `id`'s bucket, or says in how many seconds one is
    /// there again.
    pub fn take(&self, id: i64, per_minute: u32) -> Result<(), u64> {
        let capacity = f64::from(per_minute.max(1));
        let per_second = capacity / 60.0;
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        let (tokens, at) = buckets.entry(id).or_insert((capacity, now));
        *tokens = (*tokens + now.duration_since(*at).as_secs_f64() * per_second).min(capacity);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - *tokens) / per_second).ceil().max(1.0) as u64)
        }
    }
}

/// Calls and items counted in memory and added to `platform_usage` every few seconds, so a
/// busy matcher does not write a row per request.
#[derive(Clone, Default)]
pub struct Usage {
    counts: Arc<Mutex<HashMap<app::hash_list::platform::UsageKey, (i64, i64)>>>,
}

/// How often the counters are written.
pub const USAGE_EVERY: Duration = Duration::from_secs(10);

impl Usage {
    pub fn count(&self, platform: i64, day: i64, endpoint: &'static str, items: usize) {
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        let sum = counts.entry((platform, day, endpoint)).or_default();
        sum.0 += 1;
        sum.1 += items as i64;
    }

    /// Writes what was counted since the last call.
    pub async fn flush(&self, db: &Db) -> Result<(), sea_orm::DbErr> {
        let taken: Vec<_> = {
            let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
            counts.drain().collect()
        };
        if taken.is_empty() {
            return Ok(());
        }
        if let Err(error) = app::hash_list::platform::count_usage(db.write(), &taken).await {
            // Put them back for the next try.
            let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
            for (key, (calls, items)) in taken {
                let sum = counts.entry(key).or_default();
                sum.0 += calls;
                sum.1 += items;
            }
            return Err(error);
        }
        Ok(())
    }

    pub async fn flush_forever(self, db: Db) {
        let mut tick = tokio::time::interval(USAGE_EVERY);
        loop {
            tick.tick().await;
            if let Err(error) = self.flush(&db).await {
                tracing::warn!(%error, "platform usage: could not write the counters");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bucket_gives_its_minute_then_says_when_to_come_back() {
        let limits = Limits::default();
        for _ in 0..3 {
            assert_eq!(limits.take(1, 3), Ok(()));
        }
        // 3 a minute: one every 20 s.
        assert_eq!(limits.take(1, 3), Err(20));
        assert_eq!(
            limits.take(2, 3),
            Ok(()),
            "each platform has its own bucket"
        );
    }
}
