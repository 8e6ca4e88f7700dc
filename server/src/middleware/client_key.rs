//! The rate-limit key: a keyed, daily-rotating hash of the client's address. The address
//! itself goes no further than this middleware.

use std::{net::SocketAddr, sync::Arc};

use app::abuse::ClientHasher;
use axum::{
    extract::{ConnectInfo, Request, State},
    middleware::Next,
    response::Response,
};

/// Puts a [`ClientKey`] on every request: a keyed, daily-rotating hash of the client's
/// address, for rate limits. The address itself goes no further than this function.
pub async fn client_key(
    State(hasher): State<(Arc<ClientHasher>, Option<String>)>,
    mut request: Request,
    next: Next,
) -> Response {
    let (hasher, header) = hasher;
    let from_proxy = header.as_deref().and_then(|name| {
        request
            .headers()
            .get(name)?
            .to_str()
            .ok()?
            .split(',')
            .next()?
            .trim()
            .parse()
            .ok()
    });
    let address = from_proxy.or_else(|| {
        request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|info| info.0.ip())
    });
    if let Some(address) = address {
        let key = hasher.key_for(address);
        request.extensions_mut().insert(key);
    }
    next.run(request).await
}
