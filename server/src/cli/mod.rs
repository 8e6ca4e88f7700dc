//! Command-line tools of the `portal` binary, beside `serve` and `migrate`.

pub mod hash;
pub mod report;
