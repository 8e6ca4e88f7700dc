//! `make bench-hosting`: hosting resolutions per second against the loopback DNS and RDAP
//! servers of the tests (`tests/api/hosting_servers.rs`), cold (a new resolver: every DNS
//! and RDAP answer fetched) and warm (the same resolver again: DNS and RDAP from its caches),
//! and the median latency of one cold resolution on its own. The per-registry rate limit is
//! lifted for the run (`PORTAL_RDAP_PER_SECOND` defaults to 5 a second per registry in
//! production, which caps cold resolutions of new networks by design, not by the engine).

#[path = "../tests/api/hosting_servers.rs"]
#[allow(dead_code)]
mod hosting_servers;

use std::time::{Duration, Instant};

use app::hosting::providers::Directory;
use hosting_servers::{Zone, dns_server, rdap_server};
use server::clients::hosting::{HostingConfig, Resolver};

const HOSTS: usize = 2000;
const CONCURRENCY: usize = 64;
const SINGLE: usize = 101;

fn zone() -> Zone {
    let mut zone = Zone::default();
    for i in 0..HOSTS + SINGLE {
        let (a, b) = ((i / 250) % 250 + 1, i % 250 + 1);
        // Half behind a CNAME, spread over the RIPE, ARIN and APNIC test networks.
        let ip = match i % 3 {
            0 => format!("193.0.{a}.{b}"),
            1 => format!("104.16.{a}.{b}"),
            _ => format!("1.1.{a}.{b}"),
        };
        let host = format!("h{i}.bench-host.com");
        if i % 2 == 0 {
            let target = format!("edge{i}.bench-cdn.net");
            zone = zone.cname(&host, &target).a(&target, &ip);
        } else {
            zone = zone.a(&host, &ip);
        }
        let octets: Vec<&str> = ip.split('.').collect();
        zone = zone.txt(
            &format!(
                "{}.{}.{}.{}.origin.asn.cymru.com",
                octets[3], octets[2], octets[1], octets[0]
            ),
            "3333 | 193.0.0.0/21 | NL | ripencc | 1993-09-01",
        );
    }
    zone.txt(
        "AS3333.asn.cymru.com",
        "3333 | NL | ripencc | 1993-09-01 | RIPE-NCC-AS, NL",
    )
}

async fn run(resolver: &Resolver, urls: &[String]) -> Duration {
    let directory = std::sync::Arc::new(Directory::seed());
    let started = Instant::now();
    let mut pending = urls.iter();
    let mut running = tokio::task::JoinSet::new();
    loop {
        while running.len() < CONCURRENCY
            && let Some(url) = pending.next()
        {
            let resolver = resolver.clone();
            let directory = directory.clone();
            let url = url.clone();
            running.spawn(async move {
                let resolution = resolver.resolve(&url, 1_795_392_000, &directory).await;
                assert!(resolution.network.is_some(), "{resolution:?}");
            });
        }
        match running.join_next().await {
            Some(done) => done.expect("a resolution"),
            None => break,
        }
    }
    started.elapsed()
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let dns = dns_server(zone()).await;
    let rdap = rdap_server().await;
    let config = HostingConfig {
        dns_servers: vec![dns],
        rdap_bootstrap: Some(format!("{rdap}/bootstrap/")),
        outbound_allow: vec!["127.0.0.1/32".parse()?],
        rdap_per_second: 1_000_000,
        max_age_seconds: 86_400,
    };
    let urls: Vec<String> = (0..HOSTS)
        .map(|i| format!("https://h{i}.bench-host.com/p"))
        .collect();

    let resolver = Resolver::new(&config).await?;
    let cold = run(&resolver, &urls).await;
    let warm = run(&resolver, &urls).await;

    let mut single = Vec::with_capacity(SINGLE);
    let fresh = Resolver::new(&config).await?;
    for i in HOSTS..HOSTS + SINGLE {
        let started = Instant::now();
        let resolution = fresh
            .resolve(
                &format!("https://h{i}.bench-host.com/"),
                1_795_392_000,
                &Directory::seed(),
            )
            .await;
        single.push(started.elapsed());
        assert!(resolution.network.is_some());
    }
    single.sort();
    let per_second = |d: Duration| HOSTS as f64 / d.as_secs_f64();
    println!("hosting resolution, {HOSTS} URLs, {CONCURRENCY} at a time, loopback DNS + RDAP");
    println!(
        "  cold: {:>8.0} URLs/s ({:.2} s)",
        per_second(cold),
        cold.as_secs_f64()
    );
    println!(
        "  warm: {:>8.0} URLs/s ({:.2} s)",
        per_second(warm),
        warm.as_secs_f64()
    );
    println!(
        "  warm/cold: {:.1}x",
        cold.as_secs_f64() / warm.as_secs_f64()
    );
    println!(
        "  one resolution alone (cold, {SINGLE} runs): median {:.2} ms, p90 {:.2} ms",
        single[SINGLE / 2].as_secs_f64() * 1000.0,
        single[SINGLE * 9 / 10].as_secs_f64() * 1000.0
    );
    Ok(())
}
