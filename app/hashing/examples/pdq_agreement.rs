//! Prints the agreement table for every reference set present (committed,
//! ThreatExchange, and `large/` if generated):
//! `cargo run --release -p app --example pdq_agreement`.

#[path = "../tests/common/mod.rs"]
mod common;

use common::{Outcome, evaluate, load, table, testdata_dir};

fn main() {
    let dir = testdata_dir();
    for (name, sub) in [
        ("generated", ""),
        ("ThreatExchange pdq/data", "threatexchange"),
        ("large (generated on demand)", "large"),
    ] {
        let Some(refs) = load(&dir.join(sub)) else {
            println!("## {name}: not present\n");
            continue;
        };
        let outcomes: Vec<Outcome> = refs.into_iter().map(evaluate).collect();
        println!("## {name}\n\n{}", table(&outcomes));
    }
}
