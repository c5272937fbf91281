//! Numerical derivatives, against which the tests check every gradient.

/// The central difference (f(θ + h·eₖ) − f(θ − h·eₖ)) / 2h, for both k.
pub fn central_difference(f: impl Fn([f64; 2]) -> f64, t: [f64; 2], h: f64) -> [f64; 2] {
    let d = |k: usize| {
        let (mut up, mut down) = (t, t);
        up[k] += h;
        down[k] -= h;
        (f(up) - f(down)) / (2.0 * h)
    };
    [d(0), d(1)]
}
