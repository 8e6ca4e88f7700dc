//! Crash safety of the outbox, against the real binary: 200 notices are queued, and the
//! server delivering them is killed (SIGKILL) at random moments 20 times and started again.
//! At the end the SMTP server has every notice at least once, each always under its own one
//! Message-ID, and the repeats are counted: the only repeat allowed is a kill between the
//! mail server's acceptance and the outbox's mark, at most one per job running at the kill.
//! On PostgreSQL two instances deliver at once (a random one is killed each time), and then
//! 200 more notices go out through both with no kill and no repeat at all.

use std::{
    collections::HashMap,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use app::notice::{
    NoticeCategory, NoticeChannel, NoticeInput, NoticeStatus, Notifier, compose,
    outbox::{self, NewNotice},
};
use sea_orm::{DatabaseConnection, TransactionTrait};

use crate::{
    helpers::{Backend, TEST_SECRET, backends, fresh_database, temp_dir},
    smtp_sink::{self, SmtpSink},
};

const NOTICES: usize = 200;
const KILLS: usize = 20;
/// Jobs one instance runs at once (`server::jobs`): the most a kill can leave half-done.
const CONCURRENT: usize = 8;

/// Queues `count` notices, each to its own recipient (so the test tells them apart).
async fn queue(db: &DatabaseConnection, batch: &str, count: usize) {
    let now = app::time::Clock::system().now();
    let txn = db.begin().await.unwrap();
    for i in 0..count {
        let reference = format!("SA-TEST-{batch}-{i:04}");
        let url = format!("https://files.example.test/{batch}/{i}.jpg");
        let composed = compose(&NoticeInput {
            reference: reference.clone(),
            category: NoticeCategory::Ncii,
            urls: vec![url.clone()],
            provider: Some("Example Hosting".to_owned()),
            hosting_country: Some("NL".to_owned()),
            notifier: Notifier {
                name: "Helpline".to_owned(),
                domain: "helpline.test".to_owned(),
                mailbox: "cases@helpline.test".to_owned(),
            },
            issued_at: now,
            deadline: now + 86_400,
            languages: vec!["en".to_owned()],
        });
        outbox::write(
            &txn,
            NewNotice {
                message_id: format!("<{}@helpline.test>", reference.to_ascii_lowercase()),
                reference,
                report_id: 1,
                organisation_id: None,
                provider_id: None,
                provider_name: Some("Example Hosting".to_owned()),
                hosting_country: Some("NL".to_owned()),
                category: NoticeCategory::Ncii,
                channel: NoticeChannel::Email,
                recipient: format!("{batch}-{i}@provider.test"),
                lang: composed.lang,
                subject: composed.subject,
                body: composed.text,
                xarf: composed.xarf.to_string(),
                deadline_at: now + 86_400,
                created_at: now,
                created_by: 1,
                items: vec![(i as i64 + 1, url)],
            },
        )
        .await
        .unwrap();
    }
    txn.commit().await.unwrap();
}

struct Instance {
    database_url: String,
    smtp_url: String,
    dns: String,
    rdap: String,
}

impl Instance {
    fn start(&self) -> Child {
        Command::new(env!("CARGO_BIN_EXE_portal"))
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("PORTAL_LISTEN", "127.0.0.1:0")
            .env("DATABASE_URL", &self.database_url)
            .env("PORTAL_DATA_DIR", temp_dir("crash-data"))
            .env("PORTAL_SECRET_KEY", TEST_SECRET)
            .env("PORTAL_SMTP_URL", &self.smtp_url)
            .env("PORTAL_NOTICE_FROM", "notices@helpline.test")
            // A killed instance's leases run out in two seconds, not five minutes.
            .env("PORTAL_JOB_LEASE_SECONDS", "2")
            .env("PORTAL_DNS_SERVERS", &self.dns)
            .env("PORTAL_RDAP_BOOTSTRAP", &self.rdap)
            .env("RUST_LOG", "error")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("portal starts")
    }
}

async fn undelivered(db: &DatabaseConnection) -> usize {
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    app::notice::entity::notice::Entity::find()
        .filter(app::notice::entity::notice::Column::Status.ne(NoticeStatus::Sent))
        .count(db)
        .await
        .unwrap() as usize
}

/// Waits until every notice is delivered (or a minute passed).
async fn until_delivered(db: &DatabaseConnection) {
    let started = Instant::now();
    while undelivered(db).await > 0 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{} notices still undelivered after a minute",
            undelivered(db).await
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Checks every notice of `batch` reached the sink under its one Message-ID; the repeats.
async fn check(db: &DatabaseConnection, sink: &SmtpSink, batch: &str) -> usize {
    use sea_orm::EntityTrait;
    let notices = app::notice::entity::notice::Entity::find()
        .all(db)
        .await
        .unwrap();
    let mut by_recipient: HashMap<String, Vec<String>> = HashMap::new();
    for mail in sink.received() {
        for to in &mail.recipients {
            by_recipient
                .entry(to.clone())
                .or_default()
                .push(mail.message_id());
        }
    }
    let mut repeats = 0;
    let mut checked = 0;
    for notice in notices.iter().filter(|n| n.recipient.starts_with(batch)) {
        checked += 1;
        assert_eq!(notice.status, NoticeStatus::Sent, "{}", notice.reference);
        let ids = by_recipient
            .get(&notice.recipient)
            .unwrap_or_else(|| panic!("{} never reached the mail server", notice.reference));
        assert!(
            ids.iter().all(|id| *id == notice.message_id),
            "{} went out under another Message-ID: {ids:?}",
            notice.reference
        );
        repeats += ids.len() - 1;
    }
    assert_eq!(checked, NOTICES, "{batch}");
    repeats
}

async fn crash_run(backend: Backend, instances: usize) {
    let database_url = fresh_database(backend).await;
    let db = server::db::connect_url(&database_url).await.unwrap();
    server::db::migrate(&db).await.unwrap();
    queue(&db, "crash", NOTICES).await;
    // The mail server takes 30 ms to answer each MAIL: a batch lasts long enough to be killed in.
    let sink = smtp_sink::start(Duration::from_millis(30)).await;
    let (dns, rdap) = crate::hosting_servers::shared().await;
    let instance = Instance {
        database_url: database_url.clone(),
        smtp_url: sink.url(),
        dns,
        rdap,
    };
    let mut running: Vec<Child> = (0..instances).map(|_| instance.start()).collect();
    let started = Instant::now();
    let mut kills = 0;
    while kills < KILLS && undelivered(&db).await > 0 {
        // Kill only while it delivers: once the mail server got something new.
        let before = sink.count();
        let waiting = Instant::now();
        while sink.count() == before && waiting.elapsed() < Duration::from_secs(15) {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        if sink.count() == before {
            // Nothing was being delivered: no kill to count (the batch may be done).
            break;
        }
        tokio::time::sleep(Duration::from_millis(rand::random_range(0..60))).await;
        let victim = rand::random_range(0..running.len());
        running[victim].kill().expect("SIGKILL");
        running[victim].wait().unwrap();
        kills += 1;
        running[victim] = instance.start();
    }
    until_delivered(&db).await;
    let repeats = check(&db, &sink, "crash").await;
    println!(
        "crash test ({backend:?}, {instances} instance(s)): {NOTICES} notices, {kills} kills, \
         {} messages received, {repeats} repeats of a Message-ID, {:.1} s",
        sink.count(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        kills >= KILLS / 2,
        "{backend:?}: only {kills} kills landed mid-batch"
    );
    assert!(
        repeats <= kills * CONCURRENT,
        "{backend:?}: {repeats} repeats for {kills} kills"
    );

    if instances > 1 {
        // No kill: two instances share 200 more notices, and none goes out twice.
        queue(&db, "shared", NOTICES).await;
        until_delivered(&db).await;
        let repeats = check(&db, &sink, "shared").await;
        assert_eq!(
            repeats, 0,
            "{backend:?}: a notice was sent by both instances"
        );
        println!("two instances at once, no kill: {NOTICES} notices, 0 repeats");
    }
    for mut child in running {
        child.kill().ok();
        child.wait().ok();
    }
}

#[tokio::test]
async fn notices_survive_twenty_kills_of_the_server_and_keep_one_message_id_each() {
    for backend in backends() {
        crash_run(backend, 1).await;
        if backend == Backend::Postgres {
            crash_run(backend, 2).await;
        }
    }
}
