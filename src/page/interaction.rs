//! What keys, drags and the wheel do to the state, as pure functions, so
//! the browser adapter only forwards events.

use crate::core::geometry::ViewWindow;
use crate::core::math::LibmExt;
use crate::core::Theta;

/// The step of an arrow key: 1% of the window's shorter side, 10% with Shift.
pub fn key_step(view: &ViewWindow, coarse: bool) -> f64 {
    2.0 * view.half * if coarse { 0.1 } else { 0.01 }
}

/// θ after an arrow key (`ArrowLeft`/`ArrowRight` move the slope θ₀,
/// `ArrowUp`/`ArrowDown` the intercept θ₁), or `None` for any other key.
pub fn theta_after_key(theta: Theta, key: &str, step: f64) -> Option<Theta> {
    match key {
        "ArrowLeft" => Some([theta[0] - step, theta[1]]),
        "ArrowRight" => Some([theta[0] + step, theta[1]]),
        "ArrowDown" => Some([theta[0], theta[1] - step]),
        "ArrowUp" => Some([theta[0], theta[1] + step]),
        _ => None,
    }
}

/// The window zoomed by `factor` (< 1 zooms in) about the point `about`,
/// which stays where it is on screen. The half-width stays in [10⁻⁶, 10⁶].
pub fn zoom_view(view: ViewWindow, factor: f64, about: Theta) -> ViewWindow {
    let half = (view.half * factor).clamp(1e-6, 1e6);
    let k = half / view.half;
    let center = [
        about[0] + (view.center[0] - about[0]) * k,
        about[1] + (view.center[1] - about[1]) * k,
    ];
    ViewWindow { center, half }
}

/// The window moved so that the point under the pointer follows it from
/// `from` to `to` (both in θ coordinates of the window before the move).
pub fn pan_view(view: ViewWindow, from: Theta, to: Theta) -> ViewWindow {
    ViewWindow {
        center: [
            view.center[0] - (to[0] - from[0]),
            view.center[1] - (to[1] - from[1]),
        ],
        half: view.half,
    }
}

/// θ rounded to a grid of `unit` (the size of a pixel), so that dragged
/// values are short in the URL and do not carry meaningless digits.
pub fn snap(theta: Theta, unit: f64) -> Theta {
    if unit.is_nan() || unit <= 0.0 {
        return theta;
    }
    let decimals = (-unit.log10_()).ceil().clamp(0.0, 12.0) as i32;
    let scale = 10f64.powi(decimals);
    [
        (theta[0] * scale).round() / scale,
        (theta[1] * scale).round() / scale,
    ]
}

/// The example selected after `]` (forward) or `[` from `selected`, among
/// `n` examples: the next or previous one, wrapping around; from no
/// selection, the first or the last. `None` when there are no examples.
pub fn step_selection(selected: Option<usize>, n: usize, forward: bool) -> Option<usize> {
    if n == 0 {
        return None;
    }
    Some(match (selected.filter(|&i| i < n), forward) {
        (None, true) => 0,
        (None, false) => n - 1,
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
    })
}
