//! `portal hosting resolve URL...`: where each address is hosted and whom to tell, as JSON
//! Lines on stdout (one compact object per URL, in the order given). It resolves live through
//! the same code as the portal's job (`clients::hosting`), honouring `PORTAL_DNS_SERVERS`,
//! `PORTAL_RDAP_BOOTSTRAP` and `PORTAL_OUTBOUND_ALLOW`, and needs no database or server.
//! Exit status 0, or 2 after printing every row when an argument was not a URL.

use std::io::Write;

use app::hosting::providers::Directory;

use crate::clients::hosting::Resolver;

#[derive(clap::Subcommand)]
pub enum HostingCommand {
    /// Resolve web addresses: host, addresses, network, AS, CDN, registrar, provider.
    Resolve {
        #[arg(required = true)]
        urls: Vec<String>,
    },
}

pub async fn run(command: HostingCommand) -> anyhow::Result<()> {
    let HostingCommand::Resolve { urls } = command;
    let config = crate::config::hosting_from_lookup(|name: &str| {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    })?;
    let resolver = Resolver::new(&config).await?;
    let clock = app::time::Clock::system();
    // The shipped directory: the command needs no database (administrators' edits are in
    // the portal's; `portal provider list` shows those).
    let directory = Directory::seed();
    // All at once (the guard rate-limits per registry), printed in the order given.
    let resolutions = futures::future::join_all(
        urls.iter()
            .map(|url| resolver.resolve(url, clock.now(), &directory)),
    )
    .await;
    let mut stdout = std::io::stdout().lock();
    let mut bad_input = false;
    for resolution in &resolutions {
        bad_input |= resolution
            .errors
            .iter()
            .any(|e| e.stage == app::hosting::Stage::Url);
        writeln!(stdout, "{}", serde_json::to_string(resolution)?)?;
    }
    stdout.flush()?;
    if bad_input {
        std::process::exit(2);
    }
    Ok(())
}
