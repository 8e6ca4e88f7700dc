//! Load generator for report submissions (`make bench-intake`, `.ci/bench-intake`).
//!
//! Three phases with the same concurrency and duration against a running `portal`:
//! 1. baseline: `GET /health`, the same HTTP stack with two database pings and no writes;
//! 2. intake at full speed: complete reports posted to the report flow's server function
//!    (`POST /api/report-step`, step `check`, nav `submit`), each with a new submission id,
//!    every client sending its next report as soon as the last is answered;
//! 3. intake at the target rate: the same, but the clients together send 1,000 reports a
//!    second on a fixed schedule. Latency counts from when a report was due, not from when
//!    it went out, so a stalled server cannot hide its stall by holding the clients back
//!    ("coordinated omission").
//!
//! Phases 1 and 2 run `--concurrency` tasks back to back over one shared HTTP/1 client for
//! `--warmup` + `--seconds` seconds; only requests started after the warm-up are timed.
//! Prints requests/s and p50/p99/max latency per phase, the ratios intake/baseline, and one
//! JSON line with every figure. Any error (non-2xx, a transport error, or an intake answer
//! that is not a receipt) makes the exit status non-zero.
//!
//! The design's target: 1,000 submissions/s with p99 < 50 ms at 50 concurrent clients on two
//! cores (the portal and this generator share them). Phase 3 is that load; phase 2 shows the
//! headroom above it, where every client waits on every other and latency is queueing.

use std::{
    collections::HashSet,
    process::ExitCode,
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
    },
    time::{Duration, Instant},
};

use clap::Parser;
use rand::Rng;
use serde_json::{Value, json};

const TARGET_RPS: f64 = 1000.0;
const TARGET_P99_MS: f64 = 50.0;
/// Errors printed in full per phase; the rest are only counted.
const PRINTED_ERRORS: usize = 5;

#[derive(Parser, Debug)]
#[command(about = "Load generator for report submissions: /health baseline, then intake")]
struct Args {
    /// The running portal, e.g. http://127.0.0.1:3190
    #[arg(long, default_value = "http://127.0.0.1:3000")]
    url: String,
    /// Concurrent clients (tasks sending back to back).
    #[arg(long, default_value_t = 50)]
    concurrency: usize,
    /// Measured seconds per phase (after the warm-up).
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// Warm-up seconds per phase, not timed.
    #[arg(long, default_value_t = 2)]
    warmup: u64,
    /// A name for the run in the JSON line (e.g. the database backend).
    #[arg(long, default_value = "")]
    label: String,
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Phase {
    Baseline,
    Intake,
    /// Intake with reports due at this many per second, all clients together.
    IntakeAt(f64),
}

impl Phase {
    fn name(self) -> &'static str {
        match self {
            Phase::Baseline => "baseline GET /health",
            Phase::Intake => "intake POST /api/report-step",
            Phase::IntakeAt(_) => "intake at 1,000/s (scheduled)",
        }
    }
}

/// What one task saw.
#[derive(Default)]
struct TaskResult {
    /// Microseconds, requests started after the warm-up.
    latencies: Vec<u32>,
    /// Every request of the phase, warm-up included.
    requests: u64,
    errors: u64,
    /// Answers with HTTP 2xx.
    ok_status: u64,
    /// Intake answers with step "done" and a receipt.
    done: u64,
    receipts: Vec<String>,
    /// When the last timed request finished.
    last_finish: Option<Instant>,
}

struct PhaseResult {
    phase: Phase,
    /// Sorted, microseconds.
    latencies: Vec<u32>,
    window: Duration,
    requests: u64,
    errors: u64,
    ok_status: u64,
    done: u64,
    distinct_receipts: usize,
}

impl PhaseResult {
    fn rps(&self) -> f64 {
        self.latencies.len() as f64 / self.window.as_secs_f64().max(1e-9)
    }

    /// Nearest-rank percentile in milliseconds.
    fn percentile_ms(&self, p: f64) -> f64 {
        if self.latencies.is_empty() {
            return f64::NAN;
        }
        let rank = ((p / 100.0) * self.latencies.len() as f64).ceil() as usize;
        let index = rank.clamp(1, self.latencies.len()) - 1;
        self.latencies[index] as f64 / 1000.0
    }

    fn max_ms(&self) -> f64 {
        self.latencies
            .last()
            .map_or(f64::NAN, |&us| us as f64 / 1000.0)
    }

    fn print(&self) {
        println!(
            "{:<30} {:>9.0} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  max {:>8.2} ms  timed {:>7}  errors {}",
            self.phase.name(),
            self.rps(),
            self.percentile_ms(50.0),
            self.percentile_ms(99.0),
            self.max_ms(),
            self.latencies.len(),
            self.errors,
        );
    }

    fn json(&self) -> Value {
        json!({
            "requests_per_s": round2(self.rps()),
            "p50_ms": round2(self.percentile_ms(50.0)),
            "p99_ms": round2(self.percentile_ms(99.0)),
            "max_ms": round2(self.max_ms()),
            "timed_requests": self.latencies.len(),
            "all_requests": self.requests,
            "errors": self.errors,
        })
    }
}

/// Two decimals, as printed (so the JSON line and the text agree).
fn round2(x: f64) -> Value {
    format!("{x:.2}")
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .map_or(Value::Null, |x| json!(x))
}

/// The first few error descriptions of a phase, shared by its tasks.
#[derive(Default)]
struct ErrorLog {
    printed: usize,
    first_bad_body_shown: bool,
}

impl ErrorLog {
    fn report(log: &Mutex<ErrorLog>, phase: Phase, what: &str, bad_body: bool) {
        let mut log = log.lock().unwrap_or_else(|e| e.into_inner());
        if bad_body {
            // The first unexpected answer is printed once in full, whatever came before.
            if log.first_bad_body_shown {
                return;
            }
            log.first_bad_body_shown = true;
        } else if log.printed >= PRINTED_ERRORS {
            return;
        } else {
            log.printed += 1;
        }
        eprintln!("error ({}): {what}", phase.name());
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let url = args.url.trim_end_matches('/').to_owned();
    if args.concurrency == 0 || args.seconds == 0 {
        eprintln!("--concurrency and --seconds must be at least 1");
        return ExitCode::FAILURE;
    }
    let client = match reqwest::Client::builder()
        .http1_only()
        .pool_max_idle_per_host(args.concurrency)
        .pool_idle_timeout(Duration::from_secs(90))
        .tcp_nodelay(true)
        .timeout(Duration::from_secs(30))
        .build()
    {
        Ok(client) => client,
        Err(error) => {
            eprintln!("cannot build the HTTP client: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "{} clients, {} s warm-up + {} s per phase, against {url}{}",
        args.concurrency,
        args.warmup,
        args.seconds,
        if args.label.is_empty() {
            String::new()
        } else {
            format!(" ({})", args.label)
        }
    );

    let baseline = run_phase(Phase::Baseline, &client, &url, &args).await;
    baseline.print();
    let intake = run_phase(Phase::Intake, &client, &url, &args).await;
    intake.print();
    let at_target = run_phase(Phase::IntakeAt(TARGET_RPS), &client, &url, &args).await;
    at_target.print();

    let p99_ratio = intake.percentile_ms(99.0) / baseline.percentile_ms(99.0);
    let rps_ratio = intake.rps() / baseline.rps();
    println!("ratio intake/baseline: p99 {p99_ratio:.2}x, requests/s {rps_ratio:.3}x");
    // The schedule is met when (nearly) every due report went out and was answered in the
    // window; 1% slack for the requests still in flight at its end.
    let meets = at_target.rps() >= TARGET_RPS * 0.99
        && at_target.percentile_ms(99.0) < TARGET_P99_MS
        && intake.rps() >= TARGET_RPS;
    println!(
        "target {TARGET_RPS:.0} submissions/s with p99 < {TARGET_P99_MS:.0} ms: {} (at 1,000/s: p99 {:.2} ms; full speed {:.0}/s)",
        if meets { "met" } else { "NOT met" },
        at_target.percentile_ms(99.0),
        intake.rps(),
    );

    // Sanity: every 2xx answer to a submission must have been a receipt, each a new one.
    let mut failed = baseline.errors > 0;
    for phase in [&intake, &at_target] {
        failed |= phase.errors > 0;
        if phase.done != phase.ok_status {
            eprintln!(
                "sanity check failed: {} answers with a receipt, {} successful (2xx) submissions",
                phase.done, phase.ok_status
            );
            failed = true;
        }
        if phase.distinct_receipts as u64 != phase.done {
            eprintln!(
                "sanity check failed: {} receipts, of which {} distinct",
                phase.done, phase.distinct_receipts
            );
            failed = true;
        }
    }
    if [&baseline, &intake, &at_target]
        .iter()
        .any(|phase| phase.latencies.is_empty())
    {
        eprintln!("no request completed in a measured window");
        failed = true;
    }

    let summary = json!({
        "bench": "intake_load",
        "label": args.label,
        "url": url,
        "concurrency": args.concurrency,
        "seconds": args.seconds,
        "warmup_seconds": args.warmup,
        "baseline_health": baseline.json(),
        "intake": intake.json(),
        "intake_at_target_rate": at_target.json(),
        "intake_receipts": intake.done,
        "ratio_p99_intake_over_baseline": round2(p99_ratio),
        "ratio_rps_intake_over_baseline": format!("{rps_ratio:.3}").parse::<f64>().ok(),
        "target": { "requests_per_s": TARGET_RPS, "p99_ms": TARGET_P99_MS, "met": meets },
        "ok": !failed,
    });
    println!("{summary}");
    if failed {
        eprintln!("the run had errors: see above");
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

async fn run_phase(phase: Phase, client: &reqwest::Client, url: &str, args: &Args) -> PhaseResult {
    let start = Instant::now();
    let measure_from = start + Duration::from_secs(args.warmup);
    let stop_at = measure_from + Duration::from_secs(args.seconds);
    let log = Arc::new(Mutex::new(ErrorLog::default()));
    let stop = Arc::new(AtomicBool::new(false));
    let mut tasks = Vec::with_capacity(args.concurrency);
    for client_number in 0..args.concurrency {
        let client = client.clone();
        let url = url.to_owned();
        let log = Arc::clone(&log);
        let stop = Arc::clone(&stop);
        // Room for the expected requests without reallocating while timing.
        let capacity = (args.seconds as usize * 40_000 / args.concurrency).max(1024);
        let concurrency = args.concurrency;
        tasks.push(tokio::spawn(async move {
            let mut result = TaskResult {
                latencies: Vec::with_capacity(capacity),
                ..TaskResult::default()
            };
            // On a schedule, each client sends every `concurrency / rate` seconds, the
            // clients spread evenly over that interval.
            let every = match phase {
                Phase::IntakeAt(rate) => Some(Duration::from_secs_f64(concurrency as f64 / rate)),
                _ => None,
            };
            let mut due =
                every.map(|every| start + every.mul_f64(client_number as f64 / concurrency as f64));
            loop {
                if let Some(at) = due {
                    tokio::time::sleep_until(at.into()).await;
                }
                let now = Instant::now();
                if now >= stop_at || stop.load(Ordering::Relaxed) {
                    break;
                }
                let request = match phase {
                    Phase::Baseline => client.get(format!("{url}/health")),
                    Phase::Intake | Phase::IntakeAt(_) => client
                        .post(format!("{url}/api/report-step"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Origin", url.as_str())
                        .body(submission_body()),
                };
                // A late report is timed from when it was due.
                let sent = due.unwrap_or_else(Instant::now);
                if let (Some(at), Some(every)) = (due.as_mut(), every) {
                    *at += every;
                }
                let outcome = send(request).await;
                let finished = Instant::now();
                result.requests += 1;
                if sent >= measure_from {
                    let us = finished.duration_since(sent).as_micros();
                    result.latencies.push(u32::try_from(us).unwrap_or(u32::MAX));
                    result.last_finish = Some(finished);
                }
                match outcome {
                    Err(error) => {
                        result.errors += 1;
                        ErrorLog::report(&log, phase, &format!("request failed: {error}"), false);
                        // A dead server answers instantly: do not spin on it.
                        if result.errors > 1000 && result.errors > result.requests / 2 {
                            stop.store(true, Ordering::Relaxed);
                        }
                    }
                    Ok((status, body)) if !status.is_success() => {
                        result.errors += 1;
                        ErrorLog::report(
                            &log,
                            phase,
                            &format!("HTTP {status}: {}", shorten(&body)),
                            false,
                        );
                    }
                    Ok((_, body)) => {
                        result.ok_status += 1;
                        match check_answer(phase, &body) {
                            Ok(Some(receipt)) => {
                                result.done += 1;
                                result.receipts.push(receipt);
                            }
                            Ok(None) => {}
                            Err(why) => {
                                result.errors += 1;
                                ErrorLog::report(
                                    &log,
                                    phase,
                                    &format!("{why}; answer: {}", shorten(&body)),
                                    true,
                                );
                            }
                        }
                    }
                }
            }
            result
        }));
    }

    let mut latencies = Vec::new();
    let mut receipts = HashSet::new();
    let mut last_finish = measure_from;
    let (mut requests, mut errors, mut ok_status, mut done) = (0, 0, 0, 0);
    for task in tasks {
        let result = match task.await {
            Ok(result) => result,
            Err(error) => {
                eprintln!("error ({}): a client task failed: {error}", phase.name());
                errors += 1;
                continue;
            }
        };
        latencies.extend_from_slice(&result.latencies);
        receipts.extend(result.receipts);
        if let Some(finish) = result.last_finish {
            last_finish = last_finish.max(finish);
        }
        requests += result.requests;
        errors += result.errors;
        ok_status += result.ok_status;
        done += result.done;
    }
    latencies.sort_unstable();
    PhaseResult {
        phase,
        latencies,
        // Requests are started until `stop_at`; the last ones finish a little later.
        window: last_finish.max(stop_at).duration_since(measure_from),
        requests,
        errors,
        ok_status,
        done,
        distinct_receipts: receipts.len(),
    }
}

async fn send(
    request: reqwest::RequestBuilder,
) -> Result<(reqwest::StatusCode, String), reqwest::Error> {
    let response = request.send().await?;
    let status = response.status();
    let body = response.text().await?;
    Ok((status, body))
}

/// `Ok(Some(receipt))` for a stored report, `Ok(None)` for a good baseline answer.
fn check_answer(phase: Phase, body: &str) -> Result<Option<String>, String> {
    match phase {
        Phase::Baseline
            if serde_json::from_str::<serde_json::Value>(body)
                .is_ok_and(|health| health["status"] == "ok") =>
        {
            Ok(None)
        }
        Phase::Baseline => Err("/health did not answer {\"status\": \"ok\"}".into()),
        Phase::Intake | Phase::IntakeAt(_) => {
            let answer: Value =
                serde_json::from_str(body).map_err(|e| format!("not JSON ({e})"))?;
            let step = answer
                .get("step")
                .and_then(Value::as_str)
                .unwrap_or_default();
            if step != "done" {
                return Err(format!("step is {step:?}, not \"done\""));
            }
            match answer.get("receipt").and_then(Value::as_str) {
                Some(receipt) if is_receipt(receipt) => Ok(Some(receipt.to_owned())),
                Some(_) => Err("the receipt is not of the form XXXXX-XXXXX-XXXXX-XXXXX".into()),
                None => Err("no receipt (already_sent?)".into()),
            }
        }
    }
}

/// Four groups of five characters of Crockford's base-32, joined by dashes.
fn is_receipt(text: &str) -> bool {
    const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 4
        && groups
            .iter()
            .all(|g| g.len() == 5 && g.chars().all(|c| ALPHABET.contains(c)))
}

fn shorten(body: &str) -> String {
    const MAX: usize = 2000;
    if body.len() <= MAX {
        body.to_owned()
    } else {
        let mut end = MAX;
        while !body.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}… ({} bytes)", &body[..end], body.len())
    }
}

/// Random lower-case hex of `chars` characters.
fn hex(rng: &mut impl Rng, chars: usize) -> String {
    let mut out = String::with_capacity(chars + 16);
    while out.len() < chars {
        out.push_str(&format!("{:016x}", rng.random::<u64>()));
    }
    out.truncate(chars);
    out
}

/// The request body of a complete report on its last step, with a new submission id.
fn submission_body() -> String {
    let mut rng = rand::rng();
    let dihedral: Vec<String> = (0..8).map(|_| hex(&mut rng, 64)).collect();
    let draft = json!({
        "submission": hex(&mut rng, 32),
        "safety": "safe",
        "acute_seen": false,
        "happened": ["sextortion"],
        "happened_other": "",
        "age_band": "from16_to17",
        "country": "NL",
        "reply_language": "en",
        "for_whom": "myself",
        "urls_text": format!(
            "https://example.com/a/{}\nhttps://example.org/b/{}",
            hex(&mut rng, 16),
            hex(&mut rng, 16)
        ),
        "account": { "platform": "", "handle": "" },
        "files": [{
            "kind": "image",
            "md5": hex(&mut rng, 32),
            "sha256": hex(&mut rng, 64),
            "pdq": hex(&mut rng, 64),
            "pdq_quality": 100,
            "dihedral": dihedral,
            "video_frames": [],
        }],
        "contact_consent": false,
        "contact": "",
    });
    json!({
        "form": [
            ["step", "check"],
            ["nav", "submit"],
            ["draft", draft.to_string()],
        ]
    })
    .to_string()
}
