//! The `portal` binary itself: start-up errors, the migrate command, graceful shutdown, and
//! what its access log does and does not contain.

use std::{
    io::{BufRead, BufReader},
    net::{IpAddr, Ipv4Addr},
    process::{Child, Command, Stdio},
    sync::mpsc,
    time::Duration,
};

use crate::helpers::{TEST_SECRET, backends, fresh_database, temp_dir};

const BINARY: &str = env!("CARGO_BIN_EXE_portal");

fn portal() -> Command {
    let mut command = Command::new(BINARY);
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default());
    command
}

/// Starts `portal serve` and returns it with its address and a channel of its log lines.
fn serve(database_url: &str) -> (Child, String, mpsc::Receiver<String>) {
    let mut child = portal()
        .env("PORTAL_LISTEN", "127.0.0.1:0")
        .env("DATABASE_URL", database_url)
        .env("PORTAL_DATA_DIR", temp_dir("bin"))
        .env("PORTAL_SECRET_KEY", TEST_SECRET)
        .env("RUST_LOG", "debug")
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("portal starts");
    let (tx, rx) = mpsc::channel();
    for stream in [
        Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
        Box::new(child.stderr.take().unwrap()),
    ] {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
    }
    let mut address = None;
    while address.is_none() {
        let line = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("portal logs its address");
        if line.contains("portal is listening") {
            address = line
                .split("address=")
                .nth(1)
                .map(|a| a.split_whitespace().next().unwrap().to_owned());
        }
    }
    (child, format!("http://{}", address.unwrap()), rx)
}

fn terminate(child: &mut Child) -> std::process::ExitStatus {
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    for _ in 0..100 {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    child.kill().ok();
    panic!("portal did not stop within 10 s of SIGTERM");
}

#[tokio::test]
async fn the_access_log_never_holds_the_client_address_or_user_agent() {
    for backend in backends() {
        let database_url = fresh_database(backend).await;
        let (mut child, address, logs) = serve(&database_url);
        // The client speaks from another loopback address, so its address is distinguishable
        // from the server's own (which the start-up line names).
        let client = reqwest::Client::builder()
            .local_address(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2)))
            .user_agent("PrivacyProbe/9.9 (unique-agent-7f3a)")
            .build()
            .unwrap();
        for path in ["/", "/nl/report", "/no-such-page", "/health"] {
            let response = client
                .get(format!("{address}{path}?search=secret-query-term"))
                .header("x-forwarded-for", "203.0.113.77")
                .header("x-real-ip", "198.51.100.23")
                .send()
                .await
                .unwrap();
            assert!(response.status().as_u16() < 500);
        }
        assert!(
            terminate(&mut child).success(),
            "graceful shutdown exits cleanly"
        );
        let lines: Vec<String> = logs.try_iter().collect();
        let all = lines.join("\n");
        assert!(
            all.contains("/nl/report"),
            "the access log records paths: {all}"
        );
        for secret in [
            "127.0.0.2",
            "unique-agent-7f3a",
            "PrivacyProbe",
            "203.0.113.77",
            "198.51.100.23",
            "secret-query-term",
        ] {
            assert!(
                !all.contains(secret),
                "{backend:?}: the log contains {secret}:\n{all}"
            );
        }
    }
}

/// What a report carries never reaches the log or sits in plain in the database: its
/// addresses, its message, its hashes, the contact detail, the receipt. The portal runs with
/// `RUST_LOG=debug`, as someone debugging a live portal might set it: its own code logs none
/// of these at any level, and other crates (hickory names every host it looks up, reqwest and
/// hyper every request) are capped at warnings.
#[tokio::test]
async fn a_report_leaves_nothing_it_carries_in_the_log_or_in_plain_in_the_database() {
    use sea_orm::{ConnectionTrait, Statement};
    for backend in backends() {
        let database_url = fresh_database(backend).await;
        let (mut child, address, logs) = serve(&database_url);
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let (md5, sha256, pdq) = ("1c".repeat(16), "5e".repeat(32), "9d".repeat(32));
        let draft = serde_json::json!({
            "submission": "00112233445566778899aabbccddeeff",
            "safety": "safe",
            "happened": ["shared_without_consent"],
            "age_band": "from16_to17",
            "country": "NL",
            "reply_language": "en",
            "for_whom": "myself",
            "urls_text": "https://leak-probe-host.example/pictures/leak-probe-path",
            "happened_other": "leak-probe-story",
            "contact_consent": true,
            "contact": "leak-probe-contact@example.org",
            "files": [{
                "kind": "image", "md5": md5, "sha256": sha256, "pdq": pdq,
                "pdq_quality": 100, "dihedral": vec![pdq.clone(); 8], "video_frames": []
            }]
        })
        .to_string();
        let sent = client
            .post(format!("{address}/report"))
            .header("origin", &address)
            .form(&[("step", "check"), ("nav", "submit"), ("draft", &draft)])
            .send()
            .await
            .unwrap();
        assert_eq!(sent.status(), 200, "{backend:?}");
        let html = sent.text().await.unwrap();
        let receipt = crate::reports::receipt_in(&html);
        assert!(receipt.len() >= 20, "{receipt}");
        // Let the hosting lookup on arrival run (and fail: nothing answers DNS here).
        tokio::time::sleep(Duration::from_secs(2)).await;
        assert!(terminate(&mut child).success());
        let all = logs.try_iter().collect::<Vec<_>>().join("\n");
        assert!(all.contains("path=\"/report\""), "the log was read: {all}");

        // What the database holds, as text: SQLite's files byte for byte (with the WAL), and
        // PostgreSQL's rows as JSON.
        let mut stored = String::new();
        match backend {
            crate::helpers::Backend::Sqlite => {
                let file = database_url
                    .trim_start_matches("sqlite://")
                    .split('?')
                    .next()
                    .unwrap()
                    .to_owned();
                for path in [file.clone(), format!("{file}-wal")] {
                    if let Ok(bytes) = std::fs::read(&path) {
                        stored.push_str(&String::from_utf8_lossy(&bytes));
                    }
                }
            }
            crate::helpers::Backend::Postgres => {
                let db = sea_orm::Database::connect(&database_url).await.unwrap();
                for table in [
                    "report",
                    "report_item",
                    "report_message",
                    "session",
                    "job",
                    "resolution",
                ] {
                    let rows = db
                        .query_all_raw(Statement::from_string(
                            db.get_database_backend(),
                            format!("SELECT row_to_json(t)::text AS j FROM {table} t"),
                        ))
                        .await
                        .expect(table);
                    for row in rows {
                        stored.push_str(&row.try_get::<String>("", "j").unwrap());
                        stored.push('\n');
                    }
                }
                db.close().await.ok();
            }
        }
        let plain_receipt = receipt.replace('-', "");
        for (what, secret) in [
            ("host", "leak-probe-host"),
            ("path", "leak-probe-path"),
            ("story", "leak-probe-story"),
            ("contact", "leak-probe-contact"),
            ("MD5", md5.as_str()),
            ("SHA-256", sha256.as_str()),
            ("PDQ", pdq.as_str()),
            ("receipt", receipt.as_str()),
            ("receipt", plain_receipt.as_str()),
        ] {
            assert!(
                !all.contains(secret),
                "{backend:?}: the log holds the {what}:\n{all}"
            );
        }
        for (what, secret) in [
            ("contact", "leak-probe-contact"),
            ("receipt", receipt.as_str()),
            ("receipt", plain_receipt.as_str()),
        ] {
            assert!(
                !stored.contains(secret),
                "{backend:?}: the database holds the {what} in plain"
            );
        }
        assert!(
            stored.contains("leak-probe-host"),
            "the scan read the tables"
        );
    }
}

#[test]
fn production_refuses_to_start_without_its_secret() {
    let output = portal()
        .env("PORTAL_ENV", "production")
        .env("DATABASE_URL", "sqlite::memory:")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("PORTAL_SECRET_KEY is required"), "{stderr}");
}

#[test]
fn migrate_creates_a_fresh_sqlite_database() {
    // A data directory the portal creates itself.
    let dir = temp_dir("migrate").join("data");
    let output = portal()
        .env("PORTAL_DATA_DIR", &dir)
        .arg("migrate")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(dir.join("portal.sqlite").exists());
    assert!(
        dir.join("development-secret.key").exists(),
        "development secret generated"
    );
    // Reports and the secret are readable by the portal's user only.
    use std::os::unix::fs::PermissionsExt;
    let mode =
        |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700, "the data directory");
    for file in ["portal.sqlite", "development-secret.key"] {
        assert_eq!(mode(&dir.join(file)), 0o600, "{file}");
    }
    for suffix in ["-wal", "-shm"] {
        let path = dir.join(format!("portal.sqlite{suffix}"));
        if path.exists() {
            assert_eq!(mode(&path), 0o600, "{suffix}");
        }
    }
    // Running it again is a no-op, not an error.
    let again = portal()
        .env("PORTAL_DATA_DIR", &dir)
        .arg("migrate")
        .output()
        .unwrap();
    assert!(again.status.success());
}
