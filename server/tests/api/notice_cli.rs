//! `portal notice render`: with an empty data folder and no network, it prints the notice
//! as it would be sent (subject, text, X-ARF JSON), in the provider's language or the one
//! asked for, English when that has no template (said on stderr), and sends nothing.

use std::process::{Command, Output};

use serde_json::Value;

use crate::helpers::temp_dir;

fn render(args: &[&str]) -> Output {
    let empty = temp_dir("notice-render");
    Command::new(env!("CARGO_BIN_EXE_portal"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("PORTAL_DATA_DIR", &empty)
        .env("PORTAL_NOTIFIER_NAME", "Helpwanted")
        .env("PORTAL_NOTICE_FROM", "cases@helpwanted.example")
        // Any lookup would fail here: nothing may need the network.
        .env("PORTAL_DNS_SERVERS", "127.0.0.1:9")
        .current_dir(&empty)
        .arg("notice")
        .arg("render")
        .args(args)
        .output()
        .expect("portal runs")
}

fn json(output: &Output) -> Value {
    assert!(output.status.success(), "{output:?}");
    serde_json::from_slice(&output.stdout).expect("one JSON object")
}

#[test]
fn a_dutch_hosted_csam_notice_renders_with_its_grounds_and_xarf() {
    let output = render(&[
        "--url",
        "https://files.example.nl/a.jpg",
        "--category",
        "csam",
        "--provider",
        "leaseweb",
        "--country",
        "NL",
        "--lang",
        "nl",
        "--at",
        "2026-12-02T12:00:00Z",
        "--format",
        "json",
    ]);
    let notice = json(&output);
    let text = notice["text"].as_str().unwrap();
    assert!(
        notice["subject"]
            .as_str()
            .unwrap()
            .starts_with("Melding onder artikel 16 DSA")
    );
    for part in [
        "https://files.example.nl/a.jpg",
        "Directive 2011/93/EU",
        "art. 252 Wetboek van Strafrecht",
        "art. 16, lid 2, onder c",
        "te goeder trouw",
        "uiterlijk op 2026-12-03 12:00 UTC",
        "cases@helpwanted.example",
        "Engelse tekst van deze melding",
        "To the team that handles notices at Leaseweb",
    ] {
        assert!(text.contains(part), "{part}:\n{text}");
    }
    let xarf = &notice["xarf"];
    assert_eq!(xarf["Version"], "3");
    assert_eq!(xarf["Disclosure"], false);
    assert_eq!(xarf["ReporterInfo"]["ReporterOrg"], "Helpwanted");
    assert_eq!(xarf["Report"]["ReportType"], "ChildAbuse");
    assert_eq!(
        xarf["Report"]["SourceUrl"],
        "https://files.example.nl/a.jpg"
    );
    assert_eq!(
        (
            &xarf["Custom"]["DsaCategory"],
            &xarf["Custom"]["DsaKeyword"]
        ),
        (
            &Value::from("STATEMENT_CATEGORY_PROTECTION_OF_MINORS"),
            &Value::from("KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL")
        )
    );
    assert_eq!(xarf["Custom"]["Deadline"], "2026-12-03T12:00:00Z");
    // The same notice twice is the same notice: what an analyst reviews is what is sent.
    assert_eq!(
        json(&render(&[
            "--url",
            "https://files.example.nl/a.jpg",
            "--category",
            "csam",
            "--provider",
            "leaseweb",
            "--country",
            "NL",
            "--lang",
            "nl",
            "--at",
            "2026-12-02T12:00:00Z",
            "--format",
            "json",
        ])),
        notice
    );
}

#[test]
fn a_german_hosted_intimate_image_notice_is_in_the_providers_language() {
    let output = render(&[
        "--url",
        "https://files.hosted-de.net/f/2.jpg",
        "--category",
        "ncii",
        "--provider",
        "hetzner",
        "--at",
        "2026-12-02T12:00:00Z",
    ]);
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with("Subject: Meldung nach Artikel 16 DSA"),
        "{stdout}"
    );
    assert!(stdout.contains("§ 201a StGB") && stdout.contains("Helpwanted (helpwanted.example)"));
    // The text, then the X-ARF object last.
    let xarf: Value = serde_json::from_str(&stdout[stdout.find("\n{").unwrap()..]).unwrap();
    assert_eq!(xarf["Report"]["ReportType"], "Harassment");
    assert_eq!(
        xarf["Custom"]["DsaKeyword"],
        "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("de template awaits review by a native speaker"),
        "{stderr}"
    );
}

#[test]
fn a_language_without_a_template_gives_english_and_bad_input_exits_2() {
    let output = render(&[
        "--url",
        "https://example.es/x",
        "--category",
        "ai",
        "--lang",
        "es",
        "--format",
        "json",
    ]);
    let notice = json(&output);
    assert!(
        notice["subject"]
            .as_str()
            .unwrap()
            .starts_with("Notice under Article 16 DSA")
    );
    assert!(
        notice["xarf"]["Custom"]["DsaKeyword"]
            .as_str()
            .unwrap()
            .ends_with("_DEEPFAKE")
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("no complete notice template for \"es\""),
        "{stderr}"
    );

    for bad in [
        &["--url", "https://example.es/x", "--category", "porn"][..],
        &["--url", "not a url", "--category", "csam"][..],
        &[
            "--url",
            "https://example.es/x",
            "--category",
            "csam",
            "--provider",
            "nobody",
        ][..],
    ] {
        assert_eq!(render(bad).status.code(), Some(2), "{bad:?}");
    }
}
