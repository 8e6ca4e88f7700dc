use super::*;

use crate::random::Rng;

/// Codes with planted neighbours of a few base codes at every distance 0-40, so each query
/// has matches right at the radius and just beyond it; and the queries.
fn data(n: usize, seed: u64) -> (Vec<(u32, Code)>, Vec<Code>) {
    let mut rng = Rng(seed);
    let mut entries: Vec<(u32, Code)> = (0..n as u32).map(|id| (id * 3, rng.code())).collect();
    let mut queries = Vec::new();
    for q in 0..12 {
        let base = rng.code();
        queries.push(base);
        for d in 0..=40 {
            let id = 10_000_000 + q * 100 + d;
            entries.push((id, rng.near(&base, d)));
        }
        // A second entry with the very same code: both are found.
        entries.push((20_000_000 + q, base));
    }
    queries.push(entries[5].1);
    (entries, queries)
}

fn oracle(entries: &[(u32, Code)], query: &Code, radius: u32) -> Vec<Match> {
    let (ids, codes): (Vec<u32>, Vec<Code>) = entries.iter().copied().unzip();
    scan(&codes, &ids, std::slice::from_ref(query), radius).remove(0)
}

#[test]
fn every_entry_within_the_radius_is_found_nearest_first_as_a_scan_finds_it() {
    let (entries, queries) = data(30_000, 1);
    for tables in [8, 11, 13, 16] {
        let index = Index::with_tables(tables, entries.clone());
        assert_eq!(index.len(), entries.len());
        for radius in [0, 1, 10, 31, 32] {
            for query in &queries {
                let expected = oracle(&entries, query, radius);
                assert_eq!(
                    index.search(query, radius),
                    expected,
                    "m={tables} r={radius}"
                );
            }
        }
    }
    // The planted ones are there, right up to the radius, and none beyond it.
    let index = Index::build(entries.clone());
    let found = index.search(&queries[0], 31);
    let planted: Vec<u32> = found
        .iter()
        .map(|m| m.id)
        .filter(|&id| id >= 10_000_000)
        .collect();
    assert_eq!(planted.len(), 33, "distances 0-31, and the copy at 0");
    assert_eq!(found[0].distance, 0);
    assert_eq!(found.last().unwrap().distance, 31);
}

#[test]
fn an_inserted_entry_is_found_and_a_removed_one_is_not_by_the_next_search() {
    let (entries, queries) = data(20_000, 2);
    let mut index = Index::build(entries.clone());
    let query = queries[3];
    let before = index.search(&query, 31);

    let mut rng = Rng(99);
    let new = rng.near(&query, 7);
    index.insert(4242, new);
    let after = index.search(&query, 31);
    assert!(after.contains(&Match {
        distance: 7,
        id: 4242
    }));
    assert_eq!(after.len(), before.len() + 1);

    // Withdrawn: one from a segment, the new one from the delta.
    let planted = entries
        .iter()
        .find(|(id, _)| *id == 10_000_300 + 5)
        .unwrap();
    assert!(index.remove(planted.0, &planted.1));
    assert!(index.remove(4242, &new));
    assert!(!index.remove(4242, &new), "once");
    assert!(
        !index.remove(planted.0, &rng.code()),
        "the id with another code is not it"
    );
    let gone = index.search(&query, 31);
    assert!(!gone.iter().any(|m| m.id == planted.0 || m.id == 4242));
    assert_eq!(gone.len(), before.len() - 1);
    assert_eq!(index.len(), entries.len() - 1);

    // Folded into fresh segments, the same answers.
    index.insert(77, query);
    let expected = index.search(&query, 31);
    index.compact();
    assert_eq!(index.delta_len(), 0);
    assert_eq!(index.search(&query, 31), expected);
}

#[test]
fn skewed_codes_with_hot_buckets_are_still_found_exactly() {
    // Half of the codes share their first 64 bits (a template seen everywhere): one bucket of
    // table 0 holds more than a u16 offset can count.
    let mut rng = Rng(3);
    let hot = rng.next_u64();
    let entries: Vec<(u32, Code)> = (0..140_000u32)
        .map(|id| {
            let mut code = rng.code();
            if id % 2 == 0 {
                code.0[0] = hot;
            }
            (id, code)
        })
        .collect();
    let index = Index::with_tables(11, entries.clone());
    for q in [0usize, 1, 2, 3, 777] {
        let query = rng.near(&entries[q].1, 12);
        assert_eq!(
            index.search(&query, 31),
            oracle(&entries, &query, 31),
            "query {q}"
        );
    }
}

#[test]
fn small_lists_are_searched_without_tables() {
    let (entries, queries) = data(100, 4);
    let index = Index::build(entries.clone());
    for query in &queries {
        assert_eq!(index.search(query, 31), oracle(&entries, query, 31));
    }
    assert!(Index::build(Vec::new()).is_empty());
}

#[test]
fn the_tables_cover_every_bit_once_and_the_radii_add_up() {
    for m in 8..=32 {
        let layout = Layout::with_tables(m);
        let widths: u32 = layout.tables.iter().map(|t| t.1).sum();
        assert_eq!(widths, 256);
        for radius in 0..64 {
            // Pigeonhole: if every table's substring were one past its radius, the distance
            // would exceed the radius.
            let least_unfound: u32 = layout.radii(radius).map(|r| r.map_or(0, |r| r + 1)).sum();
            assert!(least_unfound > radius, "m={m} r={radius}");
        }
    }
    assert_eq!(Layout::for_size(10_000_000).tables.len(), 11);
    assert_eq!(Layout::for_size(1_000_000).tables.len(), 13);
}

#[test]
fn hex_reads_back_and_bad_hex_is_refused() {
    let mut rng = Rng(5);
    let code = rng.code();
    assert_eq!(Code::from_hex(&code.to_hex()), Some(code));
    assert_eq!(Code::from_hex(&code.to_hex().to_uppercase()), Some(code));
    assert_eq!(Code::from_hex("abc"), None);
    assert_eq!(Code::from_hex(&"g".repeat(64)), None);
    assert_eq!(Code::from_hex(&format!("+{}", &"0".repeat(63))), None);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
    #[test]
    fn any_codes_any_radius_the_index_agrees_with_the_scan(
        seed in 0u64..1_000_000,
        tables in 8usize..20,
        radius in 0u32..40,
    ) {
        let (entries, queries) = data(5_000, seed);
        let index = Index::with_tables(tables, entries.clone());
        for query in queries.iter().take(4) {
            proptest::prop_assert_eq!(index.search(query, radius), oracle(&entries, query, radius));
        }
    }
}
