//! The stored shape of the hosting domain (migration `create_resolution_table`).

pub mod resolution;
