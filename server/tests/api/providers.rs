//! The provider directory: seeded on start, edited by administrators only (audited, what
//! was typed kept when refused), the seed never overwriting an edit, every stored
//! resolution matched again after an edit, `portal provider list|show`, and the RDAP
//! bootstrap files refreshed from a server and used at once.

use app::{
    hosting::{directory, store},
    staff::Role,
};
use sea_orm::{ConnectionTrait, Statement};

use crate::{
    helpers::{TEST_SECRET, backends, temp_dir},
    identity_provider::spawn_app_with_provider,
    staff_access::signed_in_as,
};

fn portal(database_url: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_portal"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", database_url)
        .env("PORTAL_DATA_DIR", temp_dir("cli"))
        .env("PORTAL_SECRET_KEY", TEST_SECRET)
        .args(args)
        .output()
        .expect("portal runs")
}

/// The fields of a provider's edit form as its page renders them, with `changes` applied.
fn edit_form(page: &str, csrf: &str, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let value = |name: &str| -> String {
        let input = format!("name=\"{name}\"");
        let Some(at) = page.find(&input) else {
            return String::new();
        };
        let rest = &page[at..];
        let tag_end = rest.find('>').unwrap_or(rest.len());
        match rest[..tag_end].find("value=\"") {
            Some(v) => rest[v + 7..]
                .split('"')
                .next()
                .unwrap_or_default()
                .to_owned(),
            None => String::new(),
        }
    };
    let mut form: Vec<(String, String)> = vec![
        ("csrf".into(), csrf.into()),
        ("action".into(), "save-provider".into()),
    ];
    for name in [
        "name",
        "country",
        "notice_form_url",
        "notice_info_url",
        "notice_email",
        "contact_point_url",
        "trusted_flagger_channel",
        "notice_languages",
        "version",
    ] {
        form.push((name.into(), value(name)));
    }
    form.push(("channel".into(), "web_form".into()));
    for (name, value) in changes {
        form.retain(|(n, _)| n != name);
        form.push(((*name).into(), (*value).into()));
    }
    form
}

async fn count(db: &sea_orm::DatabaseConnection, sql: &str) -> i64 {
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index::<i64>(0).unwrap()
}

#[tokio::test]
async fn administrators_edit_the_seeded_directory_audited_and_the_seed_leaves_edits_alone() {
    for backend in backends() {
        let app = spawn_app_with_provider(backend).await;
        let seeded = count(&app.db, "SELECT COUNT(*) FROM provider").await;
        assert!(seeded >= 40, "{backend:?}: {seeded} providers seeded");

        let (admin, csrf) = signed_in_as(&app, Role::Administrator, "admin@example.test").await;
        let (analyst, analyst_csrf) =
            signed_in_as(&app, Role::Analyst, "analyst@example.test").await;

        let list = admin.get("/nl/staff/providers").await;
        assert_eq!(list.status(), 200);
        let list = list.text().await.unwrap();
        assert!(list.contains("Providerlijst") && list.contains("data-provider=\"hetzner\""));
        let filtered = admin
            .get("/staff/providers?q=hetz")
            .await
            .text()
            .await
            .unwrap();
        assert!(filtered.contains("data-provider=\"hetzner\""));
        assert!(
            !filtered.contains("data-provider=\"cloudflare\""),
            "{backend:?}"
        );

        // Only administrators: an analyst is refused the pages and the form.
        assert_eq!(analyst.get("/staff/providers").await.status(), 403);
        assert_eq!(analyst.get("/staff/providers/hetzner").await.status(), 403);
        let refused = analyst
            .post(
                "/staff/providers/hetzner",
                &[("csrf", analyst_csrf.as_str()), ("action", "save-provider")],
            )
            .await;
        assert_eq!(refused.status(), 403);

        // A bad value: the message in Dutch, next to everything typed.
        let page = admin
            .get("/nl/staff/providers/hetzner")
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("Hetzner"), "{page}");
        let form = edit_form(
            &page,
            &csrf,
            &[("country", "Duitsland"), ("notes", "Checked by phone")],
        );
        let response = admin
            .client
            .post(format!("{}/nl/staff/providers/hetzner", app.address))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let refused = response.text().await.unwrap();
        assert!(
            refused.contains("Het land is twee letters"),
            "{backend:?}: {refused}"
        );
        assert!(refused.contains("value=\"Duitsland\"") && refused.contains("Checked by phone"));
        assert!(refused.contains("aria-invalid=\"true\""));

        // A good edit: saved, audited with what changed and where it was checked.
        let form = edit_form(
            &page,
            &csrf,
            &[
                ("notice_email", "abuse-desk@hetzner.com"),
                ("channel", "email"),
                ("source_url", "https://www.hetzner.com/legal/"),
            ],
        );
        let response = admin
            .client
            .post(format!("{}/staff/providers/hetzner", app.address))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert!(
            response
                .url()
                .as_str()
                .ends_with("?done=provider-done-saved"),
            "{backend:?}: {}",
            response.url()
        );
        let stored = directory::find(&app.db, "hetzner").await.unwrap().unwrap();
        assert_eq!(
            stored.record.dsa.notice_email.as_deref(),
            Some("abuse-desk@hetzner.com")
        );
        assert_eq!(stored.record.channel, app::hosting::Channel::Email);
        assert!(stored.edited_at.is_some());
        assert!(
            stored.record.sources["notice_email"]
                .contains(&"https://www.hetzner.com/legal/".to_owned())
        );
        let events = app::audit::store::recent(&app.db, 10).await.unwrap();
        let event = events
            .iter()
            .find(|e| e.action == "provider.updated")
            .expect("the edit is audited");
        assert_eq!(event.target.as_deref(), Some("hetzner"));
        let detail = event.detail.clone();
        assert!(
            detail.contains("channel") && detail.contains("notice_email"),
            "{detail}"
        );
        assert!(
            app::audit::store::verify(&app.db, app.store.audit_key())
                .await
                .unwrap()
                .is_intact()
        );

        // The next start seeds again: the edit stands.
        directory::seed(&app.store, app.store.now()).await.unwrap();
        let after = directory::find(&app.db, "hetzner").await.unwrap().unwrap();
        assert_eq!(after.record, stored.record, "{backend:?}");

        // Two administrators with the page open: the second save is refused, not merged
        // over the first; what the second typed stays, and saving again keeps theirs.
        let page = admin
            .get("/staff/providers/hetzner")
            .await
            .text()
            .await
            .unwrap();
        let first = edit_form(
            &page,
            &csrf,
            &[("notes", "First editor"), ("channel", "email")],
        );
        let second = edit_form(
            &page,
            &csrf,
            &[("notes", "Second editor"), ("channel", "email")],
        );
        let post = |form: Vec<(String, String)>| {
            admin
                .client
                .post(format!("{}/staff/providers/hetzner", app.address))
                .form(&form)
                .send()
        };
        assert!(
            post(first)
                .await
                .unwrap()
                .url()
                .as_str()
                .ends_with("?done=provider-done-saved")
        );
        let refused = post(second).await.unwrap().text().await.unwrap();
        assert!(
            refused.contains("Someone else saved this provider")
                && refused.contains("Second editor"),
            "{backend:?}"
        );
        let again = edit_form(
            &refused,
            &csrf,
            &[("notes", "Second editor"), ("channel", "email")],
        );
        assert!(
            post(again)
                .await
                .unwrap()
                .url()
                .as_str()
                .ends_with("?done=provider-done-saved")
        );
        let notes = directory::find(&app.db, "hetzner").await.unwrap().unwrap();
        assert_eq!(notes.record.notes.as_deref(), Some("Second editor"));

        // Adding one: a slug id, then its page.
        let response = admin
            .post(
                "/staff/providers",
                &[
                    ("csrf", csrf.as_str()),
                    ("action", "add-provider"),
                    ("id", "Bad Id"),
                    ("name", "Example Hosting"),
                ],
            )
            .await;
        let refused = response.text().await.unwrap();
        assert!(refused.contains("lower-case letters") && refused.contains("Example Hosting"));
        let response = admin
            .post(
                "/staff/providers",
                &[
                    ("csrf", csrf.as_str()),
                    ("action", "add-provider"),
                    ("id", "example-hosting"),
                    ("name", "Example Hosting"),
                ],
            )
            .await;
        assert!(
            response
                .url()
                .as_str()
                .ends_with("/staff/providers/example-hosting?done=provider-done-added"),
            "{}",
            response.url()
        );

        // `portal provider list` and `show` read the same directory.
        let listed = portal(&app.database_url, &["provider", "list"]);
        assert!(listed.status.success(), "{listed:?}");
        let lines = String::from_utf8(listed.stdout).unwrap();
        let rows: Vec<serde_json::Value> = lines
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(rows.len() as i64, seeded + 1);
        assert!(rows.iter().any(|r| r["id"] == "example-hosting"));
        let shown = portal(&app.database_url, &["provider", "show", "hetzner"]);
        assert!(shown.status.success(), "{shown:?}");
        let entry: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
        assert_eq!(entry["dsa"]["notice_email"], "abuse-desk@hetzner.com");
        assert_eq!(entry["channel"], "email");
        assert!(entry["edited_at"].is_string());
        let missing = portal(&app.database_url, &["provider", "show", "no-such"]);
        assert!(!missing.status.success());
    }
}

#[tokio::test]
async fn an_edit_of_the_directory_matches_stored_resolutions_again() {
    for backend in backends() {
        let app = spawn_app_with_provider(backend).await;
        let (admin, csrf) = signed_in_as(&app, Role::Administrator, "admin@example.test").await;
        crate::cases::report(
            &app,
            serde_json::json!({"urls_text": "https://www.plain-host.com/photo-1"}),
        )
        .await;
        let host = "www.plain-host.com".to_owned();
        let mut resolved = None;
        for _ in 0..100 {
            app.jobs.run_due().await.unwrap();
            resolved = store::for_hosts(&app.db, std::slice::from_ref(&host))
                .await
                .unwrap()
                .remove(&host);
            if resolved.is_some() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        let (resolution, _) = resolved.expect("the job resolved the host");
        // AS559 (SWITCH) is in no entry of the seed.
        assert_eq!(resolution.provider, None, "{backend:?}");

        admin
            .post(
                "/staff/providers",
                &[
                    ("csrf", csrf.as_str()),
                    ("action", "add-provider"),
                    ("id", "switch"),
                    ("name", "SWITCH"),
                ],
            )
            .await;
        let page = admin
            .get("/staff/providers/switch")
            .await
            .text()
            .await
            .unwrap();
        let form = edit_form(
            &page,
            &csrf,
            &[
                ("country", "CH"),
                ("channel", "email"),
                ("notice_email", "abuse@switch.ch"),
                ("asns", "AS559"),
            ],
        );
        let response = admin
            .client
            .post(format!("{}/staff/providers/switch", app.address))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert!(
            response
                .url()
                .as_str()
                .ends_with("?done=provider-done-saved")
        );

        app.jobs.run_due().await.unwrap();
        let (rematched, _) = store::for_hosts(&app.db, std::slice::from_ref(&host))
            .await
            .unwrap()
            .remove(&host)
            .unwrap();
        let provider = rematched.provider.expect("matched to the new entry");
        assert_eq!(
            (provider.id.as_str(), provider.country.as_deref()),
            ("switch", Some("CH")),
            "{backend:?}"
        );
        assert_eq!(provider.channel, app::hosting::Channel::Email);
        let column = count(
            &app.db,
            "SELECT COUNT(*) FROM resolution WHERE provider_id = 'switch'",
        )
        .await;
        assert_eq!(column, 1);
    }
}

#[tokio::test]
async fn the_bootstrap_files_are_refreshed_stored_and_used_at_once() {
    use server::{
        clients::hosting::{HostingConfig, Resolver},
        jobs::{Done, rdap_bootstrap},
    };
    let backend = backends()[0];
    let app = crate::helpers::spawn_app(backend).await;
    let (dns, rdap) = crate::hosting_servers::shared().await;
    // IANA's files, as the portal uses them when no operator named their own: the shipped
    // copy names the real registries, which the test resolver cannot reach.
    let resolver = Resolver::new(&HostingConfig {
        dns_servers: vec![dns.parse().unwrap()],
        rdap_bootstrap: None,
        outbound_allow: vec!["127.0.0.1/32".parse().unwrap()],
        rdap_per_second: 200,
        max_age_seconds: 3600,
    })
    .await
    .unwrap();
    assert!(resolver.uses_iana());
    let directory = app::hosting::providers::Directory::seed();
    let before = resolver
        .resolve("https://www.plain-host.com/", app.store.now(), &directory)
        .await;
    assert!(before.network.is_none(), "{before:?}");

    // The refresh fetches the test server's files (as it would IANA's), stores them and
    // swaps them in: the same lookup now reaches the test registries.
    let done = rdap_bootstrap::refresh(app.store.clone(), resolver.clone(), rdap.clone())
        .await
        .unwrap();
    assert_eq!(
        done,
        Done::Again(app.store.now() + rdap_bootstrap::REFRESH_EVERY_SECONDS)
    );
    let (files, _) = store::stored_bootstrap(&app.db).await.unwrap().unwrap();
    assert_eq!(files.len(), 4);
    let after = resolver
        .resolve("https://www.plain-host.com/", app.store.now(), &directory)
        .await;
    assert_eq!(
        after.network.and_then(|n| n.country).as_deref(),
        Some("CH"),
        "{:?}",
        after.errors
    );

    // A server that answers with something else keeps what the resolver has.
    let broken = format!("{}/nothing-here/", rdap.trim_end_matches("/bootstrap/"));
    let done = rdap_bootstrap::refresh(app.store.clone(), resolver.clone(), broken)
        .await
        .unwrap();
    assert_eq!(done, Done::Again(app.store.now() + 86_400));
    let still = resolver
        .resolve("https://www.plain-host.com/", app.store.now(), &directory)
        .await;
    assert!(still.network.is_some());

    // The next start: the stored copy is newer than the shipped one, so it is used.
    let restarted = Resolver::new(&HostingConfig {
        dns_servers: vec![dns.parse().unwrap()],
        rdap_bootstrap: None,
        outbound_allow: vec!["127.0.0.1/32".parse().unwrap()],
        rdap_per_second: 200,
        max_age_seconds: 3600,
    })
    .await
    .unwrap();
    rdap_bootstrap::use_stored(&app.store, &restarted)
        .await
        .unwrap();
    let found = restarted
        .resolve("https://www.plain-host.com/", app.store.now(), &directory)
        .await;
    assert!(found.network.is_some(), "{:?}", found.errors);
}
