//! Staff use cases: sign-in from a verified identity, invitations, roles, organisations.
//! Each one writes its audit event in its own transaction.

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DbErr,
    EntityTrait, NotSet, QueryFilter, QueryOrder,
};

use super::{
    Role, StaffMember,
    entity::{invitation, staff_account},
};
use crate::{
    audit::{
        AuditAction,
        chain::ChainKey,
        store::{Actor, NewEvent, append},
    },
    db::{Db, retrying},
    directory::entity::organisation,
};

/// What the identity provider vouched for, after the ID token was verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub issuer: String,
    pub subject: String,
    /// Only when the provider says it is verified; lower case.
    pub verified_email: Option<String>,
    pub name: Option<String>,
}

impl Identity {
    fn label(&self) -> String {
        self.verified_email
            .clone()
            .unwrap_or_else(|| self.subject.clone())
    }
}

/// The outcome of a sign-in at the identity provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignIn {
    Welcome(StaffMember),
    /// Nobody invited this identity, or the account is disabled.
    Refused,
}

#[derive(Debug, thiserror::Error)]
pub enum StaffError {
    #[error("not a usable e-mail address")]
    InvalidEmail,
    #[error("this role needs an organisation")]
    OrganisationRequired,
    #[error("no such organisation")]
    UnknownOrganisation,
    #[error("no such staff member")]
    UnknownStaff,
    #[error("administrators cannot change their own role")]
    OwnRole,
    #[error("the name is empty or too long")]
    InvalidName,
    #[error("an organisation with this name exists")]
    DuplicateOrganisation,
    #[error("this person is already invited or already has an account")]
    AlreadyInvited,
    #[error("not a country the portal knows")]
    UnknownCountry,
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl StaffError {
    /// The Fluent message that explains the problem to an administrator.
    pub fn message_id(&self) -> &'static str {
        match self {
            StaffError::InvalidEmail => "staff-error-email",
            StaffError::OrganisationRequired => "staff-error-organisation-required",
            StaffError::UnknownOrganisation => "staff-error-organisation-unknown",
            StaffError::UnknownStaff => "staff-error-staff-unknown",
            StaffError::OwnRole => "staff-error-own-role",
            StaffError::InvalidName => "staff-error-name",
            StaffError::DuplicateOrganisation => "staff-error-organisation-exists",
            StaffError::AlreadyInvited => "staff-error-already-invited",
            StaffError::UnknownCountry => "staff-error-country-unknown",
            StaffError::Db(_) => "staff-error-try-again",
        }
    }
}

fn member(account: staff_account::Model) -> Option<StaffMember> {
    if account.disabled_at.is_some() {
        return None;
    }
    Some(StaffMember {
        id: account.id,
        role: account.role,
        organisation_id: account.organisation_id,
        display_name: account.display_name,
        email: account.email,
        subject: account.subject,
    })
}

/// A live (not disabled) staff member by id.
pub async fn find_member(db: &impl ConnectionTrait, id: i64) -> Result<Option<StaffMember>, DbErr> {
    Ok(staff_account::Entity::find_by_id(id)
        .one(db)
        .await?
        .and_then(member))
}

/// A live staff member by the e-mail address they sign in with (case-insensitive), for the
/// command line's `--as`.
pub async fn find_member_by_email(
    db: &impl ConnectionTrait,
    email: &str,
) -> Result<Option<StaffMember>, DbErr> {
    let wanted = email.trim().to_lowercase();
    Ok(staff_account::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .find(|a| {
            a.email
                .as_deref()
                .is_some_and(|e| e.to_lowercase() == wanted)
        })
        .and_then(member))
}

fn plain_db_error(error: &DbErr) -> Option<&DbErr> {
    Some(error)
}

pub(crate) fn staff_db_error(error: &StaffError) -> Option<&DbErr> {
    match error {
        StaffError::Db(error) => Some(error),
        _ => None,
    }
}

/// Signs in a verified identity: an existing account, or a new one from an open invitation
/// (by subject, or by verified e-mail). Everything else is refused, and audited.
pub async fn sign_in(db: &Db, identity: &Identity) -> Result<SignIn, DbErr> {
    retrying(|| sign_in_once(db, identity), plain_db_error).await
}

async fn sign_in_once(db: &Db, identity: &Identity) -> Result<SignIn, DbErr> {
    let txn = db.begin().await?;
    let existing = staff_account::Entity::find()
        .filter(staff_account::Column::Issuer.eq(&identity.issuer))
        .filter(staff_account::Column::Subject.eq(&identity.subject))
        .one(&txn)
        .await?;
    let now = db.now();
    let at = now;
    let account = match existing {
        Some(account) => Some(account),
        None => match open_invitation(&txn, identity).await? {
            Some(invite) => Some(accept(&txn, db.audit_key(), identity, invite, now).await?),
            None => None,
        },
    };
    let Some(member) = account.and_then(member) else {
        append(
            &txn,
            db.audit_key(),
            at,
            NewEvent::new(
                Actor {
                    id: None,
                    label: identity.label(),
                },
                AuditAction::SignInRefused,
            )
            .detail(format!("issuer={}", identity.issuer)),
        )
        .await?;
        txn.commit().await?;
        return Ok(SignIn::Refused);
    };
    staff_account::Entity::update_many()
        .col_expr(
            staff_account::Column::LastSignInAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(staff_account::Column::Id.eq(member.id))
        .exec(&txn)
        .await?;
    append(
        &txn,
        db.audit_key(),
        at,
        NewEvent::new(member.actor(), AuditAction::SignedIn),
    )
    .await?;
    txn.commit().await?;
    Ok(SignIn::Welcome(member))
}

async fn open_invitation(
    db: &impl ConnectionTrait,
    identity: &Identity,
) -> Result<Option<invitation::Model>, DbErr> {
    let mut by = Condition::any().add(invitation::Column::Subject.eq(&identity.subject));
    if let Some(email) = &identity.verified_email {
        by = by.add(invitation::Column::Email.eq(email));
    }
    invitation::Entity::find()
        .filter(invitation::Column::AcceptedAt.is_null())
        .filter(by)
        .order_by_desc(invitation::Column::Id)
        .one(db)
        .await
}

async fn accept(
    txn: &impl ConnectionTrait,
    key: &ChainKey,
    identity: &Identity,
    invite: invitation::Model,
    at: i64,
) -> Result<staff_account::Model, DbErr> {
    let account = staff_account::ActiveModel {
        id: NotSet,
        issuer: Set(identity.issuer.clone()),
        subject: Set(identity.subject.clone()),
        email: Set(identity.verified_email.clone()),
        display_name: Set(identity
            .name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| identity.label())
            .chars()
            .take(200)
            .collect()),
        role: Set(invite.role),
        organisation_id: Set(invite.organisation_id),
        created_at: Set(at),
        last_sign_in_at: Set(None),
        disabled_at: Set(None),
    }
    .insert(txn)
    .await?;
    let mut accepted: invitation::ActiveModel = invite.clone().into();
    accepted.accepted_at = Set(Some(at));
    accepted.accepted_by = Set(Some(account.id));
    accepted.update(txn).await?;
    append(
        txn,
        key,
        at,
        NewEvent::new(
            Actor {
                id: Some(account.id),
                label: identity.label(),
            },
            AuditAction::AccountCreated,
        )
        .target(identity.label())
        .detail(format!("role={} invitation={}", invite.role, invite.id)),
    )
    .await?;
    Ok(account)
}

/// Records a sign-out.
pub async fn sign_out(db: &Db, member: &StaffMember) -> Result<(), DbErr> {
    retrying(
        || async {
            let txn = db.begin().await?;
            let at = db.now();
            append(
                &txn,
                db.audit_key(),
                at,
                NewEvent::new(member.actor(), AuditAction::SignedOut),
            )
            .await?;
            txn.commit().await
        },
        plain_db_error,
    )
    .await
}

/// Whom an invitation is for: a verified e-mail address or a subject at the provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invitee {
    Email(String),
    Subject(String),
}

impl Invitee {
    /// An address as typed: trimmed, lower case, one `@` with text on both sides.
    pub fn email(typed: &str) -> Result<Invitee, StaffError> {
        let email = typed.trim().to_lowercase();
        let valid = email.len() <= 320
            && !email.chars().any(char::is_whitespace)
            && email.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty() && domain.contains('.') && !domain.contains('@')
            });
        if valid {
            Ok(Invitee::Email(email))
        } else {
            Err(StaffError::InvalidEmail)
        }
    }

    fn label(&self) -> &str {
        match self {
            Invitee::Email(e) | Invitee::Subject(e) => e,
        }
    }
}

/// Invites someone with `role`; `by` None is the command line.
pub async fn invite(
    db: &Db,
    by: Option<&StaffMember>,
    invitee: Invitee,
    role: Role,
    organisation_id: Option<i64>,
) -> Result<(), StaffError> {
    retrying(
        || invite_once(db, by, invitee.clone(), role, organisation_id),
        staff_db_error,
    )
    .await
}

async fn invite_once(
    db: &Db,
    by: Option<&StaffMember>,
    invitee: Invitee,
    role: Role,
    organisation_id: Option<i64>,
) -> Result<(), StaffError> {
    let txn = db.begin().await?;
    let at = db.now();
    check_organisation(&txn, role, organisation_id).await?;
    let (email, subject) = match &invitee {
        Invitee::Email(e) => (Some(e.clone()), None),
        Invitee::Subject(s) => (None, Some(s.clone())),
    };
    let (invitations, accounts) = match &invitee {
        Invitee::Email(e) => (
            invitation::Column::Email.eq(e),
            staff_account::Column::Email.eq(e),
        ),
        Invitee::Subject(s) => (
            invitation::Column::Subject.eq(s),
            staff_account::Column::Subject.eq(s),
        ),
    };
    let open = invitation::Entity::find()
        .filter(invitation::Column::AcceptedAt.is_null())
        .filter(invitations)
        .one(&txn)
        .await?;
    let account = staff_account::Entity::find()
        .filter(accounts)
        .one(&txn)
        .await?;
    if open.is_some() || account.is_some() {
        return Err(StaffError::AlreadyInvited);
    }
    invitation::ActiveModel {
        id: NotSet,
        email: Set(email),
        subject: Set(subject),
        role: Set(role),
        organisation_id: Set(organisation_id),
        invited_by: Set(by.map(|m| m.id)),
        created_at: Set(at),
        accepted_at: Set(None),
        accepted_by: Set(None),
    }
    .insert(&txn)
    .await?;
    let actor = by.map_or_else(Actor::cli, StaffMember::actor);
    let mut detail = format!("role={}", role.as_str());
    if let Some(org) = organisation_id {
        detail.push_str(&format!(" organisation={org}"));
    }
    append(
        &txn,
        db.audit_key(),
        at,
        NewEvent::new(actor, AuditAction::Invited)
            .target(invitee.label())
            .detail(detail),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

async fn check_organisation(
    db: &impl ConnectionTrait,
    role: Role,
    organisation_id: Option<i64>,
) -> Result<(), StaffError> {
    match organisation_id {
        None if role.needs_organisation() => Err(StaffError::OrganisationRequired),
        None => Ok(()),
        // Only an organisation that uses the portal has staff.
        Some(id) => match organisation::Entity::find_by_id(id)
            .filter(organisation::Column::UsesPortal.eq(true))
            .one(db)
            .await?
        {
            Some(_) => Ok(()),
            None => Err(StaffError::UnknownOrganisation),
        },
    }
}

/// Gives staff member `staff_id` a new role (and organisation).
pub async fn change_role(
    db: &Db,
    by: &StaffMember,
    staff_id: i64,
    role: Role,
    organisation_id: Option<i64>,
) -> Result<(), StaffError> {
    retrying(
        || change_role_once(db, by, staff_id, role, organisation_id),
        staff_db_error,
    )
    .await
}

async fn change_role_once(
    db: &Db,
    by: &StaffMember,
    staff_id: i64,
    role: Role,
    organisation_id: Option<i64>,
) -> Result<(), StaffError> {
    if staff_id == by.id {
        return Err(StaffError::OwnRole);
    }
    let txn = db.begin().await?;
    let at = db.now();
    let account = staff_account::Entity::find_by_id(staff_id)
        .one(&txn)
        .await?
        .ok_or(StaffError::UnknownStaff)?;
    check_organisation(&txn, role, organisation_id).await?;
    let before = account.role;
    let target = account
        .email
        .clone()
        .unwrap_or_else(|| account.subject.clone());
    let mut changed: staff_account::ActiveModel = account.into();
    changed.role = Set(role);
    changed.organisation_id = Set(organisation_id);
    changed.update(&txn).await?;
    append(
        &txn,
        db.audit_key(),
        at,
        NewEvent::new(by.actor(), AuditAction::RoleChanged)
            .target(target)
            .detail(format!("from={before} to={}", role.as_str())),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

pub async fn accounts(db: &impl ConnectionTrait) -> Result<Vec<staff_account::Model>, DbErr> {
    staff_account::Entity::find()
        .order_by_asc(staff_account::Column::DisplayName)
        .all(db)
        .await
}

pub async fn open_invitations(db: &impl ConnectionTrait) -> Result<Vec<invitation::Model>, DbErr> {
    invitation::Entity::find()
        .filter(invitation::Column::AcceptedAt.is_null())
        .order_by_desc(invitation::Column::Id)
        .all(db)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invited_address_is_trimmed_and_lower_cased() {
        assert_eq!(
            Invitee::email("  Analyst@Example.TEST ").unwrap(),
            Invitee::Email("analyst@example.test".to_owned())
        );
    }

    #[test]
    fn an_address_without_a_domain_is_refused() {
        for bad in [
            "",
            "analyst",
            "analyst@",
            "@example.test",
            "a b@example.test",
            "a@b@c.test",
        ] {
            assert!(Invitee::email(bad).is_err(), "{bad}");
        }
    }
}
