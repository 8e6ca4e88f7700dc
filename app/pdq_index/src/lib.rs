//! Exact radius search over 256-bit PDQ hashes, for the platforms' hash list: every entry
//! within the radius is found (no approximation), nearest first.
//!
//! **Multi-index hashing** (Norouzi, Punjani and Fleet, TPAMI 2014). The 256 bits are cut into
//! `m` substrings, one table each. Two codes within distance `r` have, by pigeonhole, at least
//! one substring within `r / m` of each other; with Norouzi's refinement (`r = m·r' + a`) the
//! first `a + 1` tables are probed at radius `r'` and the others at `r' − 1`. A query probes
//! every key within that radius in each table and checks the candidates' full distance.
//!
//! Why not Meta's layout (16 tables of 16 bits, one flip each, as HMA runs FAISS): at radius 31
//! each table matches `17 · N / 65,536` codes, about 41,500 random code fetches per query at 10 M,
//! bound by memory latency. `m` is chosen from the size instead (`256 / log2 N`, 11 at 10 M):
//! about 2,900 probes and 2,900 candidates per query on uniform codes.
//!
//! **Compact tables** so the index stays under 80 bytes an entry at 10 M (the research notes'
//! dense 2^23-bucket directories cost 32-64 MB a table):
//! - the codes are stored sorted by their first substring, so table 0 needs no positions,
//!   only one byte per entry (the key's low bits);
//! - every other table is one `u32` per entry, the key's low 8 bits above a 24-bit position,
//!   grouped by the key's high bits;
//! - a directory over the high bits (about 16 entries a bucket): a `u32` start per group of
//!   buckets and a `u16` offset per bucket.
//!
//! At 10 M with `m = 11` that is 32 (code) + 4 (id) + 1 + 10 · 4 + about 1.5 (directories) ≈ 78.5
//! bytes an entry ([`Index::heap_bytes`] counts it exactly). A segment holds at most 2^24 entries
//! (the 24-bit positions); more become several segments.
//!
//! **Changes without a rebuild.** New entries go into a delta that is scanned linearly (a few
//! thousand codes cost microseconds), withdrawn ones become tombstones; [`Index::compact`] folds
//! both into fresh segments when the delta has grown. An insert or a removal is visible to the
//! next search.
//!
//! Popcount uses the CPU's instruction where it has one (checked once at run time), and the
//! batched [`scan`] is the floor to beat and the oracle the tests compare with.

use std::sync::OnceLock;

/// A PDQ hash as 256 bits. Bit `i` is bit `i % 64` of word `i / 64`; the hex form is Meta's
/// (64 digits, the first 16 are word 0).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code(pub [u64; 4]);

impl Code {
    /// The hash written as 64 hex digits (either case), or `None`.
    pub fn from_hex(hex: &str) -> Option<Code> {
        if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let mut words = [0u64; 4];
        for (i, word) in words.iter_mut().enumerate() {
            *word = u64::from_str_radix(&hex[16 * i..16 * i + 16], 16).ok()?;
        }
        Some(Code(words))
    }

    pub fn to_hex(&self) -> String {
        self.0.iter().map(|w| format!("{w:016x}")).collect()
    }

    /// The Hamming distance: how many of the 256 bits differ.
    #[inline(always)]
    pub fn distance(&self, other: &Code) -> u32 {
        (self.0[0] ^ other.0[0]).count_ones()
            + (self.0[1] ^ other.0[1]).count_ones()
            + (self.0[2] ^ other.0[2]).count_ones()
            + (self.0[3] ^ other.0[3]).count_ones()
    }

    #[inline(always)]
    fn xor(&self, other: &Code) -> Code {
        Code([
            self.0[0] ^ other.0[0],
            self.0[1] ^ other.0[1],
            self.0[2] ^ other.0[2],
            self.0[3] ^ other.0[3],
        ])
    }

    /// `width` (at most 32) bits from bit `offset`.
    #[inline(always)]
    fn bits(&self, offset: u32, width: u32) -> u32 {
        let word = (offset / 64) as usize;
        let shift = offset % 64;
        let mut value = self.0[word] >> shift;
        if shift + width > 64 {
            value |= self.0[word + 1] << (64 - shift);
        }
        (value & ((1u64 << width) - 1)) as u32
    }
}

/// One entry found: its id and its distance from the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Match {
    pub distance: u32,
    pub id: u32,
}

/// Nearest first, ties by id: the order the API promises.
fn sorted(mut matches: Vec<Match>) -> Vec<Match> {
    matches.sort_unstable();
    matches
}

/// Below this many entries there are no tables: a linear scan of them is as fast.
const MIN_SEGMENT: usize = 4096;
/// Positions are 24 bits in the tables.
const MAX_SEGMENT: usize = 1 << 24;
/// The key's low bits kept beside each position (the rest are the directory's).
const LOW_BITS: u32 = 8;

/// Where each table's substring lies in the 256 bits.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Layout {
    /// (offset, width) per table; widths differ by at most one.
    tables: Vec<(u32, u32)>,
}

impl Layout {
    /// Norouzi's choice: substrings about log2(N) bits long, so that each key matches about
    /// one entry. 11 tables at 10 M, 13 at 1 M.
    fn for_size(n: usize) -> Layout {
        let log = (n.max(2) as f64).log2();
        Layout::with_tables(((256.0 / log).round() as usize).clamp(8, 32))
    }

    fn with_tables(m: usize) -> Layout {
        let (base, extra) = (256 / m as u32, 256 % m as u32);
        let mut offset = 0;
        let tables = (0..m as u32)
            .map(|t| {
                let width = base + u32::from(t < extra);
                let table = (offset, width);
                offset += width;
                table
            })
            .collect();
        Layout { tables }
    }

    /// The radius each table is probed at for a search within `radius`, or `None` for a table
    /// that need not be probed at all.
    fn radii(&self, radius: u32) -> impl Iterator<Item = Option<u32>> + '_ {
        let m = self.tables.len() as u32;
        let (per_table, first) = (radius / m, radius % m);
        (0..m).map(move |t| {
            if t <= first {
                Some(per_table)
            } else {
                per_table.checked_sub(1)
            }
        })
    }
}

/// The positions of one table's entries, grouped by the high bits of their key.
#[derive(Debug)]
struct Table {
    offset: u32,
    width: u32,
    /// The key's high bits (`width - LOW_BITS`, at most) pick the bucket.
    bucket_bits: u32,
    /// Buckets per directory group: `1 << group_bits`.
    group_bits: u32,
    /// Where each group's entries start; one more at the end (the segment's length).
    group_start: Vec<u32>,
    /// Where each bucket starts, from its group's start.
    bucket_offset: Vec<u16>,
    entries: Entries,
}

#[derive(Debug)]
enum Entries {
    /// Table 0: the codes themselves are in its order, so only the key's low bits are kept.
    InOrder(Vec<u8>),
    /// The key's low bits above a 24-bit position.
    Positions(Vec<u32>),
}

impl Table {
    fn low_bits(&self) -> u32 {
        self.width - self.bucket_bits
    }

    fn bucket_start(&self, bucket: usize) -> usize {
        self.group_start[bucket >> self.group_bits] as usize
            + self
                .bucket_offset
                .get(bucket)
                .map_or(0, |&offset| offset as usize)
    }

    /// The range of entries in `bucket`.
    #[inline(always)]
    fn bucket(&self, bucket: usize) -> std::ops::Range<usize> {
        self.bucket_start(bucket)..self.bucket_start(bucket + 1)
    }

    /// Builds the directory from the number of entries in each bucket, with groups as large as
    /// the `u16` offsets allow (hot buckets of skewed data make groups smaller).
    fn directory(counts: &[u32]) -> (u32, Vec<u32>, Vec<u16>) {
        let mut group_bits = 6u32.min(counts.len().trailing_zeros());
        loop {
            let group = 1usize << group_bits;
            let fits = counts
                .chunks(group)
                .all(|chunk| chunk.iter().map(|&c| u64::from(c)).sum::<u64>() < 65_536);
            if fits || group_bits == 0 {
                break;
            }
            group_bits -= 1;
        }
        let group = 1usize << group_bits;
        let mut group_start = Vec::with_capacity(counts.len() / group + 1);
        let mut bucket_offset = Vec::with_capacity(counts.len());
        let mut at = 0u32;
        for chunk in counts.chunks(group) {
            group_start.push(at);
            let mut offset = 0u32;
            for &count in chunk {
                // With one bucket a group, offsets are always 0 and a bucket may hold more.
                bucket_offset.push(offset as u16);
                offset += count;
            }
            at += offset;
        }
        group_start.push(at);
        (group_bits, group_start, bucket_offset)
    }
}

/// An immutable part of the index: codes sorted by table 0's key, their ids, the tables, and
/// which entries have been withdrawn since it was built.
#[derive(Debug)]
struct Segment {
    codes: Vec<Code>,
    ids: Vec<u32>,
    tables: Vec<Table>,
    removed: Vec<u64>,
    removed_count: usize,
}

impl Segment {
    fn build(layout: &Layout, mut entries: Vec<(u32, Code)>) -> Segment {
        assert!(entries.len() <= MAX_SEGMENT);
        let n = entries.len();
        let log = (n.max(2) as f64).log2().ceil() as u32;
        let (offset0, width0) = layout.tables[0];
        entries.sort_unstable_by_key(|(id, code)| (code.bits(offset0, width0), *id));
        let (ids, codes): (Vec<u32>, Vec<Code>) = entries.into_iter().unzip();
        let tables = layout
            .tables
            .iter()
            .enumerate()
            .map(|(t, &(offset, width))| {
                // About 16 entries a bucket, but never more than LOW_BITS left to the entry.
                let bucket_bits = log
                    .saturating_sub(4)
                    .clamp(width.saturating_sub(LOW_BITS), width);
                let low_bits = width - bucket_bits;
                let low_mask = (1u32 << low_bits) - 1;
                let mut counts = vec![0u32; 1 << bucket_bits];
                for code in &codes {
                    counts[(code.bits(offset, width) >> low_bits) as usize] += 1;
                }
                let (group_bits, group_start, bucket_offset) = Table::directory(&counts);
                let mut table = Table {
                    offset,
                    width,
                    bucket_bits,
                    group_bits,
                    group_start,
                    bucket_offset,
                    entries: Entries::InOrder(Vec::new()),
                };
                table.entries = if t == 0 {
                    Entries::InOrder(
                        codes
                            .iter()
                            .map(|code| (code.bits(offset, width) & low_mask) as u8)
                            .collect(),
                    )
                } else {
                    let mut next: Vec<u32> = (0..counts.len())
                        .map(|bucket| table.bucket_start(bucket) as u32)
                        .collect();
                    let mut positions = vec![0u32; n];
                    for (position, code) in codes.iter().enumerate() {
                        let key = code.bits(offset, width);
                        let slot = &mut next[(key >> low_bits) as usize];
                        positions[*slot as usize] = ((key & low_mask) << 24) | position as u32;
                        *slot += 1;
                    }
                    Entries::Positions(positions)
                };
                table
            })
            .collect();
        Segment {
            removed: vec![0; n.div_ceil(64)],
            removed_count: 0,
            codes,
            ids,
            tables,
        }
    }

    fn is_removed(&self, position: usize) -> bool {
        self.removed[position / 64] & (1 << (position % 64)) != 0
    }

    fn live(&self) -> usize {
        self.codes.len() - self.removed_count
    }

    /// Every live entry within `radius` of `query`, into `found`.
    #[inline(always)]
    fn search(&self, radii: &[Option<u32>], query: &Code, radius: u32, found: &mut Vec<Match>) {
        for (t, table) in self.tables.iter().enumerate() {
            let Some(table_radius) = radii[t] else {
                continue;
            };
            let key = query.bits(table.offset, table.width);
            let low_bits = table.low_bits();
            let low_mask = (1u32 << low_bits) - 1;
            let mut candidate = |position: usize| {
                if self.is_removed(position) {
                    return;
                }
                let xor = query.xor(&self.codes[position]);
                let distance = xor.distance(&Code::default());
                if distance > radius {
                    return;
                }
                // Found already by an earlier table if its substring is within that table's
                // radius there: checked on the XOR, no set of seen entries needed.
                let seen = self.tables[..t].iter().zip(radii).any(|(earlier, r)| {
                    r.is_some_and(|r| xor.bits(earlier.offset, earlier.width).count_ones() <= r)
                });
                if !seen {
                    found.push(Match {
                        distance,
                        id: self.ids[position],
                    });
                }
            };
            each_within(key, table.width, table_radius, &mut |probe| {
                let bucket = (probe >> low_bits) as usize;
                let low = probe & low_mask;
                let range = table.bucket(bucket);
                match &table.entries {
                    Entries::InOrder(lows) => {
                        for (i, &l) in lows[range.clone()].iter().enumerate() {
                            if u32::from(l) == low {
                                candidate(range.start + i);
                            }
                        }
                    }
                    Entries::Positions(positions) => {
                        for &entry in &positions[range] {
                            if entry >> 24 == low {
                                candidate((entry & 0x00ff_ffff) as usize);
                            }
                        }
                    }
                }
            });
        }
    }

    /// The position of the live entry `id` with `code`, found through table 0.
    fn position_of(&self, id: u32, code: &Code) -> Option<usize> {
        let table = &self.tables[0];
        let key = code.bits(table.offset, table.width);
        table
            .bucket((key >> table.low_bits()) as usize)
            .find(|&p| self.ids[p] == id && self.codes[p] == *code && !self.is_removed(p))
    }

    fn heap_bytes(&self) -> usize {
        let tables: usize = self
            .tables
            .iter()
            .map(|table| {
                table.group_start.len() * 4
                    + table.bucket_offset.len() * 2
                    + match &table.entries {
                        Entries::InOrder(lows) => lows.len(),
                        Entries::Positions(positions) => positions.len() * 4,
                    }
            })
            .sum();
        self.codes.len() * 32 + self.ids.len() * 4 + tables + self.removed.len() * 8
    }
}

/// Calls `f` with every `width`-bit key within `radius` bit flips of `key`, `key` first.
#[inline(always)]
fn each_within(key: u32, width: u32, radius: u32, f: &mut impl FnMut(u32)) {
    fn flip(key: u32, from: u32, width: u32, left: u32, f: &mut impl FnMut(u32)) {
        for bit in from..width {
            let flipped = key ^ (1 << bit);
            f(flipped);
            if left > 1 {
                flip(flipped, bit + 1, width, left - 1, f);
            }
        }
    }
    f(key);
    if radius > 0 {
        flip(key, 0, width, radius, f);
    }
}

/// The index: segments with tables, a delta scanned linearly, tombstones.
#[derive(Debug)]
pub struct Index {
    layout: Layout,
    segments: Vec<Segment>,
    delta_codes: Vec<Code>,
    delta_ids: Vec<u32>,
}

impl Index {
    /// An index of `entries` (id, code), with as many tables as suits their number.
    pub fn build(entries: Vec<(u32, Code)>) -> Index {
        let layout = Layout::for_size(entries.len());
        Index::build_with(layout, entries)
    }

    /// With `tables` tables, whatever the size (for tests and the benchmark).
    pub fn with_tables(tables: usize, entries: Vec<(u32, Code)>) -> Index {
        Index::build_with(Layout::with_tables(tables.clamp(1, 32)), entries)
    }

    fn build_with(layout: Layout, mut entries: Vec<(u32, Code)>) -> Index {
        let mut index = Index {
            layout,
            segments: Vec::new(),
            delta_codes: Vec::new(),
            delta_ids: Vec::new(),
        };
        if entries.len() < MIN_SEGMENT {
            for (id, code) in entries {
                index.insert(id, code);
            }
            return index;
        }
        while !entries.is_empty() {
            let rest = entries.split_off(entries.len().min(MAX_SEGMENT));
            let segment = Segment::build(&index.layout, std::mem::replace(&mut entries, rest));
            index.segments.push(segment);
        }
        index
    }

    /// How many tables the segments have.
    pub fn tables(&self) -> usize {
        self.layout.tables.len()
    }

    /// Live entries.
    pub fn len(&self) -> usize {
        self.segments.iter().map(Segment::live).sum::<usize>() + self.delta_codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Entries added since the segments were built (searched linearly).
    pub fn delta_len(&self) -> usize {
        self.delta_codes.len()
    }

    /// Adds an entry: matchable by the next search.
    pub fn insert(&mut self, id: u32, code: Code) {
        self.delta_codes.push(code);
        self.delta_ids.push(id);
    }

    /// Withdraws the entry `id` with `code` (the caller has both: the hash list keeps a hash
    /// until its entry is withdrawn): gone from the next search. False if there is none.
    pub fn remove(&mut self, id: u32, code: &Code) -> bool {
        if let Some(i) = (0..self.delta_ids.len())
            .find(|&i| self.delta_ids[i] == id && self.delta_codes[i] == *code)
        {
            self.delta_codes.swap_remove(i);
            self.delta_ids.swap_remove(i);
            return true;
        }
        for segment in &mut self.segments {
            if let Some(position) = segment.position_of(id, code) {
                segment.removed[position / 64] |= 1 << (position % 64);
                segment.removed_count += 1;
                return true;
            }
        }
        false
    }

    /// Rebuilds the segments with the delta folded in and the withdrawn entries dropped, and
    /// with the number of tables that suits the new size.
    pub fn compact(&mut self) {
        let mut entries = Vec::with_capacity(self.len());
        for segment in &self.segments {
            for position in 0..segment.codes.len() {
                if !segment.is_removed(position) {
                    entries.push((segment.ids[position], segment.codes[position]));
                }
            }
        }
        entries.extend(
            self.delta_ids
                .iter()
                .copied()
                .zip(self.delta_codes.iter().copied()),
        );
        *self = Index::build(entries);
    }

    /// Every live entry within `radius` of `query`, nearest first, ties by id.
    pub fn search(&self, query: &Code, radius: u32) -> Vec<Match> {
        if has_popcnt() {
            // SAFETY: the CPU has the instruction (checked at run time just above).
            unsafe { self.search_popcnt(query, radius) }
        } else {
            self.search_portable(query, radius)
        }
    }

    #[cfg_attr(
        any(target_arch = "x86", target_arch = "x86_64"),
        target_feature(enable = "popcnt")
    )]
    #[cfg_attr(
        not(any(target_arch = "x86", target_arch = "x86_64")),
        allow(clippy::missing_safety_doc)
    )]
    unsafe fn search_popcnt(&self, query: &Code, radius: u32) -> Vec<Match> {
        self.search_inline(query, radius)
    }

    fn search_portable(&self, query: &Code, radius: u32) -> Vec<Match> {
        self.search_inline(query, radius)
    }

    #[inline(always)]
    fn search_inline(&self, query: &Code, radius: u32) -> Vec<Match> {
        let mut found = Vec::new();
        let radii: Vec<Option<u32>> = self.layout.radii(radius).collect();
        for segment in &self.segments {
            segment.search(&radii, query, radius, &mut found);
        }
        for (code, &id) in self.delta_codes.iter().zip(&self.delta_ids) {
            let distance = query.distance(code);
            if distance <= radius {
                found.push(Match { distance, id });
            }
        }
        sorted(found)
    }

    /// The memory the index holds: codes, ids, tables, directories, tombstones and delta.
    pub fn heap_bytes(&self) -> usize {
        self.segments.iter().map(Segment::heap_bytes).sum::<usize>() + self.delta_codes.len() * 36
    }
}

fn has_popcnt() -> bool {
    static POPCNT: OnceLock<bool> = OnceLock::new();
    *POPCNT.get_or_init(|| {
        #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
        {
            std::is_x86_feature_detected!("popcnt")
        }
        #[cfg(not(any(target_arch = "x86", target_arch = "x86_64")))]
        {
            false
        }
    })
}

/// The batched linear scan: every code within `radius` of each query, nearest first, ties by
/// id. Queries go through the codes 64 at a time, so each code is read from memory once per 64
/// queries instead of once per query. The floor an index must beat, and the tests' oracle.
pub fn scan(codes: &[Code], ids: &[u32], queries: &[Code], radius: u32) -> Vec<Vec<Match>> {
    assert_eq!(codes.len(), ids.len());
    if has_popcnt() {
        // SAFETY: the CPU has the instruction (checked at run time just above).
        unsafe { scan_popcnt(codes, ids, queries, radius) }
    } else {
        scan_inline(codes, ids, queries, radius)
    }
}

#[cfg_attr(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature(enable = "popcnt")
)]
unsafe fn scan_popcnt(
    codes: &[Code],
    ids: &[u32],
    queries: &[Code],
    radius: u32,
) -> Vec<Vec<Match>> {
    scan_inline(codes, ids, queries, radius)
}

#[inline(always)]
fn scan_inline(codes: &[Code], ids: &[u32], queries: &[Code], radius: u32) -> Vec<Vec<Match>> {
    let mut found: Vec<Vec<Match>> = vec![Vec::new(); queries.len()];
    for (block, out) in queries.chunks(64).zip(found.chunks_mut(64)) {
        for (code, &id) in codes.iter().zip(ids) {
            for (query, matches) in block.iter().zip(out.iter_mut()) {
                let distance = query.distance(code);
                if distance <= radius {
                    matches.push(Match { distance, id });
                }
            }
        }
    }
    found.into_iter().map(sorted).collect()
}

/// A small, fast generator (splitmix64) for the tests and the benchmark: no dependency, and
/// the same seed gives the same codes. Not for anything that must be unpredictable.
#[doc(hidden)]
pub mod random {
    use super::Code;

    pub struct Rng(pub u64);

    impl Rng {
        pub fn next_u64(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }

        pub fn code(&mut self) -> Code {
            Code([
                self.next_u64(),
                self.next_u64(),
                self.next_u64(),
                self.next_u64(),
            ])
        }

        /// `code` with exactly `flips` bits changed, chosen at random.
        pub fn near(&mut self, code: &Code, flips: u32) -> Code {
            let mut out = *code;
            let mut bits: Vec<usize> = (0..256).collect();
            for i in 0..flips.min(256) as usize {
                let j = i + (self.next_u64() % (256 - i as u64)) as usize;
                bits.swap(i, j);
                out.0[bits[i] / 64] ^= 1 << (bits[i] % 64);
            }
            out
        }
    }
}

#[cfg(test)]
mod tests;
