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
