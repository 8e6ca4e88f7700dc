//! Nothing typed is ever lost: every refusal of a follow-up or staff form gives the text back,
//! through an idle sign-out and the sign-in after it; and a report draft left by quick exit
//! without JavaScript shows nothing of itself when the browser sends it again.

use app::{report::store, staff::Role, time::Clock};
use sea_orm::ConnectionTrait;

use crate::{
    cases::report,
    helpers::{TestApp, backends, spawn_app_at},
    identity_provider::{CLIENT_ID, CLIENT_SECRET, csrf_in, issuer},
    reports::{browser, draft, follow_up_page, post},
    staff_access::signed_in_as,
};

fn real_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// The portal with staff sign-in, on a clock the test moves (starting now: the identity
/// provider's tokens are checked against the real time).
async fn spawn(backend: crate::helpers::Backend) -> TestApp {
    let vars = [
        ("PORTAL_OIDC_ISSUER", issuer()),
        ("PORTAL_OIDC_CLIENT_ID", CLIENT_ID.to_owned()),
        ("PORTAL_OIDC_CLIENT_SECRET", CLIENT_SECRET.to_owned()),
    ];
    spawn_app_at(backend, &vars, Clock::manual(real_now())).await
}

/// The text of the `<textarea>` with this id, as the page shows it.
fn textarea(html: &str, id: &str) -> String {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id} on the page"));
    let rest = &html[start..];
    let open = rest.find('>').unwrap() + 1;
    let close = rest[open..].find("</textarea>").unwrap();
    rest[open..open + close].trim().replace("&amp;", "&")
}

#[tokio::test]
async fn a_reply_survives_a_stale_form_an_idle_sign_out_and_a_database_error() {
    for backend in backends() {
        let app = spawn(backend).await;
        let (receipt, _) = report(&app, serde_json::json!({})).await;
        let reporter = crate::reports::signed_in_reporter(&app, &receipt).await;
        let page = follow_up_page(&app, &reporter).await;
        let csrf = csrf_in(&page);
        let words = "It is on a second site now too & I am scared";

        // A form from an old tab: refused, the text back in its box.
        let stale = post(
            &app,
            &reporter,
            "/follow-up",
            &[("action", "reply"), ("csrf", "old"), ("message", words)],
        )
        .await
        .text()
        .await
        .unwrap();
        assert!(stale.contains("This form has expired"), "{backend:?}");
        assert_eq!(textarea(&stale, "field-message"), words);

        // Sixteen minutes of writing: signed out, and the sign-in form carries the text.
        app.store.clock().advance(16 * 60);
        let idle = post(
            &app,
            &reporter,
            "/follow-up",
            &[
                ("action", "reply"),
                ("csrf", &csrf),
                ("message", words),
                ("urls", "second-site.example/x"),
            ],
        )
        .await
        .text()
        .await
        .unwrap();
        assert!(idle.contains("You were signed out"), "{backend:?}");
        assert!(idle.contains("What you wrote is kept"));
        assert!(idle.contains("name=\"receipt\""), "the sign-in form");
        assert!(idle.contains(&"It is on a second site now too &amp; I am scared".to_string()));
        let again = post(
            &app,
            &reporter,
            "/follow-up",
            &[
                ("action", "sign-in"),
                ("receipt", &receipt),
                ("message", words),
                ("urls", "second-site.example/x"),
            ],
        )
        .await;
        assert_eq!(
            again.status(),
            200,
            "the page, with the text, not a redirect"
        );
        let again = again.text().await.unwrap();
        assert!(again.contains("back in its box"), "{backend:?}");
        assert_eq!(textarea(&again, "field-message"), words);
        assert_eq!(textarea(&again, "field-urls"), "second-site.example/x");

        // The database refuses the write: the text is still there.
        let csrf = csrf_in(&again);
        app.db
            .execute_unprepared("DROP TABLE report_message")
            .await
            .unwrap();
        let failed = post(
            &app,
            &reporter,
            "/follow-up",
            &[("action", "reply"), ("csrf", &csrf), ("message", words)],
        )
        .await
        .text()
        .await
        .unwrap();
        assert!(
            failed.contains("Something went wrong on our side"),
            "{backend:?}"
        );
        assert!(failed.contains("copy it somewhere safe"));
        assert_eq!(textarea(&failed, "field-message"), words);
    }
}

#[tokio::test]
async fn a_draft_left_by_quick_exit_shows_nothing_when_sent_again() {
    for backend in backends() {
        let app = spawn(backend).await;
        let client = browser();
        let submission = format!("{:032x}", rand::random::<u128>());
        let form = [
            ("step", "files"),
            ("nav", "next"),
            ("draft", &draft(&submission)),
            ("file_hashes", "[]"),
        ];
        let step = post(&app, &client, "/report", &form)
            .await
            .text()
            .await
            .unwrap();
        assert!(
            step.contains("example.com/one"),
            "the check step shows the draft"
        );
        // Quick exit on a page rendered from the post goes through /exit with the draft's id.
        let exit = format!("/exit?draft={submission}&amp;lang=en");
        assert!(step.contains(&exit), "{backend:?}");
        let left = client
            .get(format!("{}{}", app.address, exit.replace("&amp;", "&")))
            .send()
            .await
            .unwrap();
        assert_eq!(left.status(), 303);
        assert_eq!(left.headers()["location"], "https://www.bbc.com/weather");
        assert_eq!(left.headers()["cache-control"], "no-store");
        assert!(left.headers().get("set-cookie").is_none(), "no trace");

        // Back, and the browser sends the step again: a new report, nothing of the old one.
        let again = post(&app, &client, "/report", &form)
            .await
            .text()
            .await
            .unwrap();
        assert!(!again.contains("example.com"), "{backend:?}");
        assert!(again.contains("Step 1 of 6"), "{backend:?}");
        assert!(!again.contains(&submission));
        // Submitting it sends nothing either.
        let submit = [
            ("step", "check"),
            ("nav", "submit"),
            ("draft", &draft(&submission)),
        ];
        let none = post(&app, &client, "/report", &submit)
            .await
            .text()
            .await
            .unwrap();
        assert!(!none.contains("data-receipt"));
        assert!(
            store::find_by_url(&app.db, "https://example.com/one")
                .await
                .unwrap()
                .is_empty()
        );
    }
}

#[tokio::test]
async fn a_staff_note_written_after_the_session_ended_comes_back_after_signing_in() {
    for backend in backends() {
        let app = spawn(backend).await;
        let (_, case) = report(&app, serde_json::json!({})).await;
        let email = "careful-analyst@example.test";
        let (analyst, _) = signed_in_as(&app, Role::Analyst, email).await;
        let path = format!("/nl/staff/cases/{case}");
        let page = analyst.get(&path).await.text().await.unwrap();
        let csrf = csrf_in(&page);
        let note = "Called the helpline; the reporter's mother knows. Follow up on Friday.";

        // Forty minutes of writing: the session has ended when the note is posted.
        app.store.clock().advance(40 * 60);
        let refused = analyst
            .post(
                &path,
                &[("action", "note"), ("csrf", &csrf), ("note", note)],
            )
            .await;
        assert_eq!(refused.status(), 401, "{backend:?}");
        let refused = refused.text().await.unwrap();
        assert!(refused.contains("Wat je schreef is bewaard"), "{refused}");
        assert!(refused.contains("/staff/sign-in"));

        // Signing in again leads back to the case, with the note in its box, once.
        // The provider remembers the person, so the sign-in goes straight back.
        let back = analyst.get("/staff/sign-in").await;
        let url = back.url().to_string();
        let back = back.text().await.unwrap();
        assert!(url.ends_with(&path), "{url}");
        assert!(back.contains("staat weer in het vak"), "{backend:?}");
        assert_eq!(textarea(&back, "field-note"), note);
        let later = analyst.get(&path).await.text().await.unwrap();
        assert_eq!(textarea(&later, "field-note"), "", "shown once");

        // Nothing was saved without a session.
        let notes = app
            .db
            .query_all_raw(sea_orm::Statement::from_string(
                app.db.get_database_backend(),
                "SELECT id FROM case_note",
            ))
            .await
            .unwrap()
            .len();
        assert_eq!(notes, 0);
    }
}
