//! Notices end to end over HTTP: a reported address is resolved, an analyst assesses it,
//! reviews the notice the case page proposes and sends it; the outbox delivers it to a real
//! SMTP server on loopback under its fixed Message-ID, with the X-ARF part; the case page and
//! `portal notice list --open` say so. Abuse material of a child hosted outside the owner's
//! country becomes a hand-off to a hotline, filed by hand.

use std::time::Duration;

use app::{notice::NoticeStatus, staff::Role};

use crate::{
    cases::report,
    helpers::{TestApp, backends},
    identity_provider::{Browser, spawn_app_with_provider_and},
    smtp_sink::{self, SmtpSink},
    staff_access::signed_in_as,
};

/// The value of the hidden field `name` in the first form of `html` that has it.
fn hidden_value(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} in the page"))
        + marker.len();
    let end = html[start..].find('"').unwrap() + start;
    html[start..end]
        .replace("&amp;", "&")
        .replace("&#x27;", "'")
}

async fn resolved(app: &TestApp, host: &str) {
    let host = host.to_owned();
    for _ in 0..100 {
        app.jobs.run_due().await.unwrap();
        let found = app::hosting::store::for_hosts(&app.db, std::slice::from_ref(&host))
            .await
            .unwrap();
        if !found.is_empty() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{host} was not resolved");
}

async fn page(browser: &Browser, path: &str) -> String {
    let response = browser.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.unwrap()
}

async fn post(browser: &Browser, path: &str, fields: &[(&str, &str)]) -> String {
    let response = browser.post(path, fields).await;
    assert_eq!(response.status(), 200, "{path} {fields:?}");
    response.text().await.unwrap()
}

async fn app_with_sink(backend: crate::helpers::Backend) -> (TestApp, SmtpSink) {
    let sink = smtp_sink::start(Duration::ZERO).await;
    let app = spawn_app_with_provider_and(backend, &[("PORTAL_SMTP_URL", sink.url())]).await;
    (app, sink)
}

#[tokio::test]
async fn an_analyst_reviews_and_sends_a_notice_and_the_outbox_delivers_it_once() {
    for backend in backends() {
        let (app, sink) = app_with_sink(backend).await;
        let (analyst, csrf) =
            signed_in_as(&app, Role::Analyst, "analyst-notice@example.test").await;
        let url = "https://www.plain-host.com/photo-7";
        let (receipt, case) = report(&app, serde_json::json!({ "urls_text": url })).await;
        resolved(&app, "www.plain-host.com").await;
        let path = format!("/staff/cases/{case}");

        // Nothing is proposed before an analyst assessed the address.
        let before = page(&analyst, &path).await;
        assert!(
            before.contains("No address in this case is assessed"),
            "{backend:?}"
        );
        let item_id = app::report::store::items(&app.db, case).await.unwrap()[0].id;
        post(
            &analyst,
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

        // The proposal: to the network's abuse address (no directory entry), the notice
        // filled in with the address and the legal ground, ready to read.
        let proposed = page(&analyst, &path).await;
        assert!(
            proposed.contains("by e-mail to abuse@switch.ch"),
            "{backend:?}: {proposed}"
        );
        assert!(proposed.contains("Directive (EU) 2024/1385"), "{backend:?}");
        assert!(proposed.contains(url), "{backend:?}");
        let key = hidden_value(&proposed, "key");
        let digest = hidden_value(&proposed, "digest");

        // A send of something nobody read (another digest) is refused, and nothing is written.
        let refused = post(
            &analyst,
            &path,
            &[
                ("csrf", &csrf),
                ("action", "send-notice"),
                ("key", &key),
                ("digest", "0000000000000000"),
            ],
        )
        .await;
        assert!(refused.contains("changed since you read it"), "{backend:?}");
        assert!(
            app::notice::outbox::of_case(&app.db, case)
                .await
                .unwrap()
                .is_empty()
        );

        let sent = post(
            &analyst,
            &path,
            &[
                ("csrf", &csrf),
                ("action", "send-notice"),
                ("key", &key),
                ("digest", &digest),
            ],
        )
        .await;
        assert!(sent.contains("in the outbox"), "{backend:?}: {sent}");
        let notices = app::notice::outbox::of_case(&app.db, case).await.unwrap();
        assert_eq!(notices.len(), 1, "{backend:?}");
        let (notice, items) = &notices[0];
        assert_eq!(notice.status, NoticeStatus::Queued);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].url, url);
        // Sent once: the same post again finds no proposal.
        let again = post(
            &analyst,
            &path,
            &[
                ("csrf", &csrf),
                ("action", "send-notice"),
                ("key", &key),
                ("digest", &digest),
            ],
        )
        .await;
        assert!(again.contains("no longer proposed"), "{backend:?}");

        // The outbox delivers it (this run, or the server's own runner, which polls every
        // second): one message, under the notice's Message-ID.
        app.jobs.run_due().await.unwrap();
        let received = sink.received();
        assert_eq!(received.len(), 1, "{backend:?}");
        let mail = &received[0];
        assert_eq!(mail.recipients, vec!["abuse@switch.ch".to_owned()]);
        assert_eq!(mail.message_id(), notice.message_id, "{backend:?}");
        assert!(mail.data.contains(&notice.reference));
        assert!(
            mail.data.contains("xarf.json"),
            "the X-ARF part is attached"
        );
        assert!(
            mail.header("Subject").unwrap().contains(&notice.reference),
            "{backend:?}"
        );
        // Nothing of the reporter's goes out: not the receipt, not their words.
        assert!(!mail.data.contains(&receipt), "{backend:?}");
        let delivered = app::notice::outbox::find(&app.db, notice.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(delivered.status, NoticeStatus::Sent, "{backend:?}");
        assert!(delivered.sent_at.is_some());
        // The job is gone; running again sends nothing more.
        app.jobs.run_due().await.unwrap();
        assert_eq!(sink.count(), 1, "{backend:?}");

        let after = page(&analyst, &path).await;
        assert!(after.contains("Delivered"), "{backend:?}");
        assert!(
            after.contains("Notice delivered"),
            "{backend:?}: the timeline"
        );
        assert!(after.contains(&notice.reference));

        // The reporter reads it on the follow-up page, in plain words, without staff names.
        let reporter = crate::reports::browser();
        let signed_in = crate::reports::post(
            &app,
            &reporter,
            "/follow-up",
            &[("action", "sign-in"), ("receipt", &receipt)],
        )
        .await;
        assert_eq!(signed_in.status(), 303);
        let ledger = crate::reports::follow_up_page(&app, &reporter).await;
        assert!(
            ledger.contains("we asked SWITCH-LAN to remove it, by"),
            "{backend:?}: {ledger}"
        );
        assert!(
            !ledger.contains("analyst-notice"),
            "{backend:?}: a staff name"
        );

        // The command line lists it as open (its address is not known to be removed).
        let output = tokio::task::spawn_blocking({
            let database_url = app.database_url.clone();
            move || {
                std::process::Command::new(env!("CARGO_BIN_EXE_portal"))
                    .env_clear()
                    .env("PATH", std::env::var("PATH").unwrap_or_default())
                    .env("DATABASE_URL", database_url)
                    .env("PORTAL_DATA_DIR", crate::helpers::temp_dir("cli"))
                    .args(["notice", "list", "--open"])
                    .output()
                    .expect("portal runs")
            }
        })
        .await
        .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let listed = String::from_utf8(output.stdout).unwrap();
        let line: serde_json::Value = serde_json::from_str(listed.lines().next().unwrap()).unwrap();
        assert_eq!(line["reference"], notice.reference.as_str());
        assert_eq!(line["status"], "sent");
        assert_eq!(line["urls"][0], url);
    }
}

#[tokio::test]
async fn abuse_material_of_a_child_hosted_abroad_is_handed_to_a_hotline_and_filed_by_hand() {
    for backend in backends() {
        let (app, sink) = app_with_sink(backend).await;
        let (analyst, csrf) =
            signed_in_as(&app, Role::Analyst, "analyst-hotline@example.test").await;
        let url = "https://www.plain-host.com/c/1";
        let (_, case) = report(&app, serde_json::json!({ "urls_text": url })).await;
        resolved(&app, "www.plain-host.com").await;
        let path = format!("/staff/cases/{case}");
        let item_id = app::report::store::items(&app.db, case).await.unwrap()[0].id;
        post(
            &analyst,
            &path,
            &[
                ("csrf", &csrf),
                ("action", "assess"),
                ("item_id", &item_id.to_string()),
                ("verdict", "csam"),
                ("reason", "A child, sexual abuse"),
            ],
        )
        .await;
        // Hosted in Switzerland, which has no hotline in the directory: the hotline of the
        // reporter's country (the Netherlands) takes it.
        let proposed = page(&analyst, &path).await;
        assert!(proposed.contains("Hand-off to"), "{backend:?}: {proposed}");
        assert!(proposed.contains("Offlimits"), "{backend:?}");
        let key = hidden_value(&proposed, "key");
        let digest = hidden_value(&proposed, "digest");
        let sent = post(
            &analyst,
            &path,
            &[
                ("csrf", &csrf),
                ("action", "send-notice"),
                ("key", &key),
                ("digest", &digest),
            ],
        )
        .await;
        assert!(sent.contains("is a task now"), "{backend:?}");
        let (notice, _) = app::notice::outbox::of_case(&app.db, case)
            .await
            .unwrap()
            .remove(0);
        assert_eq!(notice.status, NoticeStatus::Task);
        assert_eq!(notice.channel, app::notice::NoticeChannel::Hotline);
        // No e-mail: a hand-off is filed at the hotline's own form.
        app.jobs.run_due().await.unwrap();
        assert_eq!(sink.count(), 0, "{backend:?}");
        // The EU ground for abuse material of a child is cited, and the notice keeps the real
        // hosting country, not the hotline's.
        assert!(
            notice.body.contains("2011/93/EU"),
            "{backend:?}: {}",
            notice.body
        );
        assert_eq!(notice.hosting_country.as_deref(), Some("CH"), "{backend:?}");

        let filed = post(
            &analyst,
            &path,
            &[
                ("csrf", &csrf),
                ("action", "notice-filed"),
                ("notice_id", &notice.id.to_string()),
            ],
        )
        .await;
        assert!(filed.contains("Marked as filed"), "{backend:?}");
        let now = app::notice::outbox::find(&app.db, notice.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(now.status, NoticeStatus::Filed);
        assert!(now.filed_by.is_some());
        // Filing twice is refused with a message, not an error page.
        let twice = post(
            &analyst,
            &path,
            &[
                ("csrf", &csrf),
                ("action", "notice-filed"),
                ("notice_id", &notice.id.to_string()),
            ],
        )
        .await;
        assert!(twice.contains("not waiting to be filed"), "{backend:?}");
    }
}

/// A role that may not assess may not send: helpline staff are refused.
#[tokio::test]
async fn a_role_that_may_not_assess_may_not_send_a_notice() {
    let backend = crate::helpers::Backend::Sqlite;
    let (app, _sink) = app_with_sink(backend).await;
    let (viewer, csrf) =
        signed_in_as(&app, Role::HelplineStaff, "helpline-notice@example.test").await;
    let (_, case) = report(
        &app,
        serde_json::json!({ "urls_text": "https://www.plain-host.com/x" }),
    )
    .await;
    let response = viewer
        .post(
            &format!("/staff/cases/{case}"),
            &[
                ("csrf", &csrf),
                ("action", "send-notice"),
                ("key", "email|ncii|abuse@switch.ch"),
                ("digest", "x"),
            ],
        )
        .await;
    assert_eq!(response.status(), 403);
    assert!(
        app::notice::outbox::of_case(&app.db, case)
            .await
            .unwrap()
            .is_empty()
    );
}
