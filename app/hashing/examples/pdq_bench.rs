//! Native timing of the hashing core on one image (default: the committed
//! 4000x3000 PNG). `cargo run --release -p app --example pdq_bench -- [FILE] [RUNS]`.
//! Compare with `pdq_bench_reference.py` beside this file, which times `pdqhash` on the
//! same Pillow-decoded pixels.

use std::time::{Duration, Instant};

use hashing::{FileDigest, pdq_from_rgb, pdq_from_rgba, pdq_with_dihedral_from_rgb};

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let start = Instant::now();
    let mut last = f();
    let mut best = start.elapsed();
    for _ in 1..runs {
        let start = Instant::now();
        last = f();
        best = best.min(start.elapsed());
    }
    (best, last)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let default = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/testdata/images/poster_4000x3000.png"
    );
    let path = args.get(1).map(String::as_str).unwrap_or(default);
    let runs: usize = args.get(2).map(|r| r.parse()).transpose()?.unwrap_or(10);

    let bytes = std::fs::read(path)?;
    let (decode, img) = time(3, || image::load_from_memory(&bytes));
    let rgb = img?.to_rgb8();
    let (w, h) = rgb.dimensions();
    let rgba = image::DynamicImage::ImageRgb8(rgb.clone()).to_rgba8();
    println!(
        "{path}: {w}x{h}, {} bytes, best of {runs} runs",
        bytes.len()
    );
    println!(
        "decode (image crate)        {:>8.1} ms",
        decode.as_secs_f64() * 1e3
    );

    let (t, pdq) = time(runs, || pdq_from_rgb(w, h, rgb.as_raw()));
    let pdq = pdq?;
    println!(
        "pdq_from_rgb                {:>8.1} ms  {} q{}",
        t.as_secs_f64() * 1e3,
        pdq.hash,
        pdq.quality
    );
    let (t, _) = time(runs, || pdq_from_rgba(w, h, rgba.as_raw()));
    println!(
        "pdq_from_rgba               {:>8.1} ms",
        t.as_secs_f64() * 1e3
    );
    let (t, _) = time(runs, || pdq_with_dihedral_from_rgb(w, h, rgb.as_raw()));
    println!(
        "pdq_with_dihedral_from_rgb  {:>8.1} ms",
        t.as_secs_f64() * 1e3
    );
    let (t, d) = time(runs, || {
        let mut digest = FileDigest::new();
        for chunk in bytes.chunks(64 * 1024) {
            digest.update(chunk);
        }
        digest.finish()
    });
    println!(
        "md5+sha256 of file          {:>8.1} ms  ({:.0} MB/s)",
        t.as_secs_f64() * 1e3,
        bytes.len() as f64 / t.as_secs_f64() / 1e6
    );
    let _ = d;
    Ok(())
}
