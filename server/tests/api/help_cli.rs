//! `portal help route`: with an empty data folder and no network, the ranked help services
//! for a situation as one JSON array in the Contract's shape, the reasons worded in the
//! person's language (English where the portal has no such language).

use std::process::Command;

use serde_json::Value;

use crate::helpers::temp_dir;

fn route(args: &[&str]) -> Vec<Value> {
    let empty = temp_dir("help-route");
    let output = Command::new(env!("CARGO_BIN_EXE_portal"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("PORTAL_DATA_DIR", &empty)
        .current_dir(&empty)
        .args(["help", "route"])
        .args(args)
        .output()
        .expect("portal runs");
    assert!(output.status.success(), "{output:?}");
    serde_json::from_slice::<Value>(&output.stdout)
        .expect("one JSON array")
        .as_array()
        .expect("an array")
        .clone()
}

fn ids(rows: &[Value]) -> Vec<&str> {
    rows.iter().map(|r| r["id"].as_str().unwrap()).collect()
}

#[test]
fn a_suicidal_teenager_in_the_netherlands_gets_113_then_112_with_reasons_in_dutch() {
    let rows = route(&[
        "--country",
        "NL",
        "--age",
        "from13_to15",
        "--happened",
        "sextortion",
        "--safety",
        "suicidal",
        "--for",
        "myself",
        "--lang",
        "nl",
        "--at",
        "2026-12-02T21:00:00+01:00",
    ]);
    assert_eq!(
        ids(&rows)[..3],
        ["nl-113-phone", "nl-112-phone", "nl-113-chat"]
    );
    let first = &rows[0];
    for field in [
        "id",
        "organisation_id",
        "name",
        "kind",
        "channel",
        "country",
        "phone",
        "url",
        "open_now",
        "opens_at",
        "languages",
        "verified",
        "reasons",
    ] {
        assert!(first.get(field).is_some(), "{field} missing: {first}");
    }
    assert_eq!(first["kind"], "helpline");
    assert_eq!(first["channel"], "phone");
    assert_eq!(rows[1]["kind"], "emergency");
    let reason = &first["reasons"][0];
    assert_eq!(reason["code"], "suicidal");
    assert_eq!(reason["text"], "Nu praten over gedachten aan zelfdoding");
    assert!(
        rows.iter()
            .all(|r| !r["reasons"].as_array().unwrap().is_empty())
    );
}

#[test]
fn a_french_line_closed_at_night_says_when_it_opens_and_other_languages_get_english() {
    let rows = route(&[
        "--country",
        "FR",
        "--age",
        "from13_to15",
        "--happened",
        "sextortion",
        "--safety",
        "safe",
        "--for",
        "myself",
        "--lang",
        "fr",
        "--at",
        "2026-12-02T03:00:00+01:00",
    ]);
    let line = rows
        .iter()
        .find(|r| r["id"] == "fr-3018-phone")
        .expect("3018 listed");
    assert_eq!(line["open_now"], false);
    assert_eq!(line["opens_at"], "2026-12-02T09:00:00+01:00");
    assert_eq!(
        rows[0]["id"], "tool-take-it-down-web",
        "open now beats closed"
    );
    // No French in the portal yet: the reasons' text is English.
    assert_eq!(line["reasons"][0]["text"], "Helps with what happened");
}

#[test]
fn an_unknown_age_is_refused_with_a_message() {
    let output = Command::new(env!("CARGO_BIN_EXE_portal"))
        .env_clear()
        .args([
            "help",
            "route",
            "--country",
            "NL",
            "--age",
            "fourteen",
            "--safety",
            "safe",
        ])
        .args(["--for", "myself", "--lang", "en"])
        .output()
        .expect("portal runs");
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("--age"), "{said}");
}
