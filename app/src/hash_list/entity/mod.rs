//! The stored shape of the hash list (migration `create_hash_list_tables`).

pub mod change;
pub mod entry;
pub mod feedback;
pub mod platform;
pub mod usage;
