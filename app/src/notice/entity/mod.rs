//! The stored shape of notices (migration `create_notice_tables`).

pub mod notice;
pub mod notice_item;
