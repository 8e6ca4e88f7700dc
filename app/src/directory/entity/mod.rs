//! The stored shape of the directory: organisations and the rules that give new reports an
//! owner (migrations `create_staff_tables`, `add_case_owners`).

pub mod case_owner_rule;
pub mod organisation;
