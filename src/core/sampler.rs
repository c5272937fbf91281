//! The one batch sampler: which examples make up each mini-batch. Scene 2,
//! training and the JS API all draw their batches here, so the same seed
//! gives the same batches everywhere.

use crate::core::error::ProblemError;
use crate::core::rng::SeededRng;

/// The most indices one call may produce (draws × batch size): 2²⁶ indices
/// are 256 MiB as u32, more than a page should ever ask for.
pub const MAX_INDICES: usize = 1 << 26;

/// How the examples of a batch are chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SamplingMode {
    /// Independent uniform indices; a batch may repeat an example.
    WithReplacement,
    /// Epochs: each epoch is a fresh seeded shuffle of 0..N, cut into
    /// ⌊N/B⌋ consecutive batches (a last, partial batch is dropped), so the
    /// indices within a batch are distinct.
    WithoutReplacement,
    /// No shuffling: draw d takes indices (d·B + j) mod N in stored order.
    Sequential,
}

impl SamplingMode {
    /// Every mode, in the order the page lists them.
    pub const ALL: [SamplingMode; 3] = [
        Self::WithReplacement,
        Self::WithoutReplacement,
        Self::Sequential,
    ];

    /// The name used in the URL and the JS API.
    pub fn key(self) -> &'static str {
        match self {
            Self::WithReplacement => "with-replacement",
            Self::WithoutReplacement => "without-replacement",
            Self::Sequential => "sequential",
        }
    }

    /// The mode named `key`, or an error listing the names.
    pub fn parse(key: &str) -> Result<Self, ProblemError> {
        Self::ALL.into_iter().find(|m| m.key() == key).ok_or_else(|| {
            ProblemError(format!("unknown sampling mode \"{key}\": use with-replacement, without-replacement or sequential"))
        })
    }
}

/// The indices of `draws` batches of `batch` examples out of `n`, draw after
/// draw (row d is draws d·B … d·B + B − 1).
///
/// Fails when B is 0, when B > N without replacement (a batch could not be
/// distinct), when N is 0, or when draws·B exceeds [`MAX_INDICES`].
pub fn batch_indices(
    n: usize,
    batch: usize,
    draws: usize,
    mode: SamplingMode,
    seed: u32,
) -> Result<Vec<u32>, ProblemError> {
    if batch == 0 {
        return Err(ProblemError(
            "the batch size is 0: a batch needs at least one example".into(),
        ));
    }
    if n == 0 {
        return Err(ProblemError("there are no examples to draw from".into()));
    }
    if mode == SamplingMode::WithoutReplacement && batch > n {
        return Err(ProblemError(format!(
            "a batch of {batch} distinct examples cannot be drawn from {n} without replacement"
        )));
    }
    let total = checked_total(draws, batch)?;
    let mut out = Vec::with_capacity(total);
    match mode {
        SamplingMode::WithReplacement => {
            let mut rng = SeededRng::new(seed);
            out.extend((0..total).map(|_| rng.below(n as u64) as u32));
        }
        SamplingMode::WithoutReplacement => {
            let mut rng = SeededRng::new(seed);
            let per_epoch = n / batch;
            let mut perm: Vec<u32> = (0..n as u32).collect();
            for d in 0..draws {
                if d % per_epoch == 0 {
                    shuffle(&mut perm, &mut rng);
                }
                let start = (d % per_epoch) * batch;
                out.extend_from_slice(&perm[start..start + batch]);
            }
        }
        SamplingMode::Sequential => {
            out.extend((0..total).map(|k| (k % n) as u32));
        }
    }
    Ok(out)
}

/// `draws` batches of `batch` distinct examples out of `n`, each drawn
/// afresh: every batch is a uniformly random B-subset (in random order),
/// independent of the batches before it. Unlike the epochs of
/// [`SamplingMode::WithoutReplacement`], nothing ties one draw to the next,
/// so a cloud of these draws is an independent sample and its standard
/// error means what it says.
///
/// Fails as [`batch_indices`] does without replacement.
pub fn fresh_batch_indices(
    n: usize,
    batch: usize,
    draws: usize,
    seed: u32,
) -> Result<Vec<u32>, ProblemError> {
    // The same checks (and messages) as the epoch sampler, with no indices drawn.
    batch_indices(n, batch, 0, SamplingMode::WithoutReplacement, seed)?;
    let mut out = Vec::with_capacity(checked_total(draws, batch)?);
    let mut rng = SeededRng::new(seed);
    let mut perm: Vec<u32> = (0..n as u32).collect();
    for _ in 0..draws {
        // A partial Fisher–Yates: the first B places get a uniform ordered
        // sample, whatever order the previous draw left behind.
        for i in 0..batch {
            let j = i + rng.below((n - i) as u64) as usize;
            perm.swap(i, j);
        }
        out.extend_from_slice(&perm[..batch]);
    }
    Ok(out)
}

/// draws · B, or an error when it exceeds [`MAX_INDICES`].
fn checked_total(draws: usize, batch: usize) -> Result<usize, ProblemError> {
    draws
        .checked_mul(batch)
        .filter(|&t| t <= MAX_INDICES)
        .ok_or_else(|| {
            ProblemError(format!(
                "{draws} draws of {batch} examples is too many indices (at most {MAX_INDICES})"
            ))
        })
}

/// Fisher–Yates: every permutation equally likely.
fn shuffle(values: &mut [u32], rng: &mut SeededRng) {
    for i in (1..values.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        values.swap(i, j);
    }
}
