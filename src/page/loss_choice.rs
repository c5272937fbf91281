//! The loss of each example as the page's menus and links name it: MSE,
//! MAE or Huber of the residual, with Huber's δ kept apart so that a link
//! keeps it while another loss is chosen, or logistic regression's
//! cross-entropy of labels 0 and 1.

use crate::core::models::loss::Loss;

/// The loss a menu picks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LossKey {
    #[default]
    Mse,
    Mae,
    Huber,
    Logistic,
}

impl LossKey {
    pub const ALL: [LossKey; 4] = [
        LossKey::Mse,
        LossKey::Mae,
        LossKey::Huber,
        LossKey::Logistic,
    ];

    /// The name in links and menus.
    pub fn key(self) -> &'static str {
        match self {
            LossKey::Mse => "mse",
            LossKey::Mae => "mae",
            LossKey::Huber => "huber",
            LossKey::Logistic => "logistic",
        }
    }

    /// The loss, with δ for Huber.
    pub fn with_delta(self, delta: f64) -> Loss {
        match self {
            LossKey::Mse => Loss::Mse,
            LossKey::Mae => Loss::Mae,
            LossKey::Huber => Loss::Huber { delta },
            LossKey::Logistic => Loss::Logistic,
        }
    }
}
