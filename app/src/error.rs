//! The one error every server function returns to the browser: a code, never internal text.
//!
//! Domain errors are rich and stay on the server; at the boundary they become an [`AppError`]
//! and, when unexpected, are logged once ([`internal`]). The UI turns a code into words with an
//! explicit `match` of literal Fluent ids, and the HTTP status of each code is set here only.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    /// Nobody is signed in, or the session has ended.
    #[error("not signed in")]
    Unauthenticated,
    /// Signed in, but the role or the organisation does not allow it.
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// Something failed on the server; the cause is in the server's log only.
    #[error("internal error")]
    Internal,
    /// The request never reached the function (bad arguments, network, decoding).
    #[error("{0}")]
    ServerFn(ServerFnErrorErr),
}

impl AppError {
    /// The HTTP status of each code: the only place it is chosen.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Internal => 500,
            AppError::ServerFn(_) => 400,
        }
    }

    /// A stable, machine-readable name for logs and for APIs (`ApiError` on the server).
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Unauthenticated => "unauthenticated",
            AppError::Forbidden => "forbidden",
            AppError::NotFound => "not_found",
            AppError::Internal => "internal",
            AppError::ServerFn(_) => "bad_request",
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::ServerFn(value)
    }
}

/// Logs an unexpected error once, here at the boundary, and hides it from the browser.
#[cfg(feature = "ssr")]
pub fn internal(error: impl std::fmt::Display) -> AppError {
    tracing::error!(%error, "a server function failed");
    AppError::Internal
}

#[cfg(feature = "ssr")]
impl From<crate::staff::access::AccessError> for AppError {
    fn from(error: crate::staff::access::AccessError) -> Self {
        use crate::staff::access::AccessError;
        match error {
            AccessError::Unauthenticated => AppError::Unauthenticated,
            AccessError::Forbidden => AppError::Forbidden,
            AccessError::Internal => AppError::Internal,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    fn from(error: sea_orm::DbErr) -> Self {
        internal(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_its_own_status_and_name() {
        let all = [
            AppError::Unauthenticated,
            AppError::Forbidden,
            AppError::NotFound,
            AppError::Internal,
            AppError::ServerFn(ServerFnErrorErr::Request("x".into())),
        ];
        let statuses: std::collections::BTreeSet<_> = all.iter().map(AppError::status).collect();
        let codes: std::collections::BTreeSet<_> = all.iter().map(AppError::code).collect();
        assert_eq!(statuses.len(), all.len());
        assert_eq!(codes.len(), all.len());
    }

    #[test]
    fn internal_text_never_crosses_the_wire() {
        let json = serde_json::to_string(&AppError::Internal).unwrap();
        assert_eq!(json, "\"Internal\"");
    }
}
