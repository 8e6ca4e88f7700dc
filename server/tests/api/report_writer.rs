//! Group commit for new reports (`app::report::writer`) on a real database file: many
//! reports at once, the same form twice at once, and a report that cannot be stored among
//! others that can.

use std::{collections::HashSet, time::Duration};

use app::report::{
    AgeBand, Draft, Receipt, ReportKeys, Safety,
    entity::{item, report},
    store::{self, NewReport, Stored},
    writer::{ReportWriter, WriterError},
};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait, QuerySelect};
use tokio::task::JoinSet;

use crate::helpers::{Backend, backends, fresh_database};

/// A migrated database, its reading pool and the writer the portal would use with it.
async fn database(backend: Backend) -> (DatabaseConnection, ReportWriter) {
    let url = fresh_database(backend).await;
    let db = server::db::connect_url(&url).await.expect("connect");
    server::db::migrate(&db).await.expect("migrate");
    let writer = server::db::writer(&db, &url).await.expect("writer");
    (db, writer)
}

fn keys() -> ReportKeys {
    ReportKeys::derive(&[7; 32])
}

/// A report with two addresses and the receipt of `receipt_of`'s submission (normally its
/// own).
fn report_with_receipt(submission: &str, receipt_of: &str) -> NewReport {
    let keys = keys();
    let draft = Draft {
        submission: submission.to_owned(),
        country: "NL".into(),
        reply_language: "en".into(),
        safety: Some(Safety::Safe),
        age_band: Some(AgeBand::NotSaid),
        ..Draft::default()
    };
    let urls = [
        format!("https://example.com/{submission}"),
        "https://example.org/same".to_owned(),
    ];
    let receipt = Receipt::for_submission(&keys.submission, receipt_of);
    NewReport::new(&keys, &draft, &urls, &receipt, 1_795_392_000).expect("a complete draft")
}

fn new_report(submission: &str) -> NewReport {
    report_with_receipt(submission, submission)
}

fn submission(n: usize) -> String {
    format!("{n:032x}")
}

async fn counts(db: &DatabaseConnection) -> (u64, u64) {
    (
        report::Entity::find().count(db).await.unwrap(),
        item::Entity::find().count(db).await.unwrap(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_reports_at_once_are_each_stored_once() {
    for backend in backends() {
        let (db, writer) = database(backend).await;
        let mut sending = JoinSet::new();
        for n in 0..300 {
            let writer = writer.clone();
            sending.spawn(async move { writer.insert(new_report(&submission(n))).await });
        }
        let mut ids = HashSet::new();
        for answer in sending.join_all().await {
            match answer {
                Ok(Stored::Created(id)) => assert!(ids.insert(id), "{backend:?}: id {id} twice"),
                other => panic!("{backend:?}: {other:?}"),
            }
        }
        assert_eq!(counts(&db).await, (300, 600), "{backend:?}");
        let receipt_keys: Vec<String> = report::Entity::find()
            .select_only()
            .column(report::Column::ReceiptKey)
            .into_tuple()
            .all(&db)
            .await
            .unwrap();
        let distinct: HashSet<_> = receipt_keys.iter().collect();
        assert_eq!(distinct.len(), 300, "{backend:?}: one receipt per report");
        // 600 addresses on two hosts: lookups of those two hosts, queued with the reports
        // (at most one per host and transaction; the job skips a host resolved recently).
        let jobs: Vec<_> = app::jobs::pending(&db)
            .await
            .unwrap()
            .into_iter()
            .filter(|job| job.kind == app::jobs::kind::RESOLVE_HOSTING)
            .collect();
        let hosts: std::collections::BTreeSet<String> = jobs
            .iter()
            .map(|job| {
                serde_json::from_str::<serde_json::Value>(&job.payload).unwrap()["host"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        assert_eq!(
            hosts.into_iter().collect::<Vec<_>>(),
            ["example.com", "example.org"],
            "{backend:?}"
        );
        assert!(jobs.len() <= 600, "{backend:?}: {}", jobs.len());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_form_sent_twice_at_once_makes_one_report() {
    for backend in backends() {
        let (db, writer) = database(backend).await;
        let mut sending = JoinSet::new();
        for n in 0..50 {
            let writer = writer.clone();
            sending.spawn(async move {
                let (first, second) = tokio::join!(
                    writer.insert(new_report(&submission(n))),
                    writer.insert(new_report(&submission(n))),
                );
                (first.expect("stored"), second.expect("stored"))
            });
        }
        for answers in sending.join_all().await {
            let (created, sent_before) = match answers {
                (Stored::Created(id), Stored::AlreadySent { created_at })
                | (Stored::AlreadySent { created_at }, Stored::Created(id)) => (id, created_at),
                other => panic!("{backend:?}: {other:?}"),
            };
            let stored = store::find(&db, created)
                .await
                .unwrap()
                .expect("the report");
            assert_eq!(stored.created_at, sent_before, "{backend:?}");
        }
        assert_eq!(counts(&db).await, (50, 100), "{backend:?}");
    }
}

#[tokio::test]
async fn within_one_batch_a_second_report_with_the_same_key_was_sent_before() {
    for backend in backends() {
        let (db, writer) = database(backend).await;
        let batch = [new_report("a"), new_report("b"), new_report("a")];
        let stored = store::insert_reports(writer.connection(), &batch)
            .await
            .unwrap();
        let (Stored::Created(a), Stored::Created(_)) = (stored[0], stored[1]) else {
            panic!("{backend:?}: {stored:?}");
        };
        let a_at = store::find(&db, a).await.unwrap().unwrap().created_at;
        assert_eq!(stored[2], Stored::AlreadySent { created_at: a_at });
        // And in a later batch, after the commit.
        let again = store::insert_reports(writer.connection(), &[new_report("a")])
            .await
            .unwrap();
        assert_eq!(again, [Stored::AlreadySent { created_at: a_at }]);
        assert_eq!(counts(&db).await, (2, 4), "{backend:?}");
    }
}

/// The report that fails carries the receipt of a report stored before, under a new
/// submission key: the unique index on receipt keys keeps it out. The report flow cannot
/// send one (a receipt is made from its own submission key), and no other way was found to
/// make one report fail on its own in SQLite; but it is the database that refuses it, as it
/// would any other report that cannot be stored.
#[tokio::test]
async fn a_report_that_cannot_be_stored_does_not_sink_its_batch() {
    for backend in backends() {
        let (db, writer) = database(backend).await;
        let earlier = writer.insert(new_report("earlier")).await.unwrap();
        assert!(matches!(earlier, Stored::Created(_)));
        let bad = || report_with_receipt("bad", "earlier");

        // Together in one transaction, the bad one fails them all.
        let batch = [new_report("one"), bad(), new_report("two")];
        assert!(
            store::insert_reports(writer.connection(), &batch)
                .await
                .is_err()
        );
        assert_eq!(
            counts(&db).await,
            (1, 2),
            "{backend:?}: nothing of the batch stored"
        );

        // Through the writer each gets its own answer. On this single-threaded test runtime
        // the three are all queued before the writer task runs, so on SQLite they make one
        // batch, which fails and is retried report by report.
        let (one, failed, two) = tokio::join!(
            writer.insert(new_report("one")),
            writer.insert(bad()),
            writer.insert(new_report("two")),
        );
        assert!(
            matches!(one, Ok(Stored::Created(_))),
            "{backend:?}: {one:?}"
        );
        assert!(
            matches!(two, Ok(Stored::Created(_))),
            "{backend:?}: {two:?}"
        );
        assert!(
            matches!(failed, Err(WriterError::Db(_))),
            "{backend:?}: {failed:?}"
        );
        assert_eq!(counts(&db).await, (3, 6), "{backend:?}");
    }
}

#[tokio::test]
async fn a_report_gets_an_error_not_a_wait_when_the_database_is_gone() {
    let (_db, writer) = database(Backend::Sqlite).await;
    writer.connection().close_by_ref().await.unwrap();
    let answer = tokio::time::timeout(
        Duration::from_secs(10),
        writer.insert(new_report("after-close")),
    )
    .await
    .expect("an answer, not a wait");
    assert!(matches!(answer, Err(WriterError::Db(_))), "{answer:?}");
}

/// Another process (the `portal` command line) holds SQLite's write lock when a batch
/// arrives: the batch waits and is written whole, instead of being split into reports that
/// each fail on the same lock. The writer's connection here has no busy timeout, so SQLite
/// refuses at once and only the writer's own retry can save the batch.
#[tokio::test]
async fn a_batch_refused_by_a_busy_database_is_tried_once_more() {
    use sea_orm::{ConnectOptions, ConnectionTrait, Database};
    let url = fresh_database(Backend::Sqlite).await;
    let db = server::db::connect_url(&url).await.unwrap();
    server::db::migrate(&db).await.unwrap();
    let mut options = ConnectOptions::new(url.clone());
    options
        .max_connections(1)
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|opts| opts.busy_timeout(Duration::ZERO));
    let writer = ReportWriter::start(Database::connect(options).await.unwrap());

    // The other process: a second connection that takes the write lock and holds it 10 ms.
    let mut one_connection = ConnectOptions::new(url.clone());
    one_connection.max_connections(1).sqlx_logging(false);
    let other = Database::connect(one_connection).await.unwrap();
    other.execute_unprepared("BEGIN IMMEDIATE").await.unwrap();
    let release = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(10)).await;
        other.execute_unprepared("COMMIT").await.unwrap();
        other
    });
    let (one, two) = tokio::join!(
        writer.insert(new_report("busy-one")),
        writer.insert(new_report("busy-two")),
    );
    release.await.unwrap();
    assert!(matches!(one, Ok(Stored::Created(_))), "{one:?}");
    assert!(matches!(two, Ok(Stored::Created(_))), "{two:?}");
    assert_eq!(counts(&db).await, (2, 4));
}

/// Retention deletes closed reports a chunk at a time through the writer's connection: one
/// chunk never deletes more than its limit, a run goes on until none are left, and reports
/// sent while it runs are stored between its chunks (on SQLite they share the connection, so
/// one long delete would hold every submission until it ended).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retention_deletes_in_chunks_and_reports_are_stored_in_between() {
    use app::{audit::chain::ChainKey, db::Db, time::Clock};
    use sea_orm::{ConnectionTrait, Statement};
    use server::jobs::delete_closed_reports as retention;

    for backend in backends() {
        let (db, writer) = database(backend).await;
        let mut sending = JoinSet::new();
        for n in 0..450 {
            let writer = writer.clone();
            sending.spawn(async move { writer.insert(new_report(&submission(n))).await });
        }
        for answer in sending.join_all().await {
            assert!(matches!(answer, Ok(Stored::Created(_))), "{answer:?}");
        }
        let closed_long_ago = Statement::from_string(
            db.get_database_backend(),
            "UPDATE report SET closed_at = 1000",
        );
        writer
            .connection()
            .execute_raw(closed_long_ago)
            .await
            .unwrap();
        let day = 86_400;
        let now = 1000 + 40 * day;

        // One chunk: at most its limit, the oldest first.
        let deleted = store::delete_closed_before(writer.connection(), now - 30 * day, 200)
            .await
            .unwrap();
        assert_eq!(deleted, 200, "{backend:?}");
        assert_eq!(counts(&db).await, (250, 500), "{backend:?}");

        // The rest in one run, with new (open) reports arriving meanwhile.
        let store = Db::new(
            db.clone(),
            writer.connection().clone(),
            Clock::system(),
            ChainKey::derive(&[7; 32]),
        );
        let running = tokio::spawn(async move { retention::run_once(&store, 30, now).await });
        let mut arriving = JoinSet::new();
        for n in 1000..1020 {
            let writer = writer.clone();
            arriving.spawn(async move { writer.insert(new_report(&submission(n))).await });
        }
        for answer in arriving.join_all().await {
            assert!(
                matches!(answer, Ok(Stored::Created(_))),
                "{backend:?}: {answer:?}"
            );
        }
        assert_eq!(running.await.unwrap().unwrap(), 250, "{backend:?}");
        // Only the new reports are left, with their items; nothing half-deleted.
        assert_eq!(counts(&db).await, (20, 40), "{backend:?}");
    }
}
