//! The maps between a log-scale slider's position t ∈ [0, 1] and the value
//! it sets. The core owns them, so the page never turns text back into a
//! number.

use crate::core::math::LibmExt;

/// A slider on a log scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LogSlider {
    /// B = round(N^t): equal room for 1–10 and 100–1000.
    BatchOfN,
    /// η = 10^(−3 + 4t), to three significant digits.
    LearningRate,
}

/// The learning-rate slider spans 10⁻³ … 10 on a log scale.
const LR_DECADES: (f64, f64) = (-3.0, 1.0);

impl LogSlider {
    /// The value at position `t` (clamped to [0, 1]), for N = `n` examples.
    pub fn value_at(self, t: f64, n: usize) -> f64 {
        let t = t.clamp(0.0, 1.0);
        match self {
            LogSlider::BatchOfN => {
                let n = n.max(1) as f64;
                n.powf_(t).round().clamp(1.0, n)
            }
            LogSlider::LearningRate => {
                round_sig3(10f64.powf_(LR_DECADES.0 + (LR_DECADES.1 - LR_DECADES.0) * t))
            }
        }
    }

    /// Where `value` sits on the slider, for N = `n` examples.
    pub fn position_of(self, value: f64, n: usize) -> f64 {
        match self {
            LogSlider::BatchOfN if n <= 1 => 1.0,
            LogSlider::BatchOfN => value.ln_() / (n as f64).ln_(),
            LogSlider::LearningRate => {
                (value.log10_() - LR_DECADES.0) / (LR_DECADES.1 - LR_DECADES.0)
            }
        }
        .clamp(0.0, 1.0)
    }
}

/// `v` > 0 rounded to three significant digits, m·10ᵏ with whole m. It is
/// computed as m·10ᵏ or m / 10⁻ᵏ, one correctly rounded operation on exact
/// operands, so it is the same double as the decimal text "m·10ᵏ" parsed.
pub fn round_sig3(v: f64) -> f64 {
    let k = v.log10_().floor() as i32 - 2;
    let m = (v / 10f64.powi(k)).round();
    if k >= 0 {
        m * 10f64.powi(k)
    } else {
        m / 10f64.powi(-k)
    }
}
