//! The platform API (`/api/v1`) end to end: keys, scopes, lists and revocation, matching,
//! the change feed with its tombstones, feedback and disputes, rate limits, and webhooks
//! (signature, retry, a withdrawal reaching the platform within a minute), on SQLite and
//! PostgreSQL, against a webhook receiver on loopback.

use std::sync::{Arc, Mutex};

use app::hash_list::{HashList, Scope, platform};
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

use crate::{
    helpers::{Backend, TestApp, backends, spawn_app_at},
    reports::{follow_up_page, post, receipt_for, signed_in_reporter},
};

const START: i64 = 1_796_000_000;

async fn app(backend: Backend) -> TestApp {
    spawn_app_at(backend, &[], app::time::Clock::manual(START)).await
}

async fn key(app: &TestApp, name: &str, scopes: &[Scope], lists: &[HashList]) -> String {
    platform::create(
        app.store.write(),
        platform::NewPlatform::new(name, scopes, lists),
        app.store.now(),
    )
    .await
    .expect("platform created")
    .key
}

async fn call(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    key: Option<&str>,
    body: Option<Value>,
) -> (u16, Value) {
    let mut request = app
        .client
        .request(method, format!("{}/api/v1{path}", app.address));
    if let Some(key) = key {
        request = request.bearer_auth(key);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.expect("API call");
    let status = response.status().as_u16();
    let json = response.json().await.unwrap_or(Value::Null);
    (status, json)
}

async fn get(app: &TestApp, path: &str, key: &str) -> (u16, Value) {
    call(app, reqwest::Method::GET, path, Some(key), None).await
}

async fn post_json(app: &TestApp, path: &str, key: &str, body: Value) -> (u16, Value) {
    call(app, reqwest::Method::POST, path, Some(key), Some(body)).await
}

/// A report's draft with these files (PDQ hashes), by a 16-year-old: the `csam` list.
fn draft_with(submission: &str, pdqs: &[String], age: &str) -> String {
    let files: Vec<Value> = pdqs
        .iter()
        .enumerate()
        .map(|(i, pdq)| {
            json!({
                "kind": "image",
                "md5": format!("{i:032x}"),
                "sha256": format!("{:064x}", i + 1000 + submission.len()),
                "pdq": pdq, "pdq_quality": 90, "dihedral": [], "video_frames": []
            })
        })
        .collect();
    json!({
        "submission": submission,
        "safety": "safe",
        "happened": ["shared_without_consent"],
        "age_band": age,
        "country": "NL",
        "reply_language": "en",
        "for_whom": "myself",
        "urls_text": "",
        "files": files,
    })
    .to_string()
}

/// A PDQ hash: `seed` spread over 256 bits.
fn pdq(seed: u64) -> String {
    let mut rng = pdq_index::random::Rng(seed);
    rng.code().to_hex()
}

/// `hex` with its first `bits` bits flipped.
fn flipped(hex: &str, bits: u32) -> String {
    let mut code = pdq_index::Code::from_hex(hex).unwrap();
    for bit in 0..bits {
        code.0[(bit / 64) as usize] ^= 1 << (bit % 64);
    }
    code.to_hex()
}

/// Moves time past the spread of new entries and runs what is due: entries are made, the
/// batch is published, webhooks are called; the index follows.
async fn publish(app: &TestApp) {
    // The first run makes the entries, due within the spread; the next publishes them. Run
    // here rather than through the runner, which the server also polls every second.
    use server::jobs::publish_hash_changes::run_once;
    app.store.clock().advance(31);
    run_once(&app.store, app::hash_list::store::ADD_SPREAD_SECONDS)
        .await
        .expect("published");
    app.store
        .clock()
        .advance(app::hash_list::store::ADD_SPREAD_SECONDS + 31);
    run_once(&app.store, app::hash_list::store::ADD_SPREAD_SECONDS)
        .await
        .expect("published");
    app.jobs.run_due().await.expect("jobs run");
    app.hash_index
        .follow(&app.store)
        .await
        .expect("index follows");
}

async fn changes(app: &TestApp, key: &str) -> Vec<Value> {
    let (status, page) = get(app, "/hashes/changes?limit=100", key).await;
    assert_eq!(status, 200, "{page}");
    page["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .filter(|c| c["list"] != "sandbox")
        .cloned()
        .collect()
}

#[tokio::test]
async fn keys_scopes_lists_matching_and_revocation() {
    for backend in backends() {
        let app = app(backend).await;
        let all = key(
            &app,
            "Everything",
            &[Scope::Read, Scope::Match, Scope::Feedback],
            &HashList::ALL,
        )
        .await;
        let adults_only = key(&app, "Adults", &[Scope::Match], &[HashList::Ncii]).await;

        // No key, a made-up key, a key without the scope.
        let (status, body) = call(&app, reqwest::Method::GET, "/hashes/changes", None, None).await;
        assert_eq!((status, body), (401, json!({"error": "unauthorized"})));
        let (status, _) = get(&app, "/hashes/changes", "sa_live_0000").await;
        assert_eq!(status, 401);
        let (status, body) = get(&app, "/hashes/changes", &adults_only).await;
        assert_eq!((status, body), (403, json!({"error": "missing_scope"})));
        let (status, body) = get(&app, "/nothing-here", &all).await;
        assert_eq!((status, body), (404, json!({"error": "not_found"})));

        // A 16-year-old's report with two photos: both go on the csam list.
        let (a, b) = (pdq(1), pdq(2));
        receipt_for(
            &app,
            &draft_with(
                &format!("{:032x}", 7),
                &[a.clone(), b.clone()],
                "from16_to17",
            ),
        )
        .await;
        publish(&app).await;
        let feed = changes(&app, &all).await;
        let real: Vec<&Value> = feed
            .iter()
            .filter(|c| {
                c["md5"].is_string()
                    && c["pdq"] != Value::Null
                    && [&a, &b].iter().any(|h| c["pdq"] == json!(h))
            })
            .collect();
        assert_eq!(real.len(), 2, "both photos are on the feed: {feed:?}");
        for change in &real {
            assert_eq!(change["change"], "added");
            assert_eq!(change["list"], "csam");
            assert_eq!(change["status"], "self_reported");
            assert_eq!(change["quality"], 90);
            assert!(change["id"].as_str().unwrap().len() >= 32);
        }

        // Matching: exact, near, hex in either case, per-item errors, order kept.
        let (status, answer) = post_json(
            &app,
            "/match",
            &all,
            json!({"items": [
                {"type": "pdq", "value": a.to_uppercase()},
                {"type": "pdq", "value": flipped(&a, 7), "quality": 80, "max_distance": 10},
                {"type": "pdq", "value": flipped(&a, 7), "max_distance": 6},
                {"type": "md5", "value": format!("{:032X}", 1)},
                {"type": "pdq", "value": a, "quality": 49},
                {"type": "pdq", "value": a, "max_distance": 32},
                {"type": "sha1", "value": "00"},
                {"type": "pdq", "value": "xyz"},
            ]}),
        )
        .await;
        assert_eq!(status, 200, "{answer}");
        let items = answer["items"].as_array().unwrap();
        assert_eq!(items.len(), 8);
        assert_eq!(items[0]["matches"][0]["distance"], 0);
        assert_eq!(items[0]["matches"][0]["list"], "csam");
        assert_eq!(items[0]["matches"][0]["quality"], 90);
        assert_eq!(items[0]["error"], Value::Null);
        assert_eq!(items[1]["matches"][0]["distance"], 7);
        assert_eq!(items[1]["matches"].as_array().unwrap().len(), 1);
        assert_eq!(
            items[2]["matches"],
            json!([]),
            "7 bits away is not within 6"
        );
        assert_eq!(items[3]["matches"][0]["distance"], 0, "MD5 in upper case");
        assert_eq!(items[4]["error"], "low_quality");
        assert_eq!(items[5]["error"], "max_distance_too_large");
        assert_eq!(items[6]["error"], "unsupported_type");
        assert_eq!(items[7]["error"], "bad_value");

        // A key for adults' images does not see the csam list at all.
        let (_, answer) = post_json(
            &app,
            "/match",
            &adults_only,
            json!({"items": [{"type": "pdq", "value": a}]}),
        )
        .await;
        assert_eq!(answer["items"][0]["matches"], json!([]));

        // Over 1,000 items is refused as a whole.
        let many: Vec<Value> = (0..1001)
            .map(|_| json!({"type": "md5", "value": "0".repeat(32)}))
            .collect();
        let (status, body) = post_json(&app, "/match", &all, json!({"items": many})).await;
        assert_eq!((status, body), (400, json!({"error": "too_many_items"})));

        // Revoked: refused from the next call on.
        let everything = platform::find_by_name(app.store.read(), "Everything")
            .await
            .unwrap()
            .unwrap();
        platform::revoke(app.store.write(), everything.id, app.store.now())
            .await
            .unwrap();
        let (status, _) = get(&app, "/hashes/changes", &all).await;
        assert_eq!(status, 401);
    }
}

#[tokio::test]
async fn dihedral_and_video_matching() {
    let app = app(Backend::Sqlite).await;
    let key = key(
        &app,
        "Matcher",
        &[Scope::Match, Scope::Read],
        &HashList::ALL,
    )
    .await;
    let original = pdq(11);
    receipt_for(
        &app,
        &draft_with(
            &format!("{:032x}", 8),
            std::slice::from_ref(&original),
            "over25",
        ),
    )
    .await;
    publish(&app).await;
    // A mirrored copy's hash: far from the original, found with `dihedral`.
    let hash = hashing::Hash256::from_hex(&original).unwrap();
    let mirrored = hashing::transform_hash(&hash, hashing::Dihedral::FlipY).to_hex();
    let (_, answer) = post_json(
        &app,
        "/match",
        &key,
        json!({"items": [
            {"type": "pdq", "value": mirrored},
            {"type": "pdq", "value": mirrored, "dihedral": true},
            {"type": "video_pdq", "frames": [
                {"value": flipped(&original, 3), "quality": 90},
                {"value": pdq(99), "quality": 90},
                {"value": pdq(98), "quality": 10},
            ]},
        ]}),
    )
    .await;
    let items = answer["items"].as_array().unwrap();
    assert_eq!(items[0]["matches"], json!([]), "{answer}");
    assert_eq!(items[1]["matches"][0]["distance"], 0);
    assert_eq!(items[1]["matches"][0]["list"], "ncii");
    assert_eq!(items[2]["matches"][0]["distance"], 3);
    // One of the two usable frames matched; the dark frame does not count.
    assert_eq!(items[2]["frame_share"], 0.5);
    assert!(items[0].get("frame_share").is_none());
}

#[tokio::test]
async fn a_key_over_its_limit_is_told_when_to_come_back() {
    let app = app(Backend::Sqlite).await;
    let created = platform::create(
        app.store.write(),
        platform::NewPlatform {
            per_minute: Some(2),
            ..platform::NewPlatform::new("Slow", &[Scope::Read], &HashList::ALL)
        },
        app.store.now(),
    )
    .await
    .unwrap();
    for _ in 0..2 {
        assert_eq!(get(&app, "/hashes/changes", &created.key).await.0, 200);
    }
    let response = app
        .client
        .get(format!("{}/api/v1/hashes/changes", app.address))
        .bearer_auth(&created.key)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 429);
    let retry: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=30).contains(&retry), "{retry}");
    assert_eq!(
        response.json::<Value>().await.unwrap(),
        json!({"error": "rate_limited"})
    );
}

#[tokio::test]
async fn a_sandbox_key_sees_only_the_synthetic_list() {
    let app = app(Backend::Sqlite).await;
    let sandbox = platform::create(
        app.store.write(),
        platform::NewPlatform {
            sandbox: true,
            ..platform::NewPlatform::new("Trying", &[Scope::Read, Scope::Match], &HashList::ALL)
        },
        app.store.now(),
    )
    .await
    .unwrap()
    .key;
    assert!(sandbox.starts_with("sa_test_"));
    let real = key(&app, "Real", &[Scope::Read, Scope::Match], &HashList::ALL).await;
    receipt_for(
        &app,
        &draft_with(&format!("{:032x}", 9), &[pdq(5)], "over25"),
    )
    .await;
    publish(&app).await;
    let (_, page) = get(&app, "/hashes/snapshot?limit=10000", &sandbox).await;
    let synthetic = page["changes"].as_array().unwrap();
    assert_eq!(synthetic.len(), 300, "100 synthetic entries per list");
    assert!(synthetic.iter().all(|c| c["pdq"] != json!(pdq(5))));
    let known = app::hash_list::transfer::sandbox_hashes(HashList::Ncii, 3);
    let (_, answer) = post_json(
        &app,
        "/match",
        &sandbox,
        json!({"items": [{"type": "sha256", "value": known.sha256}, {"type": "pdq", "value": pdq(5)}]}),
    )
    .await;
    assert_eq!(answer["items"][0]["matches"][0]["list"], "ncii");
    assert_eq!(
        answer["items"][1]["matches"],
        json!([]),
        "a sandbox key never sees real entries"
    );
    // And a real key never sees the synthetic ones.
    let (_, answer) = post_json(
        &app,
        "/match",
        &real,
        json!({"items": [{"type": "sha256", "value": known.sha256}]}),
    )
    .await;
    assert_eq!(answer["items"][0]["matches"], json!([]));
    let (status, page) = get(&app, "/hashes/snapshot?limit=10000", &real).await;
    assert_eq!(
        page["changes"].as_array().unwrap().len(),
        1,
        "{status} {page}"
    );
}

#[tokio::test]
async fn platforms_that_disagree_make_an_entry_disputed_for_staff() {
    let app = app(Backend::Sqlite).await;
    let scopes = [Scope::Read, Scope::Match, Scope::Feedback];
    let one = key(&app, "One", &scopes, &HashList::ALL).await;
    let two = key(&app, "Two", &scopes, &HashList::ALL).await;
    receipt_for(
        &app,
        &draft_with(&format!("{:032x}", 10), &[pdq(21)], "over25"),
    )
    .await;
    publish(&app).await;
    let (_, answer) = post_json(
        &app,
        "/match",
        &one,
        json!({"items": [{"type": "pdq", "value": pdq(21)}]}),
    )
    .await;
    let id = answer["items"][0]["matches"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, said) = post_json(
        &app,
        "/feedback",
        &one,
        json!({"items": [
            {"id": id, "verdict": "actioned", "reason": "tos_4.2"},
            {"id": "no-such-entry", "verdict": "actioned"},
            {"id": id, "verdict": "maybe"},
        ]}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(said["items"][0]["error"], Value::Null);
    assert_eq!(said["items"][1]["error"], "unknown_entry");
    assert_eq!(said["items"][2]["error"], "bad_verdict");
    post_json(
        &app,
        "/feedback",
        &two,
        json!({"items": [{"id": id, "verdict": "not_violating"}]}),
    )
    .await;
    publish(&app).await;
    let disputed = app::hash_list::store::disputed(app.store.read(), 10)
        .await
        .unwrap();
    assert_eq!(disputed.len(), 1);
    assert_eq!(disputed[0].feedback.len(), 2);
    let feed = changes(&app, &one).await;
    let entry = feed.iter().find(|c| c["id"] == json!(id)).unwrap();
    assert_eq!(
        (&entry["change"], &entry["status"]),
        (&json!("status_changed"), &json!("disputed"))
    );
    // Staff settle it: confirmed, and the platforms hear so.
    assert!(
        app::hash_list::store::decide(
            app.store.write(),
            &id,
            app::hash_list::store::Decision::Confirm,
            None,
            app.store.now()
        )
        .await
        .unwrap()
    );
    publish(&app).await;
    let feed = changes(&app, &one).await;
    let entry = feed.iter().find(|c| c["id"] == json!(id)).unwrap();
    assert_eq!(entry["status"], "analyst_confirmed");
}

/// A delivery as received: the signature header and the body.
type Delivery = (String, Vec<u8>);

/// A webhook receiver on loopback: records what it is sent, and fails the first `fail`
/// deliveries with 500.
#[derive(Clone, Default)]
struct Receiver {
    got: Arc<Mutex<Vec<Delivery>>>,
    fail: Arc<Mutex<usize>>,
}

impl Receiver {
    async fn start(fail: usize) -> (Receiver, String) {
        let receiver = Receiver::default();
        *receiver.fail.lock().unwrap() = fail;
        let state = receiver.clone();
        let app = axum::Router::new()
            .route(
                "/hook",
                axum::routing::post(
                    |axum::extract::State(state): axum::extract::State<Receiver>,
                     headers: axum::http::HeaderMap,
                     body: axum::body::Bytes| async move {
                        let signature = headers
                            .get("x-portal-signature")
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or_default()
                            .to_owned();
                        let mut fail = state.fail.lock().unwrap();
                        if *fail > 0 {
                            *fail -= 1;
                            return axum::http::StatusCode::INTERNAL_SERVER_ERROR;
                        }
                        state.got.lock().unwrap().push((signature, body.to_vec()));
                        axum::http::StatusCode::NO_CONTENT
                    },
                ),
            )
            .with_state(state);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        (receiver, url)
    }

    fn events(&self) -> Vec<Value> {
        self.got
            .lock()
            .unwrap()
            .iter()
            .flat_map(|(_, body)| {
                serde_json::from_slice::<Value>(body).unwrap()["events"]
                    .as_array()
                    .unwrap()
                    .clone()
            })
            .collect()
    }
}

/// Waits (up to 10 s) until `done` holds: the server's own runner may have taken a job the
/// test's `run_due` then did not wait for.
async fn eventually(what: &str, done: impl Fn() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("never happened: {what}");
}

/// Like [`eventually`], moving the clock past the backoff and running what is due each time:
/// the server's own runner may still have the failing attempt in hand when the test first
/// moves the clock, and then puts it back due after that moment.
async fn retried_until(app: &TestApp, what: &str, done: impl Fn() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        app.store.clock().advance(31);
        app.jobs.run_due().await.unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("never happened: {what}");
}

/// Checks `X-Portal-Signature: t=..,v1=..` over `t.body` with `secret`.
fn signed_by(header: &str, body: &[u8], secret: &str) -> bool {
    let mut t = "";
    let mut signatures = Vec::new();
    for part in header.split(',') {
        match part.split_once('=') {
            Some(("t", value)) => t = value,
            Some(("v1", value)) => signatures.push(value.to_owned()),
            _ => {}
        }
    }
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{t}.").as_bytes());
    mac.update(body);
    let expected: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    signatures.contains(&expected)
}

#[tokio::test]
async fn a_withdrawal_reaches_the_feed_and_the_webhook_within_a_minute_as_tombstones() {
    for backend in backends() {
        let app = app(backend).await;
        let key = key(
            &app,
            "Photo app",
            &[Scope::Read, Scope::Match],
            &HashList::ALL,
        )
        .await;
        let (receiver, url) = Receiver::start(1).await;
        let (status, set) = call(
            &app,
            reqwest::Method::PUT,
            "/webhook",
            Some(&key),
            Some(json!({"url": url})),
        )
        .await;
        assert_eq!(status, 200, "{set}");
        let secret = set["secret"].as_str().unwrap().to_owned();

        let (a, b) = (pdq(31), pdq(32));
        let receipt = receipt_for(
            &app,
            &draft_with(
                &format!("{:032x}", 11),
                &[a.clone(), b.clone()],
                "from13_to15",
            ),
        )
        .await;
        publish(&app).await;
        // The first delivery failed (500): the runner tries again after its backoff.
        let count_added = || {
            receiver
                .events()
                .into_iter()
                .filter(|e| {
                    e["event"] == "hash.added" && (e["pdq"] == json!(a) || e["pdq"] == json!(b))
                })
                .count()
        };
        retried_until(&app, "the retried delivery", || count_added() == 2).await;
        let added: Vec<Value> = receiver
            .events()
            .into_iter()
            .filter(|e| {
                e["event"] == "hash.added" && (e["pdq"] == json!(a) || e["pdq"] == json!(b))
            })
            .collect();
        assert_eq!(added.len(), 2, "{:?}", receiver.events());
        let ids: Vec<String> = added
            .iter()
            .map(|e| e["id"].as_str().unwrap().to_owned())
            .collect();
        {
            let got = receiver.got.lock().unwrap();
            let (signature, body) = got.last().unwrap();
            assert!(signed_by(signature, body, &secret), "{signature}");
            assert!(!signed_by(signature, body, "whsec_wrong"));
        }
        let before = receiver.got.lock().unwrap().len();

        // The reporter sees which platforms have the fingerprints, and withdraws.
        let reporter = signed_in_reporter(&app, &receipt).await;
        let page = follow_up_page(&app, &reporter).await;
        assert!(
            page.contains("data-follow-up-platforms") && page.contains("Photo app"),
            "the follow-up names the platform"
        );
        let csrf = page
            .split("name=\"csrf\" value=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_owned();
        let done = post(
            &app,
            &reporter,
            "/follow-up",
            &[("action", "withdraw-confirm"), ("csrf", &csrf)],
        )
        .await
        .text()
        .await
        .unwrap();
        assert!(
            done.contains("data-follow-up-told") && done.contains("Photo app"),
            "the confirmation names who is told"
        );
        let withdrawn_at = app.store.now();

        // Gone from matching at once, on this instance's next follow.
        app.hash_index.follow(&app.store).await.unwrap();
        let (_, answer) = post_json(
            &app,
            "/match",
            &key,
            json!({"items": [{"type": "pdq", "value": a}]}),
        )
        .await;
        assert_eq!(answer["items"][0]["matches"], json!([]));
        // The hash values are erased here.
        let left: Vec<app::hash_list::entity::entry::Model> =
            <app::hash_list::entity::entry::Entity as sea_orm::EntityTrait>::find()
                .all(&app.db)
                .await
                .unwrap()
                .into_iter()
                .filter(|e| ids.contains(&e.public_id))
                .collect();
        assert_eq!(left.len(), 2);
        assert!(left.iter().all(|e| e.pdq.is_none()
            && e.md5.is_none()
            && e.sha256.is_none()
            && e.report_id.is_none()));

        // The next batch, at most 30 s later, carries the tombstones to the webhook and the feed.
        app.store.clock().advance(30);
        server::jobs::publish_hash_changes::run_once(
            &app.store,
            app::hash_list::store::ADD_SPREAD_SECONDS,
        )
        .await
        .unwrap();
        app.jobs.run_due().await.unwrap();
        assert!(app.store.now() - withdrawn_at <= 60);
        eventually("the tombstones' delivery", || {
            receiver.got.lock().unwrap().len() > before
        })
        .await;
        let got = receiver.got.lock().unwrap()[before..].to_vec();
        let withdrawn: Vec<Value> = got
            .iter()
            .flat_map(|(_, body)| {
                serde_json::from_slice::<Value>(body).unwrap()["events"]
                    .as_array()
                    .unwrap()
                    .clone()
            })
            .filter(|e| e["event"] == "hash.withdrawn")
            .collect();
        assert_eq!(withdrawn.len(), 2, "{got:?}");
        for event in &withdrawn {
            assert!(ids.contains(&event["id"].as_str().unwrap().to_owned()));
            let fields: Vec<&String> = event.as_object().unwrap().keys().collect();
            assert_eq!(
                fields.len(),
                4,
                "a tombstone is id, change, status (and the event): {event}"
            );
        }
        let feed = changes(&app, &key).await;
        for id in &ids {
            let tombstone = feed.iter().find(|c| c["id"] == json!(id)).unwrap();
            assert_eq!(
                tombstone,
                &json!({"id": id, "change": "withdrawn", "status": "withdrawn"})
            );
        }
    }
}

#[tokio::test]
async fn the_openapi_document_is_served_without_a_key() {
    let app = app(Backend::Sqlite).await;
    let (status, doc) = call(&app, reqwest::Method::GET, "/openapi.json", None, None).await;
    assert_eq!(status, 200);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in [
        "/match",
        "/hashes/changes",
        "/hashes/snapshot",
        "/feedback",
        "/webhook",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} is documented");
    }
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
}

#[tokio::test]
async fn the_command_line_creates_keys_and_exchanges_lists() {
    let app = app(Backend::Sqlite).await;
    let portal = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_portal"))
            .env("DATABASE_URL", &app.database_url)
            .env("PORTAL_SECRET_KEY", crate::helpers::TEST_SECRET)
            .env("PORTAL_DATA_DIR", crate::helpers::temp_dir("cli"))
            .args(args)
            .output()
            .expect("portal runs")
    };
    let created = portal(&[
        "platform",
        "create",
        "Hotline partner",
        "--scopes",
        "read,match",
        "--lists",
        "csam",
    ]);
    assert!(created.status.success(), "{created:?}");
    let stdout = String::from_utf8(created.stdout).unwrap();
    let key = stdout.lines().last().unwrap().to_owned();
    assert!(key.starts_with("sa_live_"), "{stdout}");
    assert_eq!(get(&app, "/hashes/changes", &key).await.0, 200);
    let refused = portal(&["platform", "create", "Bad", "--scopes", "write"]);
    assert!(!refused.status.success());

    let file = crate::helpers::temp_dir("exchange").join("in.jsonl");
    let known = pdq(41);
    std::fs::write(
        &file,
        [
            json!({"pdq": known, "pdq_quality": 95, "list": "csam", "status": "analyst_confirmed"})
                .to_string(),
            // The same hash again, upper case: merged.
            json!({"pdq": known.to_uppercase(), "list": "csam", "status": "self_reported"})
                .to_string(),
            json!({"md5": format!("{:032x}", 77), "list": "ncii", "status": "self_reported"})
                .to_string(),
            "not json".to_owned(),
            json!({"list": "csam", "status": "analyst_confirmed"}).to_string(),
        ]
        .join("\n"),
    )
    .unwrap();
    let imported = portal(&["hash-list", "import", file.to_str().unwrap()]);
    assert!(imported.status.success(), "{imported:?}");
    let summary: Value = serde_json::from_str(
        String::from_utf8(imported.stdout)
            .unwrap()
            .lines()
            .last()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(summary["added"], 2);
    assert_eq!(summary["merged"], 1);
    assert_eq!(summary["refused"], 2);
    assert_eq!(summary["reasons"], json!({"bad_json": 1, "no_hash": 1}));
    assert_eq!(summary["refused_lines"], json!([4, 5]));

    let exported = portal(&["hash-list", "export"]);
    assert!(exported.status.success());
    let lines: Vec<Value> = String::from_utf8(exported.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines,
        vec![
            json!({"pdq": known, "pdq_quality": 95, "list": "csam", "status": "analyst_confirmed"})
        ],
        "confirmed entries only"
    );
    let audit = app::audit::store::verify(app.store.read(), app.store.audit_key())
        .await
        .unwrap();
    assert!(audit.is_intact());
    let actions: Vec<String> = <app::audit::entity::Entity as sea_orm::EntityTrait>::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    for action in [
        "platform.created",
        "hash_list.imported",
        "hash_list.exported",
    ] {
        assert!(
            actions.iter().any(|a| a == action),
            "{action} in {actions:?}"
        );
    }
}
