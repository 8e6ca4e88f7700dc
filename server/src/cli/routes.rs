//! `portal routes`: every page, form post and server function the portal answers, one JSON
//! line each, with who may use it. From the router itself, so the end-to-end tests' lists of
//! pages are never kept by hand. Needs no database or configuration.

use serde_json::json;

use crate::routes::{FormPost, pages, server_fn_access};

pub fn run() -> anyhow::Result<()> {
    for page in pages() {
        println!(
            "{}",
            json!({"kind": "page", "path": page.path, "access": page.access, "examples": page.examples})
        );
    }
    for form in FormPost::ALL {
        println!(
            "{}",
            json!({"kind": "form", "path": form.path(), "access": form.access(), "language_prefixed": form.language_prefixed()})
        );
    }
    let mut server_fns: Vec<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .collect();
    server_fns.sort_unstable();
    for path in server_fns {
        println!(
            "{}",
            json!({"kind": "server_fn", "path": path, "access": server_fn_access(path)})
        );
    }
    Ok(())
}
