//! The portal's user interface and domain, built twice by cargo-leptos: with `ssr` for the
//! server (rendering, server functions, storage) and with `hydrate` for the browser (WASM).
//!
//! Each feature lives in its own folder, named in the words of the design brief.

pub mod abuse;
pub mod app;
pub mod audit;
pub mod case;
#[cfg(feature = "ssr")]
pub mod db;
pub mod directory;
pub mod error;
pub mod follow_up;
pub mod forms;
pub mod hash_list;
pub mod help;
pub mod home;
pub mod hosting;
pub mod i18n;
#[cfg(feature = "ssr")]
pub mod jobs;
pub mod monitor;
pub mod notice;
pub mod parents;
pub mod report;
pub mod shell;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod staff;
pub mod time;
#[cfg(feature = "ssr")]
pub mod token;

pub use app::{App, shell};
// Stored enums are declared with the inputs crate's macro (`crate::stored_enum!`).
#[doc(hidden)]
pub use inputs::stored_enum;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}
