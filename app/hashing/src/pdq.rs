//! PDQ, Meta's perceptual image hash, computed bit for bit as Meta's C++
//! reference does when it is called through the `pdqhash` Python binding.
//!
//! The steps, each a function below:
//! 1. luminance of every pixel (`luma`), in the binding's arithmetic;
//! 2. a two-pass Jarosz box blur of the luminance, each pass a horizontal then
//!    a vertical box filter, then decimation to 64x64 (`jarosz_downsample`);
//!    an image of exactly 64x64 skips the blur, as Meta's does;
//! 3. the quality score from gradients of the 64x64 block (`quality_metric`);
//! 4. a 2-D DCT keeping frequencies 1..=16 in each direction (`dct_64_to_16`);
//! 5. one bit per coefficient: above the median or not (`threshold_at_median`).
//!
//! The eight dihedral hashes come from the same DCT by sign flips and a
//! transpose of the 16x16 coefficients (`transform_coefficients`), as Meta's
//! `pdqDihedralHash256esFromFloatLuma` does.
//!
//! Bit-exactness rests on doing every floating-point operation in the same
//! order and precision as the reference: f32 running sums added then
//! subtracted, true division by the window count (never a reciprocal), DCT
//! sums accumulated in increasing `k`, no fused multiply-add. The blur is
//! reorganised for speed (streamed through a ring of rows, vertical passes
//! vectorised across columns, only the needed outputs of the second pass
//! divided) but each output sees the identical sequence of operations.

use std::fmt;
use std::sync::OnceLock;

use super::hash256::Hash256;

/// Side of the downsampled block the DCT works on.
const BLOCK: usize = 64;
/// Side of the kept DCT coefficients (frequencies 1..=16).
const COEFFS: usize = 16;
/// Meta hashes nothing smaller than this in either dimension: the result is
/// the zero hash with quality 0.
const MIN_HASHABLE_DIM: usize = 5;
/// Rows (in the last pass, sampled columns) blurred side by side, so that
/// their running sums, each a chain of dependent additions, overlap in the
/// CPU instead of waiting on each other.
const INTERLEAVED_ROWS: usize = 4;
const _: () = assert!(
    BLOCK.is_multiple_of(INTERLEAVED_ROWS),
    "the last pass takes the 64 columns in groups"
);

type Block64 = [[f32; BLOCK]; BLOCK];
type Block16 = [[f32; COEFFS]; COEFFS];

/// A PDQ hash and Meta's quality score for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PdqHash {
    /// The 256-bit perceptual hash.
    pub hash: Hash256,
    /// 0..=100; Meta suggests ignoring hashes of quality 49 or less, which are
    /// typically of flat or near-featureless images.
    pub quality: u8,
}

/// The plain PDQ hash together with the eight dihedral hashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PdqHashes {
    /// Identical to what [`pdq_from_rgb`] returns (Meta's `pdqHash256FromFloatLuma`).
    pub pdq: PdqHash,
    /// Identical to Meta's `pdqDihedralHash256esFromFloatLuma`, indexed in the
    /// order of [`Dihedral::ALL`]. `dihedral[0]` equals `pdq.hash` except for
    /// images of exactly 64x64 pixels, where Meta's plain routine skips the
    /// blur and its dihedral routine does not.
    pub dihedral: [Hash256; 8],
}

/// The eight symmetries of the square, in Meta's order. Each names how the
/// *image* was transformed: the hash at that index is (approximately) the
/// PDQ hash of the image transformed so. PDQ does not promise exact equality:
/// the decimation grid is not always symmetric, so the hash of an actually
/// rotated image can be a few bits away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dihedral {
    /// The image as given.
    Original,
    /// Rotated 90 degrees counter-clockwise (`numpy.rot90(img, 1)`).
    Rotate90,
    /// Rotated 180 degrees.
    Rotate180,
    /// Rotated 270 degrees counter-clockwise, i.e. 90 degrees clockwise.
    Rotate270,
    /// Mirrored top to bottom (upside down; `numpy.flipud`).
    FlipX,
    /// Mirrored left to right (`numpy.fliplr`).
    FlipY,
    /// Transposed: mirrored about the top-left to bottom-right diagonal.
    FlipPlus1,
    /// Mirrored about the top-right to bottom-left diagonal.
    FlipMinus1,
}

impl Dihedral {
    /// Meta's order, which is also the order of [`PdqHashes::dihedral`].
    pub const ALL: [Dihedral; 8] = [
        Dihedral::Original,
        Dihedral::Rotate90,
        Dihedral::Rotate180,
        Dihedral::Rotate270,
        Dihedral::FlipX,
        Dihedral::FlipY,
        Dihedral::FlipPlus1,
        Dihedral::FlipMinus1,
    ];

    /// Meta's name for this transform, as its tools print it.
    pub fn meta_name(self) -> &'static str {
        match self {
            Dihedral::Original => "ORIGINAL",
            Dihedral::Rotate90 => "ROTATE90",
            Dihedral::Rotate180 => "ROTATE180",
            Dihedral::Rotate270 => "ROTATE270",
            Dihedral::FlipX => "FLIPX",
            Dihedral::FlipY => "FLIPY",
            Dihedral::FlipPlus1 => "FLIPPLUS1",
            Dihedral::FlipMinus1 => "FLIPMINUS1",
        }
    }

    /// The transform as: mirror rows (top-bottom), mirror columns
    /// (left-right), then transpose.
    fn as_mirrors_then_transpose(self) -> (bool, bool, bool) {
        match self {
            Dihedral::Original => (false, false, false),
            Dihedral::Rotate90 => (false, true, true),
            Dihedral::Rotate180 => (true, true, false),
            Dihedral::Rotate270 => (true, false, true),
            Dihedral::FlipX => (true, false, false),
            Dihedral::FlipY => (false, true, false),
            Dihedral::FlipPlus1 => (false, false, true),
            Dihedral::FlipMinus1 => (true, true, true),
        }
    }
}

/// The hash of a transformed image, estimated from the hash alone: the bits of the
/// coefficients whose sign the transform flips are inverted, and transposed where it
/// transposes. Exact up to the median: the hash compares each coefficient with the median of
/// all 256, and flipping signs moves the median a little, so bits of coefficients near it
/// can differ from the [`PdqHashes::dihedral`] computed from the image. A platform that only
/// has a hash can match rotated and mirrored copies with it (`tests/properties.rs` measures
/// how far the estimate lands from the real dihedral hash).
pub fn transform_hash(hash: &Hash256, transform: Dihedral) -> Hash256 {
    let (mirror_rows, mirror_columns, transpose) = transform.as_mirrors_then_transpose();
    let mut out = Hash256::ZERO;
    for i in 0..COEFFS {
        for j in 0..COEFFS {
            let negate = (mirror_rows && i % 2 == 0) ^ (mirror_columns && j % 2 == 0);
            if hash.bit(i * COEFFS + j) != negate {
                out.set_bit(if transpose {
                    j * COEFFS + i
                } else {
                    i * COEFFS + j
                });
            }
        }
    }
    out
}

/// Why pixels could not be hashed. Images too small to hash are not an
/// error: like Meta's, they get the zero hash with quality 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdqError {
    /// The buffer is not `width * height * channels` bytes long.
    WrongBufferLength {
        /// `width * height * channels`.
        expected: usize,
        /// The length passed in.
        actual: usize,
    },
    /// `width * height * channels` overflows the address space.
    TooLarge,
}

impl fmt::Display for PdqError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::WrongBufferLength { expected, actual } => {
                write!(f, "pixel buffer has {actual} bytes, expected {expected}")
            }
            Self::TooLarge => write!(f, "image dimensions overflow the address space"),
        }
    }
}

impl std::error::Error for PdqError {}

/// PDQ hash of packed 8-bit RGB pixels, row-major, no padding between rows
/// (what `image::RgbImage` holds).
pub fn pdq_from_rgb(width: u32, height: u32, rgb: &[u8]) -> Result<PdqHash, PdqError> {
    Ok(pdq_of(&Pixels::<3>::new(width, height, rgb)?))
}

/// PDQ hash of packed 8-bit RGBA pixels (what a canvas's `ImageData` holds).
/// Alpha is ignored, as when Pillow converts RGBA to RGB; the colour under a
/// transparent pixel counts as it is.
pub fn pdq_from_rgba(width: u32, height: u32, rgba: &[u8]) -> Result<PdqHash, PdqError> {
    Ok(pdq_of(&Pixels::<4>::new(width, height, rgba)?))
}

/// PDQ hash and the eight dihedral hashes of packed RGB pixels, from one
/// blur and one DCT.
pub fn pdq_with_dihedral_from_rgb(
    width: u32,
    height: u32,
    rgb: &[u8],
) -> Result<PdqHashes, PdqError> {
    Ok(pdq_with_dihedral_of(&Pixels::<3>::new(width, height, rgb)?))
}

/// PDQ hash and the eight dihedral hashes of packed RGBA pixels (alpha
/// ignored), from one blur and one DCT.
pub fn pdq_with_dihedral_from_rgba(
    width: u32,
    height: u32,
    rgba: &[u8],
) -> Result<PdqHashes, PdqError> {
    Ok(pdq_with_dihedral_of(&Pixels::<4>::new(
        width, height, rgba,
    )?))
}

fn pdq_of<const C: usize>(pixels: &Pixels<'_, C>) -> PdqHash {
    if !pixels.is_hashable() {
        return PdqHash {
            hash: Hash256::ZERO,
            quality: 0,
        };
    }
    let block = if pixels.is_already_64x64() {
        luma_block(pixels)
    } else {
        jarosz_downsample(pixels)
    };
    hash_block(&block)
}

fn pdq_with_dihedral_of<const C: usize>(pixels: &Pixels<'_, C>) -> PdqHashes {
    if !pixels.is_hashable() {
        let pdq = PdqHash {
            hash: Hash256::ZERO,
            quality: 0,
        };
        return PdqHashes {
            pdq,
            dihedral: [Hash256::ZERO; 8],
        };
    }
    // Meta's dihedral routine blurs even a 64x64 image.
    let blurred = jarosz_downsample(pixels);
    let coefficients = dct_64_to_16(&blurred);
    let dihedral =
        Dihedral::ALL.map(|d| threshold_at_median(&transform_coefficients(&coefficients, d)));
    let pdq = if pixels.is_already_64x64() {
        hash_block(&luma_block(pixels))
    } else {
        PdqHash {
            hash: dihedral[0],
            quality: quality_metric(&blurred),
        }
    };
    PdqHashes { pdq, dihedral }
}

fn hash_block(block: &Block64) -> PdqHash {
    PdqHash {
        hash: threshold_at_median(&dct_64_to_16(block)),
        quality: quality_metric(block),
    }
}

// ---------------------------------------------------------------- pixels

/// A borrowed, validated image of `C` interleaved 8-bit channels, R, G, B first.
struct Pixels<'a, const C: usize> {
    bytes: &'a [u8],
    width: usize,
    height: usize,
}

impl<'a, const C: usize> Pixels<'a, C> {
    fn new(width: u32, height: u32, bytes: &'a [u8]) -> Result<Self, PdqError> {
        let width = usize::try_from(width).map_err(|_| PdqError::TooLarge)?;
        let height = usize::try_from(height).map_err(|_| PdqError::TooLarge)?;
        let expected = width
            .checked_mul(height)
            .and_then(|n| n.checked_mul(C))
            .ok_or(PdqError::TooLarge)?;
        if bytes.len() != expected {
            return Err(PdqError::WrongBufferLength {
                expected,
                actual: bytes.len(),
            });
        }
        Ok(Self {
            bytes,
            width,
            height,
        })
    }

    fn is_hashable(&self) -> bool {
        self.width >= MIN_HASHABLE_DIM && self.height >= MIN_HASHABLE_DIM
    }

    fn is_already_64x64(&self) -> bool {
        self.width == BLOCK && self.height == BLOCK
    }

    fn luma_row(&self, y: usize, out: &mut [f32]) {
        let row = &self.bytes[y * self.width * C..(y + 1) * self.width * C];
        for (value, pixel) in out.iter_mut().zip(row.chunks_exact(C)) {
            *value = luma(pixel[0], pixel[1], pixel[2]);
        }
    }
}

/// Rec. 601 luma as the `pdqhash` binding computes it: numpy multiplies the
/// 8-bit channels by the coefficients in f64, sums left to right, and casts
/// to f32. (Meta's C++ file loader does the same sum in f32, which rounds a
/// few pixels differently; the binding is what Meta's Python tooling uses.)
fn luma(r: u8, g: u8, b: u8) -> f32 {
    (f64::from(r) * 0.299 + f64::from(g) * 0.587 + f64::from(b) * 0.114) as f32
}

fn luma_block<const C: usize>(pixels: &Pixels<'_, C>) -> Block64 {
    let mut block = [[0.0; BLOCK]; BLOCK];
    for (y, row) in block.iter_mut().enumerate() {
        pixels.luma_row(y, row);
    }
    block
}

// ---------------------------------------------------------------- blur and decimation

/// One box filter along one axis, sized and placed as Meta's Jarosz filter.
///
/// Output `i` is the mean of inputs `i - behind ..= i + ahead`, clipped to the
/// vector. Meta computes it with a running sum: add the input entering on
/// the right, then subtract the one leaving on the left, then divide by the
/// number of inputs currently in the window.
#[derive(Debug, Clone, Copy)]
struct BoxWindow {
    len: usize,
    size: usize,
    ahead: usize,
    behind: usize,
}

impl BoxWindow {
    /// Two passes of a window of `ceil(len / 128)` together span one 64th
    /// of the axis, i.e. one output cell of the 64x64 downsample.
    fn for_downscale(len: usize) -> Self {
        let size = len.div_ceil(2 * BLOCK);
        let half = (size + 2) / 2;
        Self {
            len,
            size,
            ahead: half - 1,
            behind: size - half,
        }
    }

    /// First output whose window is no longer clipped on the left.
    fn full_from(&self) -> usize {
        self.behind + 1
    }

    /// First output whose window is clipped on the right.
    fn full_until(&self) -> usize {
        self.len - self.ahead
    }

    fn count_growing(&self, out: usize) -> f32 {
        (out + self.ahead + 1) as f32
    }

    fn count_shrinking(&self, out: usize) -> f32 {
        (self.len + self.behind - out) as f32
    }
}

/// The input index decimation keeps for each of the 64 outputs: the pixel
/// under the centre of each 64th, `floor((i + 0.5) * len / 64)`.
fn decimation_indices(len: usize) -> [usize; BLOCK] {
    std::array::from_fn(|i| {
        let index = (2 * i as u64 + 1) * len as u64 / (2 * BLOCK as u64);
        index as usize
    })
}

/// Runs Meta's running-sum box filter over `K` vectors side by side (vector
/// `k` is `input[k * stride..][..window.len]`), for outputs `0..outputs`,
/// handing each output's `K` window sums and window count to `emit`.
/// The division is left to `emit` so that unneeded outputs cost nothing.
fn run_box_filter<const K: usize>(
    window: &BoxWindow,
    input: &[f32],
    stride: usize,
    outputs: usize,
    mut emit: impl FnMut(usize, &[f32; K], f32),
) {
    let vectors: [&[f32]; K] = std::array::from_fn(|k| &input[k * stride..k * stride + window.len]);
    let mut sums = [0.0f32; K];
    let add = |sums: &mut [f32; K], i: usize| {
        for (sum, vector) in sums.iter_mut().zip(&vectors) {
            *sum += vector[i];
        }
    };
    let subtract = |sums: &mut [f32; K], i: usize| {
        for (sum, vector) in sums.iter_mut().zip(&vectors) {
            *sum -= vector[i];
        }
    };
    let (full_from, full_until) = (window.full_from(), window.full_until());

    for i in 0..window.ahead {
        add(&mut sums, i);
    }
    for out in 0..outputs.min(full_from) {
        add(&mut sums, out + window.ahead);
        emit(out, &sums, window.count_growing(out));
    }
    let size = window.size as f32;
    for out in full_from..outputs.min(full_until) {
        add(&mut sums, out + window.ahead);
        subtract(&mut sums, out - full_from);
        emit(out, &sums, size);
    }
    for out in full_until..outputs {
        subtract(&mut sums, out - full_from);
        emit(out, &sums, window.count_shrinking(out));
    }
}

/// The first horizontal box pass over luminance, produced a few rows at a
/// time into a ring just deep enough for the first vertical pass, so the
/// full-size blurred image never exists in memory.
struct HorizontallyBlurredRows<'p, 'a, const C: usize> {
    pixels: &'p Pixels<'a, C>,
    window: BoxWindow,
    luma: Vec<f32>,
    ring: Vec<f32>,
    ring_rows: usize,
    produced: usize,
}

impl<'p, 'a, const C: usize> HorizontallyBlurredRows<'p, 'a, C> {
    fn new(pixels: &'p Pixels<'a, C>, vertical: &BoxWindow) -> Self {
        let width = pixels.width;
        // Alive at once: the row leaving the vertical window, the window, and
        // the rest of the block holding the row entering it.
        let ring_rows =
            (vertical.size + INTERLEAVED_ROWS).div_ceil(INTERLEAVED_ROWS) * INTERLEAVED_ROWS;
        Self {
            pixels,
            window: BoxWindow::for_downscale(width),
            luma: vec![0.0; INTERLEAVED_ROWS * width],
            ring: vec![0.0; ring_rows * width],
            ring_rows,
            produced: 0,
        }
    }

    fn row(&mut self, y: usize) -> &[f32] {
        while self.produced <= y {
            self.produce_block();
        }
        self.produced_row(y)
    }

    fn produced_row(&self, y: usize) -> &[f32] {
        let width = self.pixels.width;
        let slot = y % self.ring_rows;
        &self.ring[slot * width..(slot + 1) * width]
    }

    /// Blurs the next block of rows; blocks start at multiples of the block
    /// height and the ring is a multiple of it, so a block never wraps.
    fn produce_block(&mut self) {
        let width = self.pixels.width;
        let first = self.produced;
        let rows = INTERLEAVED_ROWS.min(self.pixels.height - first);
        for (k, luma_row) in self.luma.chunks_exact_mut(width).take(rows).enumerate() {
            self.pixels.luma_row(first + k, luma_row);
        }
        let slot = first % self.ring_rows;
        let out = &mut self.ring[slot * width..(slot + rows) * width];
        if rows == INTERLEAVED_ROWS {
            box_filter_rows::<INTERLEAVED_ROWS>(&self.window, &self.luma, out);
        } else {
            for (input, output) in self
                .luma
                .chunks_exact(width)
                .zip(out.chunks_exact_mut(width))
            {
                box_filter_rows::<1>(&self.window, input, output);
            }
        }
        self.produced += rows;
    }
}

/// Full box filter of `K` consecutive rows of `window.len` values.
fn box_filter_rows<const K: usize>(window: &BoxWindow, input: &[f32], output: &mut [f32]) {
    let len = window.len;
    run_box_filter::<K>(window, input, len, len, |out, sums, count| {
        for (k, sum) in sums.iter().enumerate() {
            output[k * len + out] = sum / count;
        }
    });
}

/// Meta's `jaroszFilterFloat` with two passes followed by `decimateFloat`
/// to 64x64, streamed: horizontal pass 1 feeds vertical pass 1 row by row;
/// each finished row goes straight through horizontal pass 2, which keeps
/// only the 64 sampled columns; vertical pass 2 then runs on those columns
/// alone and keeps only the 64 sampled rows.
fn jarosz_downsample<const C: usize>(pixels: &Pixels<'_, C>) -> Block64 {
    let (width, height) = (pixels.width, pixels.height);
    let horizontal = BoxWindow::for_downscale(width);
    let vertical = BoxWindow::for_downscale(height);
    let sample_columns = decimation_indices(width);
    let sample_rows = decimation_indices(height);

    // Horizontal pass 2 output at the sampled columns, one column per row of
    // this buffer: `column_samples[b * height + y]`.
    let mut column_samples = vec![0.0f32; BLOCK * height];
    let mut pending = vec![0.0f32; INTERLEAVED_ROWS * width];
    let mut pending_first = 0;

    vertical_box_pass(pixels, &vertical, |y, row| {
        let slot = y - pending_first;
        pending[slot * width..(slot + 1) * width].copy_from_slice(row);
        if slot + 1 == INTERLEAVED_ROWS {
            sample_rows_horizontally::<INTERLEAVED_ROWS>(
                &horizontal,
                &pending,
                &sample_columns,
                pending_first,
                &mut column_samples,
                height,
            );
            pending_first = y + 1;
        } else if y + 1 == height {
            for (k, row) in pending.chunks_exact(width).take(slot + 1).enumerate() {
                sample_rows_horizontally::<1>(
                    &horizontal,
                    row,
                    &sample_columns,
                    pending_first + k,
                    &mut column_samples,
                    height,
                );
            }
        }
    });

    let mut block = [[0.0f32; BLOCK]; BLOCK];
    let last_row = sample_rows[BLOCK - 1];
    for first_column in (0..BLOCK).step_by(INTERLEAVED_ROWS) {
        let columns = &column_samples[first_column * height..];
        let mut next_sample = 0;
        run_box_filter::<INTERLEAVED_ROWS>(
            &vertical,
            columns,
            height,
            last_row + 1,
            |out, sums, count| {
                while next_sample < BLOCK && sample_rows[next_sample] == out {
                    for (k, sum) in sums.iter().enumerate() {
                        block[next_sample][first_column + k] = sum / count;
                    }
                    next_sample += 1;
                }
            },
        );
    }
    block
}

/// Vertical pass 1: box filter down every column of the horizontally
/// blurred rows, all columns at once, handing each finished row to `emit`.
fn vertical_box_pass<const C: usize>(
    pixels: &Pixels<'_, C>,
    window: &BoxWindow,
    mut emit: impl FnMut(usize, &[f32]),
) {
    let mut rows = HorizontallyBlurredRows::new(pixels, window);
    let mut sums = vec![0.0f32; pixels.width];
    let mut out = vec![0.0f32; pixels.width];
    let (full_from, full_until) = (window.full_from(), window.full_until());

    for y in 0..window.ahead {
        add_row(&mut sums, rows.row(y));
    }
    for y in 0..pixels.height {
        if y < full_from {
            add_row(&mut sums, rows.row(y + window.ahead));
            divide_row(&sums, window.count_growing(y), &mut out);
        } else if y < full_until {
            rows.row(y + window.ahead);
            slide_row(
                &mut sums,
                rows.produced_row(y + window.ahead),
                rows.produced_row(y - full_from),
                window.size as f32,
                &mut out,
            );
        } else {
            subtract_row(&mut sums, rows.row(y - full_from));
            divide_row(&sums, window.count_shrinking(y), &mut out);
        }
        emit(y, &out);
    }
}

fn add_row(sums: &mut [f32], row: &[f32]) {
    for (sum, value) in sums.iter_mut().zip(row) {
        *sum += value;
    }
}

fn subtract_row(sums: &mut [f32], row: &[f32]) {
    for (sum, value) in sums.iter_mut().zip(row) {
        *sum -= value;
    }
}

fn divide_row(sums: &[f32], count: f32, out: &mut [f32]) {
    for (value, sum) in out.iter_mut().zip(sums) {
        *value = sum / count;
    }
}

/// Add the entering row, subtract the leaving one, divide: one sweep.
fn slide_row(sums: &mut [f32], entering: &[f32], leaving: &[f32], count: f32, out: &mut [f32]) {
    for (((sum, add), sub), value) in sums
        .iter_mut()
        .zip(entering)
        .zip(leaving)
        .zip(out.iter_mut())
    {
        *sum += add;
        *sum -= sub;
        *value = *sum / count;
    }
}

/// Horizontal pass 2 over `K` rows starting at image row `first_row`: the
/// running sums must still sweep each row from its start, but only the 64
/// sampled columns are divided and kept.
fn sample_rows_horizontally<const K: usize>(
    window: &BoxWindow,
    rows: &[f32],
    sample_columns: &[usize; BLOCK],
    first_row: usize,
    column_samples: &mut [f32],
    height: usize,
) {
    let mut next_sample = 0;
    run_box_filter::<K>(
        window,
        rows,
        window.len,
        sample_columns[BLOCK - 1] + 1,
        |out, sums, count| {
            while next_sample < BLOCK && sample_columns[next_sample] == out {
                for (k, sum) in sums.iter().enumerate() {
                    column_samples[next_sample * height + first_row + k] = sum / count;
                }
                next_sample += 1;
            }
        },
    );
}

// ---------------------------------------------------------------- quality

/// Meta's heuristic: the sum of absolute neighbour differences in the 64x64
/// block, each scaled to percent of full range and truncated to an integer
/// so that only significant gradients count, divided by 90, capped at 100.
fn quality_metric(block: &Block64) -> u8 {
    let mut gradient_sum: i32 = 0;
    for pair in block.windows(2) {
        for (&u, &v) in pair[0].iter().zip(&pair[1]) {
            gradient_sum += quantised_gradient(u, v);
        }
    }
    for row in block {
        for pair in row.windows(2) {
            gradient_sum += quantised_gradient(pair[0], pair[1]);
        }
    }
    (gradient_sum / 90).min(100) as u8
}

fn quantised_gradient(u: f32, v: f32) -> i32 {
    // Truncation toward zero, as C's float-to-int conversion.
    ((((u - v) * 100.0) / 255.0) as i32).abs()
}

// ---------------------------------------------------------------- DCT

/// The 16x64 DCT-II basis for frequencies 1..=16, built in f64 and rounded
/// to f32 as Meta's table is (scale factor itself rounded to f32 first).
fn dct_matrix() -> &'static [[f32; BLOCK]; COEFFS] {
    static MATRIX: OnceLock<[[f32; BLOCK]; COEFFS]> = OnceLock::new();
    MATRIX.get_or_init(|| {
        let scale = f64::from((2.0 / BLOCK as f64).sqrt() as f32);
        let step = std::f64::consts::PI / 2.0 / BLOCK as f64;
        std::array::from_fn(|i| {
            std::array::from_fn(|j| {
                (scale * (step * (i + 1) as f64 * (2 * j + 1) as f64).cos()) as f32
            })
        })
    })
}

/// `B = D A Dᵀ` as two matrix products, each coefficient summed over `k` in
/// increasing order from 0.0, the order Meta's loops use.
fn dct_64_to_16(block: &Block64) -> Block16 {
    let d = dct_matrix();
    let mut partial = [[0.0f32; BLOCK]; COEFFS];
    for (partial_row, d_row) in partial.iter_mut().zip(d) {
        // Vectorises across the 64 columns; each column still sums in k order.
        for (&d_ik, block_row) in d_row.iter().zip(block) {
            for (t, &a) in partial_row.iter_mut().zip(block_row) {
                *t += d_ik * a;
            }
        }
    }
    let mut coefficients = [[0.0f32; COEFFS]; COEFFS];
    for (out_row, partial_row) in coefficients.iter_mut().zip(&partial) {
        for (out, d_row) in out_row.iter_mut().zip(d) {
            *out = partial_row
                .iter()
                .zip(d_row)
                .fold(0.0f32, |sum, (&t, &dv)| sum + t * dv);
        }
    }
    coefficients
}

// ---------------------------------------------------------------- bits

/// Bit `16 * i + j` is set when coefficient `(i, j)` is strictly above the
/// median. Meta's median (Torben's method) on 256 values is exactly the
/// 128th smallest, which selection finds directly.
fn threshold_at_median(coefficients: &Block16) -> Hash256 {
    let flat: Vec<f32> = coefficients.iter().flatten().copied().collect();
    let median = median_of_256(&flat);
    let mut hash = Hash256::ZERO;
    for (k, &value) in flat.iter().enumerate() {
        if value > median {
            hash.set_bit(k);
        }
    }
    hash
}

fn median_of_256(values: &[f32]) -> f32 {
    let mut scratch = values.to_vec();
    let (_, median, _) = scratch.select_nth_unstable_by((values.len() - 1) / 2, f32::total_cmp);
    *median
}

/// The DCT coefficients of the transformed image, from those of the image:
/// mirroring flips the sign of every odd frequency along that axis (our
/// index `i` is frequency `i + 1`, so even indices), and transposing the
/// image transposes the coefficients. Negation is exact, so these equal
/// Meta's tables bit for bit.
fn transform_coefficients(coefficients: &Block16, transform: Dihedral) -> Block16 {
    let (mirror_rows, mirror_columns, transpose) = transform.as_mirrors_then_transpose();
    let mut out = [[0.0f32; COEFFS]; COEFFS];
    for (i, row) in coefficients.iter().enumerate() {
        for (j, &value) in row.iter().enumerate() {
            let negate = (mirror_rows && i % 2 == 0) ^ (mirror_columns && j % 2 == 0);
            let value = if negate { -value } else { value };
            if transpose {
                out[j][i] = value;
            } else {
                out[i][j] = value;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grey(width: u32, height: u32, f: impl Fn(u32, u32) -> u8) -> Vec<u8> {
        let mut rgb = Vec::new();
        for y in 0..height {
            for x in 0..width {
                let v = f(x, y);
                rgb.extend_from_slice(&[v, v, v]);
            }
        }
        rgb
    }

    #[test]
    fn a_flat_grey_image_has_quality_zero() {
        let rgb = grey(300, 200, |_, _| 128);
        assert_eq!(pdq_from_rgb(300, 200, &rgb).unwrap().quality, 0);
    }

    #[test]
    fn an_image_smaller_than_five_pixels_gets_the_zero_hash() {
        let rgb = grey(4, 100, |x, y| (x * 50 + y) as u8);
        let hash = pdq_from_rgb(4, 100, &rgb).unwrap();
        assert_eq!(
            hash,
            PdqHash {
                hash: Hash256::ZERO,
                quality: 0
            }
        );
        let all = pdq_with_dihedral_from_rgb(4, 100, &rgb).unwrap();
        assert_eq!(all.dihedral, [Hash256::ZERO; 8]);
    }

    #[test]
    fn a_buffer_of_the_wrong_length_is_rejected() {
        assert_eq!(
            pdq_from_rgb(10, 10, &[0; 299]),
            Err(PdqError::WrongBufferLength {
                expected: 300,
                actual: 299
            })
        );
        assert_eq!(
            pdq_from_rgba(10, 10, &[0; 300]),
            Err(PdqError::WrongBufferLength {
                expected: 400,
                actual: 300
            })
        );
    }

    #[test]
    fn rgba_and_rgb_of_the_same_colours_hash_the_same() {
        let rgb: Vec<u8> = (0..97 * 61 * 3).map(|i| (i * 31 % 251) as u8).collect();
        let rgba: Vec<u8> = rgb
            .chunks(3)
            .flat_map(|p| [p[0], p[1], p[2], (p[0] ^ 0x5a)])
            .collect();
        assert_eq!(
            pdq_from_rgb(97, 61, &rgb).unwrap(),
            pdq_from_rgba(97, 61, &rgba).unwrap()
        );
    }

    #[test]
    fn a_strong_vertical_edge_gives_high_quality() {
        let rgb = grey(256, 256, |x, _| if x < 128 { 0 } else { 255 });
        assert!(pdq_from_rgb(256, 256, &rgb).unwrap().quality > 0);
        let rgb = grey(256, 256, |x, y| ((x / 16 + y / 16) % 2 * 255) as u8);
        assert_eq!(pdq_from_rgb(256, 256, &rgb).unwrap().quality, 100);
    }

    #[test]
    fn luma_uses_the_bindings_double_precision_sum() {
        // 0.299 * 1 + 0.587 * 2 + 0.114 * 3 = 1.815, computed in f64 first.
        assert_eq!(luma(1, 2, 3), (0.299f64 + 0.587 * 2.0 + 0.114 * 3.0) as f32);
        assert_eq!(luma(255, 255, 255), 255.0);
        assert_eq!(luma(0, 0, 0), 0.0);
    }

    #[test]
    fn window_size_is_the_ceiling_of_a_128th_of_the_side() {
        assert_eq!(BoxWindow::for_downscale(64).size, 1);
        assert_eq!(BoxWindow::for_downscale(128).size, 1);
        assert_eq!(BoxWindow::for_downscale(129).size, 2);
        assert_eq!(BoxWindow::for_downscale(4000).size, 32);
        assert_eq!(BoxWindow::for_downscale(3000).size, 24);
    }

    #[test]
    fn windows_match_metas_phase_lengths() {
        // Meta: half = (size + 2) / 2; window 7 reaches 3 ahead, 3 behind;
        // window 8 reaches 4 ahead, 3 behind.
        let seven = BoxWindow {
            len: 16,
            size: 7,
            ahead: 3,
            behind: 3,
        };
        let eight = BoxWindow {
            len: 16,
            size: 8,
            ahead: 4,
            behind: 3,
        };
        for expected in [seven, eight] {
            let half = (expected.size + 2) / 2;
            assert_eq!(half - 1, expected.ahead);
            assert_eq!(expected.size - half, expected.behind);
        }
    }

    #[test]
    fn box_filter_of_integers_averages_the_clipped_window() {
        // Meta's worked example: 16 inputs 0..16, window 7.
        let window = BoxWindow {
            len: 16,
            size: 7,
            ahead: 3,
            behind: 3,
        };
        let input: Vec<f32> = (0..16).map(|v| v as f32).collect();
        let mut output = vec![0.0; 16];
        box_filter_rows::<1>(&window, &input, &mut output);
        let sums = [
            6, 10, 15, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84, 75, 65, 54,
        ];
        let counts = [4, 5, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 6, 5, 4];
        for i in 0..16 {
            assert_eq!(output[i], sums[i] as f32 / counts[i] as f32, "output {i}");
        }
    }

    #[test]
    fn interleaved_rows_filter_exactly_like_single_rows() {
        let window = BoxWindow::for_downscale(1000);
        let input: Vec<f32> = (0..4000)
            .map(|i| ((i * 7919) % 1000) as f32 * 0.255 + 0.1)
            .collect();
        let mut together = vec![0.0; 4000];
        box_filter_rows::<4>(&window, &input, &mut together);
        for k in 0..4 {
            let mut alone = vec![0.0; 1000];
            box_filter_rows::<1>(&window, &input[k * 1000..(k + 1) * 1000], &mut alone);
            assert_eq!(alone, together[k * 1000..(k + 1) * 1000]);
        }
    }

    /// Meta's blur as written: whole-image buffers, each 1-D box filter a
    /// running sum along the full vector, then decimation.
    fn whole_image_downsample(width: usize, height: usize, luma: &[f32]) -> Block64 {
        fn box_1d(input: &[f32], window: &BoxWindow) -> Vec<f32> {
            let mut output = vec![0.0; input.len()];
            box_filter_rows::<1>(window, input, &mut output);
            output
        }
        let (horizontal, vertical) = (
            BoxWindow::for_downscale(width),
            BoxWindow::for_downscale(height),
        );
        let mut image = luma.to_vec();
        for _pass in 0..2 {
            for row in image.chunks_exact_mut(width) {
                let filtered = box_1d(row, &horizontal);
                row.copy_from_slice(&filtered);
            }
            for x in 0..width {
                let column: Vec<f32> = (0..height).map(|y| image[y * width + x]).collect();
                for (y, v) in box_1d(&column, &vertical).into_iter().enumerate() {
                    image[y * width + x] = v;
                }
            }
        }
        let (rows, columns) = (decimation_indices(height), decimation_indices(width));
        std::array::from_fn(|i| std::array::from_fn(|j| image[rows[i] * width + columns[j]]))
    }

    #[test]
    fn the_streamed_blur_equals_the_whole_image_blur_bit_for_bit() {
        for (width, height) in [
            (5, 5),
            (64, 65),
            (129, 7),
            (300, 301),
            (517, 130),
            (1000, 37),
            (37, 1000),
        ] {
            let rgb: Vec<u8> = (0..width * height * 3)
                .map(|i| ((i * 2654435761usize) >> 13) as u8)
                .collect();
            let pixels = Pixels::<3>::new(width as u32, height as u32, &rgb).unwrap();
            let luma: Vec<f32> = rgb
                .chunks_exact(3)
                .map(|p| luma(p[0], p[1], p[2]))
                .collect();
            let expected = whole_image_downsample(width, height, &luma);
            assert_eq!(jarosz_downsample(&pixels), expected, "{width}x{height}");
        }
    }

    #[test]
    fn decimation_samples_the_centre_of_each_64th() {
        assert_eq!(decimation_indices(64), std::array::from_fn(|i| i));
        let idx = decimation_indices(128);
        assert_eq!((idx[0], idx[63]), (1, 127));
        let idx = decimation_indices(5);
        assert_eq!((idx[0], idx[13], idx[63]), (0, 1, 4));
    }

    #[test]
    fn the_median_is_the_128th_smallest_coefficient() {
        let values: Vec<f32> = (0..256).rev().map(|v| v as f32).collect();
        assert_eq!(median_of_256(&values), 127.0);
        let mut coefficients = [[0.0; COEFFS]; COEFFS];
        for (k, c) in coefficients.iter_mut().flatten().enumerate() {
            *c = k as f32;
        }
        let hash = threshold_at_median(&coefficients);
        assert_eq!(hash.words(), [0, 0, u64::MAX, u64::MAX]);
    }

    #[test]
    fn the_dct_basis_rows_are_orthonormal_up_to_the_dropped_dc_term() {
        let d = dct_matrix();
        for a in 0..COEFFS {
            for b in 0..COEFFS {
                let dot: f64 = (0..BLOCK)
                    .map(|k| f64::from(d[a][k]) * f64::from(d[b][k]))
                    .sum();
                let expected = if a == b { 1.0 } else { 0.0 };
                assert!((dot - expected).abs() < 1e-5, "rows {a},{b}: {dot}");
            }
        }
    }

    #[test]
    fn the_dct_table_is_the_same_with_any_accurate_cosine() {
        // Each entry is an f64 product rounded to f32. If no product lies
        // within 1e-12 (relative) of a halfway point between two f32s, then
        // any libm whose cosine is that accurate (glibc natively, Rust's
        // libm port in WebAssembly) rounds to this same table.
        let scale = f64::from((2.0 / BLOCK as f64).sqrt() as f32);
        let step = std::f64::consts::PI / 2.0 / BLOCK as f64;
        for (i, row) in dct_matrix().iter().enumerate() {
            for (j, &rounded) in row.iter().enumerate() {
                let exact = scale * (step * (i + 1) as f64 * (2 * j + 1) as f64).cos();
                assert_eq!(exact as f32, rounded);
                let neighbour = if f64::from(rounded) < exact {
                    rounded.next_up()
                } else {
                    rounded.next_down()
                };
                let halfway = (f64::from(rounded) + f64::from(neighbour)) / 2.0;
                let margin = (exact - halfway).abs() / exact.abs();
                assert!(
                    margin > 1e-12,
                    "entry {i},{j} is {margin:e} from a rounding boundary"
                );
            }
        }
    }

    #[test]
    fn transforms_compose_like_the_dihedral_group() {
        let mut coefficients = [[0.0; COEFFS]; COEFFS];
        for (k, c) in coefficients.iter_mut().flatten().enumerate() {
            *c = (k as f32 * 1.37).sin();
        }
        let twice = |d| transform_coefficients(&transform_coefficients(&coefficients, d), d);
        assert_eq!(twice(Dihedral::Rotate180), coefficients);
        assert_eq!(twice(Dihedral::FlipX), coefficients);
        assert_eq!(twice(Dihedral::FlipPlus1), coefficients);
        let r90 = transform_coefficients(&coefficients, Dihedral::Rotate90);
        assert_eq!(
            transform_coefficients(&r90, Dihedral::Rotate90),
            transform_coefficients(&coefficients, Dihedral::Rotate180)
        );
        assert_eq!(
            transform_coefficients(&r90, Dihedral::Rotate180),
            transform_coefficients(&coefficients, Dihedral::Rotate270)
        );
    }

    #[test]
    fn the_plain_hash_is_the_first_dihedral_hash_off_64x64() {
        let rgb: Vec<u8> = (0..150 * 90 * 3)
            .map(|i| ((i / 3) * 37 % 256) as u8)
            .collect();
        let all = pdq_with_dihedral_from_rgb(150, 90, &rgb).unwrap();
        assert_eq!(all.pdq, pdq_from_rgb(150, 90, &rgb).unwrap());
        assert_eq!(all.dihedral[0], all.pdq.hash);
    }
}
