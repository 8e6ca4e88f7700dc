use sea_orm::entity::prelude::*;

use crate::directory::OrganisationKind;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organisation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name: String,
    pub kind: OrganisationKind,
    pub created_at: i64,
    /// True for an organisation that uses the portal (its staff sign in, it owns cases);
    /// false for one that is only listed (a helpline, a DSC).
    pub uses_portal: bool,
    /// Where it works (ISO code): a hotline sends CSAM notices itself for its own country.
    pub country: Option<String>,
    /// Its web domain, named in notices it sends.
    pub domain: Option<String>,
    /// The case mailbox: providers' answers to its notices go there (else the portal's
    /// `PORTAL_NOTICE_FROM`).
    pub case_mailbox: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
