//! One address per page: `/nl/` and `/nl/help/` lead to `/nl` and `/nl/help`, so the router on
//! the server and in the browser always agree.

use axum::{
    extract::Request,
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};

pub async fn redirect_trailing_slash(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if path.len() > 1 && path.ends_with('/') && request.method() == http::Method::GET {
        let trimmed = path.trim_end_matches('/');
        let target = match request.uri().query() {
            Some(query) => format!("{}?{query}", if trimmed.is_empty() { "/" } else { trimmed }),
            None => (if trimmed.is_empty() { "/" } else { trimmed }).to_owned(),
        };
        return Redirect::permanent(&target).into_response();
    }
    next.run(request).await
}
