//! The queue and the case page over HTTP, signed in through the real OpenID provider: the
//! most urgent case comes first and says why, an analyst assesses and writes, the reporter
//! reads it with the receipt, and roles are checked per action.

use app::{report::store, staff::Role};

use crate::{
    helpers::{TestApp, backends},
    identity_provider::{Browser, spawn_app_with_provider},
    reports::{browser, draft, follow_up_page, post, receipt_in},
    staff_access::signed_in_as,
};

/// Sends a report through the public form with some answers changed; returns the receipt
/// and the case number.
pub(crate) async fn report(app: &TestApp, changes: serde_json::Value) -> (String, i64) {
    let mut answers: serde_json::Value =
        serde_json::from_str(&draft(&format!("{:032x}", rand::random::<u128>()))).unwrap();
    for (key, value) in changes.as_object().unwrap() {
        answers[key] = value.clone();
    }
    let html = post(
        app,
        &browser(),
        "/report",
        &[
            ("step", "check"),
            ("nav", "submit"),
            ("draft", &answers.to_string()),
        ],
    )
    .await
    .text()
    .await
    .unwrap();
    let receipt = receipt_in(&html);
    let url = answers["urls_text"]
        .as_str()
        .unwrap()
        .lines()
        .next()
        .unwrap();
    let url = if url.starts_with("https://") {
        url.to_owned()
    } else {
        format!("https://{url}")
    };
    let ids = store::find_by_url(&app.db, &url).await.unwrap();
    (receipt, *ids.last().expect("the report is stored"))
}

async fn page(browser: &Browser, path: &str) -> String {
    let response = browser.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.unwrap()
}

/// Posts a case form; the page that comes back (after the redirect, if any).
async fn form(browser: &Browser, path: &str, fields: &[(&str, &str)]) -> String {
    let started = std::time::Instant::now();
    let response = browser.post(path, fields).await;
    let status = response.status();
    let body = response.text().await.unwrap();
    // A CI run once got an empty page here; say what came back, and how slowly.
    assert!(
        !body.is_empty(),
        "POST {path} answered {status} with no page after {:?}",
        started.elapsed()
    );
    body
}

/// The case numbers of the queue's rows, in order.
fn queue_order(html: &str) -> Vec<i64> {
    html.split("data-case=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse().ok())
        .collect()
}

#[tokio::test]
async fn an_analyst_works_the_most_urgent_case_and_the_reporter_reads_the_reply() {
    for backend in backends() {
        let app = spawn_app_with_provider(backend).await;
        let (calm_receipt, calm) = report(
            &app,
            serde_json::json!({"urls_text": "calm.example/a", "country": "BE"}),
        )
        .await;
        let (receipt, urgent) = report(
            &app,
            serde_json::json!({
                "safety": "danger", "acute_seen": true, "age_band": "under13",
                "happened": ["sextortion"], "country": "NL",
                "urls_text": "urgent.example/one\nurgent.example/two",
            }),
        )
        .await;
        assert_ne!(calm_receipt, receipt);
        let (analyst, csrf) = signed_in_as(&app, Role::Analyst, "analyst@example.test").await;

        // The queue: the urgent case first, with its reasons.
        let queue = page(&analyst, "/staff/cases").await;
        assert_eq!(queue_order(&queue), vec![urgent, calm], "{backend:?}");
        assert!(queue.contains("In danger now (+2000)"), "{queue}");
        assert!(queue.contains("Under 18 (+300)") && queue.contains("Sextortion (+200)"));
        assert!(queue.contains("2 addresses online (+50)"));
        assert!(queue.contains("2 open cases, most urgent first."));
        // Filters: country, category, assigned to me; in Dutch too.
        assert_eq!(
            queue_order(&page(&analyst, "/staff/cases?country=BE").await),
            vec![calm]
        );
        assert_eq!(
            queue_order(&page(&analyst, "/staff/cases?category=sextortion").await),
            vec![urgent]
        );
        assert!(queue_order(&page(&analyst, "/staff/cases?mine=1").await).is_empty());
        let dutch = page(&analyst, "/nl/staff/cases").await;
        assert!(dutch.contains("Nu in gevaar (+2000)"), "{dutch}");

        // The case: addresses as text, never as links.
        let path = format!("/staff/cases/{urgent}");
        let case = page(&analyst, &path).await;
        assert!(
            case.contains(">https://urgent.example/one</code>"),
            "{case}"
        );
        assert!(!case.contains("href=\"https://urgent.example"));
        assert!(case.contains("PDQ quality 100"));
        let items = store::items(&app.db, urgent).await.unwrap();
        let url_item = items
            .iter()
            .find(|i| i.kind == app::report::ItemKind::Url)
            .unwrap()
            .id
            .to_string();

        // A missing reason is refused, with what was chosen kept; then it is saved.
        let refused = form(
            &analyst,
            &path,
            &[
                ("csrf", &csrf),
                ("action", "assess"),
                ("item_id", &url_item),
                ("verdict", "csam"),
                ("reason", "  "),
            ],
        )
        .await;
        assert!(
            refused.contains("Please give a reason for the assessment."),
            "{refused}"
        );
        let saved = analyst
            .post(
                &path,
                &[
                    ("csrf", &csrf),
                    ("action", "assess"),
                    ("item_id", &url_item),
                    ("verdict", "csam"),
                    ("reason", "A child, sexual pose, identified by the reporter"),
                ],
            )
            .await;
        assert!(
            saved
                .url()
                .query()
                .unwrap_or_default()
                .contains("done=case-done-assessed")
        );
        let case = saved.text().await.unwrap();
        assert!(case.contains("The assessment is saved."));
        assert!(
            case.contains("Child sexual abuse material</strong>"),
            "{case}"
        );

        // Take the case, write to the reporter, add a note.
        let claimed = analyst
            .post(&path, &[("csrf", &csrf), ("action", "claim")])
            .await;
        assert!(
            claimed
                .text()
                .await
                .unwrap()
                .contains("You have taken this case.")
        );
        assert_eq!(
            queue_order(&page(&analyst, "/staff/cases?mine=1").await),
            vec![urgent]
        );
        let message = "We have seen your report. We are asking the website to remove it today.";
        let sent = form(
            &analyst,
            &path,
            &[("csrf", &csrf), ("action", "message"), ("message", message)],
        )
        .await;
        assert!(sent.contains("The message is sent."));
        let noted = form(
            &analyst,
            &path,
            &[
                ("csrf", &csrf),
                ("action", "note"),
                ("note", "Call the hotline if still up tonight"),
            ],
        )
        .await;
        assert!(noted.contains("Call the hotline if still up tonight"));
        for step in [
            "Report received",
            "Item assessed",
            "Assigned",
            "Message sent to the reporter",
            "Internal note added",
        ] {
            assert!(noted.contains(step), "timeline: {step}");
        }

        // The reporter signs in with the receipt and reads it; the note is not there.
        let reporter = crate::reports::signed_in_reporter(&app, &receipt).await;
        let follow_up = follow_up_page(&app, &reporter).await;
        assert!(follow_up.contains(message), "{backend:?}");
        assert!(!follow_up.contains("Call the hotline"));
        assert!(
            follow_up.contains("Being reviewed by our staff."),
            "{follow_up}"
        );

        // Close: gone from the open queue, listed as closed; reopen brings it back.
        form(&analyst, &path, &[("csrf", &csrf), ("action", "close")]).await;
        assert_eq!(
            queue_order(&page(&analyst, "/staff/cases").await),
            vec![calm]
        );
        assert_eq!(
            queue_order(&page(&analyst, "/staff/cases?status=closed").await),
            vec![urgent]
        );
        let again = form(&analyst, &path, &[("csrf", &csrf), ("action", "close")]).await;
        assert!(again.contains("The case is already closed."));
        form(&analyst, &path, &[("csrf", &csrf), ("action", "reopen")]).await;
        assert_eq!(
            queue_order(&page(&analyst, "/staff/cases").await),
            vec![urgent, calm]
        );

        // A withdrawn case is gone for staff too: the reporter withdraws the urgent one.
        assert_eq!(
            analyst
                .get(&format!("/staff/cases/{urgent}"))
                .await
                .status(),
            200
        );
        let reporter = crate::reports::signed_in_reporter(&app, &receipt).await;
        let reporter_csrf =
            crate::identity_provider::csrf_in(&follow_up_page(&app, &reporter).await);
        let withdrawn = post(
            &app,
            &reporter,
            "/follow-up",
            &[("action", "withdraw-confirm"), ("csrf", &reporter_csrf)],
        )
        .await;
        assert!(
            withdrawn
                .text()
                .await
                .unwrap()
                .contains("has been withdrawn")
        );
        let gone = analyst.get(&format!("/staff/cases/{urgent}")).await;
        assert_eq!(gone.status(), 404, "{backend:?}");
        assert_eq!(
            queue_order(&page(&analyst, "/staff/cases").await),
            vec![calm],
            "{backend:?}: nor in the queue"
        );

        let chain = app::audit::store::verify(&app.db, app.store.audit_key())
            .await
            .unwrap();
        assert!(chain.is_intact(), "{chain:?}");
    }
}

#[tokio::test]
async fn each_case_action_checks_its_own_permission_and_a_forged_form_does_nothing() {
    let app = spawn_app_with_provider(backends()[0]).await;
    let (_, case) = report(&app, serde_json::json!({"urls_text": "perm.example/x"})).await;
    let (helpline, csrf) = signed_in_as(&app, Role::HelplineStaff, "helpline@example.test").await;
    let path = format!("/staff/cases/{case}");
    let item = store::items(&app.db, case).await.unwrap()[0].id.to_string();

    // Helpline staff may read, write to the reporter and manage, but not assess.
    let page = page(&helpline, &path).await;
    assert!(
        !page.contains("Save assessment"),
        "no assessment form for helpline staff"
    );
    let refused = helpline
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("action", "assess"),
                ("item_id", &item),
                ("verdict", "csam"),
                ("reason", "x"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 403);
    // A wrong form token: nothing is done, and the text typed is kept.
    let forged = form(
        &helpline,
        &path,
        &[
            ("csrf", "forged"),
            ("action", "message"),
            ("message", "Typed with care"),
        ],
    )
    .await;
    assert!(forged.contains("This form has expired"), "{forged}");
    assert!(forged.contains("Typed with care"));
    // An item of another case cannot be assessed through this one.
    let (analyst, analyst_csrf) = signed_in_as(&app, Role::Analyst, "analyst2@example.test").await;
    let (_, other) = report(&app, serde_json::json!({"urls_text": "other.example/y"})).await;
    let other_item = store::items(&app.db, other).await.unwrap()[0]
        .id
        .to_string();
    let wrong = form(
        &analyst,
        &path,
        &[
            ("csrf", &analyst_csrf),
            ("action", "assess"),
            ("item_id", &other_item),
            ("verdict", "not_illegal"),
            ("reason", "x"),
        ],
    )
    .await;
    assert!(wrong.contains("That item is not part of this case."));
    // Empty messages are refused kindly.
    let empty = form(
        &helpline,
        &path,
        &[("csrf", &csrf), ("action", "message"), ("message", "   ")],
    )
    .await;
    assert!(empty.contains("Please write something first."));
    assert!(store::messages(&app.db, case).await.unwrap().is_empty());
    // None of the refused actions was done, so none is in the audit trail.
    let actions: Vec<String> = app::audit::store::recent(&app.db, 100)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert!(
        actions
            .iter()
            .all(|a| a == "case.viewed" || !a.starts_with("case.") && !a.starts_with("item.")),
        "{actions:?}"
    );
}

/// The database orders the queue by its copy of the urgency formula; the page explains each
/// case with the Rust one. Over varied cases and several pages both must agree exactly.
#[tokio::test]
async fn the_queue_is_ordered_by_the_urgency_the_page_explains() {
    use app::case::{QueueFilters, queue::load};
    use sea_orm::ConnectionTrait;
    for backend in backends() {
        let app = crate::helpers::spawn_app(backend).await;
        let now = app.store.now();
        let safety = ["safe", "danger", "suicidal", "safe"];
        let ages = [
            "under13",
            "from13_to15",
            "from16_to17",
            "from18_to24",
            "over25",
            "not_said",
        ];
        let happened = [
            r#"["sextortion"]"#,
            r#"["fake_nudes"]"#,
            r#"["child_pressured","sextortion"]"#,
        ];
        let mut reports = Vec::new();
        let mut items = Vec::new();
        for id in 1..=130i64 {
            // Ages from the future (a skewed clock) to a year back; many equal scores.
            let created = now + 600 - (id * 7919 % 97) * 3600 * (1 + id % 5);
            reports.push(format!(
                "({id}, 'r{id}', 's{id}', 'received', 'myself', '{}', '{}', '', '{}', 'NL', 'en', NULL, {created}, NULL)",
                safety[id as usize % 4],
                happened[id as usize % 3],
                ages[id as usize % 6],
            ));
            for k in 0..(id % 14) {
                let removed = if k % 4 == 0 {
                    created.to_string()
                } else {
                    "NULL".to_owned()
                };
                items.push(format!(
                    "({id}, 'url', 'https://case{id}.example/{k}', 'received', {removed}, {created})"
                ));
            }
        }
        app.db
            .execute_unprepared(&format!(
                "INSERT INTO report (id, receipt_key, submission_key, status, for_whom, safety, happened, happened_other, age_band, country, reply_language, contact_sealed, created_at, closed_at) VALUES {}",
                reports.join(",")
            ))
            .await
            .unwrap();
        app.db
            .execute_unprepared(&format!(
                "INSERT INTO report_item (report_id, kind, url, status, removed_at, created_at) VALUES {}",
                items.join(",")
            ))
            .await
            .unwrap();

        // Staff of no organisation: these cases have no owner either.
        let me = app::staff::StaffMember {
            id: 1,
            role: Role::Analyst,
            organisation_id: None,
            display_name: "Analyst".into(),
            email: None,
            subject: "analyst".into(),
        };
        let mut seen = Vec::new();
        for page in 0..3 {
            let filters = QueueFilters {
                page,
                ..QueueFilters::default()
            };
            let view = load(&app.db, &filters, &me, now).await.unwrap();
            assert_eq!(view.total, 130);
            assert_eq!(view.has_next, page < 2, "page {page}");
            seen.extend(view.rows);
        }
        assert_eq!(seen.len(), 130);
        let mut ids: Vec<i64> = seen.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 130, "every case once");
        for pair in seen.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            assert!(
                a.urgency.score > b.urgency.score
                    || (a.urgency.score == b.urgency.score && (a.reported <= b.reported)),
                "{backend:?}: case {} ({:?}) before case {} ({:?})",
                a.id,
                a.urgency,
                b.id,
                b.urgency
            );
        }
        assert!(seen[0].urgency.score >= 1000, "danger first");
    }
}
