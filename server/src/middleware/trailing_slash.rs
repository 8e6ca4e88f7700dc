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
        // One leading slash, always: `//host` in a Location is another site. (The edge has
        // answered such paths with "not found" already; this holds whatever comes first.)
        let trimmed = format!("/{}", path.trim_matches('/'));
        let trimmed = trimmed.as_str();
        let target = match request.uri().query() {
            Some(query) => format!("{trimmed}?{query}"),
            None => trimmed.to_owned(),
        };
        return Redirect::permanent(&target).into_response();
    }
    next.run(request).await
}
