//! `portal report ...`: the staff side of a report from the command line. Finds a report by an
//! address it names (the receipt stays the reporter's alone); writes to it only as a named
//! staff member (`--as`), through the same use cases, checks and audit events as the case page.

use anyhow::{Context, bail};
use app::{
    case::service::{self as cases, CaseAction, CaseError},
    report::{store, urls},
    staff::{StaffMember, permits},
};

use crate::{config::Settings, db};

#[derive(clap::Subcommand)]
pub enum ReportCommand {
    /// Print the ids of reports that name this web address.
    Find { url: String },
    /// Write a message from staff to the reporter of a report.
    Message {
        id: i64,
        text: String,
        /// The staff member writing: the e-mail address of their account.
        #[arg(long = "as", value_name = "EMAIL")]
        as_staff: String,
    },
    /// Close a report; retention deletes it after PORTAL_RETENTION_DAYS.
    Close {
        id: i64,
        /// The staff member closing it: the e-mail address of their account.
        #[arg(long = "as", value_name = "EMAIL")]
        as_staff: String,
    },
}

pub async fn run(command: ReportCommand) -> anyhow::Result<()> {
    let settings = Settings::from_env()?;
    let db = db::connect(&settings).await?;
    db::migrate(&db).await?;
    let store = settings.store(&db);
    let (id, action, as_staff) = match command {
        ReportCommand::Find { url } => {
            let url = urls::normalise(&url)
                .map_err(|id| anyhow::anyhow!("not a usable web address ({id})"))?;
            for id in store::find_by_url(&db, &url).await? {
                println!("{id}");
            }
            return Ok(());
        }
        ReportCommand::Message { id, text, as_staff } => (id, CaseAction::Message(text), as_staff),
        ReportCommand::Close { id, as_staff } => (id, CaseAction::Close, as_staff),
    };
    let me = staff_member(&db, &as_staff).await?;
    if !permits(me.role, action.permission()) {
        bail!("{as_staff} is {} and may not do this", me.role);
    }
    match cases::act(&store, &me, id, action).await {
        Ok(_) => Ok(()),
        // Another organisation's case is, to this staff member, no case at all (as on the page).
        Err(CaseError::UnknownCase) => bail!("no report {id} that {as_staff} handles"),
        Err(CaseError::Empty) => bail!("the message is empty"),
        Err(CaseError::TooLong) => bail!("the message is too long"),
        Err(CaseError::Closed) => bail!("report {id} is closed already"),
        Err(error) => Err(error).context("could not save"),
    }
}

async fn staff_member(
    db: &sea_orm::DatabaseConnection,
    email: &str,
) -> anyhow::Result<StaffMember> {
    app::staff::service::find_member_by_email(db, email)
        .await?
        .with_context(|| {
            format!(
                "no staff account for {email}: invite them (portal admin invite) and let them \
                 sign in once; a disabled account cannot act"
            )
        })
}
