//! The job runner (`server::jobs`) on a real database: jobs enqueued in a transaction exist
//! only if it commits, failures are retried on the clock's time and end dead, periodic jobs
//! come back, and two runners on one database run every job exactly once.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use app::{
    audit::chain::ChainKey,
    db::Db,
    jobs::{self, JobStatus, NewJob},
    time::Clock,
};
use sea_orm::DatabaseConnection;
use server::jobs::{Done, Failed, Runner};

use crate::helpers::{Backend, backends, fresh_database, spawn_app_at};

const START: i64 = 1_795_392_000;

/// A migrated database with no server (so no runner but the test's), on a manual clock.
async fn database(backend: Backend) -> (String, DatabaseConnection, Db) {
    let url = fresh_database(backend).await;
    let db = server::db::connect_url(&url).await.expect("connect");
    server::db::migrate(&db).await.expect("migrate");
    let writer = server::db::writer(&db, &url).await.expect("writer");
    let store = Db::new(
        db.clone(),
        writer.connection().clone(),
        Clock::manual(START),
        ChainKey::derive(&[3; 32]),
    );
    (url, db, store)
}

#[tokio::test]
async fn a_job_enqueued_in_a_rolled_back_transaction_does_not_exist() {
    for backend in backends() {
        let (_, db, store) = database(backend).await;
        let txn = store.begin().await.unwrap();
        jobs::enqueue(&txn, NewJob::new("test_kept", (), START), START)
            .await
            .unwrap();
        txn.commit().await.unwrap();
        let txn = store.begin().await.unwrap();
        jobs::enqueue(&txn, NewJob::new("test_dropped", (), START), START)
            .await
            .unwrap();
        txn.rollback().await.unwrap();
        let kinds: Vec<String> = jobs::pending(&db)
            .await
            .unwrap()
            .into_iter()
            .map(|j| j.kind)
            .collect();
        assert_eq!(kinds, ["test_kept"], "{backend:?}");
    }
}

#[tokio::test]
async fn a_failing_job_is_retried_on_the_clock_and_then_left_dead() {
    for backend in backends() {
        let (_, db, store) = database(backend).await;
        let runs = Arc::new(Mutex::new(0));
        let counted = runs.clone();
        let runner = Runner::new(store.clone()).handle("test_fail", move |_, _| {
            let counted = counted.clone();
            async move {
                *counted.lock().unwrap() += 1;
                Err::<Done, _>(Failed("boom"))
            }
        });
        let mut job = NewJob::new("test_fail", serde_json::json!({"n": 1}), START);
        job.max_attempts = 3;
        jobs::enqueue(store.write(), job, START).await.unwrap();

        assert_eq!(runner.run_due().await.unwrap(), 1);
        // Not again before its backoff (30 s) has passed: time moves only when told.
        assert_eq!(runner.run_due().await.unwrap(), 0);
        store.clock().advance(29);
        assert_eq!(runner.run_due().await.unwrap(), 0);
        store.clock().advance(1);
        assert_eq!(runner.run_due().await.unwrap(), 1);
        store.clock().advance(60);
        assert_eq!(runner.run_due().await.unwrap(), 1);
        store.clock().advance(86_400);
        assert_eq!(
            runner.run_due().await.unwrap(),
            0,
            "a dead job never runs by itself"
        );
        assert_eq!(*runs.lock().unwrap(), 3);

        let dead = jobs::dead(&db, 10).await.unwrap();
        assert_eq!(dead.len(), 1, "{backend:?}");
        assert_eq!(dead[0].status, JobStatus::Dead);
        assert_eq!(dead[0].attempts, 3);
        assert_eq!(dead[0].last_error.as_deref(), Some("boom"));
        assert!(jobs::pending(&db).await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn a_dead_periodic_job_does_not_block_its_next_run() {
    for backend in backends() {
        let (_, db, store) = database(backend).await;
        let runner = Runner::new(store.clone()).handle("test_periodic", |_, _| async {
            Err::<Done, _>(Failed("boom"))
        });
        let mut job = NewJob::singleton("test_periodic", START);
        job.max_attempts = 1;
        jobs::enqueue(store.write(), job.clone(), START)
            .await
            .unwrap();
        // A second one while the first is queued is not added.
        jobs::enqueue(store.write(), job.clone(), START)
            .await
            .unwrap();
        assert_eq!(jobs::pending(&db).await.unwrap().len(), 1, "{backend:?}");
        assert_eq!(runner.run_due().await.unwrap(), 1);
        assert_eq!(jobs::dead(&db, 10).await.unwrap().len(), 1);
        // Dead, it gives its key up: the next period's job is enqueued and runs.
        jobs::enqueue(store.write(), job, START).await.unwrap();
        assert_eq!(jobs::pending(&db).await.unwrap().len(), 1, "{backend:?}");
        assert_eq!(runner.run_due().await.unwrap(), 1);
        assert_eq!(jobs::dead(&db, 10).await.unwrap().len(), 2, "{backend:?}");
    }
}

#[tokio::test]
async fn a_job_whose_runner_died_is_taken_over_when_its_lease_runs_out() {
    for backend in backends() {
        let (_, _db, store) = database(backend).await;
        // A runner that never finishes its job (it "crashed" holding the lease).
        let stuck = Runner::new(store.clone()).handle("test_once", |_, _| std::future::pending());
        let ran = Arc::new(Mutex::new(0));
        let counted = ran.clone();
        let healthy = Runner::new(store.clone()).handle("test_once", move |_, _| {
            let counted = counted.clone();
            async move {
                *counted.lock().unwrap() += 1;
                Ok(Done::Finished)
            }
        });
        jobs::enqueue(store.write(), NewJob::new("test_once", (), START), START)
            .await
            .unwrap();
        let crashed = tokio::spawn(async move { stuck.run_due().await });
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        crashed.abort();
        assert_eq!(
            healthy.run_due().await.unwrap(),
            0,
            "leased by the other runner"
        );
        store.clock().advance(301);
        assert_eq!(healthy.run_due().await.unwrap(), 1);
        assert_eq!(*ran.lock().unwrap(), 1, "{backend:?}");
    }
}

#[tokio::test]
async fn two_runners_on_one_database_run_every_job_exactly_once() {
    const JOBS: i64 = 200;
    for backend in backends() {
        let (url, _db, store) = database(backend).await;
        for n in 0..JOBS {
            jobs::enqueue(store.write(), NewJob::new("test_count", n, START), START)
                .await
                .unwrap();
        }
        let runs: Arc<Mutex<HashMap<i64, u32>>> = Arc::default();
        // Two instances: on PostgreSQL each with its own pool, as two servers would be.
        let second = match backend {
            Backend::Postgres => {
                let pool = server::db::connect_url(&url).await.unwrap();
                Db::new(
                    pool.clone(),
                    pool,
                    store.clock().clone(),
                    store.audit_key().clone(),
                )
            }
            Backend::Sqlite => store.clone(),
        };
        let runner = |db: Db| {
            let runs = runs.clone();
            Runner::new(db).handle("test_count", move |_, payload| {
                let runs = runs.clone();
                async move {
                    let n = payload.as_i64().unwrap_or(-1);
                    *runs.lock().unwrap().entry(n).or_default() += 1;
                    tokio::task::yield_now().await;
                    Ok(Done::Finished)
                }
            })
        };
        let (a, b) = (runner(store.clone()), runner(second));
        let (ran_a, ran_b) = tokio::join!(
            async {
                let mut total = 0;
                while let Ok(n @ 1..) = a.run_due().await {
                    total += n;
                }
                total
            },
            async {
                let mut total = 0;
                while let Ok(n @ 1..) = b.run_due().await {
                    total += n;
                }
                total
            }
        );
        let runs = runs.lock().unwrap();
        assert_eq!(ran_a + ran_b, JOBS as usize, "{backend:?}");
        assert_eq!(runs.len(), JOBS as usize, "{backend:?}");
        assert!(
            runs.values().all(|&count| count == 1),
            "{backend:?}: {runs:?}"
        );
        if backend == Backend::Postgres {
            assert!(
                ran_a > 0 && ran_b > 0,
                "both instances took jobs: {ran_a} and {ran_b}"
            );
        }
    }
}

#[tokio::test]
async fn retention_is_a_periodic_job_that_deletes_closed_reports_when_their_time_comes() {
    for backend in backends() {
        let clock = Clock::manual(START);
        let app = spawn_app_at(backend, &[], clock.clone()).await;
        let (_, case_id) = crate::cases::report(&app, serde_json::json!({})).await;
        app::report::store::close_report(&app.db, case_id, clock.now())
            .await
            .unwrap();
        let retention = || async {
            jobs::pending(&app.db)
                .await
                .unwrap()
                .into_iter()
                .find(|job| job.kind == jobs::kind::DELETE_CLOSED_REPORTS)
                .expect("retention is always scheduled")
        };
        // The first run (due at start) deletes nothing: the report was closed just now.
        app.jobs.run_due().await.unwrap();
        assert!(
            app::report::store::find(&app.db, case_id)
                .await
                .unwrap()
                .is_some()
        );

        clock.advance(181 * 86_400);
        // The server's own runner (it polls every second) may hold the job this moment:
        // run until it is done, a few seconds at most.
        let mut gone = false;
        for _ in 0..50 {
            app.jobs.run_due().await.unwrap();
            gone = app::report::store::find(&app.db, case_id)
                .await
                .unwrap()
                .is_none();
            if gone {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert!(gone, "{backend:?}: deleted 180 days after closing");
        let next = retention().await;
        assert_eq!(next.status, JobStatus::Queued);
        assert_eq!(next.run_at, clock.now() + 3600, "and due again in an hour");
    }
}
