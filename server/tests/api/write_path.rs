//! One write path (`app::db::Db`): staff actions while a burst of reports pours in are all
//! saved at the first attempt, with no retry on "database is locked" anywhere, and the audit
//! chain stays whole.

use std::sync::Arc;

use app::{
    audit::store as audit,
    case::{
        entity::note,
        service::{self as case_service, CaseAction},
    },
    staff::{
        Role,
        service::{self, Identity, Invitee, SignIn},
    },
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use tokio::task::JoinSet;

use crate::helpers::{backends, spawn_app_with};

const REPORTS: usize = 400;
const STAFF_ACTIONS: usize = 200;

#[tokio::test]
async fn two_hundred_staff_actions_during_a_burst_of_reports_are_all_saved() {
    for backend in backends() {
        // No proof of work for this burst: every report comes from the same loopback client.
        let app = Arc::new(
            spawn_app_with(
                backend,
                &[("PORTAL_REPORTS_PER_CLIENT", "1000000".to_owned())],
            )
            .await,
        );
        let (_, case_id) = crate::cases::report(&app, serde_json::json!({})).await;
        service::invite(
            &app.store,
            None,
            Invitee::email("analyst@example.test").unwrap(),
            Role::Analyst,
            None,
        )
        .await
        .unwrap();
        let identity = Identity {
            issuer: "https://idp.example.test".into(),
            subject: "analyst".into(),
            verified_email: Some("analyst@example.test".into()),
            name: Some("Analyst".into()),
        };
        let SignIn::Welcome(analyst) = service::sign_in(&app.store, &identity).await.unwrap()
        else {
            panic!("the invited analyst is refused");
        };
        let events_before = audit::verify(&app.db, app.store.audit_key())
            .await
            .unwrap()
            .events;

        let mut burst = JoinSet::new();
        for _ in 0..20 {
            let app = app.clone();
            burst.spawn(async move {
                for _ in 0..REPORTS / 20 {
                    crate::cases::report(&app, serde_json::json!({})).await;
                }
            });
        }
        let mut staff = JoinSet::new();
        for task in 0..10 {
            let (store, analyst) = (app.store.clone(), analyst.clone());
            staff.spawn(async move {
                let mut failed = Vec::new();
                for n in 0..STAFF_ACTIONS / 10 {
                    let note = CaseAction::Note(format!("note {task}-{n}"));
                    if let Err(error) = case_service::act(&store, &analyst, case_id, note).await {
                        failed.push(error.to_string());
                    }
                }
                failed
            });
        }
        let failed: Vec<String> = staff.join_all().await.into_iter().flatten().collect();
        burst.join_all().await;

        assert!(
            failed.is_empty(),
            "{backend:?}: {} failed: {failed:?}",
            failed.len()
        );
        let notes = note::Entity::find()
            .filter(note::Column::ReportId.eq(case_id))
            .count(&app.db)
            .await
            .unwrap();
        assert_eq!(notes, STAFF_ACTIONS as u64, "{backend:?}");
        let chain = audit::verify(&app.db, app.store.audit_key()).await.unwrap();
        assert!(chain.is_intact(), "{backend:?}: {chain:?}");
        assert_eq!(
            chain.events,
            events_before + STAFF_ACTIONS as u64,
            "{backend:?}"
        );
        let reports = app::report::entity::report::Entity::find()
            .count(&app.db)
            .await
            .unwrap();
        assert_eq!(reports, REPORTS as u64 + 1, "{backend:?}");
    }
}
