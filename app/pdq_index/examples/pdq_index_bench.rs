//! `make bench-pdq` (1 M) and `make bench-pdq-10m`: builds the index from random codes, uniform
//! and skewed (bits from a 24-dimensional latent, so they correlate as real PDQ bits do), plus
//! planted near neighbours at distances 0-31; runs radius-31 queries (half the planted bases,
//! half fresh draws); checks every answer against the batched linear scan (100% recall, and
//! nothing beyond the radius); prints queries per second, p99 latency and bytes per entry as
//! JSON lines. Also times an insert until it is matchable. Writes the codes and queries to
//! `--out` for the FAISS baselines (`bench/faiss_baseline.py`), run on the same data.
//!
//! `cargo run --release -p pdq-index --example pdq_index_bench -- --entries 1000000 --queries 10000 --out DIR`

use std::{io::Write, time::Instant};

use pdq_index::{Code, Index, Match, random::Rng, scan};

const RADIUS: u32 = 31;
const THREADS: usize = 2;

/// The crate's test generator, with what the benchmark draws from it.
trait Draws {
    fn unit(&mut self) -> f64;
    fn gaussian(&mut self) -> f64;
    fn uniform_code(&mut self) -> Code;
}

impl Draws for Rng {
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn gaussian(&mut self) -> f64 {
        let (u, v) = (self.unit().max(1e-300), self.unit());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }

    fn uniform_code(&mut self) -> Code {
        self.code()
    }
}

/// Codes whose 256 bits are signs of projections of a low-dimensional latent: neighbouring
/// images share most of their DCT signs, and PDQ bits are far from independent.
struct Skewed {
    projections: Vec<[f32; 24]>,
}

impl Skewed {
    fn new(rng: &mut Rng) -> Skewed {
        let projections = (0..256)
            .map(|_| std::array::from_fn(|_| rng.gaussian() as f32))
            .collect();
        Skewed { projections }
    }

    fn code(&self, rng: &mut Rng) -> Code {
        let latent: [f32; 24] = std::array::from_fn(|_| rng.gaussian() as f32);
        let mut code = Code::default();
        for (bit, w) in self.projections.iter().enumerate() {
            let dot: f32 = w.iter().zip(&latent).map(|(a, b)| a * b).sum();
            // A little noise per bit, as a real hash of a real image has.
            if dot + 0.3 * rng.gaussian() as f32 > 0.0 {
                code.0[bit / 64] |= 1 << (bit % 64);
            }
        }
        code
    }
}

struct Data {
    name: &'static str,
    entries: Vec<(u32, Code)>,
    queries: Vec<Code>,
}

fn data(name: &'static str, n: usize, queries: usize, seed: u64) -> Data {
    let mut rng = Rng(seed);
    let skewed = (name == "skewed").then(|| Skewed::new(&mut rng));
    let draw = |rng: &mut Rng| match &skewed {
        Some(s) => s.code(rng),
        None => rng.uniform_code(),
    };
    let planted_bases = queries / 2;
    let mut entries = Vec::with_capacity(n);
    let mut bases = Vec::with_capacity(planted_bases);
    // Planted: each base has one neighbour at a distance from 0 to 31 (all distances covered).
    for b in 0..planted_bases {
        let base = draw(&mut rng);
        let near = rng.near(&base, (b % 32) as u32);
        entries.push((entries.len() as u32, near));
        bases.push(base);
    }
    // The rest on every thread: the skewed codes take a while at 10 M.
    let rest = n.saturating_sub(entries.len());
    let chunk = rest.div_ceil(THREADS).max(1);
    let drawn: Vec<Code> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                let draw = &draw;
                let count = chunk.min(rest.saturating_sub(t * chunk));
                s.spawn(move || {
                    let mut rng = Rng(seed * 1000 + t as u64 + 1);
                    (0..count).map(|_| draw(&mut rng)).collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    for code in drawn {
        entries.push((entries.len() as u32, code));
    }
    let mut all_queries = bases;
    while all_queries.len() < queries {
        all_queries.push(draw(&mut rng));
    }
    Data {
        name,
        entries,
        queries: all_queries,
    }
}

fn write_for_faiss(dir: &str, data: &Data, expected: &[Vec<Match>]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let write = |path: String, codes: &mut dyn Iterator<Item = Code>| -> std::io::Result<()> {
        let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
        for code in codes {
            for word in code.0 {
                out.write_all(&word.to_le_bytes())?;
            }
        }
        out.flush()
    };
    write(
        format!("{dir}/{}-codes.bin", data.name),
        &mut data.entries.iter().map(|e| e.1),
    )?;
    write(
        format!("{dir}/{}-queries.bin", data.name),
        &mut data.queries.iter().copied(),
    )?;
    // The expected number of matches per query, for FAISS's recall.
    let expected: Vec<String> = expected.iter().map(|m| m.len().to_string()).collect();
    std::fs::write(
        format!("{dir}/{}-expected.txt", data.name),
        expected.join("\n"),
    )
}

/// The answers of the batched linear scan, on THREADS threads.
fn oracle(data: &Data) -> Vec<Vec<Match>> {
    let (ids, codes): (Vec<u32>, Vec<Code>) = data.entries.iter().copied().unzip();
    let chunk = data.queries.len().div_ceil(THREADS);
    std::thread::scope(|s| {
        let handles: Vec<_> = data
            .queries
            .chunks(chunk)
            .map(|queries| s.spawn(|| scan(&codes, &ids, queries, RADIUS)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    })
}

/// Runs every query on THREADS threads; per-query latencies and the wall time.
fn run_queries(index: &Index, queries: &[Code]) -> (Vec<Vec<Match>>, Vec<f64>, f64) {
    let chunk = queries.len().div_ceil(THREADS);
    let started = Instant::now();
    let parts: Vec<Vec<(Vec<Match>, f64)>> = std::thread::scope(|s| {
        let handles: Vec<_> = queries
            .chunks(chunk)
            .map(|queries| {
                s.spawn(move || {
                    queries
                        .iter()
                        .map(|q| {
                            let t = Instant::now();
                            let found = index.search(q, RADIUS);
                            (found, t.elapsed().as_secs_f64() * 1000.0)
                        })
                        .collect()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let wall = started.elapsed().as_secs_f64();
    let (found, latencies) = parts.into_iter().flatten().unzip();
    (found, latencies, wall)
}

fn p99(mut latencies: Vec<f64>) -> f64 {
    latencies.sort_by(f64::total_cmp);
    latencies[(latencies.len() * 99 / 100).min(latencies.len() - 1)]
}

fn main() {
    let mut entries = 1_000_000usize;
    let mut queries = 10_000usize;
    let mut out: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--entries" => {
                entries = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--entries N")
            }
            "--queries" => {
                queries = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--queries N")
            }
            "--out" => out = args.next(),
            other => panic!("unknown argument {other}"),
        }
    }
    let mut failed = false;
    for (name, seed) in [("uniform", 1), ("skewed", 2)] {
        let t = Instant::now();
        let data = data(name, entries, queries, seed);
        eprintln!(
            "{name}: {entries} entries generated in {:.1} s",
            t.elapsed().as_secs_f64()
        );

        let t = Instant::now();
        let expected = oracle(&data);
        let scan_seconds = t.elapsed().as_secs_f64();
        let scan_qps = queries as f64 / scan_seconds;
        if let Some(dir) = &out {
            write_for_faiss(dir, &data, &expected).expect("write the data for FAISS");
        }

        let t = Instant::now();
        let mut index = Index::build(data.entries.clone());
        let build_seconds = t.elapsed().as_secs_f64();
        let (found, latencies, wall) = run_queries(&index, &data.queries);
        let recall_ok = found == expected;
        let matches: usize = expected.iter().map(Vec::len).sum();
        let planted_found = found[..queries / 2].iter().all(|m| !m.is_empty());
        failed |= !recall_ok || !planted_found;

        // An insert, then the next search: how long until a new entry is matchable (and a
        // withdrawn one gone).
        let probe = data.queries[queries - 1];
        let t = Instant::now();
        index.insert(u32::MAX, probe);
        let matchable = index.search(&probe, 0).iter().any(|m| m.id == u32::MAX);
        let insert_ms = t.elapsed().as_secs_f64() * 1000.0;
        let t = Instant::now();
        let removed = index.remove(u32::MAX, &probe)
            && !index.search(&probe, 0).iter().any(|m| m.id == u32::MAX);
        let remove_ms = t.elapsed().as_secs_f64() * 1000.0;
        failed |= !matchable || !removed;

        let qps = queries as f64 / wall;
        println!(
            "{{\"bench\":\"pdq_index\",\"data\":\"{name}\",\"entries\":{entries},\"queries\":{queries},\"radius\":{RADIUS},\"threads\":{THREADS},\
\"tables\":{},\"build_s\":{build_seconds:.2},\"qps\":{qps:.0},\"p99_ms\":{:.3},\"bytes_per_entry\":{:.1},\
\"scan_qps\":{scan_qps:.0},\"ratio_vs_scan\":{:.1},\"matches\":{matches},\"recall_100\":{recall_ok},\
\"insert_to_matchable_ms\":{insert_ms:.3},\"remove_to_gone_ms\":{remove_ms:.3}}}",
            index.tables(),
            p99(latencies),
            index.heap_bytes() as f64 / entries as f64,
            qps / scan_qps,
        );
    }
    if failed {
        eprintln!(
            "FAILED: an answer differed from the linear scan, or an insert/removal was not seen"
        );
        std::process::exit(1);
    }
}
