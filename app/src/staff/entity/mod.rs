//! The stored shape of staff, invitations and organisations (migration `create_staff_tables`).

pub mod invitation;
pub mod organisation;
pub mod staff_account;
