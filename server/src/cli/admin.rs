//! `portal admin ...`: the first administrator. The command line can only *invite*: the
//! account is created when that person signs in through the identity provider, so there is
//! no password and no way in that bypasses the provider.

use anyhow::{Context, bail};
use app::staff::{
    Role,
    service::{self, Invitee, StaffError},
};

use crate::{config::Settings, db};

#[derive(clap::Subcommand)]
pub enum AdminCommand {
    /// Invite someone to the staff workspace (an administrator unless --role says otherwise).
    Invite {
        /// Their e-mail address, as their identity provider reports it (verified).
        #[arg(long, conflicts_with = "subject", required_unless_present = "subject")]
        email: Option<String>,
        /// Or their subject (`sub`) at the identity provider.
        #[arg(long)]
        subject: Option<String>,
        /// helpline_staff, analyst, caseworker, care_partner or administrator.
        #[arg(long, default_value = "administrator")]
        role: String,
        /// The organisation they work for, by its name or id (needed for care partners).
        #[arg(long)]
        organisation: Option<String>,
    },
}

pub async fn run(command: AdminCommand) -> anyhow::Result<()> {
    let settings = Settings::from_env()?;
    let db = db::connect(&settings).await?;
    db::migrate(&db).await?;
    match command {
        AdminCommand::Invite {
            email,
            subject,
            role,
            organisation,
        } => {
            let Some(role) = Role::parse(&role) else {
                bail!("unknown role {role:?}");
            };
            let organisation_id = match organisation.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(wanted) => {
                    let found = app::directory::organisations(&db)
                        .await?
                        .into_iter()
                        .find(|o| o.name == wanted || o.id.to_string() == wanted);
                    match found {
                        Some(organisation) => Some(organisation.id),
                        None => bail!("no organisation {wanted:?} (add it on the admin page)"),
                    }
                }
            };
            if role.needs_organisation() && organisation_id.is_none() {
                bail!("a care partner needs an organisation: give --organisation");
            }
            let invitee = match (email, subject) {
                (Some(email), _) => Invitee::email(&email)
                    .map_err(|_| anyhow::anyhow!("not a usable e-mail address"))?,
                (None, Some(subject)) if !subject.trim().is_empty() => {
                    Invitee::Subject(subject.trim().to_owned())
                }
                _ => bail!("give --email or --subject"),
            };
            let store = settings.store(&db);
            match service::invite(&store, None, invitee, role, organisation_id).await {
                Ok(()) => println!(
                    "invited as {}: the account is created at the first sign-in",
                    role.as_str()
                ),
                // Running it twice is harmless (scripts may run it at every start).
                Err(StaffError::AlreadyInvited) => {
                    println!("already invited or already staff: nothing to do")
                }
                Err(error) => return Err(error).context("could not save the invitation"),
            }
        }
    }
    Ok(())
}
