//! `portal hosting resolve` against real servers on loopback (`hosting_servers`): DNS with A,
//! AAAA, CNAME and TXT records, and an RDAP server with IANA-style bootstrap files and
//! recorded answers. No test reaches the internet: every name the resolver or the outbound
//! guard looks up goes to the test DNS server.

use std::{collections::HashMap, process::Command, time::Instant};

use serde_json::Value;

use crate::hosting_servers::{dns_server, rdap_server, test_zone};

/// Runs `portal hosting resolve` with the test servers; the rows by URL, and the exit code.
async fn resolve(urls: &[&str], allow: &str) -> (HashMap<String, Value>, i32) {
    let dns = dns_server(test_zone()).await;
    let rdap = rdap_server().await;
    let urls: Vec<String> = urls.iter().map(|u| (*u).to_owned()).collect();
    let allow = allow.to_owned();
    let output = tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_portal"))
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("PORTAL_DNS_SERVERS", dns.to_string())
            .env("PORTAL_RDAP_BOOTSTRAP", format!("{rdap}/bootstrap/"))
            .env("PORTAL_OUTBOUND_ALLOW", allow)
            // Every test registry is one host here (127.0.0.1): the production limit of
            // five a second to one host would only make the test slow.
            .env("PORTAL_RDAP_PER_SECOND", "200")
            .arg("hosting")
            .arg("resolve")
            .args(&urls)
            .output()
            .expect("portal runs")
    })
    .await
    .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let rows = stdout
        .lines()
        .map(|line| {
            let row: Value = serde_json::from_str(line).unwrap_or_else(|_| panic!("{line}"));
            (row["url"].as_str().unwrap().to_owned(), row)
        })
        .collect();
    (rows, output.status.code().unwrap_or(-1))
}

fn codes(row: &Value) -> Vec<String> {
    row["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{}:{}",
                e["stage"].as_str().unwrap(),
                e["code"].as_str().unwrap()
            )
        })
        .collect()
}

#[tokio::test]
async fn resolution_finds_the_network_the_registrar_and_whom_to_tell() {
    let plain = "https://WWW.Plain-Host.com/photos/1.jpg";
    let cdn = "https://www.shop-cdn.com/a";
    let v6 = "http://v6only.net/x";
    let ms = "https://cloud.ms-host.com/";
    let de = "https://files.hosted-de.net/f";
    let apnic = "http://apnic-host.net/";
    let lacnic = "http://lacnic-host.net/";
    let gone = "https://gone.example.com/x";
    let started = Instant::now();
    // The registrar's own server is reached through a link in the registry's answer: an
    // outside address, here on loopback, so the tests allow 127.0.0.1 (production cannot).
    let (rows, status) = resolve(
        &[plain, cdn, v6, ms, de, apnic, lacnic, gone],
        "127.0.0.1/32",
    )
    .await;
    assert_eq!(status, 0);
    assert_eq!(rows.len(), 8);

    // A plain host: ARIN sends the asker on to RIPE for this legacy network.
    let row = &rows[plain];
    assert_eq!(row["host"], "www.plain-host.com");
    assert_eq!(row["registrable_domain"], "plain-host.com");
    assert_eq!(row["addresses"], serde_json::json!(["130.59.31.80"]));
    assert_eq!(row["cname_chain"], serde_json::json!([]));
    let network = &row["network"];
    assert_eq!(network["registry"], "ripe", "{row}");
    assert_eq!(network["country"], "CH");
    assert_eq!(network["name"], "SWITCH-LAN");
    assert_eq!(network["abuse_email"], "abuse@switch.ch");
    assert_eq!(row["asn"]["number"], 559);
    assert!(row["asn"]["name"].as_str().unwrap().starts_with("SWITCH"));
    assert_eq!(row["cdn"], Value::Null);
    // The registry (thin) points to the registrar's own answer, which is followed.
    assert_eq!(row["registrar"]["name"], "MarkMonitor Inc.");
    assert_eq!(
        row["registrar"]["abuse_email"],
        "abusecomplaints@markmonitor.com"
    );
    assert!(
        row["registrar"]["rdap_url"]
            .as_str()
            .unwrap()
            .contains("/markmonitor/"),
        "{row}"
    );
    assert!(codes(row).is_empty(), "{row}");
    assert!(row["resolved_at"].as_str().unwrap().ends_with('Z'));

    // A CNAME chain to a CDN: network, AS and provider are the CDN's, and it is named.
    let row = &rows[cdn];
    assert_eq!(
        row["cname_chain"],
        serde_json::json!(["shop-cdn.com.cdn.cloudflare.net"])
    );
    assert_eq!(
        row["addresses"],
        serde_json::json!(["104.16.1.1", "2606:4700::6810:101"])
    );
    assert_eq!(row["cdn"]["id"], "cloudflare", "{row}");
    assert_eq!(row["asn"]["number"], 13335);
    assert_eq!(row["network"]["registry"], "arin");
    assert_eq!(row["provider"]["id"], "cloudflare");
    assert!(
        ["api", "email", "web_form", "none"]
            .contains(&row["provider"]["channel"].as_str().unwrap())
    );

    // IPv6 only.
    let row = &rows[v6];
    assert_eq!(row["addresses"], serde_json::json!(["2606:4700:10::1"]));
    assert_eq!(row["network"]["handle"], "NET6-2606-4700-1");
    assert!(codes(row).is_empty(), "{row}");

    // No origin AS in the RDAP answer: Team Cymru's DNS service names it. Microsoft's AS
    // is also its cloud, so it is the provider, not a CDN.
    let row = &rows[ms];
    assert_eq!(row["asn"]["number"], 8075, "{row}");
    assert_eq!(row["cdn"], Value::Null);
    assert_eq!(row["provider"]["id"], "microsoft");
    // Hetzner by its AS, with the channel its DSA page gives.
    let row = &rows[de];
    assert_eq!(row["provider"]["id"], "hetzner", "{row}");
    assert_eq!(row["provider"]["country"], "DE");
    assert_eq!(row["provider"]["channel"], "web_form");
    assert_eq!(rows[apnic]["network"]["registry"], "apnic");
    assert_eq!(rows[apnic]["network"]["country"], "AU");
    assert_eq!(rows[lacnic]["network"]["registry"], "lacnic");

    // A name that does not exist.
    let row = &rows[gone];
    assert!(codes(row).contains(&"dns:nxdomain".to_owned()), "{row}");
    assert_eq!(row["addresses"], serde_json::json!([]));
    assert!(
        started.elapsed().as_secs() < 20,
        "resolving took {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn registries_that_fail_give_their_error_and_nothing_unsafe_is_reached() {
    let missing = "https://www.rdap-missing.com/";
    let limited = "https://www.rdap-limited.com/";
    let redirect = "https://www.rdap-redirect.com/";
    let huge = "https://www.rdap-huge.com/";
    let started = Instant::now();
    let (rows, status) = resolve(
        &[
            missing,
            limited,
            redirect,
            huge,
            "ftp://x.com/",
            "not a url",
        ],
        "",
    )
    .await;
    // Bad input: still a row each, and exit 2 after printing them all.
    assert_eq!(status, 2);
    assert_eq!(rows.len(), 6);
    assert!(codes(&rows["ftp://x.com/"]).contains(&"url:invalid_url".to_owned()));
    assert!(codes(&rows["not a url"]).contains(&"url:invalid_url".to_owned()));

    assert!(
        codes(&rows[missing]).contains(&"rdap_ip:rdap_not_found".to_owned()),
        "{}",
        rows[missing]
    );
    assert!(
        codes(&rows[limited]).contains(&"rdap_ip:rdap_rate_limited".to_owned()),
        "{}",
        rows[limited]
    );
    // The registry's redirect to the cloud metadata address is refused before connecting
    // (a connection there would time out instead).
    assert!(
        codes(&rows[redirect]).contains(&"rdap_ip:private_address".to_owned()),
        "{}",
        rows[redirect]
    );
    // A 10 MB answer is cut at the cap, not read.
    assert!(
        codes(&rows[huge]).contains(&"rdap_ip:body_too_large".to_owned()),
        "{}",
        rows[huge]
    );
    // Without PORTAL_OUTBOUND_ALLOW the registrar's link (to loopback, from an answer) is
    // refused too: the registrar is what the registry's answer says.
    let registrar = &rows[missing]["registrar"];
    assert_eq!(registrar["name"], "MarkMonitor Inc.");
    assert_eq!(registrar["abuse_email"], "abusecomplaints@markmonitor.com");
    assert!(
        registrar["rdap_url"]
            .as_str()
            .unwrap()
            .contains("/verisign/"),
        "{registrar}"
    );
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn production_refuses_to_let_outside_input_reach_private_addresses() {
    let output = Command::new(env!("CARGO_BIN_EXE_portal"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("PORTAL_ENV", "production")
        .env("PORTAL_OUTBOUND_ALLOW", "127.0.0.0/8")
        .args(["hosting", "resolve", "https://example.com/"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("PORTAL_OUTBOUND_ALLOW"));
}

#[tokio::test]
async fn the_outbound_guard_refuses_names_and_literals_that_point_inside() {
    use server::clients::{
        dns::Dns,
        outbound::{Origin, Outbound, OutboundError},
    };
    let dns = Dns::new(&[dns_server(test_zone()).await]).unwrap();
    let guard = Outbound::new(dns, Vec::new(), 50).unwrap();
    for url in [
        "http://inside.example-intranet.com/x",
        "http://10.1.2.3/x",
        "http://[::1]/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:127.0.0.1]/x",
    ] {
        let started = Instant::now();
        assert_eq!(
            guard.get(url, Origin::Outside).await,
            Err(OutboundError::Private),
            "{url}"
        );
        // Refused before any connection: no connect timeout was waited for.
        assert!(
            started.elapsed().as_secs() < 2,
            "{url}: {:?}",
            started.elapsed()
        );
    }
    // The operator's own endpoint on loopback is trusted.
    let rdap = rdap_server().await;
    let body = guard
        .get(&format!("{rdap}/bootstrap/asn.json"), Origin::Configured)
        .await
        .expect("a configured endpoint on loopback");
    assert!(String::from_utf8_lossy(&body).contains("services"));
    // The same address handed in from outside is not.
    assert_eq!(
        guard
            .get(&format!("{rdap}/bootstrap/asn.json"), Origin::Outside)
            .await,
        Err(OutboundError::Private)
    );
}

/// A report's address is resolved by a job when it arrives: staff see the hosting on the
/// case page at once; the reporter sees who hosts it only after an analyst looked at it.
#[tokio::test]
async fn a_reported_address_is_resolved_by_a_job_and_shown_to_staff_then_the_reporter() {
    use app::staff::Role;
    for backend in crate::helpers::backends() {
        let app = crate::identity_provider::spawn_app_with_provider(backend).await;
        let (analyst, csrf) =
            crate::staff_access::signed_in_as(&app, Role::Analyst, "analyst@example.test").await;
        let (receipt, case) = crate::cases::report(
            &app,
            serde_json::json!({"urls_text": "https://www.plain-host.com/photo-1"}),
        )
        .await;
        let host = "www.plain-host.com".to_owned();
        let mut resolved = None;
        for _ in 0..100 {
            app.jobs.run_due().await.unwrap();
            resolved = app::hosting::store::for_hosts(&app.db, std::slice::from_ref(&host))
                .await
                .unwrap()
                .remove(&host);
            if resolved.is_some() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        let (resolution, _) = resolved.expect("the job resolved the host");
        assert_eq!(
            resolution.network.as_ref().unwrap().country.as_deref(),
            Some("CH")
        );

        let path = format!("/staff/cases/{case}");
        let page = analyst.get(&path).await.text().await.unwrap();
        for fact in [
            "SWITCH-LAN",
            "abuse@switch.ch",
            "AS559",
            "MarkMonitor Inc.",
            "130.59.31.80",
        ] {
            assert!(
                page.contains(fact),
                "{backend:?}: {fact} missing from the case page"
            );
        }

        // The reporter: nothing about hosting while nobody has looked at it.
        let reporter = crate::reports::signed_in_reporter(&app, &receipt).await;
        let before = crate::reports::follow_up_page(&app, &reporter).await;
        assert!(!before.contains("Hosted by"), "{backend:?}");

        let item_id = app::report::store::items(&app.db, case).await.unwrap()[0].id;
        let response = analyst
            .post(
                &path,
                &[
                    ("csrf", &csrf),
                    ("action", "assess"),
                    ("item_id", &item_id.to_string()),
                    ("verdict", "non_consensual"),
                    ("reason", "Intimate image shared without consent"),
                ],
            )
            .await;
        assert_eq!(response.status(), 200);
        let after = crate::reports::follow_up_page(&app, &reporter).await;
        assert!(
            after.contains("Hosted by SWITCH-LAN in Switzerland."),
            "{backend:?}: {after}"
        );

        // Staff may ask again: a job is queued for the host, even though it is fresh.
        let response = analyst
            .post(
                &path,
                &[
                    ("csrf", &csrf),
                    ("action", "resolve-again"),
                    ("item_id", &item_id.to_string()),
                ],
            )
            .await;
        let page = response.text().await.unwrap();
        assert!(page.contains("being looked up again"), "{backend:?}");
        let queued = app::jobs::pending(&app.db).await.unwrap();
        assert!(
            queued
                .iter()
                .any(|j| j.kind == "resolve_hosting" && j.payload.contains("\"again\":true")),
            "{backend:?}: {queued:?}"
        );
    }
}
