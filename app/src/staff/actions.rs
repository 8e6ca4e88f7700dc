//! The administrators' forms, handled on the server: invite, change a role, add an
//! organisation. Success redirects back to the page with a GET (a reload never posts twice);
//! a problem renders the page again with the message and the text kept.

use super::{
    PostedStaffForm, Role,
    access::{SignedInStaff, form_token_matches},
    service::{self, Invitee, StaffError},
};
use crate::{
    db::Db,
    forms::{Fields, Outcome},
};

fn get<'a>(form: &'a [(String, String)], name: &str) -> &'a str {
    Fields(form).value(name)
}

fn organisation(form: &[(String, String)], name: &str) -> Option<i64> {
    get(form, name).parse().ok()
}

/// Handles one administrator form post. The caller has checked `Permission::ManageStaff`.
pub async fn handle_admin(
    db: &Db,
    staff: &SignedInStaff,
    form: &[(String, String)],
) -> Outcome<PostedStaffForm> {
    if !form_token_matches(get(form, "csrf"), staff) {
        return Outcome::Render(PostedStaffForm {
            error: Some("staff-error-form-expired".to_owned()),
            ..PostedStaffForm::default()
        });
    }
    let me = &staff.member;
    let typed_email = get(form, "email").chars().take(320).collect::<String>();
    let typed_name = get(form, "name").chars().take(200).collect::<String>();
    let result = match get(form, "action") {
        "invite" => match (Invitee::email(&typed_email), Role::parse(get(form, "role"))) {
            (Ok(invitee), Some(role)) => service::invite(
                db,
                Some(me),
                invitee,
                role,
                organisation(form, "organisation_id"),
            )
            .await
            .map(|()| "staff-admin-invited"),
            (Err(error), _) => Err(error),
            (_, None) => Err(StaffError::UnknownStaff),
        },
        "change-role" => {
            let staff_id = get(form, "staff_id").parse().unwrap_or_default();
            match Role::parse(get(form, "role")) {
                Some(role) => service::change_role(
                    db,
                    me,
                    staff_id,
                    role,
                    organisation(form, "organisation_id"),
                )
                .await
                .map(|()| "staff-admin-role-changed"),
                None => Err(StaffError::UnknownStaff),
            }
        }
        "add-organisation" => {
            crate::directory::create_organisation(db, me, &typed_name, get(form, "kind"))
                .await
                .map(|_| "staff-admin-organisation-added")
        }
        "set-owner-rule" => {
            use crate::directory::{
                CaseCategory,
                owners::{self, RuleError},
            };
            let country = Some(get(form, "country")).filter(|c| !c.is_empty());
            let category = CaseCategory::parse(get(form, "category"));
            match organisation(form, "organisation_id") {
                None => Err(StaffError::UnknownOrganisation),
                Some(owner) => match owners::set_rule(db, me, country, category, owner).await {
                    Ok(()) => Ok("staff-admin-owner-rule-set"),
                    Err(RuleError::UnknownOrganisation) => Err(StaffError::UnknownOrganisation),
                    Err(RuleError::InvalidCountry) => Err(StaffError::UnknownCountry),
                    Err(RuleError::Db(error)) => Err(StaffError::Db(error)),
                },
            }
        }
        _ => return Outcome::Redirect(None),
    };
    match result {
        Ok(notice) => Outcome::Render(PostedStaffForm {
            notice: Some(notice.to_owned()),
            ..PostedStaffForm::default()
        }),
        Err(error) => {
            if let StaffError::Db(db_error) = &error {
                tracing::error!(error = %db_error, "a staff administration form failed");
            }
            Outcome::Render(PostedStaffForm {
                error: Some(error.message_id().to_owned()),
                email: typed_email,
                organisation_name: typed_name,
                ..PostedStaffForm::default()
            })
        }
    }
}
