//! Reports end to end over HTTP, as a browser without JavaScript sends them: the flow, the
//! receipt, following up, withdrawing, guessing receipts, and retention.

use app::report::store;
use server::jobs::delete_closed_reports as retention;

use crate::helpers::{TestApp, backends, spawn_app, spawn_app_with};

pub(crate) fn draft(submission: &str) -> String {
    serde_json::json!({
        "submission": submission,
        "safety": "safe",
        "happened": ["shared_without_consent"],
        "age_band": "from16_to17",
        "country": "NL",
        "reply_language": "en",
        "for_whom": "myself",
        "urls_text": "example.com/one\nhttps://example.org/two#x\nexample.com/one",
        "files": [{
            "kind": "image", "md5": "0".repeat(32), "sha256": "a".repeat(64),
            "pdq": "f".repeat(64), "pdq_quality": 100, "dihedral": vec!["1".repeat(64); 8],
            "video_frames": []
        }]
    })
    .to_string()
}

pub(crate) fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .expect("client")
}

pub(crate) async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    client
        .post(format!("{}{path}", app.address))
        .header("origin", &app.address)
        .form(form)
        .send()
        .await
        .expect("POST")
}

/// A browser signed in to the follow-up with `receipt`.
pub(crate) async fn signed_in_reporter(app: &TestApp, receipt: &str) -> reqwest::Client {
    let reporter = browser();
    let signed_in = post(
        app,
        &reporter,
        "/follow-up",
        &[("action", "sign-in"), ("receipt", receipt)],
    )
    .await;
    assert_eq!(signed_in.status(), 303, "signed in with the receipt");
    reporter
}

pub(crate) async fn follow_up_page(app: &TestApp, client: &reqwest::Client) -> String {
    let response = client
        .get(format!("{}/follow-up", app.address))
        .send()
        .await
        .expect("GET");
    response.text().await.expect("page")
}

pub(crate) fn receipt_in(html: &str) -> String {
    let start = html.find("data-receipt").unwrap_or_else(|| {
        let main = html.find("<main").unwrap_or(0);
        panic!(
            "no receipt on the page: {}",
            &html[main..(main + 3000).min(html.len())]
        )
    });
    let rest = &html[start..];
    let open = rest.find('>').expect("tag end") + 1;
    let close = rest[open..].find("</p>").expect("text end");
    // The code is shown in its groups (one element each); its text is the code.
    let mut text = String::new();
    let mut in_tag = false;
    for c in rest[open..open + close].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.trim().to_owned()
}

#[tokio::test]
async fn report_receipt_follow_up_and_withdraw() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let client = browser();
        let submission = "0123456789abcdef0123456789abcdef";
        // The last step as the page shows it, with its one-time re-show token.
        let last_step = post(
            &app,
            &client,
            "/report",
            &[
                ("step", "files"),
                ("nav", "next"),
                ("draft", &draft(submission)),
            ],
        )
        .await
        .text()
        .await
        .unwrap();
        let marker = "name=\"reshow\" value=\"";
        let token_at = last_step.find(marker).expect("a re-show token") + marker.len();
        let token = last_step[token_at..].split('"').next().unwrap().to_owned();
        let sent = post(
            &app,
            &client,
            "/report",
            &[
                ("step", "check"),
                ("nav", "submit"),
                ("draft", &draft(submission)),
                ("reshow", &token),
            ],
        )
        .await;
        assert_eq!(sent.status(), 200);
        assert!(
            sent.headers().get("set-cookie").is_none(),
            "no cookie before sign-in"
        );
        let html = sent.text().await.unwrap();
        let receipt = receipt_in(&html);
        assert_eq!(receipt.len(), 23, "{receipt}");
        // Saved as a file without its text in any address (a `data:` link would put the
        // receipt in the download history): the form posts it, the file comes back.
        assert!(
            !html.contains("data:text"),
            "a data: link on the receipt page"
        );
        assert!(html.contains("action=\"/receipt.txt\""), "the save form");
        let file = post(&app, &client, "/nl/receipt.txt", &[("receipt", &receipt)]).await;
        assert_eq!(file.status(), 200, "{backend:?}");
        assert_eq!(
            file.headers()["content-disposition"],
            "attachment; filename=\"receipt.txt\""
        );
        assert_eq!(file.headers()["cache-control"], "no-store");
        let text = file.text().await.unwrap();
        assert!(text.contains(&receipt), "{text}");
        assert!(text.contains("Bewijscode"), "in Dutch: {text}");
        let forged = post(&app, &client, "/receipt.txt", &[("receipt", "<script>")]).await;
        assert_eq!(forged.status(), 400, "only a receipt is written back");

        // The same form again soon after (the answer lost on a dropped connection, or tapped
        // again) makes no second report and shows the same receipt, a few times.
        let (app_ref, client_ref) = (&app, &client);
        let resend = |token: String| async move {
            post(
                app_ref,
                client_ref,
                "/report",
                &[
                    ("step", "check"),
                    ("nav", "submit"),
                    ("draft", &draft(submission)),
                    ("reshow", &token),
                ],
            )
            .await
            .text()
            .await
            .unwrap()
        };
        for _ in 0..app::abuse::MAX_RESHOWS {
            assert_eq!(
                receipt_in(&resend(token.clone()).await),
                receipt,
                "{backend:?}"
            );
        }
        let once_too_often = resend(token.clone()).await;
        assert!(once_too_often.contains("already sent") && !once_too_often.contains(&receipt));
        // What is stored cannot give the receipt back: not the submission id, only its
        // keyed hash (a database copy and the secret together would otherwise have it).
        use sea_orm::ConnectionTrait;
        let stored: Vec<String> = {
            use sea_orm::{EntityTrait, QuerySelect};
            app::report::entity::report::Entity::find()
                .select_only()
                .column(app::report::entity::report::Column::SubmissionKey)
                .into_tuple()
                .all(&app.db)
                .await
                .unwrap()
        };
        assert_eq!(stored.len(), 1);
        assert_ne!(stored[0], submission);
        assert!(!stored[0].contains(submission) && stored[0].len() == 64);
        // Later than the window (a reload, the back button, someone else at the phone): no
        // receipt, even with a fresh token for this form.
        let fresh_page = post(
            &app,
            &client,
            "/report",
            &[
                ("step", "files"),
                ("nav", "next"),
                ("draft", &draft(submission)),
            ],
        )
        .await
        .text()
        .await
        .unwrap();
        let at = fresh_page.find(marker).unwrap() + marker.len();
        let fresh = fresh_page[at..].split('"').next().unwrap().to_owned();
        assert_eq!(
            receipt_in(&resend(fresh.clone()).await),
            receipt,
            "in the window"
        );
        app.db
            .execute_unprepared(&format!(
                "UPDATE report SET created_at = created_at - {}",
                app::report::intake::RESHOW_SECONDS + 1
            ))
            .await
            .unwrap();
        let again = resend(fresh).await;
        assert!(again.contains("already sent"), "{backend:?}");
        assert!(!again.contains(&receipt));

        // Sign in with the receipt as typed on a phone: lower case, spaces for dashes.
        let typed = receipt.to_lowercase().replace('-', " ");
        let signed_in = post(
            &app,
            &client,
            "/follow-up",
            &[("action", "sign-in"), ("receipt", &typed)],
        )
        .await;
        assert_eq!(signed_in.status(), 303, "{backend:?}");
        let cookie = signed_in
            .headers()
            .get("set-cookie")
            .expect("a session cookie")
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            cookie.contains("HttpOnly")
                && cookie.contains("SameSite=Lax")
                && !cookie.contains("Max-Age"),
            "{cookie}"
        );

        let page = follow_up_page(&app, &client).await;
        assert!(
            page.contains("https://example.com/one") && page.contains("https://example.org/two"),
            "{backend:?}"
        );
        assert_eq!(
            page.matches(">https://example.com/one<").count(),
            1,
            "repeats go"
        );
        assert!(page.contains("Photo 1"));

        // Staff write (as `portal report message` does); the reporter reads and replies.
        let ids = store::find_by_url(&app.db, "https://example.com/one")
            .await
            .unwrap();
        assert_eq!(ids.len(), 1);
        store::add_message(
            &app.db,
            ids[0],
            true,
            "We have looked at your report.",
            app.store.now(),
        )
        .await
        .unwrap();
        let page = follow_up_page(&app, &client).await;
        assert!(page.contains("We have looked at your report."));
        let csrf = page
            .split("name=\"csrf\" value=\"")
            .nth(1)
            .expect("a form token")
            .split('"')
            .next()
            .unwrap()
            .to_owned();
        let forged = post(
            &app,
            &client,
            "/follow-up",
            &[("action", "reply"), ("csrf", "wrong"), ("message", "hi")],
        )
        .await;
        assert!(
            forged
                .text()
                .await
                .unwrap()
                .contains("This form has expired")
        );
        let reply = post(
            &app,
            &client,
            "/follow-up",
            &[
                ("action", "reply"),
                ("csrf", &csrf),
                ("message", "Thank you"),
            ],
        )
        .await;
        assert_eq!(reply.status(), 303);
        assert_eq!(store::messages(&app.db, ids[0]).await.unwrap().len(), 2);

        // Withdraw: everything is gone, and the receipt no longer works.
        let asked = post(
            &app,
            &client,
            "/follow-up",
            &[("action", "withdraw"), ("csrf", &csrf)],
        )
        .await;
        assert!(asked.text().await.unwrap().contains("Are you sure?"));
        let done = post(
            &app,
            &client,
            "/follow-up",
            &[("action", "withdraw-confirm"), ("csrf", &csrf)],
        )
        .await;
        assert!(done.text().await.unwrap().contains("has been withdrawn"));
        assert!(store::find(&app.db, ids[0]).await.unwrap().is_none());
        assert!(
            store::items(&app.db, ids[0]).await.unwrap().is_empty(),
            "items and hashes deleted"
        );
        assert!(store::messages(&app.db, ids[0]).await.unwrap().is_empty());
        let retry = post(
            &app,
            &browser(),
            "/follow-up",
            &[("action", "sign-in"), ("receipt", &receipt)],
        )
        .await;
        assert_eq!(retry.status(), 200, "no sign-in after withdrawal");
        assert!(retry.headers().get("set-cookie").is_none());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reports_sent_at_once_are_each_stored_once_with_their_own_receipt() {
    use sea_orm::{EntityTrait, PaginatorTrait};

    for backend in backends() {
        let limit = ("PORTAL_REPORTS_PER_CLIENT", "1000000".to_owned());
        let app = std::sync::Arc::new(spawn_app_with(backend, &[limit]).await);
        let client = browser();
        let mut sending = tokio::task::JoinSet::new();
        for n in 0..60 {
            let (app, client) = (app.clone(), client.clone());
            // Through the server function the page calls with JavaScript: a plain form
            // post renders the whole page, and rendering pages at once on several threads
            // sometimes panics in leptos_meta (a disposed title signal), whatever is stored.
            sending.spawn(async move {
                let draft = draft(&format!("{n:032x}"));
                let form = [["step", "check"], ["nav", "submit"], ["draft", &draft]];
                let answer: serde_json::Value = client
                    .post(format!("{}/api/report-step", app.address))
                    .header("origin", &app.address)
                    .json(&serde_json::json!({ "form": form }))
                    .send()
                    .await
                    .expect("POST")
                    .json()
                    .await
                    .expect("JSON");
                answer["receipt"].as_str().expect("a receipt").to_owned()
            });
        }
        let receipts: std::collections::HashSet<String> =
            sending.join_all().await.into_iter().collect();
        assert_eq!(receipts.len(), 60, "{backend:?}");
        let reports = app::report::entity::report::Entity::find().count(&app.db);
        assert_eq!(reports.await.unwrap(), 60, "{backend:?}");
        let items = app::report::entity::item::Entity::find().count(&app.db);
        assert_eq!(
            items.await.unwrap(),
            180,
            "{backend:?}: two addresses and a file each"
        );
    }
}

#[tokio::test]
async fn bad_answers_get_a_message_and_keep_what_was_typed() {
    let app = spawn_app(backends()[0]).await;
    let client = browser();
    let typed = "example.com/fine\nnot an address\nftp://example.com/x";
    let page = post(
        &app,
        &client,
        "/nl/report",
        &[
            ("step", "where"),
            ("nav", "next"),
            ("draft", "{}"),
            ("urls", typed),
            ("platform", "Snapchat"),
        ],
    )
    .await
    .text()
    .await
    .unwrap();
    assert!(page.contains("Regel 2:"), "Dutch messages per line");
    assert!(page.contains("Regel 3:"));
    // The app alone is enough: a victim often knows the app or the group, not the account.
    assert!(!page.contains("accountnaam"));
    assert!(
        page.contains("example.com/fine\nnot an address\nftp://example.com/x"),
        "the text is kept"
    );
    assert!(page.contains("value=\"Snapchat\""));
    assert!(page.contains("Stap 4 van 6"));
}

/// A report's receipt, sent from a client of its own.
pub(crate) async fn a_receipt(app: &crate::helpers::TestApp, submission: &str) -> String {
    receipt_for(app, &draft(submission)).await
}

/// The receipt of a report of `draft` (JSON), sent from a client of its own.
pub(crate) async fn receipt_for(app: &crate::helpers::TestApp, draft: &str) -> String {
    let html = post(
        app,
        &browser(),
        "/report",
        &[("step", "check"), ("nav", "submit"), ("draft", draft)],
    )
    .await
    .text()
    .await
    .unwrap();
    receipt_in(&html)
}

async fn guess(
    app: &crate::helpers::TestApp,
    client: &reqwest::Client,
    receipt: &str,
    forwarded_for: Option<&str>,
) -> reqwest::Response {
    let mut request = client
        .post(format!("{}/follow-up", app.address))
        .header("origin", &app.address)
        .form(&[("action", "sign-in"), ("receipt", receipt)]);
    if let Some(chain) = forwarded_for {
        request = request.header("x-forwarded-for", chain);
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn the_eleventh_wrong_receipt_in_a_minute_is_refused_but_a_right_one_gets_in() {
    let app = spawn_app(backends()[0]).await;
    let receipt = a_receipt(&app, "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee").await;
    let client = browser();
    for n in 0..11 {
        let wrong = format!("{n:05}-AAAAA-BBBBB-CCCCC");
        let page = guess(&app, &client, &wrong, None)
            .await
            .text()
            .await
            .unwrap();
        if n < 10 {
            assert!(page.contains("We don"), "guess {n} is checked");
        } else {
            assert!(page.contains("Too many tries"), "guess {n} is refused");
        }
    }
    // Everyone behind one address shares its limit; the person who types their receipt right
    // still gets in (slowed, not refused).
    let started = std::time::Instant::now();
    let right = guess(&app, &browser(), &receipt, None).await;
    assert_eq!(right.status(), 303, "the right receipt signs in");
    assert!(started.elapsed() >= app::abuse::OVER_LIMIT_DELAY);
}

#[tokio::test]
async fn a_client_cannot_dodge_the_limit_by_writing_its_own_forwarded_for() {
    let app = crate::helpers::spawn_app_with(
        backends()[0],
        &[("PORTAL_CLIENT_IP_HEADER", "x-forwarded-for".to_owned())],
    )
    .await;
    let client = browser();
    for n in 0..11u32 {
        // The client writes a new address each time; our proxy appends the one it saw.
        let chain = format!("198.51.100.{n}, 203.0.113.77");
        let wrong = format!("{n:05}-AAAAA-BBBBB-CCCCC");
        let page = guess(&app, &client, &wrong, Some(&chain))
            .await
            .text()
            .await
            .unwrap();
        assert_eq!(page.contains("Too many tries"), n == 10, "guess {n}");
    }
    // Another person behind the same proxy, with another address: a fresh limit.
    let other = guess(
        &app,
        &browser(),
        "00000-AAAAA-BBBBB-CCCCD",
        Some("203.0.113.78"),
    )
    .await
    .text()
    .await
    .unwrap();
    assert!(other.contains("We don"));
}

#[tokio::test]
async fn closed_reports_are_deleted_after_the_retention_period() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let client = browser();
        let sent = post(
            &app,
            &client,
            "/report",
            &[
                ("step", "check"),
                ("nav", "submit"),
                ("draft", &draft("ffffffffffffffffffffffffffffffff")),
            ],
        )
        .await;
        assert_eq!(sent.status(), 200);
        let id = store::find_by_url(&app.db, "https://example.com/one")
            .await
            .unwrap()[0];
        let now = app.store.now();
        assert_eq!(
            retention::run_once(&app.store, 30, now).await.unwrap(),
            0,
            "open reports stay"
        );
        assert!(store::close_report(&app.db, id, now).await.unwrap());
        assert_eq!(
            retention::run_once(&app.store, 30, now + 29 * 86_400)
                .await
                .unwrap(),
            0
        );
        assert_eq!(
            retention::run_once(&app.store, 30, now + 31 * 86_400)
                .await
                .unwrap(),
            1,
            "{backend:?}"
        );
        assert!(store::items(&app.db, id).await.unwrap().is_empty());
    }
}

/// The value of the hidden `challenge` field, if the page asks for proof of work.
fn challenge_in(html: &str) -> Option<String> {
    let start = html.find(r#"name="challenge" value=""#)? + r#"name="challenge" value=""#.len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_owned())
}

#[tokio::test]
async fn over_the_limit_a_report_needs_proof_of_work_and_far_over_it_waits() {
    use app::abuse::work::Challenge;

    for backend in backends() {
        let app = spawn_app_with(backend, &[("PORTAL_REPORTS_PER_CLIENT", "1".to_owned())]).await;
        let client = browser();
        let send = |n: usize, extra: Vec<(&'static str, String)>| {
            let (app, client) = (&app, &client);
            async move {
                let submission = format!("{n:032x}");
                let mut form = vec![
                    ("step", "check".to_owned()),
                    ("nav", "submit".to_owned()),
                    ("draft", draft(&submission)),
                ];
                form.extend(extra);
                let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                post(app, client, "/report", &form)
                    .await
                    .text()
                    .await
                    .unwrap()
            }
        };
        // Within the limit: no challenge.
        assert!(send(1, vec![]).await.contains("data-receipt"));

        // Over it: a challenge, and nothing stored until it is solved.
        let page = send(2, vec![]).await;
        assert!(!page.contains("data-receipt"));
        let challenge = challenge_in(&page).expect("a challenge on the page");
        assert_eq!(Challenge(&challenge).bits(), Some(app::abuse::WORK_BITS));
        let unsolved = (0..)
            .find(|n| !Challenge(&challenge).is_solved_by(*n))
            .unwrap();
        let wrong = send(
            2,
            vec![
                ("challenge", challenge.clone()),
                ("work", unsolved.to_string()),
            ],
        )
        .await;
        assert!(challenge_in(&wrong).is_some() && !wrong.contains("data-receipt"));

        let work = Challenge(&challenge)
            .search(0, u64::MAX)
            .unwrap()
            .to_string();
        let solved = vec![("challenge", challenge.clone()), ("work", work)];
        assert!(send(2, solved.clone()).await.contains("data-receipt"));
        // One solution buys one report.
        let reused = send(3, solved).await;
        assert!(!reused.contains("data-receipt"));

        // Each further report with its own solution, up to four times the limit; then wait.
        for n in 3..=5 {
            let challenge = challenge_in(&send(n, vec![]).await).expect("a fresh challenge");
            let work = Challenge(&challenge)
                .search(0, u64::MAX)
                .unwrap()
                .to_string();
            let page = send(n, vec![("challenge", challenge), ("work", work)]).await;
            assert!(page.contains("data-receipt"), "report {n} with work");
        }
        let far_over = send(6, vec![]).await;
        assert!(challenge_in(&far_over).is_none());
        assert!(
            far_over.contains("Please wait a few minutes"),
            "asked to wait"
        );
    }
}
