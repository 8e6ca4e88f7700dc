//! The stored shape of staff and invitations (migration `create_staff_tables`).
//! Organisations are the directory's (`crate::directory`).

pub mod invitation;
pub mod staff_account;
