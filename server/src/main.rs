//! `portal`: the web server and its command-line tools. Composition only; the work happens in
//! the modules of this crate and in `app`.

use clap::{Parser, Subcommand};
use server::{config::Settings, db, startup::Application, telemetry};

#[derive(Parser)]
#[command(
    name = "portal",
    version,
    about = "Report, remove and get help: the portal's server"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the portal (the default). Migrates the database first.
    Serve,
    /// Apply database migrations and exit.
    Migrate,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    telemetry::init();
    let settings = Settings::from_env()?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            Application::build(settings)
                .await?
                .run_until_stopped()
                .await
        }
        Command::Migrate => {
            let db = db::connect(&settings).await?;
            db::migrate(&db).await?;
            tracing::info!("database is up to date");
            Ok(())
        }
    }
}
