//! `portal`: the web server and its command-line tools. Composition only; the work happens in
//! the modules of this crate and in `app`.

use clap::{Parser, Subcommand};
use server::{cli, config::Settings, db, startup::Application, telemetry};

#[derive(Parser)]
#[command(
    name = "portal",
    version,
    about = "Report, remove and get help: the portal's server",
    // `portal help route` is ours (the Contract's); `--help` still prints the usage.
    disable_help_subcommand = true
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
    /// Print the hashes of files as JSON lines: MD5, SHA-256, PDQ with its quality and the
    /// eight dihedral PDQ hashes. Needs no database or configuration.
    Hash {
        #[arg(required = true)]
        files: Vec<std::path::PathBuf>,
    },
    /// Print every page, form post and server function, with who may use it, as JSON lines.
    Routes,
    /// Staff tools for reports: find by address, write to the reporter, close.
    #[command(subcommand)]
    Report(cli::report::ReportCommand),
    /// Staff administration: invite the first administrator.
    #[command(subcommand)]
    Admin(cli::admin::AdminCommand),
    /// Where reported addresses are hosted and whom to tell (live DNS and RDAP).
    #[command(subcommand)]
    Hosting(cli::hosting::HostingCommand),
    /// Removal notices: render one exactly as it would be sent (sends nothing), or list the open ones.
    #[command(subcommand)]
    Notice(cli::notice::NoticeCommand),
    /// The provider directory (whom removal notices go to): list, or show one entry.
    #[command(subcommand)]
    Provider(cli::provider::ProviderCommand),
    /// Platform clients of the hash-list API: create (prints the key), list, revoke, webhook.
    #[command(subcommand)]
    Platform(cli::platform::PlatformCommand),
    /// The platforms' hash list: import and export exchange files, decide disputed entries.
    #[command(subcommand, name = "hash-list")]
    HashList(cli::hash_list::HashListCommand),
    /// Help that fits: `route` ranks the help services for a situation (JSON, best first).
    #[command(subcommand)]
    Help(cli::help::HelpCommand),
    /// The audit trail of staff actions: verify its hash chain.
    #[command(subcommand)]
    Audit(cli::audit::AuditCommand),
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    match Cli::parse().command.unwrap_or(Command::Serve) {
        Command::Hash { files } => cli::hash::run(&files),
        Command::Routes => cli::routes::run(),
        Command::Report(command) => cli::report::run(command).await,
        Command::Admin(command) => cli::admin::run(command).await,
        Command::Audit(command) => cli::audit::run(command).await,
        Command::Hosting(command) => cli::hosting::run(command).await,
        Command::Provider(command) => cli::provider::run(command).await,
        Command::Notice(command) => cli::notice::run(command).await,
        Command::Platform(command) => cli::platform::run(command).await,
        Command::HashList(command) => cli::hash_list::run(command).await,
        Command::Help(command) => cli::help::run(command),
        Command::Serve => {
            telemetry::init();
            let settings = Settings::from_env()?;
            Application::build(settings)
                .await?
                .run_until_stopped()
                .await
        }
        Command::Migrate => {
            telemetry::init();
            let db = db::connect(&Settings::from_env()?).await?;
            db::migrate(&db).await?;
            tracing::info!("database is up to date");
            Ok(())
        }
    }
}
