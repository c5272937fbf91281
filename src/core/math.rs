//! f64 functions from the `libm` crate, under their own names, and the
//! angle between two vectors.
//!
//! The seeded normal sampler must use `libm` (the same code natively and in
//! wasm). Calling `libm` everywhere else too means the wasm carries one copy
//! of these functions instead of two (std's come from the compiler's own
//! copy on wasm32). The names end in `_` because std's inherent methods
//! would otherwise win over a trait's.

/// `libm` versions of the f64 methods the core uses.
pub trait LibmExt {
    fn ln_(self) -> f64;
    fn ln_1p_(self) -> f64;
    fn log10_(self) -> f64;
    fn exp_(self) -> f64;
    fn powf_(self, e: f64) -> f64;
    fn sin_(self) -> f64;
    fn cos_(self) -> f64;
    fn acos_(self) -> f64;
    fn hypot_(self, other: f64) -> f64;
}

impl LibmExt for f64 {
    fn ln_(self) -> f64 {
        libm::log(self)
    }
    fn ln_1p_(self) -> f64 {
        libm::log1p(self)
    }
    fn log10_(self) -> f64 {
        libm::log10(self)
    }
    fn exp_(self) -> f64 {
        libm::exp(self)
    }
    fn powf_(self, e: f64) -> f64 {
        libm::pow(self, e)
    }
    fn sin_(self) -> f64 {
        libm::sin(self)
    }
    fn cos_(self) -> f64 {
        libm::cos(self)
    }
    fn acos_(self) -> f64 {
        libm::acos(self)
    }
    fn hypot_(self, other: f64) -> f64 {
        libm::hypot(self, other)
    }
}

/// The angle in degrees between two vectors of any length (0 if either is zero).
pub fn angle_deg(a: &[f64], b: &[f64]) -> f64 {
    let dot: f64 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let (na, nb) = (
        a.iter().map(|x| x * x).sum::<f64>().sqrt(),
        b.iter().map(|x| x * x).sum::<f64>().sqrt(),
    );
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        (dot / (na * nb)).clamp(-1.0, 1.0).acos_().to_degrees()
    }
}
