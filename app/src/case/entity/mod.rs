//! The stored shape of cases (migration `create_case_tables`).

pub mod assessment;
pub mod assignment;
pub mod note;
