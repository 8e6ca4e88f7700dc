//! The tests' DNS and RDAP servers (`tests/api/hosting_servers.rs`) as a program, for the
//! end-to-end tests: `hosting_servers DNS_ADDRESS RDAP_ADDRESS` serves until killed.

#[path = "../tests/api/hosting_servers.rs"]
#[allow(dead_code)]
mod hosting_servers;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dns = args
        .next()
        .unwrap_or_else(|| "127.0.0.1:0".into())
        .parse()?;
    let rdap = args
        .next()
        .unwrap_or_else(|| "127.0.0.1:0".into())
        .parse()?;
    let dns = hosting_servers::dns_server_on(dns, hosting_servers::test_zone()).await;
    let rdap = hosting_servers::rdap_server_on(rdap).await;
    println!("dns={dns} rdap={rdap}");
    std::future::pending::<()>().await;
    Ok(())
}
