//! Languages and translated text.
//!
//! The language comes from the URL (`/nl/...`), else from the browser's `Accept-Language`,
//! else English. Never from a cookie or local storage: on a shared phone either would show
//! that someone visited the portal. All text lives in Fluent files under `locales/`.

mod lang;
mod negotiate;
mod text;

#[cfg(test)]
mod completeness;

pub use lang::{Direction, Lang};
pub use negotiate::{from_accept_language, split_path};
pub use text::{I18n, provide_i18n, t, t_args, tr, use_i18n};
