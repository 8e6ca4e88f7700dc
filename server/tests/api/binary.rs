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
    let dir = temp_dir("migrate");
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
    // Running it again is a no-op, not an error.
    let again = portal()
        .env("PORTAL_DATA_DIR", &dir)
        .arg("migrate")
        .output()
        .unwrap();
    assert!(again.status.success());
}
