//! The tests' DNS and RDAP servers (`tests/api/hosting_servers.rs`) and, when a third
//! address is given, their SMTP server (`tests/api/smtp_sink.rs`), as a program for the
//! end-to-end tests: `hosting_servers DNS_ADDRESS RDAP_ADDRESS [SMTP_ADDRESS]` serves until
//! killed, and prints each message the SMTP server accepts (its recipient and Message-ID).

#[path = "../tests/api/hosting_servers.rs"]
#[allow(dead_code)]
mod hosting_servers;
#[path = "../tests/api/smtp_sink.rs"]
#[allow(dead_code)]
mod smtp_sink;

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
    let Some(smtp) = args.next() else {
        std::future::pending::<()>().await;
        return Ok(());
    };
    let sink = smtp_sink::start_on(smtp.parse()?, std::time::Duration::ZERO).await;
    println!("smtp={}", sink.address);
    let mut shown = 0;
    loop {
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        for mail in sink.received().iter().skip(shown) {
            println!(
                "smtp accepted to={:?} message-id={}",
                mail.recipients,
                mail.message_id()
            );
            shown += 1;
        }
    }
}
