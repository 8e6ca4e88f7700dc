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
use sea_orm::{ConnectionTrait, EntityTrait, Statement};

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

/// What someone who owns the tables can do: drop the triggers that refuse changes.
async fn unseal(db: &sea_orm::DatabaseConnection) {
    let statements: &[&str] = match db.get_database_backend() {
        sea_orm::DatabaseBackend::Postgres => &[
            "DROP TRIGGER audit_event_no_change ON audit_event",
            "DROP TRIGGER audit_event_no_truncate ON audit_event",
        ],
        _ => &[
            "DROP TRIGGER audit_event_no_update",
            "DROP TRIGGER audit_event_no_delete",
        ],
    };
    for statement in statements {
        sql(db, statement).await;
    }
}

async fn refused(db: &sea_orm::DatabaseConnection, statement: &str) -> String {
    db.execute_raw(Statement::from_string(db.get_database_backend(), statement))
        .await
        .expect_err(statement)
        .to_string()
}

#[tokio::test]
async fn the_database_refuses_to_change_or_delete_an_audit_event() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        for n in 0..2 {
            invite(&app.store, &format!("analyst{n}@example.test")).await;
        }
        let mut statements = vec![
            "UPDATE audit_event SET detail = 'role=administrator' WHERE id = 2",
            "DELETE FROM audit_event WHERE id = 2",
            "DELETE FROM audit_event",
        ];
        if backend == crate::helpers::Backend::Postgres {
            statements.push("TRUNCATE audit_event");
        }
        for statement in statements {
            let error = refused(&app.db, statement).await;
            assert!(
                error.contains("append-only"),
                "{backend:?}: {statement}: {error}"
            );
        }
        let report = store::verify(&app.db, app.store.audit_key()).await.unwrap();
        assert_eq!(
            (report.events, report.first_broken),
            (2, None),
            "{backend:?}"
        );
    }
}

#[tokio::test]
async fn an_event_altered_by_whoever_owns_the_tables_breaks_the_chain_even_rehashed() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let key = app.store.audit_key();
        for n in 0..4 {
            invite(&app.store, &format!("analyst{n}@example.test")).await;
        }
        let report = store::verify(&app.db, key).await.unwrap();
        assert_eq!(report.events, 4, "{backend:?}");
        assert_eq!(report.legacy_events, 0, "{backend:?}");
        assert!(report.is_intact());
        unseal(&app.db).await;

        sql(
            &app.db,
            "UPDATE audit_event SET detail = 'role=administrator' WHERE id = 2",
        )
        .await;
        let report = store::verify(&app.db, key).await.unwrap();
        assert_eq!(report.first_broken, Some(2), "{backend:?}: an edited event");

        // Re-hashing the edited event and everything after it, as the chain was hashed before
        // it had a key (plain SHA-256), makes it fit no better: without the key no hash fits.
        let mut prev: String = {
            let row = app
                .db
                .query_one_raw(Statement::from_string(
                    app.db.get_database_backend(),
                    "SELECT hash FROM audit_event WHERE id = 1",
                ))
                .await
                .unwrap()
                .unwrap();
            row.try_get("", "hash").unwrap()
        };
        for id in 2..=4 {
            let event = app::audit::entity::Entity::find_by_id(id)
                .one(&app.db)
                .await
                .unwrap()
                .unwrap();
            let hash = app::audit::chain::legacy_hash(&prev, &event.hashed());
            sql(
                &app.db,
                &format!(
                    "UPDATE audit_event SET prev_hash = '{prev}', hash = '{hash}' WHERE id = {id}"
                ),
            )
            .await;
            prev = hash;
        }
        let report = store::verify(&app.db, key).await.unwrap();
        assert_eq!(
            report.first_broken,
            Some(2),
            "{backend:?}: re-hashed without the key"
        );
    }
}

#[tokio::test]
async fn removing_an_event_breaks_the_chain_and_removing_the_newest_misses_the_checkpoint() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let key = app.store.audit_key();
        for n in 0..4 {
            invite(&app.store, &format!("analyst{n}@example.test")).await;
        }
        unseal(&app.db).await;
        sql(&app.db, "DELETE FROM audit_event WHERE id = 3").await;
        assert_eq!(
            store::verify(&app.db, key).await.unwrap().first_broken,
            Some(3),
            "{backend:?}: a removed event"
        );

        let app = spawn_app(backend).await;
        let key = app.store.audit_key();
        for n in 0..3 {
            invite(&app.store, &format!("analyst{n}@example.test")).await;
        }
        let checkpoint = store::head(&app.db).await.unwrap().expect("a head");
        assert_eq!(checkpoint.id, 3);
        let held = store::verify_against(&app.db, key, &checkpoint)
            .await
            .unwrap();
        assert!(held.is_ok_and(|report| report.is_intact()), "{backend:?}");
        unseal(&app.db).await;
        // The newest event gone: what is left is a chain that verifies on its own …
        sql(&app.db, "DELETE FROM audit_event WHERE id = 3").await;
        let report = store::verify(&app.db, key).await.unwrap();
        assert!(report.is_intact(), "{backend:?}");
        // … but not against the head kept outside the database.
        assert_eq!(
            store::verify_against(&app.db, key, &checkpoint)
                .await
                .unwrap()
                .unwrap_err(),
            store::CheckpointMissed::Gone { events: 2 },
            "{backend:?}"
        );
        // An event whose stored hash was replaced no longer fits either.
        sql(&app.db, "UPDATE audit_event SET hash = 'f00d' WHERE id = 2").await;
        assert_eq!(
            store::verify(&app.db, key).await.unwrap().first_broken,
            Some(2)
        );
    }
}

/// Events written before the chain had a key (plain SHA-256) keep verifying, never re-hashed,
/// as a segment at the start; a plain-hashed event after a keyed one does not fit.
#[tokio::test]
async fn events_from_before_the_key_verify_as_a_legacy_segment_at_the_start_only() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let key = app.store.audit_key();
        let mut prev = app::audit::chain::GENESIS.to_owned();
        for id in 1..=3_i64 {
            let detail = format!("role=analyst invitation={id}");
            let hashed = app::audit::chain::Hashed {
                id,
                occurred_at: 1_700_000_000 + id,
                actor_id: None,
                actor: "cli",
                action: "staff.invited",
                case_id: None,
                target: Some("old@example.test"),
                detail: &detail,
            };
            let hash = app::audit::chain::legacy_hash(&prev, &hashed);
            sql(
                &app.db,
                &format!(
                    "INSERT INTO audit_event (id, occurred_at, actor_id, actor, action, case_id, \
                     target, detail, prev_hash, hash) VALUES ({id}, {}, NULL, 'cli', \
                     'staff.invited', NULL, 'old@example.test', '{detail}', '{prev}', '{hash}')",
                    hashed.occurred_at
                ),
            )
            .await;
            prev = hash;
        }
        invite(&app.store, "new@example.test").await;
        invite(&app.store, "newer@example.test").await;
        let report = store::verify(&app.db, key).await.unwrap();
        assert!(report.is_intact(), "{backend:?}: {report:?}");
        assert_eq!((report.events, report.legacy_events), (5, 3), "{backend:?}");

        // One more plain-hashed event, after the keyed ones: refused.
        let last = store::head(&app.db).await.unwrap().unwrap();
        let hashed = app::audit::chain::Hashed {
            id: 6,
            occurred_at: 1_800_000_000,
            actor_id: None,
            actor: "cli",
            action: "staff.invited",
            case_id: None,
            target: None,
            detail: "",
        };
        let hash = app::audit::chain::legacy_hash(&last.hash, &hashed);
        sql(
            &app.db,
            &format!(
                "INSERT INTO audit_event (id, occurred_at, actor_id, actor, action, case_id, \
                 target, detail, prev_hash, hash) VALUES (6, 1800000000, NULL, 'cli', \
                 'staff.invited', NULL, NULL, '', '{}', '{hash}')",
                last.hash
            ),
        )
        .await;
        let report = store::verify(&app.db, key).await.unwrap();
        assert_eq!(report.first_broken, Some(6), "{backend:?}");
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
        let report = store::verify(&app.db, app.store.audit_key()).await.unwrap();
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

        // The head, as an operator saves it off the machine; the chain holds it.
        let head = portal(&url, &["audit", "head"]);
        assert!(head.status.success());
        let checkpoint = temp_dir("checkpoint").join("head.json");
        std::fs::write(&checkpoint, &head.stdout).unwrap();
        let checkpoint = checkpoint.to_str().unwrap();
        let held = portal(&url, &["audit", "verify", "--checkpoint", checkpoint]);
        assert!(
            held.status.success(),
            "{backend:?}: {}",
            String::from_utf8_lossy(&held.stderr)
        );

        // The newest event deleted: intact on its own, not against the checkpoint.
        unseal(&db).await;
        sql(&db, "DELETE FROM audit_event WHERE id = 2").await;
        assert!(portal(&url, &["audit", "verify"]).status.success());
        let missed = portal(&url, &["audit", "verify", "--checkpoint", checkpoint]);
        assert!(!missed.status.success(), "{backend:?}");
        assert!(
            String::from_utf8_lossy(&missed.stderr)
                .contains("ends at event 1, before the checkpoint's event 2"),
            "{}",
            String::from_utf8_lossy(&missed.stderr)
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
        let events = store::verify(&app.db, app.store.audit_key())
            .await
            .unwrap()
            .events;
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
        let report = store::verify(&app.db, app.store.audit_key()).await.unwrap();
        assert!(report.is_intact());
        assert_eq!(
            report.events,
            events + 2,
            "{backend:?}: only the two actions were added"
        );
    }
}
