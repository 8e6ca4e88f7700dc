//! The audit trail's hash chain: intact after staff actions, broken by an event altered or
//! removed by hand in the database; `portal audit verify` says so and exits non-zero.

use std::process::Command;

use app::{
    audit::store,
    staff::{
        Role,
        service::{self, Invitee},
    },
};
use sea_orm::{ConnectionTrait, Statement};

use crate::helpers::{TEST_SECRET, backends, fresh_database, spawn_app, temp_dir};

async fn invite(db: &app::db::Db, email: &str) {
    service::invite(
        db,
        None,
        Invitee::email(email).unwrap(),
        Role::Analyst,
        None,
    )
    .await
    .expect("invite");
}

async fn sql(db: &sea_orm::DatabaseConnection, statement: &str) {
    db.execute_raw(Statement::from_string(db.get_database_backend(), statement))
        .await
        .expect(statement);
}

#[tokio::test]
async fn the_chain_verifies_and_breaks_where_an_event_was_altered_by_hand() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        for n in 0..4 {
            invite(&app.store, &format!("analyst{n}@example.test")).await;
        }
        let report = store::verify(&app.db).await.unwrap();
        assert_eq!(report.events, 4, "{backend:?}");
        assert!(report.is_intact());

        sql(
            &app.db,
            "UPDATE audit_event SET detail = 'role=administrator' WHERE id = 2",
        )
        .await;
        let report = store::verify(&app.db).await.unwrap();
        assert_eq!(report.first_broken, Some(2), "{backend:?}: an edited event");
    }
}

#[tokio::test]
async fn removing_or_rehashing_an_event_breaks_the_chain_too() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        for n in 0..4 {
            invite(&app.store, &format!("analyst{n}@example.test")).await;
        }
        sql(&app.db, "DELETE FROM audit_event WHERE id = 3").await;
        assert_eq!(
            store::verify(&app.db).await.unwrap().first_broken,
            Some(3),
            "{backend:?}: a removed event"
        );

        let app = spawn_app(backend).await;
        for n in 0..3 {
            invite(&app.store, &format!("analyst{n}@example.test")).await;
        }
        // An event whose stored hash was replaced no longer fits either.
        sql(&app.db, "UPDATE audit_event SET hash = 'f00d' WHERE id = 2").await;
        assert_eq!(store::verify(&app.db).await.unwrap().first_broken, Some(2));
    }
}

#[tokio::test]
async fn concurrent_appends_never_fork_the_chain() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let tasks: Vec<_> = (0..8)
            .map(|n| {
                let db = app.store.clone();
                tokio::spawn(async move {
                    service::invite(
                        &db,
                        None,
                        Invitee::email(&format!("c{n}@example.test")).unwrap(),
                        Role::Analyst,
                        None,
                    )
                    .await
                })
            })
            .collect();
        let mut saved = 0;
        for task in tasks {
            if task.await.unwrap().is_ok() {
                saved += 1;
            }
        }
        let report = store::verify(&app.db).await.unwrap();
        assert!(report.is_intact(), "{backend:?}: {report:?}");
        assert_eq!(report.events, saved, "{backend:?}");
        // One write path: no invitation loses a race to another, so none needs a retry.
        assert_eq!(saved, 8, "{backend:?}");
    }
}

/// [`portal`] while this test's server runs: on a thread of its own, so the server's tasks
/// go on (a blocked runtime could hold SQLite's write lock mid-transaction and make the
/// command wait for it forever).
async fn beside_server(database_url: &str, args: &[&str]) -> std::process::Output {
    let database_url = database_url.to_owned();
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        portal(&database_url, &args)
    })
    .await
    .unwrap()
}

fn portal(database_url: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_portal"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", database_url)
        .env("PORTAL_DATA_DIR", temp_dir("cli"))
        .env("PORTAL_SECRET_KEY", TEST_SECRET)
        .args(args)
        .output()
        .expect("portal runs")
}

#[tokio::test]
async fn portal_admin_invites_and_portal_audit_verify_finds_tampering() {
    for backend in backends() {
        let url = fresh_database(backend).await;
        let invited = portal(
            &url,
            &["admin", "invite", "--email", "First.Admin@example.test"],
        );
        assert!(
            invited.status.success(),
            "{}",
            String::from_utf8_lossy(&invited.stderr)
        );
        let invited = portal(&url, &["admin", "invite", "--subject", "sub-second"]);
        assert!(invited.status.success());

        let verified = portal(&url, &["audit", "verify"]);
        assert!(
            verified.status.success(),
            "{}",
            String::from_utf8_lossy(&verified.stderr)
        );
        assert!(String::from_utf8_lossy(&verified.stdout).contains("intact: 2 events"));

        let db = sea_orm::Database::connect(&url).await.unwrap();
        let invitation = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                "SELECT email, role FROM invitation WHERE subject IS NULL",
            ))
            .await
            .unwrap()
            .unwrap();
        let email: String = invitation.try_get("", "email").unwrap();
        let role: String = invitation.try_get("", "role").unwrap();
        assert_eq!(
            (email.as_str(), role.as_str()),
            ("first.admin@example.test", "administrator")
        );

        sql(
            &db,
            "UPDATE audit_event SET actor = 'someone-else' WHERE id = 1",
        )
        .await;
        db.close().await.ok();
        let verified = portal(&url, &["audit", "verify"]);
        assert!(!verified.status.success(), "{backend:?}");
        assert!(String::from_utf8_lossy(&verified.stderr).contains("event 1 does not fit"));
    }
}

/// Signs `email` in once (an account from their invitation), as the identity provider would.
async fn staff_account(
    app: &crate::helpers::TestApp,
    email: &str,
    role: Role,
    organisation: Option<i64>,
) {
    service::invite(
        &app.store,
        None,
        Invitee::email(email).unwrap(),
        role,
        organisation,
    )
    .await
    .unwrap();
    let identity = app::staff::service::Identity {
        issuer: "http://idp.example.test".into(),
        subject: format!("sub-{email}"),
        verified_email: Some(email.to_lowercase()),
        name: None,
    };
    let signed_in = service::sign_in(&app.store, &identity).await.unwrap();
    assert!(matches!(signed_in, app::staff::service::SignIn::Welcome(_)));
}

#[tokio::test]
async fn portal_report_message_and_close_act_as_a_named_staff_member_audited() {
    for backend in backends() {
        let app = crate::helpers::spawn_app(backend).await;
        let (_, case) = crate::cases::report(&app, serde_json::json!({})).await;
        let id = case.to_string();
        let url = app.database_url.clone();

        // Nobody named, or nobody the portal knows: refused, nothing written.
        let anonymous = beside_server(&url, &["report", "message", &id, "Hello"]).await;
        assert!(!anonymous.status.success(), "{backend:?}: --as is required");
        let stranger = beside_server(
            &url,
            &["report", "message", &id, "Hello", "--as", "x@example.test"],
        )
        .await;
        assert!(!stranger.status.success());
        assert!(String::from_utf8_lossy(&stranger.stderr).contains("no staff account"));

        // A role without the permission, and another organisation's staff: refused.
        staff_account(&app, "admin@example.test", Role::Administrator, None).await;
        let admin = beside_server(
            &url,
            &["report", "close", &id, "--as", "admin@example.test"],
        )
        .await;
        assert!(
            !admin.status.success(),
            "{backend:?}: administrators do not close cases"
        );
        let by = app::staff::service::find_member_by_email(&app.db, "admin@example.test")
            .await
            .unwrap()
            .unwrap();
        let other = app::directory::create_organisation(&app.store, &by, "Elsewhere", "helpline")
            .await
            .unwrap();
        staff_account(&app, "other@example.test", Role::HelplineStaff, Some(other)).await;
        let foreign = beside_server(
            &url,
            &["report", "close", &id, "--as", "other@example.test"],
        )
        .await;
        assert!(
            !foreign.status.success(),
            "{backend:?}: another organisation's case"
        );
        // The last event is still the other staff member's sign-in.
        assert_eq!(
            store::recent(&app.db, 1).await.unwrap()[0].action,
            "staff.signed_in",
            "{backend:?}: a refused command wrote an event"
        );

        staff_account(&app, "Helper@example.test", Role::HelplineStaff, None).await;
        let events = store::verify(&app.db).await.unwrap().events;
        let sent = beside_server(
            &url,
            &[
                "report",
                "message",
                &id,
                "We have your report.",
                "--as",
                "helper@example.test",
            ],
        )
        .await;
        assert!(
            sent.status.success(),
            "{}",
            String::from_utf8_lossy(&sent.stderr)
        );
        let closed = beside_server(
            &url,
            &["report", "close", &id, "--as", "helper@example.test"],
        )
        .await;
        assert!(
            closed.status.success(),
            "{}",
            String::from_utf8_lossy(&closed.stderr)
        );
        let again = beside_server(
            &url,
            &["report", "close", &id, "--as", "helper@example.test"],
        )
        .await;
        assert!(String::from_utf8_lossy(&again.stderr).contains("closed already"));

        let messages = app::report::store::messages(&app.db, case).await.unwrap();
        assert_eq!(messages.len(), 1);
        assert!(messages[0].from_staff && messages[0].body == "We have your report.");
        let trail = store::recent(&app.db, 2).await.unwrap();
        let actions: Vec<&str> = trail.iter().map(|e| e.action.as_str()).collect();
        assert!(
            actions.contains(&"case.reporter_messaged") && actions.contains(&"case.closed"),
            "{backend:?}: {actions:?}"
        );
        assert!(
            trail
                .iter()
                .all(|e| e.actor == "helper@example.test" && e.case_id == Some(case))
        );
        let report = store::verify(&app.db).await.unwrap();
        assert!(report.is_intact());
        assert_eq!(
            report.events,
            events + 2,
            "{backend:?}: only the two actions were added"
        );
    }
}
